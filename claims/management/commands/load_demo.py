import datetime as dt
import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from claims import services
from claims.models import Integration
from claims.roles import EDITORS, REVIEWERS

DEMO_FILE = Path(__file__).resolve().parents[2] / "demo" / "articles.json"
DEMO_USERNAME = "demo"
DEMO_PASSWORD = "review-the-figures"  # noqa: S105 - a local demo account, refused without DEBUG


class Command(BaseCommand):
    help = "Load the demo story (three articles) and a demo reviewer account. Idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Load even with DEBUG off (never in production)."
        )

    def handle(self, *args, force: bool = False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("The demo account has a public password: run with DEBUG=1 only.")
        user_model = get_user_model()
        user, _ = user_model.objects.get_or_create(username=DEMO_USERNAME)
        user.set_password(DEMO_PASSWORD)
        user.is_staff = True
        user.save()
        user.groups.add(*Group.objects.filter(name__in=[REVIEWERS, EDITORS]))

        integration, _ = Integration.objects.get_or_create(name="Demo newsroom CMS")
        for item in json.loads(DEMO_FILE.read_text(encoding="utf-8")):
            published = dt.datetime.fromisoformat(item["published"]).replace(hour=12, tzinfo=dt.UTC)
            result = services.article_submit(
                title=item["title"],
                text=item["text"],
                outlet_name=item["outlet"],
                url=item["url"],
                byline=item["byline"],
                published_at=published,
                integration=integration,
                external_id=item["external_id"],
            )
            self.stdout.write(f"{result.outcome:>9}  {result.article.title}")
        self.stdout.write(
            self.style.SUCCESS(f"Demo login: username {DEMO_USERNAME}, password {DEMO_PASSWORD}")
        )
