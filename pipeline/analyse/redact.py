"""What the public edition removes from every text (docs/contract.md §6): personal data.

- Any e-mail address, whoever's, wherever it was typed.
- Any phone number: a run of at least seven digits that is a valid number of a member
  country (or written with its international prefix), as the phonenumbers library (the
  port of Google's libphonenumber) judges it; dates and quantities (1.500.000, 1 500 000)
  are not phone numbers, nor part of one: a date (2028-01-01, 31/12/2027) is set aside
  before phones are looked for, so "100 (2028-01-01)" keeps its date.
- The focal points' names as they signed the submission block, however written again:
  any case, with or without accents, in any order ("Pérez, Ana María"), and a surname
  after a title ("la Sra. Pérez").
- The focal points' institutions, the same way, and an acronym given in parentheses.

A name the outputs use for reference (a reporter, a party, a working group, a pillar, a
theme) is never personal data, even where a focal point wrote it as their institution
(a network's acronym): the Redactor is told them (`keep`) and never takes one out.

What it cannot know: a person's name it was never told (someone named only in an
observation), or a phone number written with fewer digits than a real one.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import phonenumbers

from pipeline.model.text import fold

REGIONS = ("GT", "HN", "SV", "NI", "CR", "PA", "MX", "BZ", "DO", "US", "CA")
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# An address written to dodge robots: "ana . lopez @ example . org", "ana(at)example.org",
# "ana [arroba] example [punto] org". Looked for only around each "@" or "(at)", within
# a reach of characters either side (a pattern over the whole text backtracks for ever
# on a hostile cell of dotted words).
_DOT = r"(?:\s*\.\s*|\s*[\(\[]\s*(?:dot|punto)\s*[\)\]]\s*)"
_AT_MARK = re.compile(r"\s*@\s*|\s*[\(\[]\s*(?:at|arroba)\s*[\)\]]\s*", re.IGNORECASE)
_LOCAL = re.compile(rf"[\w+'-]+(?:{_DOT}[\w+'-]+)*$", re.UNICODE | re.IGNORECASE)
_DOMAIN = re.compile(rf"[\w-]+(?:{_DOT}[\w-]+)+", re.UNICODE | re.IGNORECASE)
REACH = 64  # characters either side of the @ an address can take
_DIGITS = re.compile(r"\+?\(?\d[\d\s().\-/]{5,}\d")
_DATE = re.compile(r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$")
# A span of years ("Plan Estratégico 2019-2022", "2026 – 2029"): a period, not a phone.
_YEARS = re.compile(r"^(?:19|20)\d{2}\s*[-–/]\s*(?:19|20)\d{2}$")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
# 1.500.000 people, or 1 500 000 (the space the Spanish spelling rules recommend)
_QUANTITY = re.compile(r"^\d{1,3}(?:(?:[.,]\d{3})+|(?:[ \u00a0\u202f]\d{3})+)(?:[.,]\d+)?$")
# A date written as a day (2028-01-01, 31/12/2027, 12/31/2027, 31.12.2027, 31/12/27): a
# year of this century or the last, a month and a day in range, one separator. It is no
# phone and no part of one: without it "(2028-01-01" was a valid number of Nicaragua.
_DAY = re.compile(r"(?<!\d)(?:(?P<year>(?:19|20)\d{2})(?P<s1>[-/.])(?P<m>\d{1,2})(?P=s1)"
                  r"(?P<d>\d{1,2})|(?P<a>\d{1,2})(?P<s2>[-/.])(?P<b>\d{1,2})(?P=s2)"
                  r"(?P<y>(?:19|20)\d{2}|(?<=/)\d{2}))(?!\d)")
# A member country's prefix just before: "+502 ", "(502) ", a bare "505 " or "505-" (not
# "(1) ", a numbered point; not "505 (", a figure before a date in brackets)
_CODES = sorted({str(phonenumbers.country_code_for_region(r)) for r in REGIONS}, key=len,
                reverse=True)
_THREE = [c for c in _CODES if len(c) == 3]
_PREFIX = re.compile(rf"(?:\+(?:{'|'.join(_CODES)})|\(\+?(?:{'|'.join(_THREE)})\))[\s.\-]*$|"
                     rf"(?<![\d.,])(?:{'|'.join(_THREE)})[\s.\-]+$")
SHIELD = "_"  # what a date's characters become while phones are looked for: no digit, no
# separator, so no phone candidate reaches into or across a date
_WORD = re.compile(r"\w+", re.UNICODE)
WINDOW_GROUPS = 4  # digit groups a phone is written in, at most
WHOLE_GROUPS = 8  # a run of more groups is a table of figures: looked at in windows only
_GROUP = re.compile(r"\+?\(?\d+\)?")  # a group of digits within a run (with its + or parens)
_PARTICLES = {"de", "del", "la", "las", "los", "y", "e", "da", "do", "dos", "das", "van",
              "von", "di", "le"}
_TITLES = {"sr", "sra", "srta", "senor", "senora", "lic", "licda", "licdo", "dr", "dra",
           "ing", "mr", "mrs", "ms", "miss", "don", "dona", "prof", "mtro", "mtra"}


class Redactor:
    """Replaces personal data in a text with `mark`."""

    def __init__(self, names: Iterable[str], institutions: Iterable[str],
                 typed: Iterable[str], mark: str, keep: Iterable[str] = ()) -> None:
        self.mark = mark
        kept = {_sequence(k) for k in keep}
        self.name_words = [w for w in (_words(n) for n in names) if w]
        self.sequences = [w for w in (_sequence(i) for i in _with_acronyms(institutions))
                          if w and w not in kept]
        exact = sorted({t.strip() for t in typed if len(t.strip()) >= 3
                        and _sequence(t) not in kept}, key=len, reverse=True)
        self.exact = re.compile("|".join(map(re.escape, exact)), re.I) if exact else None
        self._memo: dict[str, str] = {}

    def __call__(self, value: object) -> object:
        if not isinstance(value, str) or not value:
            return value
        if value not in self._memo:
            self._memo[value] = self._redact(value)
        return self._memo[value]

    def _redact(self, text: str) -> str:
        if self.exact is not None:
            text = self.exact.sub(self.mark, text)
        if "@" in text:
            text = _EMAIL.sub(self.mark, text)
        if "@" in text or "(" in text or "[" in text:
            text = _disguised(text, self.mark)
        if sum(c.isdigit() for c in text) >= 7:
            text = self._phones(text)
        spans = self._name_spans(text)
        for start, end in sorted(spans, reverse=True):
            text = text[:start] + self.mark + text[end:]
        return text

    def _phones(self, text: str) -> str:
        spans: list[tuple[int, int]] = []
        for candidate in _DIGITS.finditer(_without_days(text)):
            raw = candidate.group()
            if sum(c.isdigit() for c in raw) < 7 or _DATE.match(raw.strip()) or \
                    _YEARS.match(raw.strip()):
                continue
            before = len(spans)
            whole = len(_GROUP.findall(raw)) <= WHOLE_GROUPS  # a long run: windows only
            for region in ("ZZ", *REGIONS) if whole else ():  # ZZ: written with their +
                for found in phonenumbers.PhoneNumberMatcher(
                        raw, region, leniency=phonenumbers.Leniency.VALID):
                    if not (_DATE.match(found.raw_string) or _QUANTITY.match(found.raw_string)):
                        spans.append((candidate.start() + found.start,
                                      candidate.start() + found.end))
            if len(spans) == before:  # "Oficina 3 5555 0101": a phone inside a longer run
                spans += [(candidate.start() + a, candidate.start() + b)
                          for a, b in _phones_within(raw)]
        for start, end in reversed(_merge(spans)):
            text = text[:start] + self.mark + text[end:]
        return text

    def _name_spans(self, text: str) -> list[tuple[int, int]]:
        if not self.name_words and not self.sequences:
            return []
        words = [(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(text)]
        spans: list[tuple[int, int]] = []
        for name in self.name_words:
            spans += _runs(words, name)
        for sequence in self.sequences:
            spans += _sequence_spans(words, sequence)
        return _merge(spans)


def _disguised(text: str, mark: str) -> str:
    """`text` with every address written around an "@" or "(at)" replaced by `mark`."""
    spans = []
    for at in _AT_MARK.finditer(text):
        local = _LOCAL.search(text[max(0, at.start() - REACH):at.start()])
        domain = _DOMAIN.match(text, at.end(), min(len(text), at.end() + REACH))
        if local and domain:
            spans.append((at.start() - len(local.group()), domain.end()))
    for start, end in reversed(_merge(spans)):
        text = text[:start] + mark + text[end:]
    return text


def _without_days(text: str) -> str:
    """`text` with each date's characters (not their places) shielded from the phone search."""
    return _DAY.sub(lambda day: SHIELD * len(day.group()) if _is_day(day) else day.group(),
                    text)


def _is_day(found: re.Match[str]) -> bool:
    """A month from 1 to 12 and a day from 1 to 31, day first or month first (12/31/2027),
    not after a country's prefix ("+502 2011-12-12" is a phone written in three groups)."""
    if _PREFIX.search(found.string, max(0, found.start() - 8), found.start()):
        return False
    if found["year"]:
        return 1 <= int(found["m"]) <= 12 and 1 <= int(found["d"]) <= 31
    a, b = int(found["a"]), int(found["b"])
    return (1 <= b <= 12 and 1 <= a <= 31) or (1 <= a <= 12 and 1 <= b <= 31)


def _phones_within(raw: str) -> list[tuple[int, int]]:
    """The phone numbers inside a run of digit groups that is not one as a whole ("3 5555
    0101", "5555 0101 5555 0102"): windows of up to four whole groups (a phone is written
    in four at most: "+1 809 555 1234") holding 7 to 15 digits, longest first, that are a
    valid number of a member country. Each distinct window is parsed once, so a cell of
    thousands of groups costs a pass, not a parse per pair of groups."""
    groups = [(m.start(), m.end()) for m in _GROUP.finditer(raw)]
    found: list[tuple[int, int]] = []
    for size in range(WINDOW_GROUPS, 0, -1):
        for a in range(len(groups) - size + 1):
            start, end = groups[a][0], groups[a + size - 1][1]
            if any(s < end and start < e for s, e in found):
                continue
            text = raw[start:end]
            if 7 <= sum(c.isdigit() for c in text) <= 15 and not all(
                    _YEAR.match(raw[s:e]) for s, e in groups[a:a + size]) and _is_phone(text):
                found.append((start, end))
    return found


@functools.lru_cache(maxsize=4096)
def _is_phone(text: str) -> bool:
    if _DATE.match(text) or _YEARS.match(text) or _QUANTITY.match(text):
        return False
    for region in ("ZZ", *REGIONS):
        try:
            if phonenumbers.is_valid_number(phonenumbers.parse(text, region)):
                return True
        except phonenumbers.NumberParseException:
            continue
    return False


def _words(name: str) -> frozenset[str]:
    """A person's name as the set of its words that identify (no particles, no initials)."""
    return frozenset(w for w in fold(name).split() if len(w) > 1 and w not in _PARTICLES)


def _sequence(text: str) -> tuple[str, ...]:
    return tuple(fold(text).split())


def _with_acronyms(institutions: Iterable[str]) -> list[str]:
    out = []
    for text in institutions:
        out.append(re.sub(r"\([^)]*\)", " ", text))
        out += [a for a in re.findall(r"\(([^)]{3,})\)", text)]
    return [t for t in out if len(fold(t)) >= 3]


def _runs(words: list[tuple[int, int, str]], name: frozenset[str]) -> list[tuple[int, int]]:
    """Runs of the text's words that are the name's words (particles between them allowed)
    naming at least two of them, or one after a title or after the name's own initials
    ("R. Quiñónez", "A.M. López")."""
    spans = []
    initials = {w[0] for w in name}
    i = 0
    while i < len(words):
        if words[i][2] not in name:
            i += 1
            continue
        j, found = i, set()
        last = i
        while j < len(words) and (words[j][2] in name or words[j][2] in _PARTICLES):
            if words[j][2] in name:
                found.add(words[j][2])
                last = j
            j += 1
        titled = i > 0 and words[i - 1][2] in _TITLES
        first = i
        while first > 0 and len(words[first - 1][2]) == 1 and words[first - 1][2] in initials:
            first -= 1
        if len(found) >= 2 or (len(name) == 1 and found) or titled or first < i:
            spans.append((words[i - 1][0] if titled and len(found) < 2 else words[first][0],
                          words[last][1]))
        i = last + 1
    return spans


def _sequence_spans(words: list[tuple[int, int, str]],
                    sequence: tuple[str, ...]) -> list[tuple[int, int]]:
    size = len(sequence)
    return [(words[i][0], words[i + size - 1][1]) for i in range(len(words) - size + 1)
            if tuple(w[2] for w in words[i:i + size]) == sequence]


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
