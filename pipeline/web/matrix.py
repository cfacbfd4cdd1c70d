"""The matrix for the page: compact data for its script (repeated texts once, each row
their positions, flags as bits) and the first rows as cells for a reader without
JavaScript. The whole round goes in; the script shows it a page at a time, so a round of
80,000 rows stays a page of a few megabytes that answers at once."""

from __future__ import annotations

import base64
import json
import zlib
from typing import Any

import numpy as np
import pandas as pd

from pipeline.model.labels import title
from pipeline.model.run import RunResult
from pipeline.model.text import without_bidi
from pipeline.model.values import item_keys
from pipeline.web.observed import Beside
from pipeline.words import word

# Above this many rows the script's data goes compressed (gzip, then base64: a million
# rows in a page of tens of megabytes instead of ninety); below, as JSON, readable.
PACK_ROWS = 100_000
PACK_SLICE = 20_000  # rows made into JSON and compressed at once
STATIC_OF_LARGE = 200  # rows as HTML when the round has more than the page's `static`
COLUMNS = ("id", "informante", "actividad", "responsable", "fecha_limite", "estado", "avance",
           "marcas")


def matrix_data(result: RunResult, labels: dict[str, str], beside: Beside,
                flags: tuple[tuple[str, int], ...], page: int, static: int) -> dict[str, Any]:
    lang, ref = result.lang, result.ref
    m = result.matrix
    n = len(m)

    def coded(values: pd.Series) -> tuple[np.ndarray, list[str]]:
        codes, uniques = pd.factorize(values.fillna("").astype(str), sort=True)
        return _narrow(codes), [str(u) for u in uniques]

    none: tuple[np.ndarray, list[str]] = (np.empty(0, dtype=np.int32), [])
    reporter_codes, reporters = coded(m["informante"]) if n else none
    group_codes, groups = coded(m["grupo_trabajo"]) if n else none
    pillar_codes, pillars = coded(m["pilar"]) if n else none
    status_codes, statuses = coded(m["estado"]) if n else none
    party_codes, parties = coded(m["responsable"]) if n else none
    date_codes, dates_seen = coded(_deadlines(m)) if n else none
    rows = Rows([m["id"], reporter_codes, m["actividad"], party_codes, date_codes,
                 status_codes, _progress(m), _flag_bits(m, flags),
                 group_codes, pillar_codes] if n else [])
    lists: dict[str, list[Any]] = {
        "informante": [ref.label("parte", r, lang) for r in reporters],
        "grupo": [ref.label("parte", g, lang) for g in groups],
        "responsable": [ref.label("parte", p, lang) for p in parties],
        "fecha": dates_seen,
        "pilar": [ref.label("pilar", p, lang) for p in pillars],
        "estado": [[s if s in labels else "sin_estado" if not s else "otro",
                    labels.get(s) or (s if s else labels["sin_estado"])] for s in statuses],
        "marca": [[bit, title(key, lang)] for key, bit in flags],
    }
    observed = _observed_lines(m, rows, beside)
    if observed:
        lists["observado"] = observed
    words = {"count": word("web.count", lang), "page": word("web.page", lang)}
    static_rows = static if n <= static else STATIC_OF_LARGE
    shown = [[r[0], lists["informante"][r[1]], r[2], lists["responsable"][r[3]],
              lists["fecha"][r[4]], lists["estado"][r[5]], r[6],
              [label for bit, label in lists["marca"] if r[7] & bit],
              lists["observado"][r[10]] if len(r) > 10 and r[10] >= 0 else None]
             for r in rows[:static_rows]]
    # (a large round's rows are made a slice at a time as they are packed: made whole,
    # a million rows' lists held the page's process 57 MB higher)
    large = n > PACK_ROWS
    data = {"lists": lists, "rows": rows if large else rows[:], "words": words,
            "page": page}
    compressed: list[str] = []
    if large:  # the script reads the rows from the packed data: a million rows' lists
        compressed = packed(data)  # and codes, 80 MB, are let go before the rest of the
        del data["rows"]  # page is made
    return {"data": data, "packed": compressed,
            "static": shown, "total": n, "reporters": reporters,
            "headers": [title(c, lang) if c != "marcas" else word("web.flags", lang)
                        for c in COLUMNS],
            "options": {k: list(enumerate(v)) for k, v in lists.items()
                        if k in ("informante", "grupo", "pilar")},
            "statuses": [(i, s[1]) for i, s in enumerate(lists["estado"])]}


def _deadlines(m: pd.DataFrame) -> pd.Series:
    """Each row's deadline as a day, else as written."""
    dates = pd.to_datetime(m["fecha_limite"], errors="coerce").dt.strftime("%Y-%m-%d")
    return dates.where(dates.notna(), m["plazo"].fillna("").astype(str))


def _progress(m: pd.DataFrame) -> np.ndarray:
    """Each row's progress as a text ("" for none), each distinct one made once."""
    codes, values = pd.factorize(pd.to_numeric(m["avance"], errors="coerce"))
    return np.array([str(int(v)) if float(v).is_integer() else f"{v:g}" for v in values]
                    + [""], dtype=object)[codes]


def _flag_bits(m: pd.DataFrame, flags: tuple[tuple[str, int], ...]) -> np.ndarray:
    """Each row's flags as the bits of one number."""
    bits = np.zeros(len(m), dtype=np.uint8)
    for key, bit in flags:
        if key in m:
            bits |= m[key].fillna(False).astype(bool).to_numpy() * np.uint8(bit)
    return bits


def _narrow(codes: np.ndarray) -> np.ndarray:
    """Codes into lists held in 32 bits (the numbers the same): a million rows' six
    columns of them, 24 MB less while the page is made."""
    return codes.astype(np.int32) if len(codes) < 2**31 else codes


def _observed_lines(m: pd.DataFrame, rows: Rows, beside: Beside) -> list[list[str]]:
    """The observed items' lines (kind, text, meaning), each once; each row gets the
    position of its item's line, or -1. Nothing when nobody observed: the rows stay as
    they were."""
    if not beside:
        return []
    items = item_keys(m)
    lines = list(dict.fromkeys(beside[i] for i in items if i in beside))
    at = {line: n for n, line in enumerate(lines)}
    rows.columns.append([at[beside[item]] if item in beside else -1 for item in items])
    return [list(line) for line in lines]


class Rows:
    """The page's rows, held as columns (codes into the lists, and the matrix's own text
    columns) and made into the script's rows, one list a row, a slice at a time:
    `rows[a:b]`. A text column is made into texts a slice at a time too: made whole, a
    million rows' ids and activities were 150 MB of new texts in the page's process."""

    def __init__(self, columns: list[list[Any] | np.ndarray | pd.Series]) -> None:
        self.columns = columns

    def __len__(self) -> int:
        return len(self.columns[0]) if self.columns else 0

    def __getitem__(self, part: slice) -> list[list[Any]]:
        pieces = [_listed(c, part) for c in self.columns]
        return [list(r) for r in zip(*pieces, strict=True)]


def _listed(column: list[Any] | np.ndarray | pd.Series, part: slice) -> list[Any]:
    """A slice of a column as a list; a text column's values as texts ("" for none)."""
    if isinstance(column, pd.Series):
        return column.iloc[part].fillna("").astype(str).tolist()
    return column[part].tolist() if isinstance(column, np.ndarray) else column[part]


def packed(data: dict[str, Any]) -> list[str]:
    """The script's data as gzip in base64 (what the page's script unpacks with the
    browser's DecompressionStream), in pieces to be written one after the other; no
    bidirectional control, as everything the page shows.

    The JSON is made, compressed and put in base64 a slice of rows at a time: a million
    rows' text and its bytes, made whole, took 300 MB in the page's process, and the
    compressed bytes joined, in base64 and as a text 40 MB more. Joined, the pieces are
    `base64(gzip.compress(json.dumps(data, separators=(",", ":")), 6, mtime=0))`: the
    same text in pieces, the same compressor, base64 of whole groups of three bytes."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)  # (gzip's header, mtime 0)
    pieces: list[str] = []
    left = b""  # (the compressed bytes after the last whole group of three)

    def encoded(chunk: bytes) -> None:
        nonlocal left
        chunk = left + chunk
        whole = len(chunk) - len(chunk) % 3
        left = chunk[whole:]
        if whole:
            pieces.append(base64.b64encode(chunk[:whole]).decode("ascii"))

    def add(text: str) -> None:
        encoded(compressor.compress(without_bidi(text).encode("utf-8")))

    add("{")
    for n, (key, value) in enumerate(data.items()):
        add(("," if n else "") + _json(key) + ":")
        if key != "rows":
            add(_json(value))
            continue
        rows = value
        add("[")
        for start in range(0, len(rows), PACK_SLICE):
            inner = _json(rows[start:start + PACK_SLICE])[1:-1]
            add(("," if start else "") + inner)
        add("]")
    add("}")
    encoded(compressor.flush())
    pieces.append(base64.b64encode(left).decode("ascii"))
    return pieces


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
