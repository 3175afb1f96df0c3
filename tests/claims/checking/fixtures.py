"""Small original stories with hand-made figures, to check that the rules
generalise beyond the development set. Events, places and people are invented."""

from __future__ import annotations

import datetime as dt
from typing import Any

from claims.checking.model import Article
from claims.extraction.types import Figure

# (surface, value, unit, kind, hedge, attributed_to); the n-th occurrence of the
# surface in the text is taken when a spec repeats a surface.
Spec = tuple[Any, ...]


def article(aid: str, text: str, published: dt.date, outlet: str, specs: list[Spec]) -> Article:
    figures = []
    seen: dict[str, int] = {}
    for surface, value, unit, kind, hedge, who, *skip in specs:
        start = -1
        for _ in range(seen.get(surface, 0) + 1 + (skip[0] if skip else 0)):
            start = text.index(surface, start + 1)
        seen[surface] = seen.get(surface, 0) + 1
        figures.append(
            Figure(
                start,
                start + len(surface),
                surface,
                value,
                unit,
                kind,
                approx=hedge not in (None, "only", "just"),
                qualifier=hedge,
                attributed_to=who,
            )
        )
    return Article(aid, text, published, outlet, "", tuple(figures))


FERRY_1 = article(
    "ferry-1",
    (
        "Fire broke out on the passenger ferry Morning Tern at 23:40 GMT on September 13, "
        "shortly after it left Port Ellery, the coastguard said. The ship was carrying more "
        "than 900 people when smoke was seen in the engine room.\n\n"
        "Lifeboat crews pulled 126 people from the water, and 38 people were treated in "
        "hospital for burns and smoke inhalation, regional health officials said. Of the 940 "
        "people on board, 610 were passengers and 300 were crew, the operator said.\n\n"
        "The ferry was sailing at 22 knots when the alarm was raised. Salvage teams later "
        "pumped about 10,000 litres of diesel from its tanks. Two lifeboats were damaged.\n\n"
        "Harbour Lines runs 14 crossings a day on the route and was fined €250,000 in 2021 "
        "for safety breaches."
    ),
    dt.date(2025, 9, 14),
    "The Coast Courier",
    [
        ("23:40 GMT", 85200, "GMT", "time", None, None),
        ("September 13", "2025-09-13", "date", "date", None, None),
        ("900", 900, "person", "count", "more than", "the coastguard"),
        ("126", 126, "person", "count", None, None),
        ("38", 38, "person", "count", None, "regional health officials"),
        ("940", 940, "person", "count", None, "the operator"),
        ("610", 610, "passenger", "count", None, "the operator"),
        ("300", 300, "crew", "count", None, "the operator"),
        ("22 knots", 22, "kn", "rate", None, None),
        ("10,000 litres", 10000, "L", "measure", "about", None),
        ("Two", 2, "lifeboat", "count", None, None),
        ("14", 14, "crossing/day", "rate", None, None),
        ("€250,000", 250000, "EUR", "money", None, None),
        ("2021", "2021", "date", "year", None, None),
    ],
)

FERRY_2 = article(
    "ferry-2",
    (
        "Passengers scrambled into lifeboats after a blaze on the ferry Morning Tern at 2:40 am "
        "local time on September 14, three hours ahead of GMT. The vessel had 940 people on "
        "board.\n\n"
        "Rescuers pulled 162 people from the sea, while 45 people were treated in hospital, "
        "officials said. Two people are still missing. Some 52 of the 940 people on board "
        "- 8% - were children, the operator said.\n\n"
        "The 120-metre (450 ft) ship was travelling at about 41 km/h. Crews pumped 9,870 "
        "litres of diesel ashore.\n\n"
        "Harbour Lines, which runs 14 crossings a week, was fined €25,000 in 2021. Bookings "
        "fell 40%, from 5,000 to 3,500, in the days after the fire."
    ),
    dt.date(2025, 9, 14),
    "Island Daily",
    [
        ("2:40 am", 9600, "local", "time", None, None),
        ("September 14", "2025-09-14", "date", "date", None, None),
        ("940", 940, "person", "count", None, None),
        ("162", 162, "person", "count", None, None),
        ("45", 45, "person", "count", None, "officials"),
        ("Two", 2, "person", "count", None, None),
        ("52", 52, "child", "count", "some", "the operator"),
        ("940", 940, "person", "count", None, "the operator"),
        ("8%", 8, "percent", "percent", None, "the operator"),
        ("120-metre", 120, "m", "measure", None, None),
        ("450 ft", 450, "ft", "measure", None, None),
        ("41 km/h", 41, "km/h", "rate", "about", None),
        ("9,870 litres", 9870, "L", "measure", None, None),
        ("14", 14, "crossing/week", "rate", None, None, 1),
        ("€25,000", 25000, "EUR", "money", None, None),
        ("2021", "2021", "date", "year", None, None),
        ("40%", 40, "percent", "percent", None, None),
        ("5,000", 5000, "booking", "count", None, None, 1),
        ("3,500", 3500, "booking", "count", None, None),
    ],
)

DAM_1 = article(
    "dam-1",
    (
        "Engineers at the Carrow Dam began an emergency release at 06:00 on April 1 and closed "
        "the gates at 18:30, a release lasting 12 and a half hours, the water authority said. "
        "Around 1,200 homes downstream were evacuated.\n\n"
        "River levels in Linfield rose by 2.4 metres overnight after 85 mm of rain fell in 24 "
        "hours. Four pumps were brought in from neighbouring counties.\n\n"
        "The council said repairs to the spillway would cost £3.2m. The dam was completed in "
        "1964."
    ),
    dt.date(2025, 4, 2),
    "Valley Chronicle",
    [
        ("06:00", 21600, "local", "time", None, "the water authority"),
        ("April 1", "2025-04-01", "date", "date", None, "the water authority"),
        ("18:30", 66600, "local", "time", None, "the water authority"),
        ("12 and a half hours", 45000, "s", "duration", None, "the water authority"),
        ("1,200", 1200, "home", "count", "around", None),
        ("2.4 metres", 2.4, "m", "measure", None, None),
        ("85 mm", 85, "mm", "measure", None, None),
        ("24 hours", 86400, "s", "duration", None, None),
        ("Four", 4, "pump", "count", None, None),
        ("£3.2m", 3200000, "GBP", "money", None, "The council"),
        ("1964", "1964", "date", "year", None, None),
    ],
)

DAM_2 = article(
    "dam-2",
    (
        "About 1,150 homes were evacuated below the Carrow Dam on April 1 as engineers opened "
        "its gates. The river at Linfield rose by 7.9 feet, and four schools were closed.\n\n"
        "Rainfall of 85 mm in 48 hours had filled the reservoir. Water levels peaked at 4.1 "
        "metres, up 50% from 2.4 metres before the storm.\n\n"
        "Council leader Amy Roth said fixing the spillway would cost £2.3m. The dam, built in "
        "1964, was last inspected in 2019."
    ),
    dt.date(2025, 4, 3),
    "Linfield Post",
    [
        ("1,150", 1150, "home", "count", "about", None),
        ("April 1", "2025-04-01", "date", "date", None, None),
        ("7.9 feet", 7.9, "ft", "measure", None, None),
        ("four", 4, "school", "count", None, None),
        ("85 mm", 85, "mm", "measure", None, None),
        ("48 hours", 172800, "s", "duration", None, None),
        ("4.1 metres", 4.1, "m", "measure", None, None),
        ("50%", 50, "percent", "percent", None, None),
        ("2.4 metres", 2.4, "m", "measure", None, None),
        ("£2.3m", 2300000, "GBP", "money", None, "Amy Roth"),
        ("1964", "1964", "date", "year", None, None),
        ("2019", "2019", "date", "year", None, None),
    ],
)


def surfaces(art: Article, refs: Any) -> set[str]:
    return {art.text[r.start : r.end] for r in refs}


QUAKE_1 = article(
    "quake-1",
    (
        "A magnitude 6.4 earthquake struck the mountainous Vell province at 03:12 local time on "
        "Sunday, November 2, killing at least 58 people, the interior ministry said. Vell is four "
        "hours ahead of GMT.\n\n"
        "The epicentre was 14 km south-west of the town of Karsa, at a depth of 10 km, according "
        "to the national seismology institute. About 40% of homes in Karsa were damaged.\n\n"
        "Rescue teams have pulled 212 survivors from collapsed buildings. Interior Minister Dario "
        "Fenn said 4,500 people had spent the night in tents and that the government had released "
        "$1.2 million in emergency aid. Three field hospitals were set up."
    ),
    dt.date(2025, 11, 3),
    "Global Wire",
    [
        ("6.4", 6.4, "Mw", "measure", None, None),
        ("03:12", 11520, "local", "time", None, None),
        ("November 2", "2025-11-02", "date", "date", None, None),
        ("58", 58, "person", "count", "at least", "the interior ministry"),
        ("14 km", 14, "km", "measure", None, "the national seismology institute"),
        ("10 km", 10, "km", "measure", None, "the national seismology institute"),
        ("40%", 40, "percent", "percent", "about", None),
        ("212", 212, "survivor", "count", None, None),
        ("4,500", 4500, "person", "count", None, "Dario Fenn"),
        ("$1.2 million", 1200000, "USD", "money", None, "Dario Fenn"),
        ("Three", 3, "field hospital", "count", None, None),
    ],
)

QUAKE_2 = article(
    "quake-2",
    (
        "At least 85 people died when a 6.4-magnitude quake hit Vell province at 23:12 GMT on "
        "Saturday, November 1, officials said. Of the 85 dead, 51 were in Karsa and 24 in nearby "
        "villages.\n\n"
        "Seismologists placed the epicentre about 9 miles south-west of Karsa and its depth at "
        "roughly 6 miles. Nearly half of the town's homes were damaged.\n\n"
        "Emergency crews have rescued 221 people from the rubble, and the government has pledged "
        "$12 million in aid, Dario Fenn, the interior minister, said. Around 4,500 residents "
        "slept in tents, and three schools have been turned into shelters."
    ),
    dt.date(2025, 11, 3),
    "Daily Meridian",
    [
        ("85", 85, "person", "count", "at least", "officials"),
        ("6.4-magnitude", 6.4, "Mw", "measure", None, None),
        ("23:12 GMT", 83520, "GMT", "time", None, None),
        ("November 1", "2025-11-01", "date", "date", None, None),
        ("85", 85, "person", "count", None, None),
        ("51", 51, "person", "count", None, None),
        ("24", 24, "person", "count", None, None),
        ("9 miles", 9, "mi", "measure", "about", None),
        ("6 miles", 6, "mi", "measure", "roughly", None),
        ("half", 50, "percent", "percent", "nearly", None),
        ("221", 221, "person", "count", None, None),
        ("$12 million", 12000000, "USD", "money", None, "Dario Fenn"),
        ("4,500", 4500, "resident", "count", "around", "Dario Fenn"),
        ("three", 3, "school", "count", None, "Dario Fenn"),
    ],
)

RESULTS_1 = article(
    "results-1",
    (
        "Norvane Foods said on Tuesday that third-quarter revenue rose 12% to $4.1 billion, while "
        "net profit climbed 8% to $610 million.\n\n"
        "Chief executive Lisa Moreau said the firm would cut 1,200 jobs by 2026 and close three "
        "plants. Shares rose 4.5% to $38.20 in early trading."
    ),
    dt.date(2025, 10, 21),
    "Market Daily",
    [
        ("12%", 12, "percent", "percent", None, None),
        ("$4.1 billion", 4.1e9, "USD", "money", None, None),
        ("8%", 8, "percent", "percent", None, None),
        ("$610 million", 610e6, "USD", "money", None, None),
        ("1,200", 1200, "job", "count", None, "Lisa Moreau"),
        ("2026", "2026", "date", "year", None, "Lisa Moreau"),
        ("three", 3, "plant", "count", None, "Lisa Moreau"),
        ("4.5%", 4.5, "percent", "percent", None, None),
        ("$38.20", 38.2, "USD", "money", None, None),
    ],
)

RESULTS_2 = article(
    "results-2",
    (
        "Norvane Foods posted a 12 per cent rise in quarterly sales to $4.1bn and an 8% increase "
        "in profit to $601m. Shares jumped 5.4% to $38.20.\n\n"
        "The grain trader will shed 1,200 jobs and shut three factories by 2026, Lisa Moreau, its "
        "chief executive, said. Its margin was 15%."
    ),
    dt.date(2025, 10, 21),
    "Business Wire Weekly",
    [
        ("12 per cent", 12, "percent", "percent", None, None),
        ("$4.1bn", 4.1e9, "USD", "money", None, None),
        ("8%", 8, "percent", "percent", None, None),
        ("$601m", 601e6, "USD", "money", None, None),
        ("5.4%", 5.4, "percent", "percent", None, None),
        ("$38.20", 38.2, "USD", "money", None, None),
        ("1,200", 1200, "job", "count", None, "Lisa Moreau"),
        ("three", 3, "factory", "count", None, "Lisa Moreau"),
        ("2026", "2026", "date", "year", None, "Lisa Moreau"),
        ("15%", 15, "percent", "percent", None, None),
    ],
)
