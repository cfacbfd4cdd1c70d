"""The grammar of a deadline written in words, once folded (no accents, no punctuation):
a sequence of periods and of words that carry no date. Anything naming several periods
("2020-2021", "enero-marzo 2021", "1er y 2do año") is due at the end of the last one.

Read: dates (ISO, day first, month names), months, quarters and semesters in every way
they are written (T1 2021, Q1 2021, 1T 2021, primer trimestre 2021, S2 2021, H1 2021),
"mediados de 2021" / "mid-2021", fiscal quarters ("Q3 FY2021", by the month the fiscal
year starts), years, and the plan's years ("1er año", "year 2"). A month, quarter or
semester written without its year takes the round's year, and says so (`assumed_year`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from pipeline.reference.plan import Plan

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        ("enero", "ene", "january", "jan"),
        ("febrero", "feb", "february"),
        ("marzo", "mar", "march"),
        ("abril", "abr", "april", "apr"),
        ("mayo", "may"),
        ("junio", "jun", "june"),
        ("julio", "jul", "july"),
        ("agosto", "ago", "august", "aug"),
        ("septiembre", "setiembre", "sep", "sept", "set", "september"),
        ("octubre", "oct", "october"),
        ("noviembre", "nov", "november"),
        ("diciembre", "dic", "december", "dec"),
    ],
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _number

ORDINALS: dict[str, int] = {
    "1": 1, "1er": 1, "1ro": 1, "1o": 1, "1st": 1, "primer": 1, "primero": 1, "first": 1,
    "i": 1, "2": 2, "2do": 2, "2o": 2, "2nd": 2, "segundo": 2, "second": 2, "ii": 2,
    "3": 3, "3er": 3, "3ro": 3, "3o": 3, "3rd": 3, "tercer": 3, "tercero": 3, "third": 3,
    "iii": 3, "4": 4, "4to": 4, "4o": 4, "4th": 4, "cuarto": 4, "fourth": 4, "iv": 4,
    "5": 5, "5to": 5, "5th": 5, "quinto": 5, "fifth": 5, "v": 5,
}
QUARTER_WORDS = {"trimestre", "quarter"}
SEMESTER_WORDS = {"semestre", "semester", "half"}
YEAR_WORDS = {"ano", "year", "anio"}
MIDDLE_WORDS = {"mid", "mediados", "mitad", "medio"}
# Words that carry no date: "a fines de 2021", "a más tardar el 30 de junio de 2021",
# "no later than March 2021", "by end of 2021".
FILLERS = {
    "el", "la", "los", "a", "al", "hasta", "y", "e", "to", "of", "the", "by",
    "end", "fin", "fines", "finales", "final", "antes", "before", "in", "en", "para",
    "until", "through", "and", "durante", "during", "plazo", "mes", "month", "cierre",
    "o", "or", "dia", "day", "ano", "year", "mas", "tardar", "no", "later", "than", "at",
    "latest", "on",
    # what trackers write around a date: "Complete by October 2019", "Target: Q3 2018"
    "complete", "completion", "due", "target", "expected", "estimated", "approx",
    "approximately", "around", "aprox", "aproximadamente", "prevista", "previsto",
    "estimada", "estimado", "finish", "entrega", "within", "dentro",
}
# Linking words dropped before reading: "15 de marzo de 2021", "end of 2021".
_LINKS = {"de", "del", "of"}
_QUARTER_CODE = re.compile(r"^(?:[tq]([1-4])|([1-4])[tq])$")
_SEMESTER_CODE = re.compile(r"^(?:[sh]([12])|([12])[sh])$")
_FISCAL_YEAR = re.compile(r"^fy(\d{2}|\d{4})$")
Period = tuple[dt.date, str]  # (its last day, its precision)


@dataclass
class Reading:
    """What a reading needs besides the words, and what it learned."""

    plan: Plan | None  # None: "1er año" names no date (a day typed in a form)
    year: int | None = None  # the round's year, for a period written without one
    fiscal_month: int = 1  # the month a fiscal year starts
    assumed_year: bool = False
    pending_months: list[int] = field(default_factory=list)
    month_first: bool = False  # "02/13/2027": the file writes its dates month first


def read_periods(folded: str, reading: Reading) -> Period | None:
    """The period a folded text names (its last one), or None when it names none or holds
    a word that is neither a period nor a filler."""
    tokens = [tok for tok in folded.split() if tok not in _LINKS]
    periods: list[Period] = []
    i = 0
    while i < len(tokens):
        step = _match_at(tokens, i, reading)
        if step is None:
            return None
        consumed, found = step
        periods.extend(found)
        i += consumed
    if reading.pending_months and reading.year:  # "marzo", with no year: the round's
        periods += [_month_end(reading.year, m) for m in reading.pending_months]
        reading.assumed_year = True
    elif reading.pending_months:
        return None
    return max(periods) if periods else None


def _match_at(tokens: list[str], i: int, r: Reading) -> tuple[int, list[Period]] | None:
    """Match one period starting at token i: (tokens consumed, periods found)."""
    tok = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    nxt2 = tokens[i + 2] if i + 2 < len(tokens) else ""

    # Numeric dates: 2021 03 15 (ISO) or 15 03 2021 (day first unless impossible).
    if tok.isdigit() and nxt.isdigit() and nxt2.isdigit():
        date = _numeric_date(tok, nxt, nxt2, r.month_first)
        if date is not None:
            return 3, [(date, "dia")]
    # 15 marzo 2021 / march 15 2021 / marzo 2021 / enero-marzo 2021
    if tok.isdigit() and len(tok) <= 2 and nxt in MONTHS and _year(nxt2):
        return 3, [_day(int(tok), MONTHS[nxt], _year(nxt2))]
    if tok in MONTHS and nxt.isdigit() and len(nxt) <= 2 and _year(nxt2, two_digits=False):
        return 3, [_day(int(nxt), MONTHS[tok], _year(nxt2, two_digits=False))]
    if tok in MONTHS:
        year = _year(nxt)
        if year:
            months = [*r.pending_months, MONTHS[tok]]
            r.pending_months.clear()
            return 2, [_month_end(year, m) for m in months]
        if not nxt or nxt in MONTHS or nxt in FILLERS or nxt.isdigit():
            r.pending_months.append(MONTHS[tok])
            return 1, []
        return None
    # mediados de 2021, mid-2021
    if tok in MIDDLE_WORDS and _year(nxt, two_digits=False):
        return 2, [(dt.date(_year(nxt, two_digits=False), 6, 30), "semestre")]
    # Fiscal quarters: Q3 FY2021, Q3 FY 2021, FY2021
    fiscal = _fiscal_year(nxt, nxt2)
    if _period_code(tok) and fiscal:
        unit, n = _period_code(tok) or ("", 0)
        return 1 + fiscal[1], [_fiscal_end(fiscal[0], unit, n, r.fiscal_month)]
    if (here := _fiscal_year(tok, nxt)) is not None:
        return here[1], [_fiscal_end(here[0], "anio", 1, r.fiscal_month)]
    # Quarters and semesters: T1 2021, 1T 2021, Q1 2021, 2021 T1, S2 2021, H1 2021.
    code = _period_code(tok)
    if code and _year(nxt, two_digits=False):
        return 2, [_period_end(_year(nxt, two_digits=False), *code)]
    after = _period_code(nxt)
    if _year(tok, two_digits=False) and after:
        return 2, [_period_end(_year(tok, two_digits=False), *after)]
    if code:
        return _without_year(1, code, r, tokens[i + 1:])
    # primer trimestre 2021, I semestre 2021, trimestre 1 2021, 2do trimestre
    for ordinal, word in ((tok, nxt), (nxt, tok)):
        if ordinal in ORDINALS and (word in QUARTER_WORDS or word in SEMESTER_WORDS):
            unit = "trimestre" if word in QUARTER_WORDS else "semestre"
            if ORDINALS[ordinal] > (4 if unit == "trimestre" else 2):
                return None
            year = _year(nxt2, two_digits=False)
            if year:
                return 3, [_period_end(year, unit, ORDINALS[ordinal])]
            return _without_year(2, (unit, ORDINALS[ordinal]), r, tokens[i + 2:])
    # Plan years: 1er año, segundo año, año 3, year 2.
    if r.plan is None and (tok in YEAR_WORDS or nxt in YEAR_WORDS):
        return None
    if r.plan is not None and tok in ORDINALS and nxt in YEAR_WORDS:
        return 2, [(r.plan.end_of_year(ORDINALS[tok]), "anio_plan")]
    if (r.plan is not None and tok in YEAR_WORDS and nxt in ORDINALS
            and not _year(nxt, two_digits=False)):
        return 2, [(r.plan.end_of_year(ORDINALS[nxt]), "anio_plan")]
    if tok in ORDINALS and nxt in {"y", "and", "e", "o", "or", "al", "a", "to"}:
        # "1er y 2do año", "primer y segundo trimestre 2018": the first ordinal borrows the
        # unit (and the year) of the period after it.
        rest = _match_at(tokens, i + 2, r) if i + 2 < len(tokens) else None
        last = rest[1][-1] if rest is not None and rest[1] else None
        if rest is None or last is None:
            return None
        if r.plan is not None and last[1] == "anio_plan":
            return 2 + rest[0], [(r.plan.end_of_year(ORDINALS[tok]), "anio_plan"), *rest[1]]
        # (only from an earlier ordinal to a later one of the same unit, written as words:
        # "primer y segundo trimestre", not "cuarto y primer trimestre" or "4 y Q3 FY2021")
        later, unit = tokens[i + 2], tokens[i + 3] if i + 3 < len(tokens) else ""
        if (last[1] in {"trimestre", "semestre"} and later in ORDINALS
                and unit in QUARTER_WORDS | SEMESTER_WORDS and ORDINALS[tok] < ORDINALS[later]):
            return 2 + rest[0], [_period_end(last[0].year, last[1], ORDINALS[tok]), *rest[1]]
        return None
    year = _year(tok, two_digits=False)
    if year:
        return 1, [(dt.date(year, 12, 31), "anio")]
    if tok in FILLERS:
        return 1, []
    return None


def _without_year(consumed: int, code: tuple[str, int], r: Reading, rest: list[str]
                  ) -> tuple[int, list[Period]] | None:
    """A quarter or semester written without its year: the year written after it ("Q2-Q3
    2017" is Q2 2017 to Q3 2017), else the round's, said."""
    later = next((_year(t, two_digits=False) for t in rest if _year(t, two_digits=False)), 0)
    if later:
        return consumed, [_period_end(later, *code)]
    if not r.year:
        return None
    r.assumed_year = True
    return consumed, [_period_end(r.year, *code)]


def _fiscal_year(token: str, following: str) -> tuple[int, int] | None:
    """(fiscal year, tokens it takes) of "fy2021", "fy21" or "fy 2021"."""
    if match := _FISCAL_YEAR.match(token):
        digits = match.group(1)
        return (int(digits) if len(digits) == 4 else 2000 + int(digits)), 1
    if token == "fy" and _year(following, two_digits=False):
        return _year(following, two_digits=False), 2
    return None


def _fiscal_end(year: int, unit: str, n: int, start_month: int) -> Period:
    """The last day of a fiscal period. A fiscal year named N that does not start in
    January starts in the year before (the United States' FY2021 runs from October 2020
    to September 2021)."""
    months = {"trimestre": 3 * n, "semestre": 6 * n, "anio": 12}[unit]
    start = dt.date(year - (1 if start_month > 1 else 0), start_month, 1)
    last_month = start.month - 1 + months  # months after January of the start year
    end_year, end_month = start.year + (last_month - 1) // 12, (last_month - 1) % 12 + 1
    return _month_end(end_year, end_month)[0], unit


def _numeric_date(a: str, b: str, c: str, month_first: bool = False) -> dt.date | None:
    try:
        if len(a) == 4:
            return dt.date(int(a), int(b), int(c))
        year = _year(c)
        if not year:
            return None
        day, month = (int(b), int(a)) if month_first else (int(a), int(b))
        if month > 12 and day <= 12:  # only the other order is possible
            day, month = month, day
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year(token: str, two_digits: bool = True) -> int:
    if token.isdigit() and len(token) == 4 and 1900 <= int(token) <= 2100:
        return int(token)
    if two_digits and token.isdigit() and len(token) == 2:
        return 2000 + int(token)
    return 0


def _period_code(token: str) -> tuple[str, int] | None:
    if m := _QUARTER_CODE.match(token):
        return "trimestre", int(m.group(1) or m.group(2))
    if m := _SEMESTER_CODE.match(token):
        return "semestre", int(m.group(1) or m.group(2))
    return None


def _period_end(year: int, unit: str, n: int) -> Period:
    month = n * 3 if unit == "trimestre" else n * 6
    return _month_end(year, month)[0], unit


def _month_end(year: int, month: int) -> Period:
    return dt.date(year, month, calendar.monthrange(year, month)[1]), "mes"


def _day(day: int, month: int, year: int) -> Period:
    try:
        return dt.date(year, month, day), "dia"
    except ValueError:
        return _month_end(year, month)
