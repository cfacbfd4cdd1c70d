"""How a value becomes text, one converter per place it goes (issue 12):

- `read_text`: a cell of a returned file as the person who typed it reads it (2021.0 is
  "2021", a date "2021-03-15"), for the normalize stage;
- `display_text`: a value of ours for people, in Markdown and web pages (a date as its day,
  3.0 as 3, nothing for a blank);
- `csv_text`: a CSV table's cell (ISO dates, true/false, formula signs neutralized);
- `history_text`: the history database's (ISO dates, 1/0, None for a blank);
- `workbook_value`: what xlsxwriter is given (plain Python values, None for a blank);
- `iso_day`: a due date as `2027-03-31`;
- `column_texts`: a whole column at once for the CSV and the history, without a call per
  value where the column's type allows;
- `map_distinct`, `convert_distinct`, `text_columns`: a column's values made into words,
  once per distinct value;
- `row_dicts`: a frame's rows as dicts of plain values, as `to_dict("records")` but faster.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any, TypeVar, cast

import numpy as np
import pandas as pd

from pipeline.model.text import normalize_text

_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
T = TypeVar("T")


def map_distinct(values: pd.Series, convert: Callable[[Any], object]) -> pd.Series:
    """`values.map(convert)`, `convert` called once per distinct value: a column of
    statuses, parties or flags repeats a few values over every row."""
    return pd.Series(convert_distinct(values.tolist(), convert), index=values.index)


def convert_distinct(values: Iterable[Any], convert: Callable[[Any], T]) -> list[T]:
    """`[convert(v) for v in values]`, `convert` called once per distinct value."""
    done: dict[tuple[type, object], T] = {}  # (by type too: True is not 1)
    converted = []
    for value in values:
        key = (value.__class__, value)
        if key not in done:
            done[key] = convert(value)
        converted.append(done[key])
    return converted


def text_columns(frame: pd.DataFrame, keys: Iterable[str]) -> dict[str, list[str]]:
    """Each of `keys` as `read_text` reads its cells, a column at a time (a missing column
    is blank): a side sheet's rows repeat their units, dates and sources."""
    return {key: convert_distinct(frame[key].tolist(), read_text) if key in frame
            else [""] * len(frame) for key in keys}


def item_keys(rows: pd.DataFrame) -> list[tuple[str, str]]:
    """Each row's item, (informante, id) as texts: how an item is found in another table
    (the observations, the indicators, the stored rounds)."""
    return list(zip(rows["informante"].astype(str).tolist(), rows["id"].astype(str).tolist(),
                    strict=True))


def row_dicts(frame: pd.DataFrame) -> list[dict[str, object]]:
    """`frame.to_dict("records")`, without pandas boxing each value in turn, where every
    column holds plain values (NumPy or object columns, text labels); else pandas' own."""
    if not all(isinstance(dtype, np.dtype) for dtype in frame.dtypes) or not all(
            isinstance(c, str) for c in frame.columns) or frame.columns.has_duplicates \
            or frame.columns.empty:
        return cast(list[dict[str, object]], frame.to_dict("records"))
    columns = [str(c) for c in frame.columns]
    lists = [frame.iloc[:, c].tolist() for c in range(len(columns))]
    return [dict(zip(columns, values, strict=True)) for values in zip(*lists, strict=True)]


def flag(value: object, blank: bool = False) -> bool:
    """A true/false column's value, `blank` where it has none (None, NaN: a row joined
    from a frame without the column)."""
    return blank if is_blank(value) else bool(value)


def is_blank(value: object) -> bool:
    """Whether a cell's value is none at all: None, NaN, NaT, pandas' NA."""
    return value is None or value is pd.NaT or value is pd.NA or (
        isinstance(value, float) and value != value)


def read_text(value: object) -> str:
    """A cell as the person who typed it reads it: 2021.0 -> "2021", a date ->
    "2021-03-15", the text cleaned of invisible differences."""
    if is_blank(value):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):  # (a whole number as its digits, up to 16 of them)
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return normalize_text(value)


def display_text(value: object) -> str:
    """A value for people (Markdown, web pages): blanks empty, dates as days, 3.0 as 3."""
    if value.__class__ is str:  # (most values: as they are)
        return value
    if isinstance(value, pd.Timestamp | dt.datetime) and not is_blank(value):
        return value.date().isoformat()
    if isinstance(value, np.generic):
        value = value.item()
    return read_text(value) if not isinstance(value, str) else value


def neutralize_text(value: str) -> str:
    """An apostrophe before a text a spreadsheet would run as a formula (OWASP's advice
    against CSV injection), also when it starts with a compatibility form of = + - @
    (fullwidth ＝, small ﹦...) that a spreadsheet may fold to the plain sign."""
    if not value:
        return value
    first = value[0]
    if first.isascii():
        return "'" + value if first in _DANGEROUS else value
    return "'" + value if unicodedata.normalize("NFKC", first).startswith(_DANGEROUS) else value


def neutralize_texts(values: list[str]) -> list[str]:
    """`neutralize_text` of every text, each distinct first character judged once: a column
    whose texts start safely (nearly every one) is given back as it is."""
    firsts = {v[:1] for v in values}
    unsafe = {f for f in firsts if f and neutralize_text(f) != f}
    if not unsafe:
        return values
    return ["'" + v if v[:1] in unsafe else v for v in values]


def csv_text(value: object) -> object:
    """A CSV cell: ISO dates (with the time when there is one), true/false, 3.0 as 3, texts
    neutralized."""
    if is_blank(value):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, pd.Timestamp | dt.datetime):
        if value.hour == value.minute == value.second == 0:
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.10g}"
    return neutralize_text(value) if isinstance(value, str) else value


def history_text(value: object) -> str | None:
    """A value as the history database keeps it: ISO dates, 1/0, None for a blank."""
    if is_blank(value):
        return None
    if isinstance(value, pd.Timestamp | dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def workbook_value(value: object) -> object:
    """A value as xlsxwriter takes it: plain Python values, None for a blank."""
    if is_blank(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        return value.item()  # a numpy scalar: the plain Python value
    return value


def iso_day(value: object) -> str:
    """A due date as `2027-03-31`, or "" when there is none (NaT is a datetime too)."""
    if is_blank(value):
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return pd.Timestamp(str(value)).date().isoformat()


def stored_day(value: object) -> dt.date | None:
    """A day as the outputs and the history keep it ("2027-12-31", or a moment of that
    day), None when there is none or it is not one."""
    if is_blank(value):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def column_texts(
    series: pd.Series,
    each: Callable[[object], object],
    yes_no: tuple[str, str],
    missing: object,
    texts: Callable[[list[str]], list[str]] | None = None,
) -> list[Any]:
    """What `each` gives for every value (the callers' `each` gives the same texts: true
    and false as `yes_no`, a date as YYYY-MM-DD, a missing date as `missing`, a column of
    texts as `texts` makes it)."""
    if pd.api.types.is_bool_dtype(series) and not series.isna().any():
        return np.where(series.to_numpy(bool), *yes_no).tolist()
    if pd.api.types.is_datetime64_any_dtype(series) and series.dt.tz is None:
        present = series.dropna()
        if (present == present.dt.normalize()).all():  # dates only
            days = series.dt.strftime("%Y-%m-%d").astype(object)
            return days.where(series.notna(), missing).tolist()
    if pd.api.types.is_integer_dtype(series) and not series.isna().any():
        return series.astype(str).tolist()
    if pd.api.types.is_string_dtype(series):
        values = series.astype(object).tolist()
        if set(map(type, values)) <= {str}:
            return values if texts is None else texts(values)
    return [each(v) for v in series.astype(object)]
