from django.core.management.base import BaseCommand

from claims.checking.cli import finding_rows
from claims.management.commands._jsoninput import read_documents, write_rows


class Command(BaseCommand):
    help = (
        'Group FILE.json (a list of {"id", "text", "published", "outlet", "title"}; - for stdin) '
        "into stories and print one JSON line per finding: conflict, agree or inconsistent."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        docs = read_documents(file)
        bad = [n for n, doc in enumerate(docs) if not isinstance(doc, dict) or "text" not in doc]
        if bad:
            self.stderr.write(f"documents without text, skipped: {bad[:10]}")
        write_rows(self.stdout, finding_rows([d for n, d in enumerate(docs) if n not in bad]))
