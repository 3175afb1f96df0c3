"""The app's URLs plus /bench/outlets: a plain ModelSerializer CreateAPIView,
no authentication, permission or throttle: the fastest DRF create there is on
this database, the reference the ingest endpoint is compared with."""

from django.urls import include, path
from rest_framework import generics, permissions, serializers

from claims.models import Outlet


class OutletSerializer(serializers.ModelSerializer):
    class Meta:
        model = Outlet
        fields = ["id", "name", "domain"]


class OutletCreate(generics.CreateAPIView):
    queryset = Outlet.objects.all()
    serializer_class = OutletSerializer
    authentication_classes = []
    permission_classes = [permissions.AllowAny]
    throttle_classes = []


urlpatterns = [
    path("bench/outlets", OutletCreate.as_view()),
    path("", include("factcheck.urls")),
]
