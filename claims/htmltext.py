"""Turn submitted HTML into the sanitized HTML we keep and the plain text that
figures point into. Plain Python (nh3 + the standard library), no Django."""

from __future__ import annotations

import re
from html import unescape

import nh3

# Tags a reviewer needs to read an article as published; everything else
# (scripts, styles, forms, iframes, event handlers) is dropped by nh3.
ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "li",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "td": {"colspan"},
    "th": {"colspan"},
}

# Elements whose text starts a new paragraph in the plain text.
_BLOCKS = {
    "p",
    "div",
    "li",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "pre",
    "figure",
    "figcaption",
    "table",
    "ul",
    "ol",
    "section",
    "article",
    "header",
    "footer",
}
# Footnote and superscript markers are not part of the sentence a figure sits in.
_SKIP = {"sup", "script", "style"}


def sanitize_html(html: str) -> str:
    """The HTML we store and may show: only ALLOWED_TAGS, safe links. Linear in
    the input: tags nested past MAX_DEPTH are dropped first (their text kept)."""
    return nh3.clean(
        bounded_html(html),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


# ---------------------------------------------------------------- bounding
# html5ever (inside nh3) walks its stack of open elements for many tags, so
# 120,000 nested <div> cost the square of the depth: 42 s for 600 KB. No
# article nests 200 deep; past MAX_DEPTH the tags go and their text stays.
MAX_DEPTH = 200
# html5ever compares each attribute with the ones before it; past this many a
# tag keeps only the attributes nh3 would keep.
MAX_ATTRIBUTES = 32


def _names(text: str) -> frozenset[str]:
    """A set of tag names written as one string, for readability."""
    return frozenset(text.split())


_VOID = _names(
    "area base basefont bgsound br col embed frame hr image img input keygen link meta "
    "param source track wbr"
)
# Elements that end an "any other end tag" search in html5ever ("special"),
# plus the formatting elements it re-opens later: an end tag is taken to
# close what is above its element only when none of these is in between.
_BLOCKERS = _names(
    "address applet area article aside base basefont bgsound blockquote body br button "
    "caption center col colgroup dd details dir div dl dt embed fieldset figcaption figure "
    "footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe img "
    "input keygen li link listing main marquee menu meta nav noembed noframes noscript "
    "object ol p param plaintext pre script search section select source style summary "
    "table tbody td template textarea tfoot th thead title tr track ul wbr xmp "
    "svg math foreignobject desc mi mo mn ms mtext annotation-xml "
    "a b big code em font i nobr s small strike strong tt u"
)
# Formatting elements html5ever keeps in its list of active formatting
# elements: written without attributes (nh3 drops theirs anyway), so at most
# three alike are ever re-opened (its "Noah's Ark" rule). Not <font>: its
# color, face or size take it out of an <svg>, and its text with it.
_FORMATTING = _names("b big code em i nobr s small strike strong tt u")
# An element that implicitly closes an open element of its own family when
# it is the current one: unclosed <p>, <li>, table cells and rows.
_SIBLINGS = {
    **dict.fromkeys(("li",), frozenset({"li"})),
    **dict.fromkeys(("dt", "dd"), frozenset({"dt", "dd"})),
    **dict.fromkeys(("td", "th"), frozenset({"td", "th"})),
    **dict.fromkeys(("tr",), frozenset({"tr", "td", "th"})),
    **dict.fromkeys(("option",), frozenset({"option"})),
    **dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"), _names("h1 h2 h3 h4 h5 h6")),
}
_CLOSES_P = _names(
    "address article aside blockquote center details dialog dir div dl fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li dd dt listing main menu nav "
    "ol p pre search section summary table ul xmp plaintext"
)
# Raw text (RAWTEXT, or RCDATA that decodes entities): nh3 keeps it as text;
# written here as escaped text, so tags in it are never read as tags.
_RAWTEXT = _names("xmp iframe noembed noframes noscript")
_RCDATA = frozenset({"textarea", "title"})
_DROPPED = frozenset({"script", "style"})  # nh3 drops them with their content

# Start tag: name, then attributes (quoted values may hold ">"); possessive so
# a tag that never ends costs its length once.
_TAG = re.compile(
    r"<(/?)([A-Za-z][^\t\n\f />]*+)((?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+)(>?)"
)
_ATTRIBUTE = re.compile(
    r"([^\t\n\f />=][^\t\n\f /=>]*+)"
    r"(?:[\t\n\f ]*+=[\t\n\f ]*+(\"[^\"]*+\"|'[^']*+'|[^\t\n\f >]++))?"
)
# Comments ("<!-->" and "--!>" end one too), doctypes and other bogus markup.
_MARKUP = re.compile(r"<(?:!--(?:-?>|.*?--!?>|.*+)|[!?/][^>]*+>?)", re.S)


def _escaped(text: str, *, rcdata: bool) -> str:
    if not rcdata:
        text = text.replace("&", "&amp;")
    return text.replace("<", "&lt;")


def _few_attributes(name: str, rest: str) -> str:
    """The tag's attributes, or past MAX_ATTRIBUTES only those nh3 keeps."""
    if rest.count("=") <= MAX_ATTRIBUTES:
        return rest
    keep, seen = ALLOWED_ATTRIBUTES.get(name, ()), set()
    out = []
    for m in _ATTRIBUTE.finditer(rest):
        attr = m[1].lower()
        if attr in keep and attr not in seen:
            seen.add(attr)
            out.append(m[0])
    return "".join(" " + a for a in out)


class _Nesting:
    """Which start and end tags to keep: a stack of open elements that grows at
    least as deep as html5ever's (it closes an element only where html5ever
    surely does), with the tags past MAX_DEPTH dropped. Each element is pushed
    and popped once, so the pass is linear."""

    def __init__(self) -> None:
        self.stack: list[tuple[str, bool]] = []  # (name, kept)
        self.kept = 0
        self.count: dict[str, int] = {}
        self.blockers: list[int] = []  # stack positions of _BLOCKERS

    def push(self, name: str) -> bool:
        kept = self.kept < MAX_DEPTH
        if name in _BLOCKERS:
            self.blockers.append(len(self.stack))
        self.stack.append((name, kept))
        self.kept += kept
        self.count[name] = self.count.get(name, 0) + 1
        return kept

    def pop(self) -> bool:
        name, kept = self.stack.pop()
        self.kept -= kept
        self.count[name] -= 1
        if self.blockers and self.blockers[-1] == len(self.stack):
            self.blockers.pop()
        return kept

    def top(self) -> str | None:
        return self.stack[-1][0] if self.stack else None

    def start(self, name: str) -> bool:
        top = self.top()
        if top is not None and (
            (top == "p" and name in _CLOSES_P) or top in _SIBLINGS.get(name, ())
        ):
            self.pop()
        return self.push(name)

    def end(self, name: str) -> bool:
        """Whether to keep the end tag: those of dropped start tags go too."""
        if not self.count.get(name):
            return True  # html5ever ignores it, or makes an empty element of it
        # the latest element of that name, and nothing that html5ever would not
        # close (or would re-open) above it
        i = len(self.stack) - 1
        limit = self.blockers[-1] if self.blockers else -1
        while i > limit and self.stack[i][0] != name:
            i -= 1
        if i < 0 or self.stack[i][0] != name:
            return True
        kept = True
        while len(self.stack) > i:
            kept = self.pop()
        return kept


def bounded_html(html: str) -> str:
    """``html`` with the start and end tags nested deeper than MAX_DEPTH left
    out (their text kept), comments dropped, raw-text elements written as the
    text nh3 would keep, and formatting tags without attributes. Linear time."""
    out: list[str] = []
    nesting = _Nesting()
    pos, n = 0, len(html)
    while pos < n:
        lt = html.find("<", pos)
        if lt < 0:
            out.append(html[pos:])
            break
        out.append(html[pos:lt])
        m = _TAG.match(html, lt)
        if m is None:
            markup = _MARKUP.match(html, lt)
            if markup is None:  # a "<" that starts nothing
                out.append("<")
                pos = lt + 1
            else:  # comments, doctypes, "</>" and the like: nh3 drops them
                pos = markup.end()
            continue
        pos = m.end()
        closing, name, rest, gt = m.groups()
        if not gt:
            break  # a tag cut off by the end of the input: html5ever drops it
        name = name.lower()
        if closing:
            if nesting.end(name):
                out.append(f"</{name}>")
            continue
        if name in _DROPPED or name in _RAWTEXT or name in _RCDATA:
            end = re.compile(rf"</{name}[\t\n\f />]", re.I).search(html, pos)
            stop = end.start() if end else n
            if name not in _DROPPED:
                out.append(_escaped(html[pos:stop], rcdata=name in _RCDATA))
            close = html.find(">", stop)
            pos = n if end is None or close < 0 else close + 1
            continue
        if name == "plaintext":
            out.append(_escaped(html[pos:], rcdata=False))
            break
        if name in _VOID:
            out.append(f"<{name}{_few_attributes(name, rest)}>")
        elif nesting.start(name):
            attrs = "" if name in _FORMATTING else _few_attributes(name, rest)
            out.append(f"<{name}{attrs}>")
    return "".join(out)


# One token of sanitized HTML: a tag (attribute values quoted, and they may
# hold ">"), a comment, or text. html5ever's serializer (nh3's output) writes
# no raw "<" in text, so a regular expression reads it exactly as
# html.parser does, in a fraction of the time (a third of the CPU of an HTML
# ingest was the parser).
_TOKEN = re.compile(
    r"<(/?)([A-Za-z][A-Za-z0-9]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|<!--.*?-->|([^<]+)|<", re.S
)


def _text_parts(html: str) -> list[str]:
    parts: list[str] = []
    skip_depth = 0
    for m in _TOKEN.finditer(html):
        closing, tag, rest, data = m.groups()
        if data is not None or (tag is None and m[0] == "<"):
            if not skip_depth:
                parts.append(unescape(m[0]))
            continue
        if tag is None:  # a comment
            continue
        tag = tag.lower()
        if not closing:
            if tag in _SKIP:
                skip_depth += 1
            elif tag == "br":
                parts.append("\n")
            elif tag in _BLOCKS:
                parts.append("\n\n")
        if closing or rest.rstrip().endswith("/"):  # an end tag, or a self-closing one
            if tag in _SKIP:
                skip_depth = max(0, skip_depth - 1)
            elif tag in _BLOCKS:
                parts.append("\n\n")
    return parts


_SPACES = re.compile(r"[ \t\r\f\v]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def _folded(line: str) -> str:
    # The regular expression only where it changes something: scanning every
    # line with it cost more than reading the HTML.
    if "  " in line or "\t" in line or "\r" in line or "\f" in line or "\v" in line:
        line = _SPACES.sub(" ", line)
    return line.strip()


def html_to_text(html: str) -> str:
    """Plain text of (already sanitized) HTML: paragraphs separated by a blank
    line, runs of spaces folded, footnote superscripts dropped."""
    text = "\n".join(map(_folded, "".join(_text_parts(html)).split("\n")))
    return _BLANK_LINES.sub("\n\n", text).strip()
