"""The written workbooks open in LibreOffice, the real spreadsheet client we have."""

from pathlib import Path

import pytest

from pipeline.jobs.consolidate import Options, run_consolidation
from pipeline.jobs.template import generate_templates
from tests.conftest import AS_OF, ROOT
from tests.printout import SOFFICE, to_pdf

pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")


def test_consolidated_workbook_opens(tmp_path: Path) -> None:
    run_consolidation(Options(input_dir=ROOT / "input_workbooks", out_dir=tmp_path / "o",
                              as_of=AS_OF))
    pdf = to_pdf(tmp_path / "o" / "consolidado.xlsx", tmp_path)
    assert pdf.stat().st_size > 20_000  # summary, charts and tables, not an empty page


def test_template_opens(tmp_path: Path) -> None:
    [path] = generate_templates(("Honduras",), False, "2027-T1", None, tmp_path / "t", None,
                                history=tmp_path / "no-history.sqlite").written
    to_pdf(path, tmp_path)


def test_large_round_workbook_opens(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.write.round

    monkeypatch.setattr(pipeline.write.round, "LARGE_ROUND", 1)  # stream every sheet
    run_consolidation(Options(input_dir=ROOT / "input_workbooks", out_dir=tmp_path / "o",
                              as_of=AS_OF))
    assert to_pdf(tmp_path / "o" / "consolidado.xlsx", tmp_path).stat().st_size > 20_000
