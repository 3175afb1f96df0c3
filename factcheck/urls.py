from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from claims.views.auth import ThrottledLoginView, admin_login
from factcheck.health import healthz, readyz

urlpatterns = [
    path("login/", ThrottledLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/login/", admin_login),  # the admin's login, behind the login throttle
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("api/v1/", include("claims.api.urls")),
    path("", include("claims.urls")),
]
