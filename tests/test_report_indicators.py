"""The indicators in the annual report (issue 24): a table of each indicator's target and its
value at the year's last round, and, in the year the plan in force ends (or later), the
plan-end review of which targets were met; the public edition leaves out a restricted
item's indicators. Counted from tests/measured.py's ROUNDS."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from tests.measured import RESTRICTED, ROUNDS, consolidate_rounds

LAST = list(ROUNDS)[-1]
YEAR = LAST[1].year


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return consolidate_rounds(tmp_path_factory.mktemp("informe"))


def report(ws: Path, out: Path, *more: str) -> str:
    done = CliRunner().invoke(cli, ["report", "--year", str(YEAR), "--workspace", str(ws),
                                    "--out", str(out), *more], catch_exceptions=False)
    assert done.exit_code == 0, done.output
    [md] = [p for p in out.glob("*.md")]
    return md.read_text(encoding="utf-8")


def with_plan(ws: Path, start: str) -> None:
    """The workspace's plan in force starting on `start` (three years): in its network's
    profile, where `init` wrote it."""
    config = ws / "red.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(?m)^inicio = .*$", f"inicio = {start}", text, count=1),
                      encoding="utf-8")


def section(text: str, heading: str) -> str:
    start = text.index(heading)
    end = text.find("\n## ", start + 1)
    return text[start:end if end > 0 else None]


def test_the_report_tables_each_target_and_its_value(ws: Path, tmp_path: Path) -> None:
    with_plan(ws, "2026-01-01")  # ends 2028-12-31: no review yet
    text = report(ws, tmp_path / "a")
    part = section(text, "## Indicadores")
    for (ident, name), (_, goal, value) in ROUNDS[LAST].items():
        line = next(li for li in part.splitlines() if name in li)
        cells = [c.strip() for c in line.strip("|").split("|")]
        assert ident in cells and str(goal) in cells and str(value) in cells, line
    assert "2028-12-31" in part  # when the review comes
    assert "¿Meta cumplida?" not in part


def test_the_plan_end_review_says_which_targets_were_met(ws: Path, tmp_path: Path) -> None:
    with_plan(ws, f"{YEAR - 2}-01-01")  # three years: ends in the report's year
    values = ROUNDS[LAST]
    met = [n for (_, n), (_, goal, value) in values.items() if value >= goal]
    for public, out in ((False, tmp_path / "b"), (True, tmp_path / "c")):
        text = report(ws, out, *(["--public"] if public else []))
        part = section(text, "## Indicadores")
        counted = {n: v for (_, n), v in values.items() if not (public and n == RESTRICTED)}
        kept_met = [n for n in met if n in counted]
        lines = part.splitlines()
        head = next(n for n, li in enumerate(lines) if "¿Meta cumplida?" in li)
        rows = [li for li in lines[head + 1:] if li.startswith("|") and "---" not in li]
        assert len(rows) == len(counted)
        for name in counted:
            row = next(r for r in rows if name in r)
            assert ("| Sí |" in row) == (name in kept_met), row
        summary = f"{len(kept_met)} de {len(counted)} metas"
        assert summary in part, part
        assert (RESTRICTED in text) != public
        page = next(out.glob("*.html")).read_text(encoding="utf-8")
        assert "¿Meta cumplida?" in page and summary in page
        assert (RESTRICTED in page) != public
