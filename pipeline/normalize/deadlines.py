"""The deadline (docs/contract.md §3.3): what a focal point writes in "Plazo de cumplimiento", read
into a due date (the last day of the period named), a precision and a kind: a date, vague
("permanente", "ongoing", blank), or unreadable.

A date cell is a date; a number is a year or a date that lost its format; a text is
folded and read as a meeting of the process ("antes de la próxima Reunión
Viceministerial", from the calendar in the configuration) or as periods
(pipeline.normalize.periods). What a reading needs besides the text is its `Context`:
the plan whose years "1er año" names, the calendar, the round's year (for "2do
trimestre"), the month a fiscal year starts, and the day "next" is counted from.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from pipeline.model.text import fold, normalize_text
from pipeline.normalize.periods import FILLERS, Reading, read_periods
from pipeline.reference.plan import EARLIEST, LATEST, Meeting, Plan

if TYPE_CHECKING:
    import pandas as pd

Kind = Literal["fecha", "impreciso", "vacio", "invalido", "plan_terminado", "fuera_de_rango"]
_PARENS = re.compile(r"\([^)]*\)")
# Excel serial numbers between 1970 and 2100: a date whose cell lost its date format.
_SERIAL_MIN, _SERIAL_MAX = 25569, 73050
_NEXT = {"proxima", "proximo", "next", "siguiente", "upcoming"}
_NUMBERED = re.compile(r"^(?:[ivxlc]+|\d+[a-z]*)$")  # XXVII, 27a, 30th (folded)
# What recurs, or comes with a season, names no one date: vague, never invalid
# ("Quarterly", "Annually", "During rainy season", "cada mes").
RECURRING = frozenset({
    "quarterly", "annually", "annual", "yearly", "monthly", "weekly", "daily", "biannually",
    "biannual", "semiannually", "semiannual", "biweekly", "fortnightly", "bimonthly",
    "periodically", "periodic", "regularly", "continuously", "continuous", "ongoing",
    "recurring", "recurrent", "every", "each", "cada", "per", "por", "trimestral",
    "trimestralmente", "anual", "anualmente", "mensual", "mensualmente", "semanal",
    "semanalmente", "diario", "diariamente", "semestral", "semestralmente", "bimestral",
    "cuatrimestral", "periodicamente", "periodico", "permanente", "permanentemente",
    "continuo", "continua", "season", "seasons", "seasonal", "rainy", "dry", "wet",
    "temporada", "estacion", "epoca", "lluvias", "lluviosa", "seca", "secas", "invierno",
    "verano", "zafra", "cosecha", "harvest", "winter", "summer", "needed", "required",
    "necesario", "requerido", "sea", "basis", "as", "when", "cuando", "siempre", "always",
    "times", "veces", "vez", "time", "dias", "semana", "semanas", "meses", "months", "weeks",
    "anos", "years", "immediately", "immediate", "inmediato", "inmediata", "inmediatamente",
    "asap", "de", "del",
})
# The kinds of meeting the process holds, as people write them (the calendar adds its own).
_KINDS = {
    "reunion viceministerial": ("reunion viceministerial", "viceministerial",
                                "viceministerial meeting", "vice ministerial meeting"),
    "grcm": ("grcm", "grupo regional de consulta sobre migracion",
             "regional consultation group on migration"),
}


@dataclass(frozen=True)
class Context:
    """What reading a deadline needs besides its text."""

    plan: Plan
    vague: frozenset[str] = frozenset()  # folded texts that name no date
    calendar: tuple[Meeting, ...] = ()
    year: int | None = None  # the round's year
    fiscal_month: int = 1
    today: dt.date | None = None  # "the next meeting" is the first on or after this day
    month_first: bool = False  # the file writes its dates month first ("02/13/2027")


@dataclass(frozen=True)
class Deadline:
    kind: Kind
    due: dt.date | None = None
    precision: str = ""
    assumed_year: bool = False  # a period written without its year took the round's


def parse_deadline(value: object, context: Context) -> Deadline:
    """Read one deadline cell; never raises."""
    if value is None or (isinstance(value, float) and value != value):
        return Deadline("vacio")
    if isinstance(value, dt.datetime):
        return _dated(value.date(), "dia")
    if isinstance(value, dt.date):
        return _dated(value, "dia")
    if isinstance(value, dt.time | dt.timedelta):  # a serial of 0 or less, shown as a date
        return Deadline("fuera_de_rango")
    if isinstance(value, bool):
        return Deadline("invalido")
    if isinstance(value, int | float):
        return _parse_number(float(value))
    text = normalize_text(value)
    if not text:
        return Deadline("vacio")
    folded = fold(text)
    if not folded or folded in context.vague:
        return Deadline("impreciso")
    meeting = _meeting(folded, context)
    if meeting is not None:
        return meeting
    for candidate in (folded, fold(_PARENS.sub(" ", text)) if "(" in text else ""):
        if candidate:
            reading = Reading(context.plan, context.year, context.fiscal_month,
                              month_first=context.month_first)
            period = read_periods(candidate, reading)
            if period is not None:
                return _dated(period[0], period[1], reading.assumed_year)
    if all(tok in context.vague or tok in FILLERS or tok in RECURRING
           for tok in folded.split()):
        return Deadline("impreciso")
    return Deadline("invalido")


def parse_day(value: object, month_first: bool = False) -> dt.date | None:
    """The one day a person typed in a date cell, as a date or as text ("12/02/2027", day
    first unless the file writes its dates `month_first`; "2027-02-12"; "12 de febrero de
    2027"); None for anything else (a month, a year, words, a day no one means: before 1970
    or after 2262)."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value if EARLIEST <= value <= LATEST else None
    if not isinstance(value, str):
        return None
    period = read_periods(fold(value), Reading(None, month_first=month_first))
    return period[0] if period is not None and period[1] == "dia" else None


def parse_period_end(value: object) -> dt.date | None:
    """The last day of a period a person typed where a day was asked ("dic-2027",
    "T4 2027", "January 2028", "2027", the number 2027, or 2027 typed in a cell formatted
    as a date, which shows 19/07/1905), as a deadline reads it; None for what is no period
    (words, a day no one means)."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date) and value < EARLIEST:  # a year typed in a date cell: the
        value = (value - dt.date(1899, 12, 30)).days     # day numbered 2027, 1905-07-19
    if isinstance(value, int | float) and not isinstance(value, bool):
        year = int(value) if float(value).is_integer() else 0
        due = dt.date(year, 12, 31) if EARLIEST.year <= year <= LATEST.year else None
    elif isinstance(value, str):
        period = read_periods(fold(value), Reading(None))
        due = period[0] if period is not None else None
    else:
        due = None
    return due if due is not None and EARLIEST <= due <= LATEST else None


def parse_when(value: object, month_first: bool = False) -> dt.date | None:
    """A date cell's day (month first in a file that writes them so); a period written
    where a day was asked ("dic-2027", "T4 2027", "2027") is read as its last day, as a
    deadline is."""
    return parse_day(value, month_first) or parse_period_end(value)


def files_month_first(rows: pd.DataFrame, texts: Mapping[str, list[str]],
                      columns: tuple[str, ...]) -> set[object]:
    """The files whose side sheet writes its dates month first ("12/31/2027" beside
    "3/1/2027", as a matrix's are told: pipeline.normalize.deadlines.month_first)."""
    found: dict[object, list[object]] = {}
    for n, archivo in enumerate(rows["_archivo"].tolist() if len(rows) else []):
        found.setdefault(archivo, []).extend(texts[c][n] for c in columns)
    return {archivo for archivo, written in found.items() if month_first(written)}


def _dated(due: dt.date, precision: str, assumed_year: bool = False) -> Deadline:
    """A deadline on a day, unless the day cannot be meant (EARLIEST, LATEST): warned
    at its cell, kept as written."""
    if not EARLIEST <= due <= LATEST:
        return Deadline("fuera_de_rango")
    return Deadline("fecha", due, precision, assumed_year)


_NUMERIC = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\b")


def month_first(texts: list[object]) -> bool:
    """Whether a file writes its dates month first: some written date can only be read so
    ("02/13/2027") and none only day first ("13/02/2027")."""
    day_first = month_first = False
    for text in texts:
        if isinstance(text, str):
            for a, b, _ in _NUMERIC.findall(text):
                day_first |= int(a) > 12 >= int(b)
                month_first |= int(b) > 12 >= int(a)
    return month_first and not day_first


def needs_context(value: object) -> bool:
    """Whether a text may read differently for another plan or another day (a plan's
    year, "the next meeting"): only those are read once per plan and day."""
    if not isinstance(value, str):
        return False
    folded = fold(value)
    return any(word in folded for word in ("ano", "year", "anio", "proxim", "next",
                                           "siguiente", "reunion", "meeting", "grcm"))


def _parse_number(number: float) -> Deadline:
    if number.is_integer() and 1900 <= number <= 2100:
        return Deadline("fecha", dt.date(int(number), 12, 31), "anio")
    if number.is_integer() and _SERIAL_MIN <= number <= _SERIAL_MAX:
        return Deadline("fecha", dt.date(1899, 12, 30) + dt.timedelta(days=int(number)), "dia")
    return Deadline("invalido")


def _meeting(folded: str, context: Context) -> Deadline | None:
    """A deadline set by a meeting: a meeting named ("para la XXVII Reunión
    Viceministerial") is due on its date; "the next" meeting of a kind, or the kind alone
    ("antes de la Reunión Viceministerial"), on the date of the first one on or after the
    day counted from. A meeting the calendar does not have (none of the kind to come, or
    a numbered one it lacks) names no date (vague)."""
    padded = f" {folded} "
    for meeting in context.calendar:
        names = [fold(n) for n in (meeting.nombre, *meeting.alias) if n]
        if any(f" {name} " in padded for name in names):
            return Deadline("fecha", meeting.fecha, "reunion")
    kind = _kind(padded, context)
    if kind is None:
        return None
    words = set(folded.split())
    if not _NEXT & words and any(_NUMBERED.match(w) for w in words):
        return Deadline("impreciso")  # a numbered meeting the calendar does not hold
    # "antes de la Reunión Viceministerial" means the coming one, as "la próxima" does
    day = context.today or dt.date.today()
    coming = sorted(m.fecha for m in context.calendar
                    if _kind_of(m) == kind and m.fecha >= day)
    return Deadline("fecha", coming[0], "reunion") if coming else Deadline("impreciso")


def _kind(padded: str, context: Context) -> str | None:
    """The kind of meeting a folded text names, if any."""
    for kind, names in _KINDS.items():
        if any(f" {name} " in padded for name in names):
            return kind
    for meeting in context.calendar:
        if f" {fold(meeting.reunion)} " in padded:
            return _kind_of(meeting)
    return None


def _kind_of(meeting: Meeting) -> str:
    folded = fold(meeting.reunion)
    for kind, names in _KINDS.items():
        if folded in names:
            return kind
    return folded
