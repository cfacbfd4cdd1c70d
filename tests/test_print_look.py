"""What LibreOffice prints in the cells (issue 21): a header that wraps keeps its row
(no line over the first value), a yes-or-no column says Sí or No, a day is printed
without a time. Printed as on a machine without Carlito too (another font's metrics,
wider than the ones the row heights were counted with)."""

from __future__ import annotations

import datetime as dt
import os
import re

import pytest

from pipeline.jobs.consolidate import Options, run_consolidation
from pipeline.words import word
from tests.conftest import AS_OF, ROOT
from tests.printout import Page, Word, by_sheet, needs_printing, printed
from tests.test_printing import HIDE_CARLITO

pytestmark = needs_printing


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Page]]:
    base = tmp_path_factory.mktemp("look")
    out = base / "out"
    run_consolidation(Options(input_dir=ROOT / "input_workbooks", out_dir=out, as_of=AS_OF,
                              closing_date=dt.date(2026, 11, 14)))
    config = base / "fonts.conf"
    config.write_text(HIDE_CARLITO, encoding="utf-8")
    before = os.environ.get("FONTCONFIG_FILE")
    os.environ["FONTCONFIG_FILE"] = str(config)  # LibreOffice falls back to another font
    try:
        return by_sheet(printed(out / "consolidado.xlsx", base))
    finally:
        if before is None:
            del os.environ["FONTCONFIG_FILE"]
        else:
            os.environ["FONTCONFIG_FILE"] = before


def overlapping(a: Word, b: Word) -> bool:
    """Two words drawn over each other (more than a sliver of each box)."""
    wide = min(a.x1, b.x1) - max(a.x0, b.x0)
    tall = min(a.y1, b.y1) - max(a.y0, b.y0)
    return wide > 1 and tall > 0.25 * min(a.height, b.height)


def test_a_wrapped_header_does_not_print_over_the_first_value(
        pages: dict[str, list[Page]]) -> None:
    """"No alcanzado" wrapped in its column and its second line printed over the number
    below it."""
    summary = pages[word("sheet.resumen", "es")]
    for page in summary:
        words = [w for w in page.words if w.text.strip()]
        clashes = [(a.text, b.text) for i, a in enumerate(words) for b in words[i + 1:]
                   if overlapping(a, b)]
        assert not clashes, (page.number, clashes)
    assert any("alcanzado" in p.text for p in summary)


def column_under(page: Page, heading: str) -> list[str]:
    """The words printed under the header word `heading`, within its column."""
    [head] = [w for w in page.words if w.text == heading]
    return [w.text for w in page.words
            if w.y0 > head.y1 and w.x1 > head.x0 - 4 and w.x0 < head.x1 + 4]


def test_on_time_says_yes_or_no_and_a_day_has_no_time(pages: dict[str, list[Page]]) -> None:
    sheet = pages[word("sheet.envios", "es")]
    text = " ".join(p.text for p in sheet)
    assert not re.search(r"\b00:00\b", text), text[:400]  # a day, not a moment
    assert "2026-11-18" in text  # Belice's stated day
    said = [w for p in sheet for w in column_under(p, "tiempo")]
    assert said and set(said) <= {"Sí", "No"}, said
