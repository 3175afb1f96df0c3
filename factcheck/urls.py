from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path

from claims.api.errors import api_not_found, server_error
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
    re_path(r"^api(?:/|$)", api_not_found),  # JSON 404 for any other API path
    path("", include("claims.urls")),
]

handler500 = server_error  # JSON under /api/, Django's page elsewhere
