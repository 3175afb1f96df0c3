import datetime as dt
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from claims import services


class Command(BaseCommand):
    help = "Store an article from a UTF-8 text (or .html) file and queue its extraction."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to the article's text, or - for stdin")
        parser.add_argument("--title", required=True)
        parser.add_argument("--outlet", default="")
        parser.add_argument("--url", default="")
        parser.add_argument("--published", help="Publication date, YYYY-MM-DD")

    def handle(self, *args, file, title, outlet, url, published, **options):
        try:
            raw = self.stdin_bytes() if file == "-" else Path(file).read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc.strerror}") from None
        try:
            content = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise CommandError(f"{file} is not UTF-8 text.") from None
        published_at = None
        if published:
            try:
                published_at = dt.datetime.combine(
                    dt.date.fromisoformat(published), dt.time(12), tzinfo=dt.UTC
                )
            except ValueError:
                raise CommandError("--published must be a date like 2026-11-13.") from None
        is_html = file.lower().endswith((".html", ".htm"))
        try:
            result = services.article_submit(
                title=title,
                text="" if is_html else content,
                html=content if is_html else "",
                outlet_name=outlet,
                url=url,
                published_at=published_at,
            )
        except ValidationError as exc:
            raise CommandError("; ".join(_messages(exc))) from None
        self.stdout.write(f"{result.outcome}: {result.article.public_id} {result.article.title}")

    def stdin_bytes(self) -> bytes:
        import sys

        return sys.stdin.buffer.read()


def _messages(exc: ValidationError) -> list[str]:
    if hasattr(exc, "error_dict"):
        return [f"{field}: {' '.join(msgs)}" for field, msgs in exc.message_dict.items()]
    return exc.messages
