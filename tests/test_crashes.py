"""Issue 21, crashes: situations that ended in "internal error" (exit 4) where the README
promises a message or a result. Each runs the real command on real files."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from click.testing import CliRunner

from pipeline.cli import cli
from tests.conftest import OFFICIAL_TITLES

AS_OF = "2026-11-30"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def matrix_file(path: Path, rows: list[list[object]]) -> Path:
    """A returned matrix with the official titles and `rows` below them."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Matriz"
    sheet.append(OFFICIAL_TITLES)
    for row in rows:
        sheet.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def test_the_readme_cron_line_on_a_new_workspace_is_nothing_overdue(tmp_path: Path) -> None:
    ws = tmp_path / "x"
    assert run("init", str(ws))[0] == 0
    code, _, said = run("overdue", "--from-history", "--format", "md", "--workspace", str(ws),
                        "--as-of", AS_OF)
    assert code == 0, said  # 0: nothing is overdue (no round stored yet)
    assert "interno" not in said


def test_mail_overdue_on_a_new_workspace_prepares_nothing(tmp_path: Path) -> None:
    ws = tmp_path / "x"
    assert run("init", str(ws))[0] == 0
    code, _, said = run("mail", "overdue", "--workspace", str(ws), "--as-of", AS_OF)
    assert code == 0, said
    assert "interno" not in said
