"""Speed and memory of the extraction engine next to quantulum3 and spaCy's tokenizer.

    python bench/extraction.py [--mb 2.0] [--repeat 5] [--quantulum-sample 150000]

Builds a deterministic corpus of English news-like articles (at least ``--mb`` MB) by
recombining the news-dev articles with sentences written here and filled with seeded
random numbers, then times, on the same corpus and in the same run:

- our engine, single process, article by article;
- spaCy's blank English tokenizer (``spacy.blank("en")``, no model download);
- quantulum3's parser, on a sample of the corpus if it is slow (stated in the output).

Words are counted as ``len(text.split())``. Speeds are words per second of CPU time
(``time.process_time``) of this single process, so that other load on a shared machine
does not skew the comparison; wall-clock seconds are printed alongside. With
``--repeat N`` the engine and the tokenizer run N times each, interleaved so that a burst
of load on the machine hits both, and each keeps its best (least) CPU time. Memory: the
tracemalloc peak over a second, untimed pass (tracemalloc slows the run), and the
process's maximum resident set size measured before spaCy and quantulum3 are imported.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claims.extraction import Document, extract

DEV_DOCS = Path("/work/shared/eval/news-dev/docs.json")

# Sentences with slots: {n} a count, {m} money in millions, {p} a percent, {d} a day,
# {y} a year, {k} a distance, {w} a small number in words, {t} a time, {a} an age.
TEMPLATES = [
    "The ministry said {n} people had been evacuated from the flooded districts by {t}.",
    "Officials estimate that about {n} homes were damaged, and repairs could cost ${m} million.",
    "Inflation rose to {p}% in {month}, up from {p2}% a month earlier, the statistics office said.",
    "The company, founded in {y}, employs some {n} staff across {w} countries.",
    "Police said a {a}-year-old man was arrested on {month} {d} after a chase of {k} km.",
    "Shares fell {p}% in early trading, wiping roughly £{m}m off the group's market value.",
    "The council approved a budget of €{m} million for the next {w} years.",
    "More than {n} runners took part, and the winner finished in {hh}:{mm}:{ss}.",
    "The storm brought winds of up to {k} km/h and left {n} households without power.",
    "Turnout was {p} per cent, the highest since {y}, according to the electoral commission.",
    "The central bank raised rates by 0.25 percentage points to {p}%, its {ord} increase in a row.",
    "Between {n} and {n2} protesters gathered outside parliament on {weekday}, police said.",
    '"We have lost {w} members of staff this year," said Dana Reyes, the head of the union.',
    "Around two-thirds of respondents backed the plan, while one in five opposed it.",
    "The train was travelling at about {k} mph when it left the tracks at {t}.",
    "Exports have doubled since {y}, and the trade deficit narrowed to ${m} billion.",
    "Thousands of residents remain in temporary shelters, and dozens of schools are closed.",
    "The project is expected to take {w} years and cost an estimated ${m} billion.",
    "Nearly half of the {n} patients treated last year were over {a}.",
    "The reservoir holds {n} million litres and is {k} metres deep at its lowest point.",
]
FILLER = [
    "The decision was criticised by opposition parties, who called it rushed.",
    "Residents said they had been given little warning before the work began.",
    "The report will be published later this month, a spokesperson said.",
    "Analysts said the figures were broadly in line with expectations.",
    "The mayor visited the area on foot and spoke to families outside the school.",
    "Negotiations are expected to continue next week in the capital.",
    "It was not immediately clear whether the plan would need parliamentary approval.",
    "Local businesses have complained about the closures for several months.",
]
MONTHS = ["January", "February", "March", "April", "June", "July", "September", "October"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve"]
ORDS = ["second", "third", "fourth", "fifth", "sixth", "seventh"]


def build_corpus(min_bytes: int, seed: int = 20240312) -> list[Document]:
    rng = random.Random(seed)
    dev = json.loads(DEV_DOCS.read_text(encoding="utf-8")) if DEV_DOCS.exists() else []
    docs: list[Document] = []
    size = 0
    i = 0
    while size < min_bytes:
        if dev and i % 5 == 0:
            d = dev[(i // 5) % len(dev)]
            text = d["text"]
            published = dt.date.fromisoformat(d["published"])
        else:
            paragraphs = []
            for _ in range(rng.randint(4, 7)):
                sentences = []
                for _ in range(rng.randint(2, 4)):
                    if rng.random() < 0.4:
                        sentences.append(rng.choice(FILLER))
                        continue
                    sentences.append(
                        rng.choice(TEMPLATES).format(
                            n=f"{rng.randint(20, 90000):,}",
                            n2=f"{rng.randint(90001, 200000):,}",
                            m=round(rng.uniform(1, 900), 1),
                            p=round(rng.uniform(0.1, 60), 1),
                            p2=round(rng.uniform(0.1, 60), 1),
                            d=rng.randint(1, 28),
                            y=rng.randint(1950, 2023),
                            k=rng.randint(2, 900),
                            w=rng.choice(WORDS),
                            t=f"{rng.randint(1, 12)}:{rng.randint(0, 59):02d} "
                            f"{rng.choice(['am', 'pm'])}",
                            a=rng.randint(18, 90),
                            hh=2,
                            mm=f"{rng.randint(0, 59):02d}",
                            ss=f"{rng.randint(0, 59):02d}",
                            month=rng.choice(MONTHS),
                            weekday=rng.choice(WEEKDAYS),
                            ord=rng.choice(ORDS),
                        )
                    )
                paragraphs.append(" ".join(sentences))
            text = "\n\n".join(paragraphs)
            published = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 600))
        docs.append(Document(text, published))
        size += len(text.encode("utf-8"))
        i += 1
    return docs


def words(docs: list[Document]) -> int:
    return sum(len(d.text.split()) for d in docs)


class Timer:
    """CPU seconds (``process_time``) and wall-clock seconds of a block."""

    def __enter__(self) -> Timer:
        self.cpu0, self.wall0 = time.process_time(), time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.cpu = time.process_time() - self.cpu0
        self.wall = time.perf_counter() - self.wall0


def bench_ours(docs: list[Document]) -> tuple[Timer, int]:
    with Timer() as t:
        n = sum(len(extract(d)) for d in docs)
    return t, n


def spacy_tokenizer(docs: list[Document]):  # spaCy is optional: untyped
    try:
        import spacy
    except ImportError:
        print("spaCy is not installed (pip install spacy): skipping the tokenizer baseline")
        return None
    nlp = spacy.blank("en")
    nlp.make_doc(docs[0].text)
    return nlp


def bench_spacy(docs: list[Document]) -> Timer | None:
    # The tokenizer caches every chunk it has seen, and the corpus repeats itself:
    # each run starts from a new tokenizer so that no run reads a warm cache.
    nlp = spacy_tokenizer(docs)
    if nlp is None:
        return None
    with Timer() as t:
        for d in docs:
            nlp.make_doc(d.text)
    return t


def _least(a: Timer, b: Timer) -> Timer:
    return b if b.cpu < a.cpu else a


def bench_quantulum(docs: list[Document], sample_words: int) -> tuple[Timer, int] | None:
    try:
        from quantulum3 import parser
    except ImportError:
        print(
            "quantulum3 is not installed (pip install quantulum3 'scikit-learn>=1.8,<1.9' "
            "stemming): skipping it"
        )
        return None
    parser.parse(docs[0].text)  # load its classifier outside the timing
    sample: list[Document] = []
    for d in docs:
        if words(sample) >= sample_words:
            break
        sample.append(d)
    with Timer() as t:
        for d in sample:
            parser.parse(d.text)
    return t, words(sample)


def peak_memory(docs: list[Document]) -> int:
    tracemalloc.start()
    for d in docs:
        extract(d)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--mb", type=float, default=2.0, help="corpus size in MB (default 2)")
    ap.add_argument(
        "--quantulum-sample",
        type=int,
        default=30_000,
        help="words of the corpus given to quantulum3 (default 30,000)",
    )
    ap.add_argument(
        "--repeat", type=int, default=1, help="runs of the engine and the tokenizer (best kept)"
    )
    args = ap.parse_args(argv)
    docs = build_corpus(int(args.mb * 1_000_000))
    n_words = words(docs)
    n_bytes = sum(len(d.text.encode("utf-8")) for d in docs)
    print(f"corpus: {len(docs)} articles, {n_bytes / 1e6:.2f} MB, {n_words:,} words")
    extract(docs[0])  # warm up (regex compilation happens at import)
    t, n_figs = bench_ours(docs)
    rss_ours = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    ts = bench_spacy(docs)
    for _ in range(args.repeat - 1):
        t = _least(t, bench_ours(docs)[0])
        if ts is not None:
            ts = _least(ts, bench_spacy(docs))  # type: ignore[arg-type]
    ours = n_words / t.cpu
    runs = f" (best of {args.repeat} runs)" if args.repeat > 1 else ""
    print(f"timing{runs}")
    print(f"{'system':<22} {'words/s (CPU)':>14} {'CPU s':>7} {'wall s':>7}")
    print(
        f"{'factcheck engine':<22} {ours:>14,.0f} {t.cpu:>7.2f} {t.wall:>7.2f}  {n_figs:,} figures"
    )
    if ts is not None:
        tok = n_words / ts.cpu
        print(
            f"{'spaCy blank tokenizer':<22} {tok:>14,.0f} {ts.cpu:>7.2f} {ts.wall:>7.2f}  "
            f"engine is {tok / ours:.2f}x slower than tokenizing"
        )
    q = bench_quantulum(docs, args.quantulum_sample)
    if q is not None:
        tq, q_words = q
        note = "whole corpus" if q_words >= n_words else f"sample of {q_words:,} words"
        print(
            f"{'quantulum3':<22} {q_words / tq.cpu:>14,.0f} {tq.cpu:>7.2f} {tq.wall:>7.2f}  {note}"
        )
    peak = peak_memory(docs)
    print(
        f"engine memory: tracemalloc peak {peak / 1e6:.2f} MB while extracting article by "
        f"article; process max RSS {rss_ours / 1e3:.0f} MB before spaCy/quantulum3 were loaded"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
