"""Time to place one article in a story as the app does it: the article's
fingerprint, its postings written to ArticleTerm, candidate retrieval through
the (term, day) index, scoring, and the story assignment, all on a real
database, with 1k, 10k and 100k stored articles (the synthetic corpus of
bench/stories.py). Target: roughly flat, under 100 ms at 100k.

    .venv/bin/python bench/stories_db.py [--sizes 1000 10000 100000] [--probes 50]

SQLite by default; DATABASE_URL=postgres://... runs it on PostgreSQL (a
throw-away test database is created and dropped).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
os.environ.setdefault("SECRET_KEY", "bench-only-" + "b" * 50)
os.environ.setdefault("STATIC_MANIFEST", "false")
os.environ.setdefault("FACTCHECK_VAR_DIR", tempfile.mkdtemp(prefix="factcheck-bench-"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--probes", type=int, default=50)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection

    old_name = connection.creation.create_test_db(verbosity=0, keepdb=False)
    try:
        run(args)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def run(args) -> None:
    import datetime as dt

    from django.db import connection
    from stories import Corpus

    from claims import crosschecking
    from claims.checking.stories import fingerprint
    from claims.models import Article, ArticleTerm, Story, TermStat

    corpus = Corpus()
    story_rows: dict[int, Story] = {}
    df: Counter[str] = Counter()
    stored = 0
    print(f"database: {connection.vendor}")
    print(f"{'stored':>8}  {'load s':>7}  {'mean ms':>8}  {'p95 ms':>8}  {'right story':>11}")
    for size in sorted(args.sizes):
        t0 = time.perf_counter()
        batch = corpus.stream(size - stored)
        new_stories = [sid for sid, _ in batch if sid not in story_rows]
        created = Story.objects.bulk_create(Story(title=f"s{sid}") for sid in new_stories)
        story_rows.update(zip(new_stories, created, strict=True))
        articles = Article.objects.bulk_create(
            Article(
                title=art.title, text="", content_hash="", status=Article.Status.READY,
                story=story_rows[sid],
                published_at=dt.datetime.combine(art.published, dt.time(12), tzinfo=dt.UTC),
            )
            for sid, art in batch
        )  # fmt: skip
        terms = []
        for row, (_, art) in zip(articles, batch, strict=True):
            fp = fingerprint(art)
            day = art.published.toordinal()
            terms.extend(ArticleTerm(article=row, term=t, weight=w, day=day) for t, w in fp.items())
            df.update(fp.terms)
        ArticleTerm.objects.bulk_create(terms, batch_size=5000)
        df[TermStat.DOCS] += len(batch)
        TermStat.objects.all().delete()
        TermStat.objects.bulk_create(
            (TermStat(term=t, df=n) for t, n in df.items()), batch_size=5000
        )
        stored = size
        load = time.perf_counter() - t0
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

        times, right = [], 0
        for k in range(args.probes):
            sid = corpus.rng.randrange(len(corpus.stories))
            if sid not in story_rows:
                continue
            art = corpus.article(sid, f"probe{k}")
            probe = Article.objects.create(
                title=art.title, text=art.text, content_hash="", status=Article.Status.READY,
                published_at=dt.datetime.combine(art.published, dt.time(12), tzinfo=dt.UTC),
            )  # fmt: skip
            start = time.perf_counter()
            story = crosschecking.article_place_in_story(article=probe)
            times.append((time.perf_counter() - start) * 1000)
            right += story.pk == story_rows[sid].pk
            # Keep the corpus size fixed: take the probe out again.
            crosschecking.article_index_remove(article=probe)
            probe.delete()
        times.sort()
        p95 = times[int(0.95 * (len(times) - 1))]
        print(
            f"{size:>8}  {load:>7.1f}  {statistics.mean(times):>8.1f}  {p95:>8.1f}  "
            f"{right / len(times):>11.1%}"
        )


if __name__ == "__main__":
    main()
