"""Time placing one article among 1k, 10k and 100k stored ones.

Synthetic, deterministic corpus: each story has its own names, topic words and
date; articles mix those with a Zipf-distributed common vocabulary. Prints the
mean and 95th-percentile time of ``StoryIndex.place`` at each size and how often
a placed article lands in its true story.

    .venv/bin/python bench/stories.py [--sizes 1000 10000 100000] [--probes 200]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from claims.checking.model import Article
from claims.checking.stories import StoryIndex, fingerprint

_SYLLABLES = [c + v for c in "bcdfghjklmnprstvwz" for v in "aeiou"] + ["th", "ch", "sh"]
START = dt.date(2024, 1, 1)


def _word(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(n))


@dataclass(frozen=True)
class Story:
    names: tuple[str, ...]
    topic: tuple[str, ...]
    day: int


class Corpus:
    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.common = sorted({_word(self.rng, self.rng.randint(2, 3)) for _ in range(6000)})
        self.topical = sorted({_word(self.rng, 3) + "x" for _ in range(40000)})
        self._cum = list(itertools.accumulate(1 / (i + 1) for i in range(len(self.common))))
        self.stories: list[Story] = []

    def new_story(self) -> int:
        rng = self.rng
        names = tuple(_word(rng, rng.randint(2, 3)).capitalize() for _ in range(4))
        topic = tuple(rng.sample(self.topical, 8))
        self.stories.append(Story(names, topic, rng.randint(0, 364)))
        return len(self.stories) - 1

    def article(self, sid: int, aid: str) -> Article:
        rng, story = self.rng, self.stories[sid]
        sentences = []
        for _ in range(8):
            toks = rng.choices(self.common, cum_weights=self._cum, k=10)
            toks += [*rng.sample(story.topic, 3), rng.choice(self.topical)]
            rng.shuffle(toks)
            toks.insert(rng.randint(1, len(toks)), rng.choice(story.names))
            sentences.append(" ".join(toks).capitalize() + f" {rng.randint(100, 99999):,}.")
        published = START + dt.timedelta(days=story.day + rng.randint(0, 2))
        return Article(aid, " ".join(sentences), published, title=" ".join(story.topic[:3]))

    def stream(self, n: int) -> list[tuple[int, Article]]:
        out = []
        for i in range(n):
            # about five articles per story, some stories covered once
            sid = self.new_story() if not self.stories or self.rng.random() < 0.2 else \
                self.rng.randrange(max(0, len(self.stories) - 400), len(self.stories))
            out.append((sid, self.article(sid, f"a{i}")))
        return out


def run(size: int, probes: int) -> tuple[float, float, float]:
    corpus = Corpus()
    index = StoryIndex()
    true_story: dict[str, int] = {}
    story_ids: dict[int, str] = {}
    for sid, art in corpus.stream(size):
        # stored articles come with their stories, as they would from the database
        story_ids[sid] = index.add(art.id, fingerprint(art), art.published, story_ids.get(sid))
        true_story[art.id] = sid
    times, right = [], 0
    for k in range(probes):
        sid = corpus.rng.randrange(len(corpus.stories))
        art = corpus.article(sid, f"probe{k}")
        fp = fingerprint(art)  # computed once per article, when it is saved
        t0 = time.perf_counter()
        story = index.place(art.id, fp, art.published)
        times.append((time.perf_counter() - t0) * 1000)
        right += story == story_ids.get(sid)
    times.sort()
    return statistics.mean(times), times[int(0.95 * (len(times) - 1))], right / probes


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--probes", type=int, default=200)
    args = ap.parse_args(argv)
    print(f"{'stored':>8}  {'mean ms':>8}  {'p95 ms':>8}  {'right story':>11}")
    for size in args.sizes:
        mean, p95, acc = run(size, args.probes)
        print(f"{size:>8}  {mean:>8.2f}  {p95:>8.2f}  {acc:>11.1%}")


if __name__ == "__main__":
    main()
