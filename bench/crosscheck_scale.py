"""The cost of adding ONE article to a story of 50, 200 and 500 articles:
before (the whole story checked again, O(n²) in its articles) and after (the
added article's pairs only: engine.check_added, merged into the stored
findings), engine-only and through the Django service on a real database.

Articles: the evaluation sets' documents with their gold figures (news-dev,
news-stories, news-extra, news-wire, news-fresh: about 54 articles, 27
figures each), cycled to the story's size under new ids and outlets, so a
story holds copies of each (their pairs agree figure for figure: a busy
story). The added article is one more copy.

    .venv/bin/python bench/crosscheck_scale.py [--sizes 50 200 500] [--repeats 3]
        [--full-repeats N] [--no-django] [--no-engine]

Times are CPU (this process: the database server's CPU is not in it) and
wall, best of N; a full re-check at 500 takes minutes, so by default it runs
N = 3 / 2 / 1 times at 50 / 200 / 500 (--full-repeats to change). The
Django part needs PostgreSQL:
DATABASE_URL=postgres://postgres@127.0.0.1:5432/factcheck_scale (the
database is created, migrated and dropped by the bench; SQLite if unset).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
os.environ.setdefault("SECRET_KEY", "bench-only-" + "b" * 50)
os.environ.setdefault("STATIC_MANIFEST", "false")
os.environ.setdefault("FACTCHECK_VAR_DIR", tempfile.mkdtemp(prefix="factcheck-bench-"))

EVAL_SETS = [
    Path("/work/shared/eval/news-dev"),
    ROOT / "bench/eval/news-stories",
    ROOT / "bench/eval/news-extra",
    ROOT / "bench/eval/news-wire",
    ROOT / "bench/eval/news-fresh",
]


def base_articles():
    from claims.checking.cli import articles_from_docs
    from claims.checking.gold import load_figures

    out = []
    for path in EVAL_SETS:
        if (path / "figures.jsonl").exists():
            docs = json.loads((path / "docs.json").read_text())
            out += articles_from_docs(docs, load_figures(path / "figures.jsonl"))
    return out


def story_of(base, n: int, prefix: str = "a"):
    return [
        dataclasses.replace(base[i % len(base)], id=f"{prefix}{i}", outlet=f"Outlet {i}")
        for i in range(n)
    ]


def best(fn: Callable[[], object], repeats: int, before: Callable[[], object] | None = None):
    """(least CPU seconds, least wall seconds) over `repeats` calls."""
    cpu = wall = float("inf")
    for _ in range(repeats):
        if before is not None:
            before()
        c0, w0 = time.process_time(), time.perf_counter()
        fn()
        cpu = min(cpu, time.process_time() - c0)
        wall = min(wall, time.perf_counter() - w0)
    return cpu, wall


def full_repeats(args, n: int) -> int:
    if args.full_repeats:
        return args.full_repeats
    return 3 if n <= 50 else 2 if n <= 200 else 1


def row(label: str, n: int, figures: int, before, nb: int, after, na: int) -> str:
    return (
        f"{label:<7}{n:>5}{figures:>8}  {before[0]:>9.3f} {before[1]:>9.3f} (N={nb})"
        f"  {after[0]:>8.3f} {after[1]:>8.3f} (N={na})  {before[1] / after[1]:>7.0f}x"
    )


HEADER = (
    f"{'':<7}{'n':>5}{'figures':>8}  {'before: full re-check':>27}"
    f"  {'after: check_added':>24}  {'ratio':>8}\n"
    f"{'':<7}{'':>5}{'':>8}  {'cpu s':>9} {'wall s':>9} {'':>7}  {'cpu s':>8} {'wall s':>8}"
)


def engine_bench(args, base) -> None:
    from claims.checking import engine

    print("engine only (claims.checking)")
    print(HEADER)
    for n in args.sizes:
        story = story_of(base, n)
        new = dataclasses.replace(base[(n - 1) % len(base)], id="added", outlet="Added outlet")
        whole = [*story, new]
        figures = sum(len(a.figures) for a in whole)
        nb = full_repeats(args, n)
        before = best(lambda w=whole: engine.check_story(w), nb)
        after = best(lambda w=whole, a=new: engine.check_added(w, a), args.repeats)
        print(row("engine", n, figures, before, nb, after, args.repeats), flush=True)


# ------------------------------------------------------------------ Django
def django_bench(args, base) -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    db = settings.DATABASES["default"]
    postgres = connection.vendor == "postgresql"
    if postgres:
        _create_database(connection, db["NAME"])
    else:
        connection.close()
        db["NAME"] = str(Path(os.environ["FACTCHECK_VAR_DIR"]) / "crosscheck_scale.sqlite3")
    try:
        call_command("migrate", verbosity=0)
        django_run(args, base)
    finally:
        if postgres:
            connection.close()
            _drop_database(connection, db["NAME"])


def _create_database(connection, name: str) -> None:
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')


def _drop_database(connection, name: str) -> None:
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


def django_run(args, base) -> None:
    from django.db import connection

    from claims import crosschecking
    from claims.models import Article, Finding, Outlet, Story

    print(f"\nDjango service (claims.crosschecking.article_crosscheck), {connection.vendor}")
    print(HEADER)
    outlets = [Outlet.objects.get_or_create(name=f"Outlet {i}")[0] for i in range(8)]
    for n in args.sizes:
        Finding.objects.all().delete()
        Article.objects.all().delete()
        Story.objects.all().delete()
        story = Story.objects.create(title="Bench story")
        seeds = [
            _article_row(a, outlets[i % len(outlets)], story)
            for i, a in enumerate(story_of(base, n))
        ]
        for article in seeds:
            crosschecking.article_index(article=article)  # the postings placement reads
        added_base = base[(n - 1) % len(base)]
        figures = sum(len(a.figures) for a in story_of(base, n)) + len(added_base.figures)
        seeded = time.perf_counter()
        stored = _findings_seed(story)
        seeded = time.perf_counter() - seeded
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        fresh: list = []

        def add(fresh=fresh, added_base=added_base, story=story) -> None:
            # A new article, extracted, not yet placed; the story as its last
            # check left it (checked_state covers exactly the others).
            for old in fresh:
                Finding.objects.filter(figures__article=old).delete()
                crosschecking.article_index_remove(article=old)
                old.delete()
            fresh[:] = [_article_row(added_base, outlets[0], None)]
            Story.objects.filter(pk=story.pk).update(
                checked_state=crosschecking._story_state(story.pk)
            )

        def before(
            fresh=fresh, story=story
        ) -> None:  # the code before this change: place, check it all
            article = Article.objects.select_related("outlet").get(pk=fresh[0].pk)
            placed = crosschecking.article_place_in_story(article=article)
            assert placed.pk == story.pk
            crosschecking.story_crosscheck(story=placed, unless_covered=article)

        def after(fresh=fresh, story=story) -> None:
            crosschecking.article_crosscheck(article_id=fresh[0].pk)
            assert Article.objects.get(pk=fresh[0].pk).story_id == story.pk

        nb = full_repeats(args, n)
        # The story's findings are stored (as its last check left them): a
        # re-check finds them, as in the app.
        cost_before = best(before, nb, before=add)
        cost_after = best(after, args.repeats, before=add)
        print(
            row("django", n, figures, cost_before, nb, cost_after, args.repeats)
            + f"   ({stored} findings stored, seeded in {seeded:.0f} s)",
            flush=True,
        )


def _findings_seed(story) -> int:
    """The story's findings as a full check of it stores them (the engine's
    check_story), written in bulk, and its checked_state: the state an
    article joining it finds. Returns how many."""
    from collections import defaultdict

    from claims import crosschecking
    from claims.checking import engine
    from claims.models import Article, Figure, Finding, FindingFigure, Story

    articles = list(Article.objects.filter(story=story).select_related("outlet"))
    figures = list(
        Figure.objects.filter(article__in=articles, is_current=True).order_by("article", "start")
    )
    by_article = defaultdict(list)
    for f in figures:
        by_article[f.article_id].append(f)
    by_span = {(str(f.article_id), f.start, f.end): f for f in figures}
    checked = [crosschecking._checked_article(a, by_article[a.pk]) for a in articles]
    produced = {}
    for finding in engine.check_story(checked):
        rows = [by_span.get((r.article_id, r.start, r.end)) for r in finding.figures]
        if None not in rows:
            produced[crosschecking._key(finding.type, rows)] = (finding, rows)
    created = Finding.objects.bulk_create(
        (
            Finding(story=story, type=f.type, key=key, why=f.why, score=f.score)
            for key, (f, _) in produced.items()
        ),
        batch_size=2000,
    )
    FindingFigure.objects.bulk_create(
        (
            FindingFigure(finding=row, figure=figure, position=i)
            for row, (_, rows) in zip(created, produced.values(), strict=True)
            for i, figure in enumerate(rows)
        ),
        batch_size=5000,
    )
    Story.objects.filter(pk=story.pk).update(checked_state=crosschecking._story_state(story.pk))
    return len(created)


def _article_row(a, outlet, story):
    from claims.models import Article, Figure

    published = dt.datetime.combine(a.published or dt.date(2026, 1, 1), dt.time(12), dt.UTC)
    row = Article.objects.create(
        title=a.title or a.id, text=a.text, content_hash="", status=Article.Status.READY,
        outlet=outlet, story=story, published_at=published,
    )  # fmt: skip
    Figure.objects.bulk_create(
        Figure(
            article=row,
            revision=row.revision,
            start=f.start,
            end=f.end,
            surface=f.surface[:500],
            value=list(f.value) if isinstance(f.value, tuple) else f.value,
            unit=f.unit or "",
            kind=f.kind,
            approx=f.approx,
            qualifier=f.qualifier or "",
            attributed_to=f.attributed_to or "",
        )
        for f in a.figures
    )
    return row


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 500])
    ap.add_argument("--repeats", type=int, default=3, help="best of N for the incremental check")
    ap.add_argument("--full-repeats", type=int, default=0, help="best of N for the full check")
    ap.add_argument("--no-engine", action="store_true")
    ap.add_argument("--no-django", action="store_true")
    args = ap.parse_args(argv)
    base = base_articles()
    load = os.getloadavg()
    figures = sum(len(a.figures) for a in base)
    print(
        f"{len(base)} base articles, {figures} figures; {os.cpu_count()} CPUs, "
        f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}"
    )
    if not args.no_engine:
        engine_bench(args, base)
    if not args.no_django:
        django_bench(args, base)
    load = os.getloadavg()
    print(f"load average at the end {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")


if __name__ == "__main__":
    main()
