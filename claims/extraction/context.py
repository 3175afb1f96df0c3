"""Sentence context: sentence offsets, and who a figure is attributed to.

Attribution follows the news-dev conventions: "X said" after a clause attributes the
figures before it; "X said (that) ..." and "According to X, ..." attribute what follows;
pronouns ("she said") and surnames ("Kovač said") resolve to the full name first written;
a quoted sentence without its own speech verb takes the speaker of its neighbour. Figures
describing the speaker ("Harriet Shaw, 68,") and the reporter's own framing stay
unattributed.

Sources beyond speech verbs: official groups as written ("officials said"), organisations
that measure or record ("the network measured the quake at 6.3"), publishers of figures
("figures published by the office show"), the holder of an expectation or a target ("the
13.8p analysts had expected", "the bank's 2% target"), and the speaker of a transcript
turn. A wire dateline's date is the reporter's. A sentence that repeats the measure of
the attributed sentence before it ("GAAP earnings per share were ..." / "Non-GAAP
earnings per share were ...") takes its source; other sentences without a reporting device
stay unattributed, as in real news.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .dates import MONTHS, WEEKDAYS
from .patterns import trie_regex
from .types import Document, Figure, new_figure

if TYPE_CHECKING:
    from .reader import Candidate


def _word_set(text: str) -> frozenset[str]:
    """A word list written as one string, for readability."""
    return frozenset(text.split())


# ---------------------------------------------------------------- sentences
_ABBREVIATIONS = set(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "gov",
        "sen",
        "rep",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "no",
        "vs",
        "inc",
        "ltd",
        "co",
        "corp",
        "jr",
        "sr",
        "a.m",
        "p.m",
        "u.s",
        "u.k",
        "e.g",
        "i.e",
        "approx",
        "est",
        "fig",
        "mt",
        "ft",
        "ave",
        "rd",
    ]
)
# A full stop, "!" or "?" (with closing quotes) before a capital, or line breaks. The
# pattern opens with one character class so the regex engine can skip to candidates
# without trying every position; the lookbehinds then pick the branch. A run of
# "!!!" is tried only from its first mark ("(?<![.!?].)"): a match from inside the
# run would read the same rest of the run and fail the same way, so trying every
# mark cost the square of the run's length (150,000 "!" held a worker 90 s).
_BOUNDARY = re.compile(
    r"[.!?\n](?:(?<=[.!?])(?<![.!?].)[.!?]*['\"”’)\]]*(?=\s+['\"“‘(\[]*[A-Z0-9\u00c0-\u024f])"
    r"|(?<=\n)\n*)"
)


def sentence_spans(text: str, upto: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence; paragraph and line breaks always end a sentence.
    With ``upto``, stop after the sentence that contains that offset."""
    spans: list[tuple[int, int]] = []
    start = 0
    stop = len(text) if upto is None else upto
    for m in _BOUNDARY.finditer(text):
        if start > stop:
            break
        at = m.start()
        ch = text[at]
        if ch == "." and _abbreviation_before(text, at):
            continue
        end = at if ch == "\n" else m.end()
        if end - start > MAX_SENTENCE:
            spans.extend(sp for sp in _bounded(text, start, end) if sp[1] > sp[0])
        elif end > start:
            # trimmed inline: this loop runs once per sentence of every article
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                spans.append((start, end))
        start = m.end()
    else:
        if start < len(text):
            spans.extend(sp for sp in _bounded(text, start, len(text)) if sp[1] > sp[0])
    return spans


def _abbreviation_before(text: str, at: int) -> bool:
    """The word before the full stop at ``at`` is an abbreviation ("Feb.", "Dr.") or an
    initial, so the full stop ends no sentence."""
    if at >= 7 and text[at - 7 : at].isalpha():
        return False  # most sentences end so: a word longer than any abbreviation
    # Only the last 13 characters can hold a word short enough: searching further back
    # for a space cost the length of the text at each full stop of a text without one.
    # With no space or newline among them, the word is those 13 characters (too long).
    lo = max(0, at - 13)
    space = text.rfind(" ", lo, at)
    word = text[max(space, lo - 1, text.rfind("\n", max(space, lo - 1) + 1, at)) + 1 : at]
    return len(word) <= 12 and (
        word.lower().lstrip('("“').rstrip(".") in _ABBREVIATIONS
        or (len(word) == 1 and word.isupper())
    )


# No real sentence is this long; capping the length keeps attribution linear
# on pathological input (one 200,000-character "sentence" of "he said 5 ...").
MAX_SENTENCE = 2_000


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The trimmed span, cut at spaces into pieces of at most MAX_SENTENCE."""
    out = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        out.append(_trim(text, start, cut))
        start = cut
    out.append(_trim(text, start, end))
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# ---------------------------------------------------------------- speakers
_SAY = (
    r"said|says|say|told|tells|added|adds|estimated|estimates|estimate|announced|announces|"
    r"reported|reports|warned|warns|stated|states|wrote|writes|noted|notes|explained|"
    r"confirmed|confirms|insisted|insists|claimed|claims|argued|argues|predicted|predicts|"
    r"forecast|forecasts|expects|expected|revised|revises|found|finds|shows|show|showed|"
    r"informed|suggested|tweeted|posted|believes|believe|acknowledged|admitted|revealed|"
    r"disclosed|calculated|calculates|put|puts|measured|recorded|registered|clocked|erased|"
    r"told\s+reporters|according"
)
# The same verbs as a trie, for patterns that end with a verb and a word boundary: that
# boundary leaves one word to match, and "told reporters" is never reached ("told" is).
_SAY_VERB = trie_regex({w for w in _SAY.split("|") if w.isalpha()})
_CAP = r"[A-Z\u00c0-\u00de][\w’'.\-]*"
_NAME = rf"{_CAP}(?:(?:\s+(?:of|for|de|da|van|von|der|al|bin|and|in|on)\s+|\s+){_CAP}){{0,5}}"
_PRONOUN = r"[Hh]e|[Ss]he|[Ii]t|[Tt]hey"
# The head nouns of an unnamed source written "the ...": "the ministry", "the club".
ROLE_NOUNS = _word_set(
    "company bank department ministry agency firm government council mayor minister "
    "governor regulator railway operator office commission group airline spokesman "
    "spokeswoman spokesperson secretary president chancellor sheriff union authority "
    "board branch police army military staff court service institute broker statement "
    "report club federation commissioner centre center association league committee "
    "coastguard observatory carmaker automaker maker retailer lender insurer carrier "
    "utility watchdog hospital airport exchange foundation bureau tribunal inquiry "
    "brigade trust charity embassy consulate municipality newspaper broadcaster"
)
_ROLE = (
    rf"(?:[Tt]he\s+(?:[\w’'-]+\s+){{0,2}}?(?:{trie_regex(set(ROLE_NOUNS))})\b)"
    # "a spokesperson for the ministry", "a spokesman for Northwind": the organisation speaks
    r"|(?:[Aa]n?\s+(?:[\w-]+\s+)?(?:spokesman|spokeswoman|spokesperson|official|source)\s+"
    r"(?:for|at|from)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?[\w’'-]+(?=,?\s+(?:said|says|told)))"
    # "a railway spokesperson said": the unnamed spokesperson, as written
    r"|(?:[Aa]n?\s+[a-z][\w-]*\s+(?:spokesman|spokeswoman|spokesperson)(?=,?\s+(?:said|says|told)))"
)
# Groups that speak in an official capacity, a source even unnamed: "..., officials
# said", "police said", "district authorities said", "unnamed sources had suggested"
# (not "organisers" or "residents", whose word is no report). One lower-case modifier at
# most, and no article or number: "the two officials" is the reporter's description.
INSTITUTIONAL_GROUPS = _word_set(
    "officials authorities police sources investigators prosecutors analysts economists"
)
_GROUP_MODIFIER_STOP = _word_set(
    "the a an and or of in on at to by for from with as that this these those their its "
    "his her our some many most several few other two three four five six seven eight "
    "nine ten dozen said says told who which where when while but also"
)
_INSTITUTION = (
    rf"(?:(?!(?:{trie_regex(set(_GROUP_MODIFIER_STOP))})\s)[a-z][a-z-]*\s+)?"
    rf"(?:{trie_regex(set(INSTITUTIONAL_GROUPS))})(?=[\s,])"
)
# an organisation's instrument, which measures for it: "the coastguard's weather station
# on Cape Varro recorded", "the league's tracking data clocked"
INSTRUMENT_NOUNS = _word_set(
    "station stations data instruments instrument sensors sensor gauge gauges monitors "
    "monitor network radar satellite buoy seismographs"
)
_INSTRUMENT = (
    rf"[Tt]he\s+(?:[\w-]+\s+)?(?:{trie_regex(set(ROLE_NOUNS))})['’]s\s+(?:[a-z][\w-]*\s+){{0,2}}?"
    rf"(?:{trie_regex(set(INSTRUMENT_NOUNS))})(?:\s+(?:on|at|in|near)\s+{_CAP}(?:\s+{_CAP}){{0,2}})?"
)
# "Anna Kovač said", "Kovač, 47, said", "Graham Kerr, general secretary of X, said", "she said"
def _speaker_before_pattern(groups: bool) -> re.Pattern[str]:
    """_SPEAKER_BEFORE, with or without the speakers only some windows can hold: an
    instrument's owner ("the coastguard's station") and an official group ("officials")."""
    extra = f"{_INSTRUMENT}|{_INSTITUTION}|" if groups else ""
    return re.compile(
        rf"\b(?P<sp>{extra}{_NAME}|{_PRONOUN}|{_ROLE}|"
        rf"(?:{_CAP}\s+){{1,4}}(?:[a-z]+\s+){{0,2}}[a-z]+(?:\s+in\s+{_CAP}(?:\s+{_CAP}){{0,2}})?)"
        # an acronym in brackets: "the Northland Hydrology Institute (NHI) said"
        r"(?:\s+\([A-Z][A-Za-z&]{1,7}\))?"
        # and its day: "the National Hydrology Centre (NHC) on Friday revised"
        r"(?:\s+on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?"
        # up to two appositions: "Mara Lenz, 52, who took over in 2023, said"
        rf"(?P<app>(?:,\s*\d{{1,3}}|,\s*(?:a|an|the|[a-z])(?:[^,.;\"“”]|(?<=\d)[,.](?=\d)){{0,80}}){{1,2}},)?"
        rf",?\s+(?:also\s+|later\s+|then\s+|now\s+|previously\s+|had\s+|has\s+|have\s+)?"
        rf"(?P<v>{_SAY_VERB})\b"
    )


_SPEAKER_BEFORE = _speaker_before_pattern(True)
# the same without the instrument and group speakers, for the windows (most) that hold
# neither "'s" nor a group's word: the same matches, found faster
_SPEAKER_BEFORE_PLAIN = _speaker_before_pattern(False)
# what a window must hold for those speakers, as plain substrings
_GROUP_HINTS = ("'s ", "’s ", *sorted(INSTITUTIONAL_GROUPS))
# '..., said Tomas Vries', 'said chief executive Maya Ruiz', 'said the company'
_SPEAKER_AFTER = re.compile(
    rf"\b(?P<v>said|says|added|adds|told|wrote|according\s+to)\s+"
    rf"(?P<sp>(?:(?!(?:on|in|at|to|that|this|last|next|after|before|during|by|from|with|"
    rf"for|of|and|but|as|when|while|it|its|he|she|they|there|what|how|why|yesterday|today)\b)"
    rf"(?:[a-z][\w'’-]*|[A-Z][\w'’-]*['’]s)\s+){{0,5}}?(?:{_NAME})|{_ROLE}|it)(?![\w’'])"
)
_ACCORDING = re.compile(
    r"\b[Aa]ccording\s+to\s+(?P<rest>(?:(?:Dr|Mr|Mrs|Ms|Prof|St|Gen|Lt|Col|Sgt|Capt|Gov|Sen|Rep)"
    r"\.|[^.;:!?])*)"
)
_TITLE_WORDS = set(
    [
        "inspector",
        "superintendent",
        "constable",
        "sergeant",
        "detective",
        "commander",
        "colonel",
        "captain",
        "lieutenant",
        "admiral",
        "commissioner",
        "ambassador",
        "senior",
        "mp",
        "rep",
        "sen",
        "gov",
        "governor",
        "minister",
        "defence",
        "defense",
        "prime",
        "president",
        "mayor",
        "mr",
        "mrs",
        "ms",
        "dr",
        "professor",
        "prof",
        "chancellor",
        "secretary",
        "senator",
        "foreign",
        "finance",
        "interior",
        "health",
        "education",
        "chief",
        "executive",
        "deputy",
        "general-secretary",
        "spokesman",
        "spokeswoman",
        "judge",
        "lord",
        "lady",
        "sir",
        "dame",
        "coach",
        "manager",
        "chairman",
        "chairwoman",
        "ceo",
        "cfo",
    ]
)
# What a title's "of" or "for" names before the person: "Secretary of State Mara Lenz",
# "Minister of Finance Ivo Marr", "Chief of Staff", "Secretary of State for Health".
_TITLE_OBJECTS = _word_set(
    "state finance defence defense staff health justice interior foreign home affairs "
    "transport education labour labor agriculture energy commerce trade treasury police "
    "homeland security the economy industry environment culture communications"
)
_TITLE_LINKS = frozenset(("of", "for"))
_LEADING_FUNCTION = set(
    [
        "but",
        "and",
        "the",
        "however",
        "meanwhile",
        "still",
        "yet",
        "so",
        "on",
        "in",
        "at",
        "according",
        "while",
        "when",
        "after",
        "before",
        "if",
        "as",
        "also",
        "then",
        "although",
        "though",
    ]
)
_ORG_WORDS = set(
    [
        "bank",
        "office",
        "department",
        "ministry",
        "agency",
        "branch",
        "staff",
        "commission",
        "council",
        "service",
        "rail",
        "railways",
        "railway",
        "registry",
        "group",
        "inc",
        "ltd",
        "corp",
        "company",
        "union",
        "association",
        "institute",
        "university",
        "police",
        "force",
        "authority",
        "board",
        "court",
        "committee",
        "party",
        "government",
        "army",
        "navy",
        "times",
        "news",
        "airlines",
        "airways",
        "homesure",
        "orbital",
    ]
)
# "the club said": the organisation named before, whatever its name
_GENERIC_ORG_HEADS = _word_set(
    "company firm group operator club carmaker automaker maker retailer lender insurer carrier"
)
# speech verbs with another sense when an object follows: "added 130,000 jobs"
_ACTION_SENSE = _word_set("added adds")
# a forecast's source is named right before its verb: "Halbrook expects", "the bank forecast"
_FORECAST_VERBS = _word_set("expects expected forecast forecasts revised revises")
# verbs that attribute only as "..., the court found."
_TRAILING_ONLY = _word_set("found finds")
# "the company's outlook", "the agency's figures": the organisation is the source
_ROLE_POSSESSIVE = re.compile(rf"the\s+({trie_regex(set(ROLE_NOUNS))})['’]s\s")
# an auxiliary the speaker pattern can take in before its verb
_PASSIVE_AUX = _word_set("is are was were")
_TRAILING_AUX = re.compile(r"\s+(?:have|has|had|is|are|was|were|will|would)$")
_SPOKESPERSON = _word_set("spokesman spokeswoman spokesperson")


# first-person words, which never name a source: the quote's speaker is named outside it
_FIRST_PERSON = _word_set("I We we You you")
# speech verbs that are also plural nouns ("previous reports", "the estimates")
_NOUN_VERBS = _word_set("reports estimates forecasts claims notes states finds shows says")
# lower-case words a source can end with before such a verb: "the ministry reports"
_SOURCE_HEADS = ROLE_NOUNS | _word_set(
    "he she it they officials authorities analysts economists police experts researchers "
    "scientists investigators prosecutors organisers organizers unions residents"
)


# what follows a plural noun that looks like a verb: "reports suggest", "reports from"
_NOUN_FOLLOWS = re.compile(
    r"\s+(?:coming|suggest|suggested|indicate|indicated|show|showed|say|said|claim|"
    r"claimed|from|of|on|by|in)\b"
)
# "put the toll at 50", "put the chance of a cut at 60%", "put 3 districts on alert"
_PUT_AT = re.compile(r"[^.;:!?]{0,60}?\b(?:at|on)\b")


def _spokes(raw: str) -> bool:
    return raw.split()[-1] in _SPOKESPERSON


# words that make a capitalised name an organisation's, not a person's (for he/she):
# "Regional Meteorological Centre", "Golden Bridge Securities", "Zhenhai Motors"
_ORG_WORDS.update(
    ROLE_NOUNS
    - {"mayor", "minister", "governor", "secretary", "president", "chancellor", "sheriff"}
    - {"spokesman", "spokeswoman", "spokesperson", "commissioner"},
    _word_set(
        "centre center federation foundation bureau securities motors foods systems "
        "holdings plc llc gmbh ag sa capital partners labs technologies energy research "
        "statistics survey fund league club hospital airport agency network media press"
    ),
)
_PERSON_ROLES = {
    "mayor",
    "minister",
    "governor",
    "secretary",
    "president",
    "chancellor",
    "sheriff",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chief",
}
# What may follow a speech verb in a trailing attribution before the clause ends:
# "said on March 11,", "told reporters in the capital.", "announced outside 10 Downing
# Street on November 19." Short phrases only, so "said at least 400 schools would..."
# stays a leading attribution.
_ADJUNCT_WORD = r"(?!\d+[,.]\d)[\w.'’-]+"
_ADJUNCT_UNIT = (
    r"(?:\b(?:on|in|at|outside|from|during|via|before|after|to|late|early)\s+"
    rf"(?:(?:a|an|the|his|her|its|their)\s+)?{_ADJUNCT_WORD}(?:\s+{_ADJUNCT_WORD}){{0,3}}?"
    r"|\b(?:earlier|later|late|yesterday|today|tonight|recently|again|also|previously|"
    r"afterwards|afterward)\b"
    r"|\b(?:this|last|next)\s+\w+"
    # "reported Thursday"
    r"|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
)
_TRAILING_ADJUNCT = re.compile(rf"(?:\s*{_ADJUNCT_UNIT}){{0,3}}?\s*(?=[,.;:!?\"”]|$)")
_LEADING_ADJUNCT = re.compile(
    r"\s+on\s+(?:[A-Z][\w.]*\s*)(?:\d{1,2}\b)?(?:,?\s+\d{4})?(?=\s+that\b)"
)
# the object of "told": "told reporters", "told Reuters", "told a news conference"
_TOLD_OBJECT = re.compile(
    r"\s+(?:reporters|journalists|parliament|lawmakers|legislators|MPs|senators|delegates|"
    r"investors|analysts|staff|supporters|residents|the\s+court|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*|"
    r"(?:a|the)\s+(?:[\w-]+\s+){0,2}?(?:conference|briefing|committee|"
    r"meeting|newspaper|broadcaster|radio|television|audience)"
    # any short object that ends the clause: "told the agency.", "told a rally in Orlen"
    r"|(?:a|an|the|his|her|its|their)\s+(?:[\w’'-]+\s+){0,2}?[\w’'-]+"
    r"(?=\s*[,.;:!?\"”]|\s+(?:in|at|on|during|after|before|via|by|last|this)\b))"
)
_NO_ATTRIBUTION_CLAUSE = re.compile(
    r"\s*(?:as|when|after|before|describing|saying|which|where|amid|"
    r"despite|since)\b",
    re.I,
)
_QUOTES = '"“”'


@dataclass(slots=True)
class _Marker:
    start: int  # where the speaker phrase begins
    end: int  # end of the speech verb / speaker phrase
    speaker: str | None
    leading: bool  # content follows the marker
    adjunct_end: int  # end of "said on March 11" style adjunct (trailing markers)
    inverted: bool = False
    who: int = -1  # position of "who" after an inverted speaker ("said X, who ...")
    # "X reported results ..." (no "that"): an "as its ..." clause after it is the reporter's
    results: bool = False
    # "Analysts had expected ...": a ", but ..." clause after it tells what happened
    forecast: bool = False


class _Speakers:
    """Remembers who has spoken, to resolve pronouns, surnames and "the company"."""

    def __init__(self, text: str, starts: list[int] | None = None) -> None:
        self.text = text
        self.people: list[str] = []
        self.orgs: list[str] = []
        self._person_at = -1  # where the last person registered was named
        self._starts = starts or []
        self._subjects: list[tuple[int, str]] = []
        self._read = 0  # how many sentence starts _subjects has read
        self._name_index: list[tuple[int, str]] | None = None
        self._cache: dict[tuple[str, str], tuple[int, str | None]] = {}
        self._acronyms = 0

    def register(self, name: str, pos: int = -1) -> None:
        if _is_person(name):
            self.people.append(name)
            self._person_at = pos
        else:
            self.orgs.append(name)

    def _person(self, pos: int) -> str | None:
        """Who "he" or "she" at ``pos`` is: the person named last before it, as a source
        or as the subject of a sentence ("Mara Lenz, the port's director, blamed the
        fog. ... she said" is Mara Lenz's)."""
        # the sentences before ``pos`` are read once, as the text is annotated in order
        subjects, starts = self._subjects, self._starts
        while self._read < len(starts) and starts[self._read] < pos:
            at = starts[self._read]
            name = self._subject(at)
            if name is not None:
                subjects.append((at, name))
            self._read += 1
        k = bisect.bisect_left(subjects, (pos,)) - 1
        if k >= 0 and subjects[k][0] > self._person_at:
            return subjects[k][1]
        return self.people[-1] if self.people else None

    def _subject(self, at: int) -> str | None:
        """The person a sentence starting at ``at`` opens with: "Nadia Ferreira, ...",
        "Harbour's Chief Inspector Mara Lenz said", "Valdoria analyst Ivo Marr has"."""
        sp = self.text.find(" ", at, at + 40)
        if sp > 0 and self.text[at:sp] in _NO_SUBJECT_START:
            return None  # "The ...", "In ...", "It ...": most sentences, at once
        run: list[str] = []
        # a name is known for one by a title or job before it, or by what follows it: an
        # apposition ("Nadia Ferreira, chief economist") or "of"/"at" ("Ivo Marr of
        # Valdoria Rail"); "Average July temperatures" is no one
        known = False
        for tok in self.text[at : at + 120].split()[:8]:
            word = tok.rstrip(",")
            if word[:1].isupper() and word not in _PRONOUN_WORDS:
                run.append(word)
            elif word in _AFFILIATION_ROLES and run:
                run, known = [], True  # "Valdoria analyst": the name follows
                continue
            else:
                known = known or word in ("of", "at", "from")
                break
            if word != tok:
                known = True
                break  # the name ends at the comma
        if any(w.lower().strip(".") in _TITLE_WORDS for w in run):
            known = True
        if not known or any(w in _MONTH_WORDS or w.lower() in _LEADING_FUNCTION for w in run):
            return None
        name = _person_part(run)
        if name is None and len(run) == 1 and at > 0:
            full = self._full_name(run[0], at + 1)
            name = full if full and _is_person(full) else None
        return name

    def resolve(self, raw: str, pos: int, sentence_start: int) -> str | None:
        raw = raw.strip().strip(",")
        low = raw.lower()
        if low in ("he", "she"):
            return self._person(pos)
        if low in ("it", "its"):
            return self._last_org(pos) if self.orgs else self._first_org(pos)
        if low == "they":
            return None
        if low.startswith("the ") and (not raw[4:5].isupper() or low.split()[1].endswith("-based")):
            head = low.split()[-1]
            if head in _PERSON_ROLES:
                return self.people[-1] if self.people else None
            for org in reversed(self.orgs):
                if head in org.lower().split():
                    return self._nearer_unnamed(head, org, pos) if len(low.split()) == 2 else org
            name = self._named(head, pos)
            if name:
                return self._nearer_unnamed(head, name, pos) if len(low.split()) == 2 else name
            if head in ("statement", "report"):
                return self._last_org(pos) if self.orgs else None
            words = low.split()
            if len(words) > 2 and head in _GENERIC_ORG_HEADS:
                # "the railway company" after "Valdoria Railways said", "the Orlen-based
                # group": the organisation named before
                named = self._described(words[1:-1], pos)
                if named:
                    return named
            if len(words) > 2 or head not in _GENERIC_ORG_HEADS:
                # an unnamed source as written: "the provincial health ministry"
                unnamed = "the " + raw[4:] if raw.startswith("The ") else raw
                if len(words) > 2 and unnamed not in self.orgs:
                    self.orgs.append(unnamed)  # "the agency" will be this agency
                return unnamed
            return self._company(pos)
        name = _clean_name(raw, pos == sentence_start)
        if name is not None and " " in name:
            name = _undated(name)  # "Orlen Rail on Tuesday said"
        if name is None:
            return None
        if _ACRONYM.fullmatch(name):
            name = self._spelled_out(name)
        if " " not in name and name.lower() not in _GROUP_NOUNS:
            full = self._full_name(name, pos)
            if full:
                name = full
        self.register(name, pos)
        return name

    def _nearer_unnamed(self, head: str, org: str, pos: int) -> str:
        """"the bank" is the bank written last before ``pos``: "the central bank" or
        "Orlen Bank" a few sentences back, rather than "Calloway Bank" named further back."""
        lo = max(0, pos - 400)
        best, at = org, self.text.rfind(org, lo, pos)  # only the window matters
        after = at + len(org) if at >= 0 else 0
        for m in _unnamed_mention(head).finditer(self.text, max(lo, after), pos):
            if m[1] not in _NOT_MODIFIERS:
                best, at, after = "the " + m[1].lower() + " " + head, m.start(), m.end()
        for m in _named_mention(head).finditer(self.text, max(lo, after), pos):
            words = m[0].split()
            if len(words) > 2 and not self.proper_inside(words[0]):
                words = words[1:]  # "Later Orlen Bank" at a sentence's start
            name = _clean_name(" ".join(words), False)
            if name and " " in name:
                best = name
        return best

    def spoken_org(self, words: list[str]) -> str | None:
        """The organisation that has spoken that "the [modifier] head" names: its name
        has the head ("the agency": "the provincial health agency") and the modifier's
        stem ("the rail authority": "Valdoria Rail Authority")."""
        head = words[-1]
        mod = words[0][:5] if len(words) > 1 else ""  # the pattern allows one modifier
        for org in reversed(self.orgs):
            low = org.lower()
            if head in low.split() and mod in low:
                return org
        return None

    def _company(self, pos: int) -> str | None:
        """The business "the company", "the retailer" or "the club" refers to: a named
        organisation written last before ``pos``, not a public body ("Orlen Foods", not
        "the fire brigade" or "Velland Health Agency"); None if there is none."""
        named = [o for o in self.orgs[-MAX_ORGS:] if o[:1].isupper() and not _public(o)]
        best, at = (named[-1] if named else None), -1
        for org in set(named):
            k = self.text.rfind(org, 0, pos)
            if k > at:
                best, at = org, k
        if best is not None:
            return best
        return self._first_org(pos, business=True)

    def _last_org(self, pos: int) -> str:
        """The organisation that has spoken whose name was written last before ``pos``:
        "the company" after "Orlen Rail said ..., according to the Valdoria Post. ...
        Ivo Marr, chief executive of Orlen Rail, ..." is Orlen Rail."""
        best, at = self.orgs[-1], -1
        for org in set(self.orgs[-MAX_ORGS:]):
            k = self.text.rfind(org, 0, pos)
            if k > at:
                best, at = org, k
        return best

    def _described(self, modifiers: list[str], pos: int) -> str | None:
        """The organisation "the railway company" or "the Orlen-based group" refers to:
        one that has spoken with a name sharing the modifier's stem, or, for a place of
        base, the organisation written last."""
        for mod in modifiers:
            if mod.endswith("-based"):
                return self._last_org(pos) if self.orgs else self._first_org(pos)
            stem = mod[:5]
            if len(stem) < 4:
                continue
            for org in reversed(self.orgs):
                if any(w.lower().startswith(stem) for w in org.split()):
                    return org
        return None

    def proper_inside(self, word: str) -> bool:
        """Whether the text writes ``word`` capitalised inside a sentence (after a
        lower-case word or a comma): a proper name. Once per word and document, so many
        sentences opening with it cost one scan."""
        key = ("proper", word)
        if key not in self._cache:
            inside = re.search(rf"[a-z,] {re.escape(word)}\b", self.text) is not None
            self._cache[key] = (0, word if inside else None)
        return self._cache[key][1] is not None

    def _spelled_out(self, acronym: str) -> str:
        """The name an acronym stands for where the text defines it: "the Regional
        Meteorological Centre (RMC)" for "RMC"; the acronym itself if it is not defined."""
        key = ("acronym", acronym)
        if key not in self._cache:
            found: str | None = None
            self._acronyms += 1
            # each lookup reads the text once: a bounded number per document
            definitions = (
                _acronym_definition(acronym).finditer(self.text)
                if self._acronyms <= MAX_ACRONYMS
                else ()
            )
            for m in definitions:
                words = [w for w in m[1].split() if w[0].isupper()]
                words = words[-len(acronym) :]
                if "".join(w[0] for w in words) == acronym:
                    found = " ".join(m[1].split()[-_span_of(m[1], len(acronym)) :])
                    break
            if found is None:
                # not defined in brackets: an organisation that has spoken with those
                # initials ("the Velland Geological Survey said ... the VGS said")
                found = next((o for o in self.orgs if _initials(o) == acronym), None)
            self._cache[key] = (0, found)
        return self._cache[key][1] or acronym

    def _names(self) -> list[tuple[int, str]]:
        """Capitalised word sequences of the text, found once per document."""
        if self._name_index is None:
            self._name_index = [(m.start(), m[0]) for m in _CAP_SEQUENCE.finditer(self.text)]
        return self._name_index

    def _full_name(self, single: str, pos: int) -> str | None:
        key = ("full", single)
        if key in self._cache:
            at, name = self._cache[key]
            return name if at < pos else None
        found: tuple[int, str | None] = (len(self.text), None)
        for start, seq in self._names():
            toks = seq.split()
            if len(toks) > 1 and single in (toks[0], toks[-1]) and seq != single:
                cand = _clean_name(seq, False)
                if cand and " " in cand:
                    found = (start, cand)
                    break
        self._cache[key] = found
        return found[1] if found[0] < pos else None

    def _first_org(self, pos: int, business: bool = False) -> str | None:
        """An organisation for "it" or "the club" when none has spoken: the last one named
        before ``pos`` as such ("Orlen Freight Services", "Harbour manager Jo Dunn": the
        club Harbour), else the first name of several words that no speaker has."""
        names = self._names()
        k = bisect.bisect_left(names, (pos,))
        for start, seq in reversed(names[max(0, k - MAX_ORGS) : k]):
            name = _clean_name(seq, False)
            if not name or name.split()[0] in _MONTH_WORDS or (business and _public(name)):
                continue
            if (
                " " in name
                and any(w.lower() in _ORG_WORDS for w in name.split())
                and not _is_person(name)
            ):
                return name
            after = self.text[start + len(seq) : start + len(seq) + 20].split()
            if after and after[0] in _AFFILIATION_ROLES and not _is_person(name):
                return self._full_name(name, pos) or name if " " not in name else name
        for _start, seq in names[:k]:
            if " " in seq:
                name = _clean_name(seq, False)
                public = business and name is not None and _public(name)
                if name and " " in name and name not in self.people and not public:
                    return name
        return None

    def _named(self, head: str, pos: int) -> str | None:
        """First name containing ``head`` ("Bank" for "the bank") before ``pos``."""
        key = ("named", head)
        if key not in self._cache:
            found: tuple[int, str | None] = (len(self.text), None)
            # building the name index scans the whole text; mostly the head is never
            # written capitalised ("the ministry said" and no "Ministry"): no name has it
            names = self._names() if _may_be_capitalised(head, self.text) else ()
            for start, seq in names:
                if head in seq.lower().split():
                    name = _clean_name(seq, False)
                    if name:
                        found = (start, name)
                        break
            self._cache[key] = found
        at, name = self._cache[key]
        return name if at < pos else None


# words of a public body's name, which no "company" or "retailer" refers to
_PUBLIC_WORDS = _word_set(
    "agency ministry department office police council government authority commission "
    "bureau court service institute centre center observatory brigade federation "
    "association committee parliament fund statistics survey league"
)


def _public(name: str) -> bool:
    """Whether a name is a public body's, a group's ("Health officials in Orlen") or a
    person's with a title ("Housing Minister Tomas Berg")."""
    return any(
        w.lower() in _PUBLIC_WORDS or w.lower() in _GROUP_NOUNS or w.lower() in _PERSON_ROLES
        for w in name.split()
    )


# words between "the" and a head that make no kind of it: "the same bank", "the first"
_NOT_MODIFIERS = _word_set("same other first second last new old next former whole")


@functools.lru_cache(maxsize=64)
def _named_mention(head: str) -> re.Pattern[str]:
    """ "Orlen Bank": capitalised words ending with ``head`` capitalised."""
    return re.compile(rf"(?:{_CAP_WORD}[ ]){{1,3}}{re.escape(head.title())}\b")


@functools.lru_cache(maxsize=64)
def _unnamed_mention(head: str) -> re.Pattern[str]:
    """ "the central bank", "the state operator": one lower-case word before ``head``."""
    return re.compile(rf"\b[Tt]he\s+([a-z][\w-]*)\s+{re.escape(head)}\b")


def _may_be_capitalised(head: str, text: str) -> bool:
    """False only if no word of a ``_CAP_SEQUENCE`` match in ``text`` lower-cases to
    ``head``. Such a word starts with a capital; for a lower-case ASCII head that capital
    is the ASCII one (no other letter of _CAP_WORD lower-cases to ASCII), and the rest is
    the head's rest in any case, which ``re.I`` finds ("Kelvin" K too)."""
    if not (head.isascii() and head.isalpha() and head.islower()) or head in _CONNECTORS:
        return True  # the connectors are lower-case words of a sequence: look
    return _capitalised(head).search(text) is not None


@functools.lru_cache(maxsize=256)
def _capitalised(head: str) -> re.Pattern[str]:
    return re.compile(re.escape(head[0].upper()) + "(?i:" + re.escape(head[1:]) + ")")


# lower-case job words between an organisation and a person's name: "Valdoria analyst
# Ivo Marr", "Harbour captain Jo Dunn", "Chief executive Mara Lenz"
_AFFILIATION_ROLES = _word_set(
    "analyst captain coach manager goalkeeper striker player owner boss chief executive "
    "director economist strategist spokesman spokeswoman spokesperson chairman chairwoman "
    "founder head leader secretary minister officer official scientist researcher "
    "professor commander governor mayor adviser advisor"
)
_PRONOUN_WORDS = _word_set("He She It They We I You His Her Its Their Our My")
# first words of a sentence that open no person's name
_NO_SUBJECT_START = _PRONOUN_WORDS | _word_set(
    "The A An In On At As For But And By From With After Before When While If This That "
    "These Those There Some Most More Many All No Of To Until Since Even Meanwhile However"
)


# a person named before "of" and the organisation she speaks for
_MEMBER_OF = re.compile(
    rf"(?P<person>{_CAP}\s+{_CAP})\s+of\s+the\s+(?:[\w’'-]+\s+){{1,3}}?(?=[A-Z])"
)
_ROLE_THEN_NAME = re.compile(
    rf"\s+(?:{trie_regex(set(_AFFILIATION_ROLES))})\s+(?P<name>{_CAP}(?:\s+{_CAP}){{1,2}})"
)


def _person_part(run: list[str]) -> str | None:
    """The person's name at the end of capitalised words, after any title: "M K Lenz"
    from "Harbour Chief Minister M K Lenz"; None if the words name no person."""
    titles = [k for k, w in enumerate(run) if w.lower().strip(".") in _TITLE_WORDS]
    if titles:
        run = run[titles[-1] + 1 :]
    name = " ".join(run)
    return name if name and _is_person(name) else None


# capitalised words in a row, not across a full stop ("Tuesday. Police")
_CAP_WORD = r"[A-Z\u00c0-\u00de][\w’'\-]*"
_FOR_ORGANISATION = re.compile(r"\s(?:for|at|from)\s+(.+)$")
_THE_NAME = re.compile(rf"(?:\bthe\s+)?{_NAME}")
_ROLE_IN = re.compile(rf"\b(?:by|from)\s+(?P<role>{_ROLE})")
_LEADING_NAME = re.compile(rf"\s*({_NAME})")
_CLAUSE_GAP = re.compile(r"\s*[,;]?\s*")
_CONNECTORS = ("of", "for", "de", "van", "von")
_CAP_SEQUENCE = re.compile(
    rf"{_CAP_WORD}(?:(?:[ \t]+(?:{'|'.join(_CONNECTORS)})[ \t]+|[ \t]+){_CAP_WORD}){{0,5}}"
)
# lower-case words of a person's name: "Ursula von der Leyen"
_NAME_PARTICLES = _word_set("van von der den de da di du dos del la le al bin ibn")
_GROUP_NOUNS = _word_set(
    "police officials authorities analysts economists residents witnesses organisers "
    "organizers unions doctors paramedics investigators prosecutors troops rescuers "
    "firefighters scientists researchers experts critics officers soldiers villagers locals"
)


# Speakers are named again and again in an article: both helpers are pure, so cached.
@functools.lru_cache(maxsize=1024)
def _is_person(name: str) -> bool:
    toks = name.split()
    if not 2 <= len(toks) <= 3 or toks[0].lower() == "the":
        return False
    if any(t[0].islower() and t not in _NAME_PARTICLES for t in toks):
        return False  # "Harwick district": a place, no person
    return not any(t.lower().strip("’'s") in _ORG_WORDS or t.lower() in _ORG_WORDS for t in toks)


# a name's last word, of lower-case letters, with the sentence's full stop: "Marr."
_WORD_THEN_STOP = re.compile(r"(?:^|\s)[A-Z\u00c0-\u00de][a-z\u00df-\u00ff’'-]+\.$")


@functools.lru_cache(maxsize=1024)
def _clean_name(raw: str, at_sentence_start: bool) -> str | None:
    toks = raw.replace("\n", " ").split()
    # drop a possessive prefix before a title: "Meridia's Defence Minister Anna Kovač"
    for i, t in enumerate(toks):
        if t.endswith(("'s", "’s")) and i + 1 < len(toks) and toks[i + 1].lower() in _TITLE_WORDS:
            toks = toks[i + 1 :]
            break
    while (
        toks and toks[0].lower() in _LEADING_FUNCTION and (toks[0][0].isupper() or toks[0] != "the")
    ):
        if toks[0] == "the" and len(toks) > 1:
            break
        toks = toks[1:]
    while (
        len(toks) > 2
        and toks[0].lower().strip(".") in _TITLE_WORDS
        # "Health officials in ...": a title only before a name or another title
        and (
            toks[1][:1].isupper()
            or toks[1] in _TITLE_LINKS
            or toks[1].lower().strip(".") in _TITLE_WORDS
        )
    ):
        toks = toks[1:]
        # "of State", "of Finance", "for Health": the title's object, not the name
        while (
            len(toks) > 3
            and toks[0] in _TITLE_LINKS
            and toks[1].lower() in _TITLE_OBJECTS
            and (toks[2][0].isupper() or toks[2] in _TITLE_LINKS)
        ):
            toks = toks[2:]
            while len(toks) > 2 and toks[0].lower() in _TITLE_OBJECTS:
                toks = toks[1:]  # "of Foreign Affairs"
    if (
        len(toks) == 2
        and toks[0].lower().strip(".") in _TITLE_WORDS - {"general"}
        and toks[0] != "Sheriff"
    ):
        toks = toks[1:]
    if not toks:
        return None
    name = " ".join(toks).strip(",")
    if name.endswith(".") and _WORD_THEN_STOP.search(name):
        name = name[:-1]  # "said Ivo Marr." at the end of a sentence: the full stop
    if name.endswith(("'s", "’s")):
        name = name[:-2]
    if not name or not (name[0].isupper() or name.startswith("the ")):
        return None
    return name


def _group_ok(
    raw: str, start: int, sentence_start: int, speakers: _Speakers | None = None
) -> bool:
    """A lower-case group ("officials", "commanders") counts as a source only when it has
    a proper name ("Meridian commanders", "Officials in Tarvik"), not "Tourism officials"
    or "organisers". A sentence's first word is capitalised anyway: it is a proper name
    when the text also writes it capitalised inside a sentence ("Harbour officials said"
    after "... at Harbour") or it names a people ("Valdorian officials")."""
    toks = raw.split()
    if not toks[-1][0].islower() and not raw.lower().startswith("the "):
        return True
    if raw.lower().startswith("the "):
        return True
    for i, t in enumerate(toks):
        if t[0].isupper() and not (i == 0 and start == sentence_start):
            return True
    if toks[-1] in INSTITUTIONAL_GROUPS and raw.islower():
        return True  # "officials", "district authorities": an official source, unnamed
    first = toks[0]
    if first.endswith(("'s", "’s")) and toks[-1].lower() in ROLE_NOUNS:
        return True  # "Velland's health ministry": a place's own body
    if len(toks) == 2 and first[0].isupper() and first[1:].islower():
        if first.endswith(_DEMONYM_ENDS):
            return True
        return speakers is not None and speakers.proper_inside(first)
    return False


# "Valdorian", "Portuguese", "British", "Israeli": a people's adjective
_DEMONYM_ENDS = ("ian", "ean", "ese", "ish", "an", "li", "qi", "di")


# a comma between clauses, not one inside a number ("1,800")
_CLAUSE_COMMA = re.compile(r",(?!\d)")


def _according_speaker(rest: str, offset: int, s: int, speakers: _Speakers) -> str | None:
    """Source named after "according to": "the General Staff", "its mayor, Petro Dunai",
    "a preliminary note from the Rail Accident Investigation Branch"."""
    parts = _CLAUSE_COMMA.split(rest)
    first = parts[0]
    # "figures released by the health agency on April 8": a date is no source
    names = [
        (n.start(), name)
        for n in _THE_NAME.finditer(first)
        if n[0].split()[0].lower() not in _MONTH_WORDS and (name := _undated(n[0]))
    ]
    if not names:
        role = _ROLE_IN.search(first)
        if role:
            return role["role"]
        data = _DATA_SOURCE.fullmatch(first.strip())
        if data:
            return data[0]  # "according to league tracking data": as written
        crowd = _ACCORDING_GROUP.fullmatch(first.strip())
        if crowd:
            return crowd[0]  # "according to local media", "according to officials": as written
        issued = _ROLE_STATEMENT.match(first.strip())
        if issued:
            # "according to a company statement": the company named before
            return speakers.resolve("the " + issued["role"], offset, s)
    if names:
        return speakers.resolve(names[-1][1], offset + names[-1][0], s)
    if len(parts) > 1:
        nm = _LEADING_NAME.match(parts[1])
        if nm and _is_person(nm[1]):
            return speakers.resolve(nm[1], offset + len(first) + 1 + nm.start(1), s)
    owner = _ROLE_POSSESSIVE.match(first)
    if owner:
        # "according to the firm's guidance for next year": the firm named before
        return speakers.resolve("the " + owner[1], offset, s)
    if first.startswith("the ") and len(first.split()) <= 5:
        return first.strip()
    return None


def _appositive(part: str, speaker: str, before: str) -> bool:
    """The clause after "according to its mayor," only names the source ("Petro Dunai"),
    unlike "the company's outlook, Orlen's revenue will reach $4 billion"."""
    part = part.strip()
    return (
        speaker not in before
        and part.startswith(speaker)
        and part[len(speaker) : len(speaker) + 1] not in ("'", "’")
        and not any(ch.isdigit() for ch in part)
    )


def _undated(name: str) -> str | None:
    """A name without the date the pattern took in after it: "Orlen Daily" from
    "Orlen Daily on Wednesday"; None if only the date is left."""
    toks = name.split()
    if toks[-1].lower() not in _MONTH_WORDS:
        return name
    while toks and (toks[-1].lower() in _MONTH_WORDS or toks[-1] in ("on", "in")):
        toks.pop()
    return " ".join(toks) if toks else None


# unnamed sources after "according to": "local media", "officials", "police sources"
_ACCORDING_GROUP = re.compile(
    rf"(?:[a-z][\w-]*\s+)?(?:media|reports|{trie_regex(set(INSTITUTIONAL_GROUPS))})"
)
# a statement or filing of an unnamed source: "a company statement", "a police report"
_ROLE_STATEMENT = re.compile(
    rf"(?:a|an|the)\s+(?P<role>{trie_regex(set(ROLE_NOUNS))})\s+"
    r"(?:statement|filing|release|report|bulletin|announcement)\b"
)
# a source of data with no name: "according to league tracking data", "to port
# authority figures" (up to three lower-case words before the noun)
_DATA_SOURCE = re.compile(r"(?:[a-z][\w-]*\s+){1,3}(?:data|figures|statistics|estimates|records)")


def _markers(
    text: str, s: int, e: int, speakers: _Speakers, verbs: list[re.Match[str]]
) -> list[_Marker]:
    """The attribution markers of sentence ``text[s:e]``; ``verbs`` are its speech verbs."""
    out: list[_Marker] = []
    sent = text[s:e]
    taken: list[tuple[int, int]] = []
    for m in _ACCORDING.finditer(sent) if "ccording" in sent else ():
        speaker = _according_speaker(m["rest"], s + m.start("rest"), s, speakers)
        ms = s + m.start()
        before = sent[: m.start()].strip()
        leading = before in ("", "But", "And") or before.endswith((";", ":"))
        # the marker is the source phrase only ("according to its mayor, Petro Dunai"):
        # a clause after it ("..., while the union claimed 350,000") is not covered
        parts = _CLAUSE_COMMA.split(m["rest"])
        phrase = len(parts[0])
        if speaker and len(parts) > 1 and _appositive(parts[1], speaker, parts[0]):
            phrase += 1 + len(parts[1])
        elif len(parts) > 2 and parts[1].lstrip().startswith("who "):
            phrase += 1 + len(parts[1])  # "according to Lenz, who took over in 2019,"
        end = s + m.start("rest") + phrase
        out.append(_Marker(ms, end, speaker, leading, end))
        taken.append((ms, end))
    seen: set[int] = set()
    for v in verbs:
        if v[0].lower() in _SHOW_VERBS:
            _owned_report(v, text, s, sent, speakers, out, taken)
            continue
        if not _may_follow_speaker(text, v.start()):
            continue  # '"...," said X': no "X said" can end at this verb
        # the speaker stands just before the verb: search a window, not the sentence
        lo = max(0, v.start() - s - 110)
        window = sent[lo : v.start() - s]
        hint = any(w in window for w in _GROUP_HINTS)
        pattern = _SPEAKER_BEFORE if hint else _SPEAKER_BEFORE_PLAIN
        for m in pattern.finditer(sent, lo, v.end() - s):
            if m["v"] == "according" or m.end() != v.end() - s or m.start() in seen:
                continue
            seen.add(m.start())
            _speaker_before(m, text, s, e, speakers, out, taken)
        if text.startswith(" that ", v.end()) and (not out or out[-1].end != v.end()):
            _coordinated(v, text, s, e, speakers, out, taken)
    for v in verbs:
        after = _SPEAKER_AFTER.match(sent, v.start() - s)
        if after is None:
            continue
        m = after
        ms = s + m.start()
        if (taken and any(a <= ms < b for a, b in taken)) or m["v"].startswith("according"):
            continue
        raw = m["sp"]
        toks = raw.split()
        while toks and (toks[0][0].islower() and toks[0] not in ("the", "it")):
            toks = toks[1:]
        if not toks or toks[0].rstrip(".").lower() in _MONTH_WORDS or toks[-1] in _FIRST_PERSON:
            continue  # "told my mother I would": no source
        me = s + m.end()
        role = _ROLE_THEN_NAME.match(text, me, e)
        if role:
            # "said Harbour captain Jo Dunn": the person, not the club before the job
            toks, me = role["name"].split(), role.end()
        speaker = speakers.resolve(" ".join(toks), ms, s)
        who = _WHO_SAID.search(text, me, e)
        out.append(
            _Marker(ms, me, speaker, False, me, inverted=True, who=who.start() if who else -1)
        )
        taken.append((ms, me))
    out.sort(key=_BY_START)
    return out


_WORD_CHAR = re.compile(r"\w")
_BY_START = operator.attrgetter("start")
_SAY_WORDS = {w for w in _SAY.split("|") if w.isalpha()}
# Speech verbs as whole words ("said", "Says"). The engine's anchor scan finds these too
# (engine.SCAN) and hands them to annotate, which saves a pass over the text.
SPEECH_VERBS = frozenset(_SAY_WORDS | {w.capitalize() for w in _SAY_WORDS})
_SAY_QUICK = re.compile(rf"(?<![\w])(?:{trie_regex(set(SPEECH_VERBS))})(?![\w])")


# What _SPEAKER_BEFORE can have right before the spaces before its verb: the end of a
# speaker (a word character, "’'.-", or "×", which _CAP's first class takes in) or the
# comma of an apposition or of ",? said"; "also", "had"... end with a letter.
_SPEAKER_END_CHARS = frozenset("’'.-,)\u00d7")


# "Mara Lenz spoke to the mayor, and announced that ...": the verb shares its subject
_AND_BEFORE = re.compile(r",?\s+and\s+(?:also\s+|then\s+|later\s+)?$")


def _coordinated(
    v: re.Match[str],
    text: str,
    s: int,
    e: int,
    speakers: _Speakers,
    out: list[_Marker],
    taken: list[tuple[int, int]],
) -> None:
    """A leading marker for a speech verb joined by "and" to the clause of the person the
    sentence opens with, when "that" follows: "Mara Lenz met the mayor on Friday, and
    announced that 40 buses would run"."""
    if v[0] in _NOUN_VERBS:
        return
    if _AND_BEFORE.search(text, max(s, v.start() - 12), v.start()) is None:
        return
    who = speakers._subject(s)
    if who is None or any(a <= v.start() < b for a, b in taken):
        return
    out.append(_Marker(v.start(), v.end(), who, True, v.end() + 5))
    taken.append((v.start(), v.end()))


def _may_follow_speaker(text: str, verb_start: int) -> bool:
    """False only if no _SPEAKER_BEFORE match can end with the verb at ``verb_start``:
    the verb does not follow spaces, or the spaces follow a quote, a bracket...
    Searching the window before the verb costs far more than this test."""
    j = verb_start - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    if j < 0 or j == verb_start - 1:
        return False
    c = text[j]
    return c.isalnum() or c == "_" or c in _SPEAKER_END_CHARS


def _speaker_before(
    m: re.Match[str],
    text: str,
    s: int,
    e: int,
    speakers: _Speakers,
    out: list[_Marker],
    taken: list[tuple[int, int]],
) -> None:
    """Record the marker for a "X said" match ``m`` (offsets relative to ``s``)."""
    ms, me = s + m.start(), s + m.end()
    if taken and any(a <= ms < b for a, b in taken):
        return
    if text[me : me + 1] == "-":
        return  # "forecast-beating profits": part of a compound, no verb
    raw = _speaker_phrase(m, text, me)
    if raw is None:
        return
    author = _AUTHOR.search(m["app"]) if m["app"] and raw.split()[-1] in REPORT_NOUNS else None
    if author:
        # "The survey, conducted by Velland Research, found": its author is the source
        raw, ms = author["by"], s + m.start("app") + author.start("by")
    member = (
        _MEMBER_OF.search(text, max(s, ms - 80), ms + 1)
        if raw[:1].isupper() and " of the " in text[max(s, ms - 80) : ms]
        else None
    )
    if member and member.end() == ms and _is_person(member["person"]):
        # "Ivo Marr of the dockers' union Dockwise said": Ivo Marr speaks
        raw, ms = member["person"], member.start("person")
    spokes = _FOR_ORGANISATION.search(raw) if raw[:2].lower() in ("a ", "an") else None
    if spokes:
        org = spokes[1]
        speaker: str | None = (
            speakers.resolve(org, ms, s) if org[:1].isupper() or org.startswith("the ") else None
        )
    elif raw[:2].lower() in ("a ", "an") and len(raw.split()) > 2 and _spokes(raw):
        speaker = raw[0].lower() + raw[1:]  # "a railway spokesperson", as written
    elif raw.lower() == "it" and any(mk.speaker and not _is_person(mk.speaker) for mk in out):
        # "The bank expects inflation of 2.4%, it said": the organisation of the sentence
        speaker = next(mk.speaker for mk in out if mk.speaker and not _is_person(mk.speaker))
    elif raw.lower() == "it" and ms > s and (subject := _ORG_SUBJECT.match(text, s, ms)):
        # "The airline will cut 1,200 jobs, it said": the organisation the sentence is about
        speaker = speakers.resolve(subject[1], s, s)
    elif raw.lower() in ("he", "she", "it", "they"):
        speaker = speakers.resolve(raw, ms, s)
    elif raw.split()[-1][0].islower() and not raw.lower().startswith("the "):
        if not _group_ok(raw, ms, s, speakers):
            return
        # "officials", "district authorities": as written (no capital to clean a name by)
        if raw.islower():
            speaker = raw  # "officials": as written, and no "company" or "it" later
        else:
            # "Velland's health ministry": as written
            owned = raw.split()[0].endswith(("'s", "’s"))
            speaker = raw if owned else _clean_name(raw, ms == s)
            if speaker:
                speakers.register(speaker, ms)
    else:
        speaker = speakers.resolve(raw, ms, s)
    after_verb = me
    if m["v"].startswith(("told", "tells")):
        obj = _TOLD_OBJECT.match(text, me, e)
        if obj:
            after_verb = obj.end()
    follows = text[after_verb:e].lstrip()
    adj = _TRAILING_ADJUNCT.match(text, after_verb, e)
    trailing = not follows or follows[0] in ',.;:!?"”' or adj is not None
    if follows.startswith("that "):
        trailing = False
    if _no_speech(m["v"], raw, trailing, follows, text, s, ms, out):
        return
    adjunct_end = adj.end() if adj is not None else after_verb
    if not trailing:
        lead_adj = _LEADING_ADJUNCT.match(text, after_verb, e)
        if lead_adj:
            adjunct_end = lead_adj.end()
    results = not trailing and m["v"] in _RESULT_VERBS and not follows.startswith("that ")
    forecast = not trailing and m["v"] in _FORECAST_VERBS
    out.append(
        _Marker(ms, me, speaker, not trailing, adjunct_end, results=results, forecast=forecast)
    )
    taken.append((ms, me))


_INSTRUMENT_RE = re.compile(_INSTRUMENT)
# the owner of an instrument that measures
_INSTRUMENT_OWNER = re.compile(r"([Tt]he\s+(?:[\w-]+\s+)?[\w-]+)['’]s\s")
# verbs that report a figure only when an organisation measures it: "the network
# measured the quake at 6.3", "the bureau erased 90,000 jobs from its estimates"
_MEASURE_VERBS = _word_set("measured recorded registered clocked erased")


def _org_like(raw: str) -> bool:
    """Whether a speaker phrase names an organisation: a word of one ("the Global Seismic
    Network", "the coastguard") or an acronym ("NHC")."""
    toks = raw.split()
    if len(toks) == 1 and _ACRONYM.fullmatch(toks[0]):
        return True
    return any(t.lower().strip("’'s") in _ORG_WORDS or t.lower() in _ORG_WORDS for t in toks) or (
        toks[0].lower() == "the" and toks[-1].lower() in ROLE_NOUNS
    )


# the author named in a report's apposition: ", conducted by Velland Research,"
_AUTHOR = re.compile(rf"\bby\s+(?P<by>(?:the\s+)?{_NAME})")


# a sentence that opens with an unnamed organisation: "The airline will cut ..."
_ORG_SUBJECT = re.compile(
    rf"([Tt]he\s+(?:[\w-]+\s+)?(?:{trie_regex(set(ROLE_NOUNS) - _PERSON_ROLES)}))(?![\w’'])"
)


def _speaker_phrase(m: re.Match[str], text: str, me: int) -> str | None:
    """The speaker phrase of a "X said" match, or None when the match is no speech."""
    raw = m["sp"]
    owner = (
        _INSTRUMENT_OWNER.match(raw)
        if ("'s " in raw or "’s " in raw) and _INSTRUMENT_RE.fullmatch(raw)
        else None
    )
    if owner:
        raw = owner[1]  # "the coastguard's weather station": the coastguard
    toks = raw.split(None, 2)
    if len(toks) == 3 and toks[1] == "the" and toks[0][:1].isupper():
        raw = raw[raw.index(" the ") + 1 :]  # "Later the ministry": the ministry
    aux = _TRAILING_AUX.search(raw)
    if aux and aux.start() > 0:
        if aux[0].split()[0] in _PASSIVE_AUX:
            return None  # "Payrolls were revised down": no one speaks
        raw = raw[: aux.start()]  # "staff in Harwick county have reported"
    last = raw[raw.rfind(" ") + 1 :]
    v = m["v"]
    if last.lower() in _MONTH_WORDS and all(
        t.lower() in _MONTH_WORDS or t.lower() in _LEADING_FUNCTION for t in raw.split()
    ):
        return None  # "On Friday said": a day is no source
    if last.lower() in ("a", "an", "the"):
        return None  # "watched by an estimated 3.4 million": an adjective, no verb
    if last in _FIRST_PERSON:
        return None  # '"I told my mother ..."': inside a quote, the speaker is named outside
    if v in _NOUN_VERBS and last[0].islower() and last not in _SOURCE_HEADS:
        return None  # "changes to older reports paint": a noun, no verb
    if v in _NOUN_VERBS and _NOUN_FOLLOWS.match(text, me):
        return None  # "Early reports suggest", "Media reports coming in say": a noun
    if v in ("put", "puts") and not _PUT_AT.match(text, me):
        return None  # "Lenz put Orlen ahead": "put the toll at 50", "put 3 towns on alert"
    if v in _MEASURE_VERBS and not _org_like(raw):
        return None  # "Temperatures recorded", "Orlen recorded 27 cm of rain": no report
    return raw


def _no_speech(
    v: str, raw: str, trailing: bool, follows: str, text: str, s: int, ms: int, out: list[_Marker]
) -> bool:
    """Whether the verb ``v`` after the speaker phrase ``raw`` (at ``ms``) is no speech."""
    if not trailing and v in _ACTION_SENSE and not follows.startswith(("that ", ":")):
        return True  # "employers added 130,000 jobs": no speech
    if v in _TRAILING_ONLY and not trailing and not follows.startswith("that "):
        return True  # "rescuers found 12 survivors" is no finding of theirs ("found that" is)
    if v not in _FORECAST_VERBS:
        return False
    if raw.split()[-1][0].islower() and raw[:4].lower() != "the ":
        return True  # "better than expected", "is expected": no forecaster named
    if any(mk.leading and mk.end <= ms for mk in out):
        return True  # "She said Corvane expected ...": her words
    # "short of the 7% Orlen Bank had forecast": the holder of that figure only
    return _FIGURE_BEFORE.search(text, max(s, ms - 24), ms) is not None


# "Golden Bridge Securities' survey of 120 dealers shows ...": the owner of the survey
_SHOW_VERBS = _word_set("shows show showed")
REPORT_NOUNS = _word_set(
    "survey report data figures poll study analysis estimate estimates statistics "
    "research index forecast tally count census review audit"
)
_OWNED_REPORT = re.compile(
    rf"(?P<owner>{_NAME}|[Tt]he\s+(?:[\w-]+\s+)?(?:{trie_regex(set(ROLE_NOUNS))}))"
    rf"['’]s?\s+(?:[a-z][\w-]*\s+){{0,2}}"
    rf"(?:{trie_regex(set(REPORT_NOUNS))})\b[^.;!?]{{0,100}}?\s(?:{trie_regex(set(_SHOW_VERBS))})\b"
)
# "Orlen Rail data show", "Census Bureau data show": no possessive, the verb right after
_NAMED_REPORT = re.compile(
    rf"(?P<owner>{_NAME})\s+(?:[a-z][\w-]*\s+)?(?:{trie_regex(set(REPORT_NOUNS))})\s+"
    rf"(?:also\s+)?(?:{trie_regex(set(_SHOW_VERBS))})\b"
)


# "Figures published yesterday by the national statistics office show ...": the
# publisher is the source
_PASSIVE_REPORT = re.compile(
    rf"\b(?i:{trie_regex(set(REPORT_NOUNS))}),?\s+(?:published|released|issued|compiled|collected)"
    rf"\s+(?:[\w]+\s+){{0,3}}?by\s+(?P<owner>(?:the\s+)?(?:(?!on\s)[\w’'-]+\s+){{0,4}}?[\w’'-]+)"
    rf"(?:\s+on\s+[\w]+)?,?\s+(?:{trie_regex(set(_SHOW_VERBS))})\b"
)


# "a poll by Velland Research showed", "a survey from the institute shows"
_REPORT_BY = re.compile(
    rf"\b(?:(?:[Aa]n?|[Tt]he|[Ii]ts)\s+)?(?:[\w-]+\s+){{0,2}}?(?i:{trie_regex(set(REPORT_NOUNS))})\s+"
    rf"(?:by|from)\s+(?P<owner>(?:the\s+)?{_NAME})\s+(?:{trie_regex(set(_SHOW_VERBS))})\b"
)


def _owned_report(
    v: re.Match[str],
    text: str,
    s: int,
    sent: str,
    speakers: _Speakers,
    out: list[_Marker],
    taken: list[tuple[int, int]],
) -> None:
    """A leading marker for "X's survey ... shows": X is the source of what follows,
    the survey's own figures included ("a survey of 120 dealers")."""
    found = list(_OWNED_REPORT.finditer(sent, max(0, v.start() - s - 160), v.end() - s))
    found += _NAMED_REPORT.finditer(sent, max(0, v.start() - s - 80), v.end() - s)
    if not found and ("by " in sent or "from " in sent):
        found = list(_PASSIVE_REPORT.finditer(sent, max(0, v.start() - s - 160), v.end() - s))
        found += _REPORT_BY.finditer(sent, max(0, v.start() - s - 120), v.end() - s)
    for m in found:
        if m.end() != v.end() - s:
            continue
        os_, oe = s + m.start("owner"), s + m.end("owner")
        if any(a <= os_ < b for a, b in taken) or m["owner"] in _NO_SUBJECT_START:
            return  # (and "The data show": no owner)
        if os_ == s and " " not in m["owner"] and not speakers.proper_inside(m["owner"]):
            return  # "Company data showed": a capitalised common word, no name
        speaker = speakers.resolve(m["owner"], os_, s)
        unnamed = (speaker or "the ")[:4].lower() == "the "
        if m.re is _OWNED_REPORT and m["owner"][:4].lower() == "the " and unnamed:
            return  # "the bank's figures show" with no bank named: which bank is unsure
        if m.re is _PASSIVE_REPORT or m.re is _REPORT_BY:
            # "Figures released by the ministry on Monday show": the release's day and
            # the rest of the phrase describe the source
            os_, oe = s + m.start(), s + m.end()
        # "..., a poll by Velland Research showed.": what comes before is its
        leading = _TRAILING_ADJUNCT.match(text, s + m.end(), s + len(sent)) is None
        out.append(_Marker(os_, oe, speaker, leading, oe))
        taken.append((os_, oe))
        return


# A capitalised calendar word after "said" is a date, not a speaker.
_MONTH_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)
_WHO_SAID = re.compile(rf"\bwho\s+(?:also\s+|later\s+)?(?:{_SAY_VERB})\b")


def _attribute(pos: int, markers: list[_Marker], s: int, e: int, text: str) -> str | None:
    if not markers:
        return None
    for mk in markers:
        if mk.start <= pos < mk.end:
            # inside the speaker phrase: describes the speaker, unless a clause of it
            # reports too ("Ivo Marr, who announced a grant of €5m on Monday, said")
            reported = _WHO_SAID.search(text, mk.start, pos) or (
                text.startswith(("according", "According"), mk.start)
                and _REPORT_FOR.search(text, mk.start, pos)
            )
            return mk.speaker if reported and not mk.inverted else None
    # trailing "according to" at the end outranks an earlier "X said"
    for mk in markers:
        if mk.inverted:
            if pos < mk.start:
                return mk.speaker
            if mk.who >= 0 and pos > mk.who:
                return mk.speaker
            if pos >= mk.end:
                return None
    after = [mk for mk in markers if mk.start > pos and not mk.leading and not mk.inverted]
    before = [mk for mk in markers if mk.end <= pos]
    if after:
        # the clause between the figure and a trailing marker belongs to that marker,
        # unless a leading marker sits in between ("..., but Kovač said ...")
        mk = after[0]
        if not any(b.leading and b.start > pos for b in markers if b.start < mk.start):
            return mk.speaker
    for mk in reversed(before):
        if mk.leading:
            if pos < mk.adjunct_end or (mk.results and _AS_CLAUSE.search(text, mk.end, pos)):
                return None
            if mk.forecast and _BUT_CLAUSE.search(text, mk.end, pos):
                return None  # "Analysts had expected 0.3%, but prices fell 0.1%"
            return mk.speaker
        if mk.inverted:
            continue
        # after a trailing marker: its adjunct ("said on March 11") is not attributed;
        # a following clause is, unless it is the reporter's ("as", "when")
        if pos < mk.adjunct_end:
            return None
        rest = text[mk.adjunct_end : pos]
        clause = _CLAUSE_GAP.match(rest)
        tail = rest[clause.end() :] if clause else rest
        if _NO_ATTRIBUTION_CLAUSE.match(tail):
            return None
        return mk.speaker
    return None


# verbs whose object is a result, not a statement: "Orlen reported record sales ..."
_RESULT_VERBS = _word_set("reported reports announced posted")
# a clause of the reporter's after that object: "... as its revenue reached $3bn"
_AS_CLAUSE = re.compile(r"\bas\s+(?:its|their)\s")
# what happened after an expectation: ", but prices fell"
_BUT_CLAUSE = re.compile(r",\s+(?:but|while|whereas)\s")


# what a report covers, inside "according to" its source: "the firm's guidance for
# the third quarter", "a survey of 1,500 adults"
_REPORT_FOR = re.compile(
    r"\b(?:outlook|forecasts?|guidance|survey|poll|estimates?|projections?|study|report)"
    r"\s+(?:for|of)\s"
)


def _in_quotes(text: str, s: int, e: int) -> bool:
    return text[s : s + 1] in _QUOTES or (text[s : s + 1] == "'" and text[e - 1 : e] in _QUOTES)


def _read_markers(
    text: str,
    spans: list[tuple[int, int]],
    last: int,
    speakers: _Speakers,
    verbs: list[re.Match[str]] | None,
    out: dict[int, list[_Marker]],
) -> None:
    """The markers of each sentence with a speech verb, up to the one holding ``last``.
    Markers are read for every such sentence so that pronouns resolve; speech verbs are
    found once per document and only their sentences are parsed."""
    starts = [s for s, _ in spans]
    end = spans[-1][1] if spans else 0
    if verbs is None or _WORD_CHAR.match(text, end):
        # the text up to the last sentence; scanned again when that sentence is a piece
        # cut inside a word, whose last word ends at the cut
        verbs = list(_SAY_QUICK.finditer(text, 0, end))
    verb_starts = [m.start() for m in verbs]
    done = -1  # sentences up to this one have their markers
    for k, at in enumerate(verb_starts):
        i = bisect.bisect_right(starts, at) - 1
        if i <= done:
            continue  # before the first sentence, or a sentence already read
        s, e = spans[i]
        if s > last:
            break
        if at >= e:
            continue  # (between sentences)
        done = i
        if _WORD_CHAR.match(text, e):
            # a run-on piece cut inside a word: its last word ends at the cut
            inside = list(_SAY_QUICK.finditer(text, s, e))
        else:
            # the document's verbs are the sentence's: none can cross its end
            inside = verbs[k : bisect.bisect_left(verb_starts, e, k)]
        out[i] = _markers(text, s, e, speakers, inside)


def annotate(
    doc: Document, cands: list[Candidate], verbs: list[re.Match[str]] | None = None
) -> list[Figure]:
    """Figures with sentence offsets and attribution, from the engine's candidates.
    ``verbs``: the text's speech verbs (``SPEECH_VERBS``) in order, if the caller has them."""
    text = doc.text
    if not cands:
        return []
    last = cands[-1].start
    # the text's quotations, when it has quotation marks
    # the last figure may be in a quotation whose speaker is named after it: read its
    # paragraph to the end when the paragraph has a quotation mark before the figure
    para = text.rfind("\n", 0, last) + 1
    if _QUOTE_MARK.search(text, para, last):
        end = text.find("\n", last)
        last = end if end >= 0 else len(text)
    has_quotes = '"' in text or "“" in text or "”" in text
    quotes: list[tuple[int, int]] | None = None  # found when first needed
    spans = sentence_spans(text, last)
    starts = [s for s, _ in spans]
    speakers = _Speakers(text, starts)
    markers_by_sentence: dict[int, list[_Marker]] = {}
    turns = _turns(text, speakers)
    # the dateline's date is the reporter's: "KASTEL, Varnia, March 10 (CPA) - ..."
    dateline = _DATELINE.match(text)
    dateline_end = dateline.end() if dateline else -1
    _read_markers(text, spans, last, speakers, verbs, markers_by_sentence)
    figures: list[Figure] = []
    # the speaker a quoted sentence without markers takes, by sentence: its figures share it
    quoted: dict[int, str | None] = {}
    # the source of the last figure of each sentence: reported figures run on
    spoken: dict[int, str | None] = {}
    # by sentence, the figures a decision-maker set: "the bank raised its rate to 4.5%"
    decisions: dict[int, list] = {}
    # by sentence, whether it has a word of an expectation or a target (most have none)
    hinted: dict[int, bool] = {}
    for c in cands:
        i = bisect.bisect_right(starts, c.start) - 1
        if i < 0:
            i = 0
        s, e = spans[i] if spans else (0, len(text))
        in_span = s <= c.start < e or c.start == s
        if not in_span:
            s, e = c.start, c.end
        markers = markers_by_sentence.get(i)
        # in a transcript every figure is the turn's speaker's, "Officials say ..." too
        turn = _turn_speaker(c.start, turns) if turns[0] else None
        if turn is not None and not c.apposition:
            who = turn
        elif markers:
            who = None if c.apposition else _attribute(c.start, markers, s, e, text)
            if c.start < dateline_end:
                who = None
        elif c.apposition:
            who = None
        elif in_span and i in quoted:
            who = quoted[i]
            if who is None and decisions.get(i) != [] and not c.apposition and c.kind in _DECIDED:
                who = _decided(c, i, s, e, text, speakers, decisions)
        else:
            who = None
            if has_quotes:
                if quotes is None:
                    quotes = _quotations(text)
                who = _quote_speaker(c.start, quotes, starts, markers_by_sentence, text)
            if who is None:
                who = (
                    _neighbour_speaker(i, spans, markers_by_sentence, text)
                    if _in_quotes(text, s, e)
                    else None  # most sentences: no speech verb, no quote
                )
            if who is None and in_span:
                who = _carried(i, spans, markers_by_sentence, text, spoken, speakers)
            if in_span:
                quoted[i] = who
                if who is None and not c.apposition and c.kind in _DECIDED:
                    who = _decided(c, i, s, e, text, speakers, decisions)
        if in_span:
            spoken[i] = who
        if in_span and i not in hinted:
            sentence = text[s:e]
            hinted[i] = any(w in sentence for w in _EXPECTATION_WORDS)
        if hinted.get(i, True):
            held = _expectation(c.start, c.end, text, speakers)
            if held is not None:
                who = held or None
        figures.append(
            new_figure(
                c.start,
                c.end,
                text[c.start : c.end],
                c.value,
                c.unit,
                c.kind,
                c.approx,
                c.qualifier,
                c.subject,
                who,
                s,
                e,
                c.overflow,
            )
        )
    return figures


# a wire story's dateline, ended by a dash or a colon: "KASTEL, Varnia, March 10 (CPA) - ",
# "VELANAD, Oct 22 (BSW): ", "LONDON (Ledger) — "; the place in capitals
_DATELINE = re.compile(
    r"\s*[A-Z][A-Z'’.\-]{2,}(?:[ ][A-Z][A-Z'’.\-]+)*"
    r"(?:,[^\n,:;()]{1,30}){0,3}(?:[ ]\([^()\n]{1,40}\))?[ ]?(?:[-–—]|:)[ ]"
)


# Who holds an expectation written right after its figure: "the 13.8p analysts had
# expected", "the £4.7bn that City analysts had pencilled in", "the £4.7bn the City had
# forecast", "the half-million mark that chairman Ivo Marr set"
_HOLDER_GROUPS = _word_set("analysts economists forecasters investors traders markets")
_EXPECTATION = re.compile(
    r"(?:[ ](?:mark|level|figure|threshold))?[ ](?:that[ ]|which[ ])?"
    rf"(?P<who>(?:{_CAP}[ ])?(?:{trie_regex(set(_HOLDER_GROUPS))})|the[ ]City|Wall[ ]Street"
    rf"|(?:(?:{trie_regex(set(_AFFILIATION_ROLES))})[ ])?{_CAP}[ ]{_CAP})"
    r"[ ](?:had[ ]|have[ ]|has[ ])?(?:expected|forecast|predicted|pencill?ed[ ]in|projected|"
    r"anticipated|set|targeted)\b"
)
# the end of a figure (or "the mark that") right before an expectation's holder
_FIGURE_BEFORE = re.compile(
    r"(?:(?<![\w.])\D?\d(?:[\d.,]*\d)?[^\s,;:.]*"
    r"|per[ ]cent|percent|million|billion|trillion|bn|mn|points?|mark|level)"
    r"[ ](?:that[ ]|which[ ])?(?:the[ ])?$"
)
# a target or goal after its figure, and its owner before: "the bank's 2% target"
_TARGET_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?(?:target|goal|ceiling)\b")
_TARGET_OWNER = re.compile(
    rf"(?:\b(?P<own>[Tt]he\s+(?:[\w-]+\s+)?(?:{trie_regex(set(ROLE_NOUNS))}))['’]s|\bits)"
    r"\s+(?:[a-z]+\s+)?$"
)
# the verbs _EXPECTATION ends with, found in a plain search first
_EXPECTATION_HINT = re.compile(
    r"expected|forecast|predicted|pencill?ed|projected|anticipated|set\b|targeted"
)
# any word _expectation looks for, searched once per sentence (as plain substrings)
_EXPECTATION_WORDS = _word_set(
    "expected forecast predicted pencil projected anticipated set target goal ceiling s' s’"
)
# an expectation whose owner is written before it: "economists' forecasts of 70,000"
_OWNED_EXPECTATION = re.compile(
    r"\b[a-z]+s['’][ ](?:average[ ]|consensus[ ]|median[ ])?"
    r"(?:forecasts?|expectations?|estimates?|predictions?)[ ](?:of|for)[ ]"
    r"(?:about[ ]|around[ ]|roughly[ ]|some[ ])?$"
)


def _expectation(start: int, end: int, text: str, speakers: _Speakers) -> str | None:
    """The holder of the expectation a figure is ("analysts"), "" when its holder is a
    crowd written before it ("economists' forecasts of 70,000": no one's statement), or
    None when the figure is no expectation."""
    after = text[end : end + 80]
    m = _EXPECTATION.match(text, end, end + 80) if _EXPECTATION_HINT.search(after) else None
    if m:
        raw = m["who"]
        if raw.split()[-1] in _HOLDER_GROUPS or raw.startswith(("the ", "Wall")):
            return raw
        toks = raw.split()
        if toks[0] in _AFFILIATION_ROLES:
            toks = toks[1:]
        return speakers.resolve(" ".join(toks), m.start("who"), m.start("who"))
    before = text[max(0, start - 50) : start]
    if ("s'" in before or "s’" in before) and _OWNED_EXPECTATION.search(before):
        return ""
    if "target" not in after and "goal" not in after and "ceiling" not in after:
        return None  # most figures: no expectation, no target
    return _target_owner(start, end, text, speakers)


def _target_owner(start: int, end: int, text: str, speakers: _Speakers) -> str | None:
    """The organisation whose target a figure is: "the bank's 2% target", "far above its
    2% goal" (the organisation "its" refers to); None for any other figure."""
    if _TARGET_AFTER.match(text, end) is None:
        return None
    own = _TARGET_OWNER.search(text, max(0, start - 40), start)
    if own is None:
        return None
    raw = own["own"] or "it"
    who = speakers.resolve(raw, own.start(), own.start())
    if not who or who.lower() == raw.lower():
        return None  # "the central bank's 2% target" with no bank named: the reporter's
    # "its" is an organisation written before it, not one that speaks later on
    return who if text.rfind(who, max(0, start - 5000), start) >= 0 else None


def _quotations(text: str) -> list[tuple[int, int]]:
    """(opening mark, closing mark) of each quotation, in order. A quotation open at the
    end of a paragraph goes on when the next paragraph opens with a quotation mark (a
    speech of several paragraphs); otherwise it ends with its paragraph."""
    out: list[tuple[int, int]] = []
    open_at = -1
    seen = -1  # line breaks up to here are inside the open quotation already
    for m in _QUOTE_MARK.finditer(text):
        at = m.start()
        ch = text[at]
        if open_at >= 0:
            nl = text.find("\n", seen, at)
            if nl < 0:
                if ch != "“":
                    out.append((open_at, at))
                    open_at = -1
                continue
            if ch != "”" and not text[nl:at].strip():
                seen = at  # the next paragraph opens with a mark: the quotation goes on
                continue
            out.append((open_at, nl))  # it ended with its paragraph
            open_at = -1
        if ch != "”":
            open_at = seen = at
    if open_at >= 0:
        nl = text.find("\n", seen)
        out.append((open_at, nl if nl >= 0 else len(text)))
    return out


def _quote_speaker(
    pos: int,
    quotes: list[tuple[int, int]],
    starts: list[int],
    markers: dict[int, list[_Marker]],
    text: str,
) -> str | None:
    """The speaker of the quotation that holds ``pos``: named right after its closing
    mark ('...," she said') or right before its opening one ('Mara Lenz said: "...')."""
    k = bisect.bisect_right(quotes, (pos, len(text))) - 1
    if k < 0 or not quotes[k][0] < pos < quotes[k][1]:
        return None
    qs, qe = quotes[k]
    for mk in markers.get(bisect.bisect_right(starts, qe) - 1, ()):
        if mk.start > qe and not text[qe + 1 : mk.start].strip(" ,"):
            return mk.speaker
    for mk in reversed(markers.get(bisect.bisect_right(starts, qs) - 1, ())):
        if mk.end <= qs:
            between = text[mk.end : qs].strip()
            if not between or (len(between) <= 40 and between.endswith((":", ","))):
                return mk.speaker
            break
    if text.find("\n", qs, pos) < 0:
        return None
    # a speech that runs on into a new paragraph: its speaker is named where it began,
    # in the sentence that opens it or a neighbour in that paragraph
    j = bisect.bisect_right(starts, qs) - 1
    for k in (j, j - 1, j + 1):
        if 0 <= k < len(starts) and "\n" not in text[min(starts[k], qs) : max(starts[k], qs)]:
            who = next((mk.speaker for mk in markers.get(k, ()) if mk.speaker), None)
            if who:
                return who
    return None


# Who decides a figure is its source: "the Valdoria central bank raised its main rate by
# 0.25 points to 4.5%", "Orlen Securities has set a price target of $500", "Valdoria
# analyst Ivo Marr has provided a price target of $540". The figure must follow the
# decided thing (a rate, a target, a forecast...) in the same clause.
_DECISION_VERBS = _word_set(
    "raised raises lifted lifts cut cuts lowered lowers increased reduced set sets kept "
    "held left provided gave issued put puts pegged trimmed hiked"
)
_DECIDED_NOUNS = _word_set(
    "rate rates target targets forecast forecasts guidance outlook estimate estimates "
    "projection projections rating goal costs"
)
_DECISION = re.compile(
    # a named decision-maker only: "the central bank cut its rate" may be the reporter's
    rf"(?P<sub>(?:[Tt]he\s+)?{_CAP}(?:\s+(?:of\s+)?{_CAP}){{0,4}})"
    rf"(?:\s+(?:{trie_regex(set(_AFFILIATION_ROLES))})\s+(?P<person>{_CAP}\s+{_CAP}))?"
    r"\s+(?:has\s+|have\s+|had\s+|also\s+|now\s+)?"
    rf"(?P<v>{trie_regex(set(_DECISION_VERBS))})\b"
    rf"[^,.;]{{0,60}}?\b(?:{trie_regex(set(_DECIDED_NOUNS))})\b"
)
# a court's ruling: "the Orlen district court fined the operator €4m", "The tribunal
# sentenced him to six years"
_RULING = re.compile(
    rf"(?P<sub>[Tt]he\s+(?:{_CAP}\s+|[a-z]+\s+){{0,3}}(?:court|tribunal|judge|regulator|watchdog)|"
    rf"(?:{_CAP}\s+){{1,4}}(?:Court|Tribunal))"
    r"\s+(?:also\s+|has\s+|had\s+)?(?:fined|sentenced|ordered)\b"
)
_CLAUSE_END = re.compile(r"[,.;](?=\s|$)")
# the kinds of figure a decision sets: not its day ("on Feb. 5" is the reporter's)
_DECIDED = frozenset(("count", "money", "percent", "rate", "measure", "duration", "range"))
_DECIDED |= frozenset(("ordinal", "vague", "age", "score"))


def _decisions(
    text: str, s: int, e: int, speakers: _Speakers, ruled_at: list[int]
) -> list[tuple[int, int, str | None]]:
    """(start, end, source) of the stretches of sentence ``text[s:e]`` whose figures the
    sentence's decision-maker set or its court ruled."""
    out: list[tuple[int, int, str | None]] = []
    # a decision-maker is named first: most sentences open otherwise ("The train ...",
    # "In May ...") and are done without the pattern
    sp = text.find(" ", s, s + 40)
    first = text[s:sp] if sp > 0 else ""
    named = first[:1].isupper() and (
        text[sp + 1 : sp + 2].isupper() if first == "The" else first not in _NO_SUBJECT_START
    )
    m = _DECISION.match(text, s, e) if named else None
    if m:
        end = _CLAUSE_END.search(text, m.end(), e)
        raw = m["person"] or m["sub"]
        out.append((m.end(), end.start() if end else e, speakers.resolve(raw, s, s)))
    k = bisect.bisect_left(ruled_at, s)
    rulings = _RULING.finditer(text, s, e) if k < len(ruled_at) and ruled_at[k] < e else ()
    for r in rulings:
        out.append((r.end(), e, speakers.resolve(r["sub"], r.start(), s)))
    return out


def _ruling_verbs(text: str) -> list[int]:
    """Where "fined", "sentenced" and "ordered" stand in ``text``, in order."""
    out: list[int] = []
    for verb in ("fined", "sentenced", "ordered"):
        at = text.find(verb)
        while at >= 0:
            out.append(at)
            at = text.find(verb, at + 1)
    out.sort()
    return out


def _decided(
    c: Candidate,
    i: int,
    s: int,
    e: int,
    text: str,
    speakers: _Speakers,
    decisions: dict[int, list],
) -> str | None:
    found = decisions.get(i)
    if found is None:
        ruled = decisions.get(-1)
        if ruled is None:
            # where the text's ruling verbs stand, found once (the key -1 is no sentence)
            ruled = decisions[-1] = _ruling_verbs(text)
        found = decisions[i] = _decisions(text, s, e, speakers, ruled)
    for lo, hi, who in found:
        if lo <= c.start < hi:
            return who
    return None


def _neighbour_speaker(
    i: int, spans: list[tuple[int, int]], markers: dict[int, list[_Marker]], text: str
) -> str | None:
    """Speaker of a quoted sentence from the sentence before or after it in the paragraph."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(spans):
            lo, hi = sorted((spans[i][0], spans[j][0]))
            if "\n" in text[lo:hi]:
                continue
            for mk in markers.get(j, []):
                if mk.speaker:
                    return mk.speaker
    return None


def _carried(
    i: int,
    spans: list[tuple[int, int]],
    markers: dict[int, list[_Marker]],
    text: str,
    spoken: dict[int, str | None],
    speakers: _Speakers,
) -> str | None:
    """A paraphrase runs on: a sentence without markers whose subject refers back to a
    source ("It expects...", "The agency plans...", "She ...") takes the speaker of the
    nearest sentence with markers in its paragraph, at most ``CARRY_SENTENCES`` back
    (a bound, so a paragraph of endless sentences costs linear time)."""
    ref = _ANAPHOR.match(text, spans[i][0])
    if ref is None:
        # most sentences follow one whose figures have no source: nothing runs on
        if spoken.get(i - 1) is None:
            return None
        who = _run_on(i, spans, markers, text, spoken)
        return who if who is not None else _parallel(i, spans, markers, text, spoken)
    if ref["p"].startswith("The") and not ref[0].endswith("s"):
        # "The agency plans to vaccinate 250,000": an organisation that has spoken, in
        # any paragraph before, is the source of what it does
        named = speakers.spoken_org(ref["p"].lower().split()[1:])
        if named:
            return named
    who: str | None = None
    for j in range(i - 1, max(-1, i - 1 - CARRY_SENTENCES), -1):
        if "\n" in text[spans[j][1] : spans[j + 1][0]]:
            break  # not across a paragraph break
        prev = markers.get(j)
        if prev:
            who = next((mk.speaker for mk in reversed(prev) if mk.speaker), None)
            break
    if who is None:
        return None
    if ref["p"] in _PERSON_PRONOUNS:
        return who if _is_person(who) else None
    # "It will employ 3,000" after a chief executive spoke: she speaks for it; "the
    # company" after a person is the reporter's subject
    if ref["p"] == "It":
        return who
    if _is_person(who):
        return None
    # "The ministry's figures" after "Orlen Bank said": another body, not the source
    head = ref["p"].split()[-1].lower()
    return who if head in _GENERIC_ORG_HEADS or head in who.lower().split() else None


# words of a measure's name that say nothing of which measure it is
_MEASURE_STOP = _word_set(
    "the a an of in on at for to from by with and or its their his her this that these "
    "those was were is are has have had been be will would rose fell grew climbed dropped "
    "up down per cent percent quarter year month week said says also than more less"
)


_DIGIT = re.compile(r"\d")
# the verb that gives a measure its figure: "earnings were $3.40", "sales rose 4%"
_MEASURE_VERB = re.compile(
    r"\s(?:were|was|is|are|rose|fell|grew|stood|reached|totalled|totaled|increased|"
    r"decreased|declined|dropped|climbed|came\s+in)\s"
)


def _measure_words(text: str, s: int, e: int) -> set[str]:
    """The content words of a sentence's subject when the sentence gives a measure: at
    most eight words before a verb of being or change ("Adjusted profit per ordinary
    share was $3.40" -> adjusted, profit, ordinary, share); none for other sentences
    ("Rescuers have pulled 24 people ...")."""
    out: set[str] = set()
    verb = _MEASURE_VERB.search(text, s, min(e, s + 120))
    if verb is None:
        return out
    head = text[s : verb.start()]
    if _DIGIT.search(head):
        return out  # a figure before the verb: no plain measure
    toks = head.split()
    if len(toks) > 8:
        return out
    for tok in toks:
        word = tok.strip(",.;:()\"'“”‘’").lower()
        if len(word) > 2 and word.replace("-", "").isalpha() and word not in _MEASURE_STOP:
            out.add(word)
    return out


def _parallel(
    i: int,
    spans: list[tuple[int, int]],
    markers: dict[int, list[_Marker]],
    text: str,
    spoken: dict[int, str | None],
) -> str | None:
    """A sentence that gives the same measure as the attributed sentence just before it,
    in its paragraph or at the start of the next, has its source: "The firm said reported
    profit per share was $1.10 ... \n\nAdjusted profit per share was $3.40" (at
    least two words of its subject written in the sentence before)."""
    j = i - 1
    if markers.get(i) or spoken.get(j) is None:
        return None
    s, e = spans[i]
    ps, pe = spans[j]
    if text.count("\n", pe, s) > 2 or _has_quote(text, s, e) or _has_quote(text, ps, pe):
        return None
    subject = _measure_words(text, s, e)
    if len(subject) < 2:
        return None
    low = text[ps:pe].lower()
    if sum(1 for w in subject if w in low) < 2:
        return None  # most sentences: fewer than two of its words even as substrings
    before = {w.strip(",.;:()\"'“”‘’").lower() for w in low.split()}
    return spoken[j] if len(subject & before) >= 2 else None


CARRY_SENTENCES = 8
# how many organisations, or names before a position, "the company" is looked up among
MAX_ORGS = 32


def _run_on(
    i: int,
    spans: list[tuple[int, int]],
    markers: dict[int, list[_Marker]],
    text: str,
    spoken: dict[int, str | None],
) -> str | None:
    """Reported speech runs on into the next sentence of its paragraph: "Coverage fell to
    81%, the agency said. It stood at 93% in 2015" and "... The previous peak, 40 cm, came
    in 1998." The sentence just before must be indirect speech whose source holds to its
    end; after a direct quote the reporter speaks again ('"...," she said. Shares rose 2%')."""
    j = i - 1
    if j < 0 or spoken.get(j) is None:
        return None  # no figure of the sentence before has a source: nothing runs on
    prev = markers.get(j)
    if not prev:
        # after "The agency plans ... €3.2m." (the agency's own), its plan goes on
        ref = _ANAPHOR.match(text, spans[j][0])
        if ref is None or ref[0].endswith("s") or j in markers:
            return None
        ps, pe = spans[j]
        s, e = spans[i]
        if "\n" in text[pe:s] or _has_quote(text, s, e) or _MARKET_MOVE.match(text, s, e):
            return None
        return spoken.get(j)
    ps, pe = spans[j]
    s, e = spans[i]
    if i in markers or "\n" in text[pe:s] or _has_quote(text, ps, pe) or _has_quote(text, s, e):
        return None  # its own reporting verb with no source ("data showed"), a quote
    who = _end_speaker(prev, ps, pe, text)
    if who is None or spoken.get(j) != who or _MARKET_MOVE.match(text, s, e):
        return None  # only figures run on, not a scene; share moves are the reporter's
    return who


# a sentence about the market's reaction: "Shares rose 4%", "Harlow's stock fell"
_MARKET_MOVE = re.compile(
    r"(?:[\w’'-]+\s+){0,3}?(?:shares|stock|stocks|index|bonds?|yields?)\b", re.I
)


def _has_quote(text: str, s: int, e: int) -> bool:
    return _QUOTE_MARK.search(text, s, e) is not None


_QUOTE_MARK = re.compile('["“”]')


def _end_speaker(markers: list[_Marker], s: int, e: int, text: str) -> str | None:
    """Who speaks at the end of sentence ``text[s:e]`` when the source is named after what
    it said ("..., the agency said." / "..., said Ola Fenn, its director.")."""
    last = markers[-1]
    if last.leading:
        return None  # "X said (that) ...": the next sentence is often the reporter's again
    if last.inverted:
        return last.speaker if last.who < 0 else None
    return _attribute(e - 1, markers, s, e, text)


# a subject that refers back to a source named before: a pronoun or "the agency"
_ANAPHOR = re.compile(
    r"(?P<p>It|He|She|His|Her|"
    rf"The\s+(?:[\w-]+\s+)?(?:{trie_regex(set(ROLE_NOUNS) - _PERSON_ROLES)}))"
    r"(?:['’]s)?(?![\w’'])"
)
_PERSON_PRONOUNS = frozenset(("He", "She", "His", "Her"))


# A transcript's turns: "HELLER: The main shock...", "DAVID ASHWORTH: On costs...",
# "PRIYA RAMAN (Castlegate Securities): ..." at the start of a line, in capitals.
_TURN_LABEL = re.compile(
    r"(?m)^(?P<label>[A-Z][A-Z'’.\-]+(?:[ ][A-Z][A-Z'’.\-]*){0,3})(?:[ ]\([^)\n]{1,60}\))?:[ \t]"
)
# labels of a turn, or of the page, that name no speaker
_NOT_SPEAKER_LABELS = _word_set(
    "Q A QUESTION QUESTIONS ANSWER MODERATOR OPERATOR REPORTER REPORTERS INTERVIEWER "
    "AUDIENCE HOST CHAIR UPDATE UPDATED NOTE WATCH READ MORE ALSO BREAKING LIVE PHOTO "
    "VIDEO EDITOR EDITOR'S EDITOR’S SOURCE SOURCES CLARIFICATION CORRECTION"
)


def _turns(text: str, speakers: _Speakers) -> tuple[list[int], list[str | None]]:
    """Where each turn of a transcript starts and who speaks in it. A text with fewer
    than two labels is no transcript (one label is a dateline: "VELANAD: ...")."""
    found = list(_TURN_LABEL.finditer(text)) if ":" in text else []
    if len(found) < 2:
        return [], []
    starts: list[int] = []
    names: list[str | None] = []
    for m in found:
        words = m["label"].split()
        name: str | None = None
        if not any(w in _NOT_SPEAKER_LABELS for w in words):
            name = " ".join(w[0] + w[1:].lower() for w in words)
            if " " not in name:
                # "HELLER:" is Marta Heller's turn; "LONDON:" in a round-up is no one's
                full = speakers._full_name(name, len(text))
                name = full if full and _is_person(full) else None
        starts.append(m.start())
        names.append(name)
    return starts, names


def _turn_speaker(pos: int, turns: tuple[list[int], list[str | None]]) -> str | None:
    """The speaker of the transcript turn that holds ``pos`` (after its label)."""
    k = bisect.bisect_right(turns[0], pos) - 1
    return turns[1][k] if k >= 0 else None


# an acronym ("RMC", "NHI") as a source, spelled out where the text defines it
_ACRONYM = re.compile(r"[A-Z]{2,6}")
MAX_ACRONYMS = 16


@functools.lru_cache(maxsize=256)
def _acronym_definition(acronym: str) -> re.Pattern[str]:
    return re.compile(
        rf"((?:{_CAP_WORD}[ \t]+(?:(?:of|for|and|on|the)[ \t]+)?){{1,8}})\(\s*{acronym}\s*\)"
    )


def _initials(name: str) -> str:
    """ "VGS" for "Velland Geological Survey", "USGS" for "U.S. Geological Survey"."""
    out = []
    for w in name.split():
        if "." in w:
            out.append(w.replace(".", ""))  # "U.S."
        elif w[:1].isupper():
            out.append(w[0])
    return "".join(out)


def _span_of(words: str, letters: int) -> int:
    """How many trailing words of ``words`` hold ``letters`` capitalised words."""
    toks = words.split()
    n = caps = 0
    for t in reversed(toks):
        n += 1
        if t[0].isupper():
            caps += 1
            if caps == letters:
                break
    return n
