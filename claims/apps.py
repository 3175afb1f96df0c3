from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ClaimsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "claims"
    verbose_name = "Fact-check claims"

    def ready(self) -> None:
        from claims.roles import ensure_roles

        # Permissions exist only after migrate has run, so roles are set then.
        post_migrate.connect(ensure_roles, sender=self, dispatch_uid="claims_ensure_roles")
