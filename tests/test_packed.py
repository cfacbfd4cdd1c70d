"""A large round's page data, made into JSON and compressed a slice of rows at a time, is
byte for byte what compressing the whole text at once gives (the page's script unpacks
it with the browser's DecompressionStream)."""

from __future__ import annotations

import base64
import gzip
import json
import random

import numpy as np
import pytest

from pipeline.model.text import without_bidi
from pipeline.web import matrix

# Texts as a round's may hold: accents, quotes, a line break, a right-to-left override.
TEXTS = ["Guatemala", "ñandú «x»", 'co"mi\\llas', "dos\nlíneas", "", "😀",
         "\u202eal revés", "marca\u200f"]


def whole(data: dict[str, object]) -> str:
    text = without_bidi(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    return base64.b64encode(gzip.compress(text.encode("utf-8"), 6, mtime=0)).decode("ascii")


@pytest.mark.parametrize("rows", [0, 1, matrix.PACK_SLICE, matrix.PACK_SLICE + 1,
                                  2 * matrix.PACK_SLICE + 3])
def test_the_data_packed_in_slices_is_the_data_packed_whole(rows: int) -> None:
    pick = random.Random(rows).choice
    data = {"lists": {"informante": TEXTS, "estado": [["finalizado", "Finalizado"]]},
            "rows": [[pick(TEXTS), n % 7, pick(TEXTS), "", [1, 2.5, None, True]]
                     for n in range(rows)],
            "words": {"count": "{n} filas"}, "page": 50}
    made = "".join(matrix.packed(data))
    assert made == whole(data)
    assert "\u202e" not in gzip.decompress(base64.b64decode(made)).decode("utf-8")
    assert json.loads(gzip.decompress(base64.b64decode(made)))["rows"][:3] == [
        [c.replace("\u202e", "").replace("\u200f", "") if isinstance(c, str) else c
         for c in row] for row in data["rows"][:3]]


@pytest.mark.parametrize("rows", [0, 1, matrix.PACK_SLICE + 1])
def test_rows_held_as_columns_pack_as_the_rows_themselves(rows: int) -> None:
    """The page's rows held as columns (texts as lists, codes as NumPy arrays) and made
    a slice at a time (`matrix.Rows`) are packed byte for byte as the rows made whole,
    and give them back whole (`rows[:]`) and in slices."""
    pick = random.Random(rows).choice
    columns: list[list[object] | np.ndarray] = [
        [pick(TEXTS) for _ in range(rows)], np.arange(rows, dtype=np.intp) % 7,
        np.array([pick(["45", "", "12.5"]) for _ in range(rows)], dtype=object),
        (np.arange(rows) * 3).astype(np.int64)]
    made = matrix.Rows(columns)
    listed = [[a, int(b), c, int(d)] for a, b, c, d in zip(*columns, strict=True)]
    assert len(made) == rows and made[:] == listed and made[1:3] == listed[1:3]
    words = {"count": "{n} filas"}
    assert "".join(matrix.packed({"rows": made, "words": words})) == whole(
        {"rows": listed, "words": words})
