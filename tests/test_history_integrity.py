"""A damaged history is told, never used or replaced silently (docs/contract.md §7): each kind of
damage stops the command with exit 3 and says, in both languages, what to do; the file is
left as it was; a copy of the history is kept before each round is stored."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from tests.conftest import ROOT

SAMPLE = ROOT / "input_workbooks"


def consolidate(out: Path, as_of: str = "2026-11-30", *more: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["consolidate", str(SAMPLE), "--out", str(out),
                                      "--as-of", as_of, *more])
    return result.exit_code, result.output


def state(path: Path) -> str:
    """What the history path is: where a link points, or the file's bytes."""
    if path.is_symlink():
        return f"link to {path.readlink()}"
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage(history: Path, kind: str) -> None:
    if kind == "empty":
        history.write_bytes(b"")
    elif kind == "header":  # "SQLite format 3\0" with one byte flipped
        raw = bytearray(history.read_bytes())
        raw[3] ^= 0x20
        history.write_bytes(bytes(raw))
    elif kind == "page":  # the cells of a page of rows overwritten
        with sqlite3.connect(history) as conn:
            size = conn.execute("PRAGMA page_size").fetchone()[0]
            root = conn.execute("SELECT rootpage FROM sqlite_master "
                                "WHERE name = 'items'").fetchone()[0]
        raw = bytearray(history.read_bytes())
        start = (root - 1) * size
        raw[start + 8:start + size] = b"\xa5" * (size - 8)
        history.write_bytes(bytes(raw))
    elif kind == "table":
        with sqlite3.connect(history) as conn:
            conn.execute("DROP TABLE envios")
    elif kind == "unnamed":  # edited by hand: a round's name emptied (SQLite lets a
        with sqlite3.connect(history) as conn:  # text primary key be NULL)
            conn.execute("PRAGMA foreign_keys = OFF")
            conn.execute("UPDATE rondas SET ronda = NULL")
    elif kind in ("figures", "date"):  # a round's figures or date edited by hand
        with sqlite3.connect(history) as conn:
            conn.execute("UPDATE rondas SET cifras = '{bad'" if kind == "figures"
                         else "UPDATE rondas SET fecha_corte = 'ayer'")
    elif kind == "link":
        history.unlink()
        history.symlink_to(history.with_name("otro-disco") / "historial.sqlite")


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An output folder holding a round and its history."""
    out = tmp_path_factory.mktemp("stored") / "out"
    assert consolidate(out)[0] == 0
    return out


@pytest.mark.parametrize("kind", ["empty", "header", "page", "table", "unnamed", "figures",
                                  "date", "link"])
def test_a_damaged_history_stops_the_run_and_says_what_to_do(
        tmp_path: Path, stored: Path, kind: str) -> None:
    import shutil

    out = tmp_path / "out"
    shutil.copytree(stored, out)
    history = out / "historial.sqlite"
    damage(history, kind)
    before = state(history)
    outputs = (out / "consolidado.xlsx").read_bytes()
    code, said = consolidate(out, "2026-12-31")
    assert code == 3, said
    assert "historial" in said and "dañado" in said
    assert "antes-" in said  # where the way back is
    code, said = consolidate(out, "2026-12-31", "--lang", "en")
    assert code == 3 and "damaged" in said and "move the damaged file aside" in said
    spanish = ("vacío", "enlace roto", "tablas", "copia", "sin versión")
    assert not [w for w in spanish if w in said], said  # every word of it English
    assert state(history) == before  # neither used nor replaced
    assert (out / "consolidado.xlsx").read_bytes() == outputs
    code, said = CliRunner().invoke(cli, ["history", "--history", str(history)]).exit_code, ""
    assert code == 3
    report = CliRunner().invoke(cli, ["report", "--year", "2026", "--history", str(history),
                                      "--out", str(tmp_path / "informe")])
    assert report.exit_code == 3, report.output


def test_a_copy_of_the_history_is_kept_before_each_round_is_stored(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert consolidate(out)[0] == 0
    history = out / "historial.sqlite"
    with sqlite3.connect(history) as conn:
        first = sorted(conn.iterdump())
    assert consolidate(out, "2026-12-31")[0] == 0
    copy = out / "historial.sqlite.antes-2026-T4"
    with sqlite3.connect(copy) as conn:
        assert sorted(conn.iterdump()) == first  # the history as it was before
    with sqlite3.connect(history) as conn:
        assert sorted(conn.iterdump()) != first
    # the copy is what a damaged history's message points at
    history.write_bytes(b"")
    code, said = consolidate(out)
    assert code == 3 and f"(archivo vacío); copia: {copy}" in said
    code, said = consolidate(out, "2026-11-30", "--lang", "en")
    assert code == 3 and f"(empty file); copy: {copy}" in said and "copia" not in said
