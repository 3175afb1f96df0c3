from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from claims.api import keys
from claims.models import ApiScope, Integration


class Command(BaseCommand):
    help = "Create an API key for an integration and print it (once: only its hash is stored)."

    def add_arguments(self, parser):
        parser.add_argument(
            "integration", help="Integration name (created if missing with --create)"
        )
        parser.add_argument(
            "--scopes",
            nargs="+",
            required=True,
            choices=ApiScope.values,
            metavar="SCOPE",
            help=f"One or more of: {', '.join(ApiScope.values)}",
        )
        parser.add_argument("--name", default="", help="A label, e.g. 'production CMS'")
        parser.add_argument(
            "--acting-user", default="", help="Username of the reviewer verdicts are recorded as"
        )
        parser.add_argument("--create", action="store_true", help="Create the integration")

    def handle(self, *args, integration, scopes, name, acting_user, create, **options):
        if create:
            target, _ = Integration.objects.get_or_create(name=integration)
        else:
            target = Integration.objects.filter(name=integration).first()
            if target is None:
                raise CommandError(f"No integration named {integration!r} (add --create).")
        user = None
        if acting_user:
            user = get_user_model().objects.filter(username=acting_user).first()
            if user is None:
                raise CommandError(f"No user named {acting_user!r}.")
        try:
            new = keys.api_key_create(
                integration=target, scopes=scopes, name=name, acting_user=user
            )
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from None
        self.stderr.write(
            f"Key {new.api_key.prefix} for {target} with scopes {' '.join(new.api_key.scopes)}. "
            "It is shown once; store it in the CMS now."
        )
        self.stdout.write(new.key)
