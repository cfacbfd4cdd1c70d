"""The deadline grammar (SPEC §3.3): what a focal point writes in "Plazo de cumplimiento".

`parse_deadline` turns a cell into a due date (the last day of the period named), a
precision and a kind: a date, vague ("permanente", blank), or unreadable. The text is
folded first (no accents, no punctuation) and read as a sequence of periods; anything
naming several periods ("2020-2021", "enero-marzo 2021", "1er y 2do año") is due at the
end of the last one.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from pipeline.model.text import fold, normalize_text
from pipeline.reference.plan import Plan

Kind = Literal["fecha", "impreciso", "vacio", "invalido"]

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
# Words that carry no date: "a fines de 2021", "hasta marzo de 2021", "by end of 2021".
FILLERS = {
    "el", "la", "los", "a", "al", "hasta", "y", "e", "to", "of", "the", "by",
    "end", "fin", "fines", "finales", "final", "antes", "before", "in", "en", "para",
    "until", "through", "and", "durante", "during", "plazo", "mes", "month", "cierre",
    "o", "or", "dia", "day", "ano", "year",
}
# Linking words dropped before reading: "15 de marzo de 2021", "end of 2021".
_LINKS = {"de", "del", "of"}
_QUARTER_CODE = re.compile(r"^(?:[tq]([1-4])|([1-4])[tq])$")
_SEMESTER_CODE = re.compile(r"^(?:[sh]([12])|([12])[sh])$")
_PARENS = re.compile(r"\([^)]*\)")
# Excel serial numbers between 1970 and 2100: a date whose cell lost its date format.
_SERIAL_MIN, _SERIAL_MAX = 25569, 73050


@dataclass(frozen=True)
class Deadline:
    kind: Kind
    due: dt.date | None = None
    precision: str = ""


def parse_deadline(value: object, plan: Plan, vague: Iterable[str] = ()) -> Deadline:
    """Read one deadline cell; never raises."""
    if value is None or (isinstance(value, float) and value != value):
        return Deadline("vacio")
    if isinstance(value, dt.datetime):
        return Deadline("fecha", value.date(), "dia")
    if isinstance(value, dt.date):
        return Deadline("fecha", value, "dia")
    if isinstance(value, bool):
        return Deadline("invalido")
    if isinstance(value, int | float):
        return _parse_number(float(value))
    text = normalize_text(value)
    if not text:
        return Deadline("vacio")
    folded = fold(text)
    vague_set = {fold(v) for v in vague}
    if not folded or folded in vague_set:
        return Deadline("impreciso")
    parsed = _parse_text(folded, plan)
    if parsed is None and "(" in text:
        parsed = _parse_text(fold(_PARENS.sub(" ", text)), plan)
    if parsed is not None:
        return parsed
    if all(tok in vague_set or tok in FILLERS for tok in folded.split()):
        return Deadline("impreciso")
    return Deadline("invalido")


def _parse_number(number: float) -> Deadline:
    if number.is_integer() and 1900 <= number <= 2100:
        return Deadline("fecha", dt.date(int(number), 12, 31), "anio")
    if number.is_integer() and _SERIAL_MIN <= number <= _SERIAL_MAX:
        return Deadline("fecha", dt.date(1899, 12, 30) + dt.timedelta(days=int(number)), "dia")
    return Deadline("invalido")


def _parse_text(folded: str, plan: Plan) -> Deadline | None:
    tokens = [tok for tok in folded.split() if tok not in _LINKS]
    periods: list[tuple[dt.date, str]] = []
    pending_months: list[int] = []
    i = 0
    while i < len(tokens):
        step = _match_at(tokens, i, plan, pending_months)
        if step is None:
            return None
        consumed, found = step
        periods.extend(found)
        i += consumed
    if pending_months or not periods:
        return None
    due, precision = max(periods)
    return Deadline("fecha", due, precision)


def _match_at(
    tokens: list[str], i: int, plan: Plan, pending_months: list[int]
) -> tuple[int, list[tuple[dt.date, str]]] | None:
    """Match one period starting at token i: (tokens consumed, periods found)."""
    if i >= len(tokens):
        return None
    tok = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    nxt2 = tokens[i + 2] if i + 2 < len(tokens) else ""

    # Numeric dates: 2021 03 15 (ISO) or 15 03 2021 (day first unless impossible).
    if tok.isdigit() and nxt.isdigit() and nxt2.isdigit():
        date = _numeric_date(tok, nxt, nxt2)
        if date is not None:
            return 3, [(date, "dia")]
    # 15 marzo 2021 / 15 marzo (year later) / march 15 2021
    if tok.isdigit() and len(tok) <= 2 and nxt in MONTHS and _year(nxt2):
        return 3, [_day(int(tok), MONTHS[nxt], _year(nxt2))]
    if tok in MONTHS and nxt.isdigit() and len(nxt) <= 2 and _year(nxt2, two_digits=False):
        return 3, [_day(int(nxt), MONTHS[tok], _year(nxt2, two_digits=False))]
    if tok in MONTHS:
        year = _year(nxt)
        if year:
            months = [*pending_months, MONTHS[tok]]
            pending_months.clear()
            return 2, [_month_end(year, m) for m in months]
        if not nxt or nxt in MONTHS or nxt in FILLERS or nxt.isdigit():
            pending_months.append(MONTHS[tok])
            return 1, []
        return None
    # Quarters and semesters: T1 2021, 1T 2021, Q1 2021, 2021 T1, S2 2021, H1 2021.
    code = _period_code(tok)
    if code and _year(nxt, two_digits=False):
        return 2, [_period_end(_year(nxt, two_digits=False), *code)]
    after = _period_code(nxt)
    if _year(tok, two_digits=False) and after:
        return 2, [_period_end(_year(tok, two_digits=False), *after)]
    # primer trimestre 2021, I semestre 2021, trimestre 1 2021
    if tok in ORDINALS and (nxt in QUARTER_WORDS or nxt in SEMESTER_WORDS):
        unit = "trimestre" if nxt in QUARTER_WORDS else "semestre"
        year = _year(nxt2, two_digits=False)
        if year and ORDINALS[tok] <= (4 if unit == "trimestre" else 2):
            return 3, [_period_end(year, unit, ORDINALS[tok])]
        return None
    if (tok in QUARTER_WORDS or tok in SEMESTER_WORDS) and nxt in ORDINALS:
        unit = "trimestre" if tok in QUARTER_WORDS else "semestre"
        year = _year(nxt2, two_digits=False)
        if year and ORDINALS[nxt] <= (4 if unit == "trimestre" else 2):
            return 3, [_period_end(year, unit, ORDINALS[nxt])]
        return None
    # Plan years: 1er año, segundo año, año 3, year 2.
    if tok in ORDINALS and nxt in YEAR_WORDS:
        return 2, [(plan.end_of_year(ORDINALS[tok]), "anio_plan")]
    if tok in YEAR_WORDS and nxt in ORDINALS and not _year(nxt, two_digits=False):
        return 2, [(plan.end_of_year(ORDINALS[nxt]), "anio_plan")]
    if tok in ORDINALS and nxt in {"y", "and", "e", "o", "or", "al", "a", "to"}:
        # "1er y 2do año": the first ordinal borrows the unit of the last.
        rest = _match_at(tokens, i + 2, plan, pending_months)
        if rest is not None and rest[1] and rest[1][-1][1] == "anio_plan":
            return 2 + rest[0], [(plan.end_of_year(ORDINALS[tok]), "anio_plan"), *rest[1]]
        return None
    year = _year(tok, two_digits=False)
    if year:
        return 1, [(dt.date(year, 12, 31), "anio")]
    if tok in FILLERS:
        return 1, []
    return None


def _numeric_date(a: str, b: str, c: str) -> dt.date | None:
    try:
        if len(a) == 4:
            return dt.date(int(a), int(b), int(c))
        year = _year(c)
        if not year:
            return None
        day, month = int(a), int(b)
        if month > 12 and day <= 12:  # only month-first is possible
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


def _period_end(year: int, unit: str, n: int) -> tuple[dt.date, str]:
    month = n * 3 if unit == "trimestre" else n * 6
    return _month_end(year, month)[0], unit


def _month_end(year: int, month: int) -> tuple[dt.date, str]:
    return dt.date(year, month, calendar.monthrange(year, month)[1]), "mes"


def _day(day: int, month: int, year: int) -> tuple[dt.date, str]:
    try:
        return dt.date(year, month, day), "dia"
    except ValueError:
        return _month_end(year, month)
