"""Compare our engine with quantulum3 on quantulum3's own test sentences.

    python bench/quantulum_compare.py [/work/shared/eval/quantulum3/quantities.json] [--misses]

``--misses`` lists each expected quantity our engine did not match, with what it read.

For each expected quantity (value, quantulum3 unit name, surface) a system scores when it
returns a quantity whose span overlaps the expected surface and whose (unit, value) agree
after both are put in one canonical form:

- ``QUANTULUM_TO_CANONICAL`` maps a quantulum3 unit name to (our unit, factor): the value
  in our unit is ``value * factor`` ("day" -> ("s", 86400): we store durations in seconds).
- Our figures are canonical already, except that counts, ordinals, years and vague
  quantities are all quantulum3's ``dimensionless``, ranges compare as their midpoint
  (quantulum3 reports a range as midpoint +- uncertainty) and year strings as numbers.
- A quantulum3 unit name missing from the table stays as its own name, so it can only
  match itself (that counts against us, never for us).

Values agree within a relative 1e-6. Both systems are scored by the same code in one run.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claims.extraction import Document, Figure, extract

DEFAULT = Path("/work/shared/eval/quantulum3/quantities.json")

QUANTULUM_TO_CANONICAL: dict[str, tuple[str, float]] = {
    "dimensionless": ("dimensionless", 1),
    "dozen": ("dimensionless", 12),
    "percentage": ("percent", 1),
    "metre": ("m", 1),
    "kilometre": ("km", 1),
    "centimetre": ("cm", 1),
    "millimetre": ("mm", 1),
    "mile": ("mi", 1),
    "inch": ("in", 1),
    "foot": ("ft", 1),
    "yard": ("yd", 1),
    "nautical mile": ("nmi", 1),
    "kilogram": ("kg", 1),
    "gram": ("g", 1),
    "milligram": ("mg", 1),
    "tonne": ("t", 1),
    "pound-mass": ("lb", 1),
    "ounce": ("oz", 1),
    "dollar": ("USD", 1),
    "euro": ("EUR", 1),
    "pound sterling": ("GBP", 1),
    "yen": ("JPY", 1),
    "degree Celsius": ("degC", 1),
    "degree fahrenheit": ("degF", 1),
    "kelvin": ("K", 1),
    "second": ("s", 1),
    "minute": ("s", 60),
    "hour": ("s", 3600),
    "day": ("s", 86400),
    "week": ("s", 604800),
    "month": ("s", 2629800),
    "year": ("s", 31557600),
    "square kilometre": ("km2", 1),
    "square mile": ("mi2", 1),
    "square metre": ("m2", 1),
    "hectare": ("ha", 1),
    "acre": ("acre", 1),
    "litre": ("L", 1),
    "gallon": ("gal", 1),
    "kilometre per hour": ("km/h", 1),
    "mile per hour": ("mph", 1),
    "dollar per hour": ("USD/h", 1),
    "count per week": ("time/week", 1),
    "ton per day": ("t/day", 1),
    "dollar per kilogram": ("USD/kg", 1),
    "megawatt hour": ("MWh", 1),
    "watt hour": ("Wh", 1),
    "gigawatt": ("GW", 1),
    "megawatt": ("MW", 1),
    "megabyte": ("MB", 1),
    "electronvolt": ("eV", 1),
    "teraelectronvolt": ("TeV", 1),
    "gigahertz": ("GHz", 1),
    "centilitre": ("cL", 1),
    "cubic kilometre": ("km3", 1),
    "nanometre": ("nm", 1),
    "milligray": ("mGy", 1),
    "cubic centimetre": ("mL", 1),
}
DIMENSIONLESS_KINDS = {"count", "ordinal", "year", "vague", "date"}
# our units that are physical (or money): anything else on a range is a counted noun
MEASURE_UNITS = {c for c, _ in QUANTULUM_TO_CANONICAL.values()} - {"dimensionless"}


def canonical_expected(unit: str, value: float) -> tuple[str, float]:
    name, factor = QUANTULUM_TO_CANONICAL.get(unit, (unit, 1))
    return name, value * factor


def _number(v: object) -> float | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, str) and v[:4].isdigit():
        return float(v[:4]) if len(v) == 4 else None
    return None


def canonical_ours(f: Figure) -> tuple[str, float] | None:
    value: Any = f.value
    if isinstance(value, tuple):
        lo, hi = _number(value[0]), _number(value[1])
        if lo is None or hi is None:
            return None
        num: float | None = (lo + hi) / 2
    else:
        num = _number(value)
    if num is None:
        return None
    unit = f.unit
    if f.kind in DIMENSIONLESS_KINDS or (f.kind == "range" and unit not in MEASURE_UNITS):
        unit = "dimensionless"
    if f.kind == "age":
        unit, num = "s", num * 31557600
    return unit, num


def close(a: float, b: float) -> bool:
    return a == b or abs(a - b) <= 1e-6 * max(abs(a), abs(b))


def score(
    cases: list[dict[str, Any]],
    outputs: list[list[tuple[int, int, str, float]]],
    misses: list[str] | None = None,
) -> dict[str, float]:
    expected = matched_value = matched_both = predicted = 0
    for case, out in zip(cases, outputs, strict=True):
        predicted += len(out)
        used: set[int] = set()
        cursor = 0
        for exp in case["res"]:
            expected += 1
            start = case["req"].find(exp["surface"], cursor)
            if start < 0:
                start = case["req"].find(exp["surface"])
            end = start + len(exp["surface"])
            cursor = max(cursor, start)
            unit, value = canonical_expected(exp["unit"], float(exp["value"]))
            best = None
            for j, (s, e, _unit, v) in enumerate(out):
                if j in used or min(e, end) <= max(s, start):
                    continue
                if close(v, value):
                    best = best if best is not None and out[best][2] == unit else j
            if best is not None:
                used.add(best)
                matched_value += 1
                if out[best][2] == unit:
                    matched_both += 1
                    continue
            if misses is not None:
                read = [(case["req"][s:e], u, round(v, 6)) for s, e, u, v in out]
                misses.append(f"{exp['surface']!r}: expected {value:g} {unit}; read {read}")
    return {
        "expected": expected,
        "predicted": predicted,
        "value_acc": matched_value / expected,
        "value_unit_acc": matched_both / expected,
    }


def run_ours(cases: list[dict[str, Any]]) -> list[list[tuple[int, int, str, float]]]:
    outputs = []
    for case in cases:
        out = []
        for f in extract(Document(case["req"])):
            c = canonical_ours(f)
            if c is not None:
                out.append((f.start, f.end, c[0], c[1]))
        outputs.append(out)
    return outputs


def run_quantulum(cases: list[dict[str, Any]]) -> list[list[tuple[int, int, str, float]]] | None:
    try:
        from quantulum3 import parser
    except ImportError:
        print(
            "quantulum3 is not installed: pip install quantulum3 'scikit-learn>=1.8,<1.9' stemming",
            file=sys.stderr,
        )
        return None
    outputs = []
    for case in cases:
        out = []
        try:
            quantities = parser.parse(case["req"])
        except Exception as e:
            print(f"quantulum3 failed on {case['req'][:40]!r}: {e}", file=sys.stderr)
            quantities = []
        for q in quantities:
            unit, value = canonical_expected(q.unit.name, float(q.value))
            out.append((q.span[0], q.span[1], unit, value))
        outputs.append(out)
    return outputs


def main(argv: list[str]) -> int:
    show_misses = "--misses" in argv
    args = [a for a in argv if a != "--misses"]
    path = Path(args[0]) if args else DEFAULT
    cases = json.loads(path.read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    misses: list[str] = []
    ours = score(cases, run_ours(cases), misses)
    t_ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    if show_misses:
        print("\n".join(misses), end="\n\n")
    q_out = run_quantulum(cases)
    t_q = time.perf_counter() - t0
    print(f"{len(cases)} sentences, {ours['expected']} expected quantities ({path})")
    print(f"{'system':<12} {'value+unit':>10} {'value only':>10} {'predicted':>9} {'seconds':>8}")
    print(
        f"{'factcheck':<12} {ours['value_unit_acc']:>10.3f} {ours['value_acc']:>10.3f} "
        f"{ours['predicted']:>9} {t_ours:>8.2f}"
    )
    if q_out is not None:
        qs = score(cases, q_out)
        print(
            f"{'quantulum3':<12} {qs['value_unit_acc']:>10.3f} {qs['value_acc']:>10.3f} "
            f"{qs['predicted']:>9} {t_q:>8.2f}  (includes loading its classifier)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
