"""A file in which no matrix was found (docs/contract.md §3.2, §7): the titles it has, and
the `[columnas]` lines that would map them, guessed from what the cells below each title
hold (dates are a deadline, percentages a progress, known statuses a status, known
parties a responsible party, the longest texts the activity)."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pipeline.model.text import fold, normalize_text
from pipeline.normalize.matching import Matcher
from pipeline.normalize.periods import Reading, read_periods

TITLE_CHARS = 80  # a longer cell is a text, not a title
SAMPLE_ROWS = 25
# Columns whose texts may be the activity, when no title names it (a tracker's "Indicador"
# or "Notes" may hold what is to be done; its party, dates and status may not).
TEXT_KEYS = (None, "indicadores", "resultado_esperado", "observaciones", "tema",
             "supuestos_riesgos")
_PERCENT = re.compile(r"^\d{1,3}(?:[.,]\d+)?\s*%$")


@dataclass(frozen=True)
class Found:
    """What a sheet without a matrix has of one."""

    hoja: str
    fila: int  # the Excel row of its titles
    titles: tuple[str, ...]
    lines: tuple[str, ...]  # `key = ["Title"]`, for [columnas]


def guess_columns(hoja: str, rows: Sequence[Sequence[object]],
                  key_of: Callable[[object], str | None], matcher: Matcher) -> Found | None:
    """The row of `rows` most like a title row, and a guess of the columns under it that
    the matrix lacks; None when no row has two titles."""
    best: tuple[int, int] | None = None
    for r, row in enumerate(rows):
        count = sum(1 for cell in row if _title(cell))
        if count >= 2 and (best is None or count > best[1]):
            best = (r, count)
    if best is None:
        return None
    r = best[0]
    titles = {c: normalize_text(cell) for c, cell in enumerate(rows[r]) if _title(cell)}
    below = [row for row in rows[r + 1:r + 1 + SAMPLE_ROWS] if any(row)]
    have = {key_of(t) for t in titles.values()} - {None}
    guesses: dict[str, int] = {}
    texts: dict[int, float] = {}
    for c, title in titles.items():
        values = [row[c] for row in below if c < len(row) and not _blank(row[c])]
        named = key_of(title)
        key = _kind(values, matcher) if values and named is None else None
        if key and key not in have and key not in guesses:
            guesses[key] = c
        elif key is None and named in TEXT_KEYS and values:
            texts[c] = sum(len(str(v)) for v in values) / len(values)
    if "actividad" not in have and texts:
        guesses["actividad"] = max(texts, key=lambda c: texts[c])
    lines = tuple(f"{key} = [{json.dumps(titles[c], ensure_ascii=False)}]"
                  for key, c in sorted(guesses.items(), key=lambda kc: kc[1]))
    return Found(hoja, r + 1, tuple(titles.values()), lines)


def _kind(values: list[object], matcher: Matcher) -> str | None:
    """The column most of `values` belong to, by what they are."""
    half = len(values) / 2
    if sum(_is_date(v) for v in values) > half:
        return "plazo"
    if sum(_is_percent(v) for v in values) > half:
        return "avance"
    texts = [normalize_text(v) for v in values if isinstance(v, str)]
    if sum(matcher.status(t).value is not None for t in texts) > half:
        return "estado"
    if sum(bool(p) and all(m.value for _, m in p) for p in map(matcher.parties, texts)) > half:
        return "responsable"
    return None


def _is_date(value: object) -> bool:
    if isinstance(value, dt.date):
        return True
    if not isinstance(value, str) or len(value) > 40:
        return False
    return read_periods(fold(value), Reading(None)) is not None


def _is_percent(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return 0 <= value <= 100
    return isinstance(value, str) and bool(_PERCENT.match(value.strip()))


def _title(cell: object) -> bool:
    return isinstance(cell, str) and 0 < len(cell.strip()) <= TITLE_CHARS and not (
        cell.strip().replace(".", "").isdigit())


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
