from django.core.management.base import BaseCommand, CommandError

from claims.extraction.cli import InputError, figure_rows
from claims.management.commands._jsoninput import read_documents, write_rows


class Command(BaseCommand):
    help = (
        'Extract figures from FILE.json (a list of {"id", "text", "published"}; - for stdin) '
        "and print one JSON line per figure."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        docs = read_documents(file)
        try:
            write_rows(self.stdout, figure_rows(docs))
        except InputError as exc:
            raise CommandError(str(exc)) from None
