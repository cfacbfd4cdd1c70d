"""A damaged history is told, never used or replaced silently (docs/contract.md §7).

Every time the history is opened it is looked at before anything is read from it or
written to it: a file that is not there where a link points, an empty file (SQLite would
take it for a new, empty history and the rounds would be gone without a word), a file
SQLite cannot read (a flipped header byte), pages that fail SQLite's own check, tables
missing or shaped otherwise than the schema's version says. Any of these stops the
command (exit 3) with what to do: put back the copy kept before a round was written
(`historial.sqlite.antes-<round>`, made by `keep_copy` beside the history before each
round is stored), or move the damaged file aside to start again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from pipeline.model.errors import HistoryDamaged
from pipeline.words import both

COPY_SUFFIX = ".antes-"  # historial.sqlite.antes-2027-T1


def check_file(path: Path) -> None:
    """Refuse, before SQLite opens it, a history that is a link leading nowhere, not a
    file, or empty (an interrupted creation is never left empty: see `create_aside`)."""
    if path.is_symlink() and not path.exists():
        raise HistoryDamaged(_detail(path, both("history.broken_link")))
    if path.exists() and not path.is_file():
        raise HistoryDamaged(_detail(path, both("history.not_a_file")))
    if path.exists() and path.stat().st_size == 0:
        raise HistoryDamaged(_detail(path, both("history.empty")))


def check_database(conn: sqlite3.Connection, path: Path,
                   migrations: list[list[str]]) -> int:
    """The schema version of a history that passes SQLite's own check and holds the
    tables and columns its version says; HistoryDamaged otherwise."""
    try:
        problems = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
        if problems != ["ok"]:
            raise HistoryDamaged(_detail(path, "; ".join(problems)[:300]))
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        found = _shape(conn)
    except sqlite3.DatabaseError as exc:  # not a database, or one SQLite cannot read
        raise HistoryDamaged(_detail(path, str(exc))) from exc
    if version <= len(migrations):
        expected = _expected_shape(migrations[:version])
        if version == 0 and found:  # tables but no version: not a history of ours
            raise HistoryDamaged(_detail(path, both("history.no_version")))
        missing = sorted(t for t, columns in expected.items() if found.get(t) != columns)
        if missing:
            raise HistoryDamaged(_detail(path, both("history.tables", tablas=", ".join(missing))))
    if "rondas" in found and conn.execute(  # (a round's name emptied by hand: SQLite lets
            "SELECT 1 FROM rondas WHERE ronda IS NULL OR TRIM(ronda) = '' LIMIT 1"  # a text
    ).fetchone():  # primary key be NULL; every command would read it as a round)
        raise HistoryDamaged(_detail(path, both("history.unnamed_round")))
    if "rondas" in found and (damaged := _damaged_round(conn)) is not None:
        raise HistoryDamaged(_detail(path, both("history.round_values", ronda=damaged)))
    return version


def _damaged_round(conn: sqlite3.Connection) -> str | None:
    """The first round whose date or figures are not what the product stores (a date, a
    JSON object): edited by hand, every command reading it would fail or use them."""
    for ronda, day, figures in conn.execute("SELECT ronda, fecha_corte, cifras FROM rondas"):
        try:
            dt.date.fromisoformat(str(day))
            if not isinstance(json.loads(figures), dict):
                return str(ronda)
        except (ValueError, TypeError):  # (json's errors are ValueErrors)
            return str(ronda)
    return None


def _shape(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """Each table's column names, in order."""
    tables = [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    return {table: [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
            for table in tables}


def _expected_shape(migrations: list[list[str]]) -> dict[str, list[str]]:
    """The tables the migrations up to a version make (built in memory, so the check
    follows the schema wherever it grows)."""
    memory = sqlite3.connect(":memory:")
    try:
        for statements in migrations:
            for statement in statements:
                memory.execute(statement)
        return _shape(memory)
    finally:
        memory.close()


def keep_copy(path: Path, ronda: str) -> Path:
    """Copy the history, as it is before `ronda` is stored, to
    `historial.sqlite.antes-<ronda>` beside it (written aside, then renamed): the way back
    if the round, or the file, turns out wrong."""
    target = path.with_name(f"{path.name}{COPY_SUFFIX}{ronda}")
    aside = target.with_name(f".{target.name}.{os.getpid()}")
    aside.unlink(missing_ok=True)
    source, copy = sqlite3.connect(path, timeout=30), sqlite3.connect(aside)
    try:
        source.backup(copy)  # a consistent copy, whatever else is writing
    finally:
        copy.close()
        source.close()
    try:
        _sync(aside)
        os.replace(aside, target)
    finally:
        aside.unlink(missing_ok=True)
    return target


def create_aside(path: Path, build: Callable[[sqlite3.Connection], None]) -> None:
    """Make a new history whole beside `path` and put it in place only when `path` is still
    free: an interrupted creation leaves no empty or half-made history behind."""
    aside = path.with_name(f".{path.name}.nuevo-{os.getpid()}")
    aside.unlink(missing_ok=True)
    conn = sqlite3.connect(aside, isolation_level=None)
    try:
        build(conn)
    finally:
        conn.close()
    try:
        _sync(aside)
        try:
            os.link(aside, path)  # fails when another run made one meanwhile: that one stays
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            if not path.exists():
                os.replace(aside, path)
    finally:
        aside.unlink(missing_ok=True)


def copies(path: Path) -> list[Path]:
    """The copies kept beside the history, newest first."""
    found = [p for p in path.parent.glob(f"{path.name}{COPY_SUFFIX}*") if p.is_file()]
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def _detail(path: Path, what: str | tuple[str, str]) -> tuple[str, str]:
    """What is wrong with the history, and the copy kept beside it, in each language (a
    text of SQLite's own, the same in both)."""
    kept = copies(path)
    said = (what, what) if isinstance(what, str) else what
    copy = both("history.copy", copia=kept[0]) if kept else ("", "")
    return (f"{path} ({said[0]}){copy[0]}", f"{path} ({said[1]}){copy[1]}")


def _sync(path: Path) -> None:
    with contextlib.suppress(OSError), path.open("rb+") as handle:
        os.fsync(handle.fileno())

