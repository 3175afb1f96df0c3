import logging

from django.core.management.base import BaseCommand

from claims import services
from claims.models import Article

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Give figures extracted before engine 0.6.0 their frame (measure, scope, time, "
        "modality, direction). Changes nothing else: statuses, verdicts and reviews stay. "
        "Safe to run again."
    )

    def handle(self, *args, **options):
        pending = (
            Article.objects.filter(figures__is_current=True, figures__frame_modality="")
            .values_list("pk", flat=True)
            .distinct()
        )
        articles = figures = failed = 0
        for pk in pending.iterator():
            article = Article.objects.filter(pk=pk).first()
            if article is None:
                continue  # deleted meanwhile
            try:
                figures += services.figure_frames_backfill(article=article)
            except Exception:  # one odd text loses its frames, not the run
                logger.exception("could not read the frames of article %s", pk)
                failed += 1
                continue
            articles += 1
        self.stdout.write(
            f"{figures} figures in {articles} articles got a frame"
            + (f"; {failed} articles failed (see the log)" if failed else "")
        )
