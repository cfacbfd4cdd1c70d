"""History of the rounds (docs/contract.md §5 across rounds): an embedded SQLite database in the
output folder (`output/historial.sqlite` by default), stdlib `sqlite3`.

The schema is versioned with `PRAGMA user_version` and migrated in code. Storing a round
replaces that round in one transaction (a run that dies midway leaves the database as it
was); earlier rounds are never touched.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pandas as pd

from pipeline.model.errors import HistoryError
from pipeline.model.run import RunResult
from pipeline.model.submission import Submission
from pipeline.model.values import column_texts, history_text
from pipeline.store.integrity import check_database, check_file, create_aside, keep_copy

FILE_NAME = "historial.sqlite"
ROWS_PER_SLICE = 20_000  # rows made into stored texts at once (memory)
ITEM_COLUMNS = ("informante", "id", "grupo_trabajo", "pilar", "tema", "actividad",
                "resultado_esperado", "indicadores", "responsable_medicion", "responsable",
                "plazo", "fecha_limite", "estado", "avance", "supuestos_riesgos",
                "observaciones", "reservado", "archivo", "hoja", "fila", "fecha_envio",
                "vencido", "por_vencer")
SUBMISSION_COLUMNS = ("informante", "archivo", "estado", "fecha_envio", "a_tiempo", "filas",
                      "errores", "advertencias")
SIGNER_COLUMNS = ("informante", "archivo", "contacto_nombre", "contacto_correo")
MAIL_COLUMNS = ("dia", "tipo", "ronda", "parte", "idioma", "para", "copia", "asunto",
                "resultado", "motivo", "momento")
# An observer's view of an item (pipeline.analyse.observations), per round.
OBSERVATION_COLUMNS = ("id", "informante", "actividad", "responsable", "estado_oficial",
                       "estado_observado", "coincide", "evidencia", "observacion", "ambito",
                       "fecha_observacion", "observador", "archivo", "hoja", "fila",
                       "reservado", "conocido")
# An item's indicators (pipeline.analyse.indicators), per round.
INDICATOR_COLUMNS = ("id", "informante", "actividad", "indicador", "unidad", "linea_base",
                     "fecha_linea_base", "meta", "fecha_meta", "valor", "fecha_valor",
                     "avance_meta", "esperado", "situacion", "fuente", "responsable_medicion",
                     "reservado", "conocido")
MIGRATIONS: list[list[str]] = [
    [  # version 1
        """CREATE TABLE rondas (ronda TEXT PRIMARY KEY, fecha_corte TEXT NOT NULL,
                                cifras TEXT NOT NULL)""",
        f"""CREATE TABLE items (ronda TEXT NOT NULL REFERENCES rondas(ronda),
                                {", ".join(f"{c} TEXT" for c in ITEM_COLUMNS)})""",
        "CREATE INDEX items_ronda ON items (ronda, informante, id)",
        f"""CREATE TABLE envios (ronda TEXT NOT NULL REFERENCES rondas(ronda),
                                 {", ".join(f"{c} TEXT" for c in SUBMISSION_COLUMNS)})""",
    ],
    [  # version 2: every message sent or tried, so a rerun sends nothing twice
        f"""CREATE TABLE correos ({", ".join(f"{c} TEXT" for c in MAIL_COLUMNS)})""",
        "CREATE INDEX correos_dia ON correos (dia, tipo, ronda, parte, idioma)",
    ],
    [  # version 3: the observers' views of the items, per round
        f"""CREATE TABLE observaciones (ronda TEXT NOT NULL REFERENCES rondas(ronda),
                                 {", ".join(f"{c} TEXT" for c in OBSERVATION_COLUMNS)})""",
        "CREATE INDEX observaciones_ronda ON observaciones (ronda, informante, id)",
    ],
    [  # version 4: the indicators' baselines, targets and values, per round
        f"""CREATE TABLE indicadores (ronda TEXT NOT NULL REFERENCES rondas(ronda),
                                 {", ".join(f"{c} TEXT" for c in INDICATOR_COLUMNS)})""",
        "CREATE INDEX indicadores_ronda ON indicadores (ronda, informante, id)",
    ],
    [  # version 5: who signed each matrix of a round, for the next round's call
        f"""CREATE TABLE firmantes (ronda TEXT NOT NULL REFERENCES rondas(ronda),
                                   {", ".join(f"{c} TEXT" for c in SIGNER_COLUMNS)})""",
    ],
    [  # version 6: the rounds whose outputs are being published (pipeline.write.publish):
        # stored with the round, in its transaction, so that a run interrupted while moving
        # them into place is finished by the next (the history says the new round is true)
        "CREATE TABLE publicaciones (generacion TEXT PRIMARY KEY, ronda TEXT NOT NULL)",
    ],
    [  # version 7: items are only ever read a round at a time; an index of the round alone
        # keeps the history of a million-row round within the size of its matriz.csv
        "DROP INDEX items_ronda",
        "CREATE INDEX items_ronda ON items (ronda)",
    ],
]


def history_path(folder: Path | None, history: Path | None) -> Path | None:
    """The history given, else the one in `folder` (a workspace's, or --out); None when
    neither is known (nothing is read or stored then)."""
    if history is not None:
        return history
    return folder / FILE_NAME if folder is not None else None


@contextlib.contextmanager
def open_history(path: Path, create: bool = True) -> Iterator[sqlite3.Connection | None]:
    """The database, checked (pipeline.store.integrity: a damaged one stops the command)
    and migrated to the current schema; None when absent and not created."""
    check_file(path)
    if not path.exists():
        if not create:
            yield None
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            create_aside(path, lambda conn: _migrate(conn, path))
        except (OSError, sqlite3.Error) as exc:
            raise HistoryError(f"{path} ({exc})") from exc
    try:
        conn = sqlite3.connect(path, timeout=30, isolation_level=None)
    except (OSError, sqlite3.Error) as exc:
        raise HistoryError(f"{path} ({exc})") from exc
    try:
        check_database(conn, path, MIGRATIONS)
        _migrate(conn, path)
        yield conn
    finally:
        conn.close()


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise HistoryError(f"{path}: versión {version} > {len(MIGRATIONS)}")
        for number, statements in enumerate(MIGRATIONS[version:], start=version + 1):
            conn.execute("BEGIN IMMEDIATE")
            for statement in statements:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        raise HistoryError(f"{path} ({exc})") from exc


def save_round(result: RunResult, generation: str | None = None,
               ready: Callable[[], None] | None = None) -> None:
    """Store a consolidated round in its history (as `store_round`), after keeping a copy
    of the history as it was (`historial.sqlite.antes-<round>`)."""
    assert result.history is not None
    subs = pd.DataFrame([{
        "informante": s.informante, "archivo": s.archivo, "estado": s.estado,
        "fecha_envio": s.fecha_envio, "a_tiempo": s.a_tiempo, "filas": s.filas,
        "errores": s.errores, "advertencias": s.advertencias} for s in result.submissions])
    observed = result.tables.get("observaciones")
    measured = result.tables.get("indicadores")
    signed = [(s.informante, s.archivo, s.contacto_nombre, s.contacto_correo)
              for s in result.submissions
              if s.estado == "leido" and s.informante and s.contacto_correo]
    with open_history(result.history) as conn:
        assert conn is not None
        if conn.execute("SELECT 1 FROM rondas LIMIT 1").fetchone():
            keep_copy(result.history, result.ronda)
        store_round(conn, result.ronda, result.as_of, result.figures(), result.matrix, subs,
                    observed, measured, signed, generation, ready)


def store_round(conn: sqlite3.Connection, ronda: str, as_of: dt.date, figures: dict[str, int],
                matrix: pd.DataFrame, submissions: pd.DataFrame,
                observed: pd.DataFrame | None = None,
                measured: pd.DataFrame | None = None,
                signers: Sequence[tuple[str, str, str, str]] = (),
                generation: str | None = None, ready: Callable[[], None] | None = None) -> None:
    """Replace the round's rows, all or nothing, with the `generation` of the outputs
    published with it (pipeline.write.publish), `ready` (making them ready: it may raise)
    last before the commit. `signers`: (reporter, file, name, e-mail) of each matrix read
    that names who filled it."""
    if generation is not None and ready is None:
        raise ValueError("a round published with its outputs needs them made ready")
    items = _rows(matrix, ITEM_COLUMNS, ronda)  # (made a slice at a time as they are stored)
    subs = _rows(submissions, SUBMISSION_COLUMNS, ronda)
    flags = {"_reservado": "reservado", "_conocido": "conocido"}
    views = iter(()) if observed is None else _rows(observed.rename(columns=flags),
                                                    OBSERVATION_COLUMNS, ronda)
    values = iter(()) if measured is None else _rows(measured.rename(columns=flags),
                                                     INDICATOR_COLUMNS, ronda)
    conn.execute("BEGIN IMMEDIATE")
    try:
        for table in ("items", "envios", "observaciones", "indicadores", "firmantes", "rondas"):
            conn.execute(f"DELETE FROM {table} WHERE ronda = ?", (ronda,))
        conn.execute("INSERT INTO rondas VALUES (?, ?, ?)",
                     (ronda, as_of.isoformat(), json.dumps(figures, sort_keys=True)))
        for table, columns, rows in (
                ("items", ITEM_COLUMNS, items), ("envios", SUBMISSION_COLUMNS, subs),
                ("observaciones", OBSERVATION_COLUMNS, views),
                ("indicadores", INDICATOR_COLUMNS, values)):
            marks = ", ".join("?" * (len(columns) + 1))
            conn.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
        conn.executemany("INSERT INTO firmantes VALUES (?, ?, ?, ?, ?)",
                         [(ronda, *r) for r in signers])
        if generation is not None:
            conn.execute("INSERT INTO publicaciones VALUES (?, ?)", (generation, ronda))
        if ready is not None:
            ready()
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:  # (Ctrl-C just after the commit: nothing to roll back)
            conn.execute("ROLLBACK")
        raise


def is_published(path: Path, generation: str) -> bool:
    """Whether the round published as `generation` is stored (its outputs are then the
    true ones, to be moved into place)."""
    with open_history(path, create=False) as conn:
        found = conn and conn.execute("SELECT 1 FROM publicaciones WHERE generacion = ?",
                                      (generation,)).fetchone()
        return found is not None and bool(found)


def forget_publication(path: Path, generation: str) -> None:
    """The outputs of `generation` are all in place: nothing left to finish."""
    with open_history(path, create=False) as conn:
        if conn is not None:
            conn.execute("DELETE FROM publicaciones WHERE generacion = ?", (generation,))


def _rows(table: pd.DataFrame, columns: tuple[str, ...],
          ronda: str) -> Iterator[tuple[str | None, ...]]:
    """The round's rows of `table` as stored, `ronda` first, made a slice at a time."""
    table = table.reindex(columns=list(columns))
    for start in range(0, len(table), ROWS_PER_SLICE):
        part = table.iloc[start:start + ROWS_PER_SLICE]
        for row in zip(*(column_texts(part[c], history_text, ("1", "0"), None)
                         for c in columns), strict=True):
            yield (ronda, *row)


def rounds(conn: sqlite3.Connection | None) -> pd.DataFrame:
    """Every stored round with its headline figures, oldest first."""
    if conn is None:
        return pd.DataFrame(columns=["ronda", "fecha_corte"])
    rows = conn.execute("SELECT ronda, fecha_corte, cifras FROM rondas "
                        "ORDER BY fecha_corte, ronda").fetchall()
    return pd.DataFrame([{"ronda": r, "fecha_corte": f, **json.loads(c)} for r, f, c in rows],
                        columns=None if rows else ["ronda", "fecha_corte"])


def previous_round(conn: sqlite3.Connection | None, ronda: str) -> str | None:
    """The latest stored round before `ronda` (rounds sort as written: 2026-T4 < 2027-T1)."""
    if conn is None:
        return None
    row = conn.execute("SELECT MAX(ronda) FROM rondas WHERE ronda < ?", (ronda,)).fetchone()
    return row[0] if row and row[0] else None


def load_items(conn: sqlite3.Connection | None, ronda: str | None) -> pd.DataFrame:
    """The stored rows of a round, typed back (dates, numbers, flags)."""
    if conn is None or ronda is None:
        return pd.DataFrame(columns=list(ITEM_COLUMNS))
    frame = pd.read_sql_query(
        f"SELECT {', '.join(ITEM_COLUMNS)} FROM items WHERE ronda = ? ORDER BY rowid",
        conn, params=(ronda,))
    frame["fecha_limite"] = pd.to_datetime(frame["fecha_limite"], errors="coerce")
    frame["avance"] = pd.to_numeric(frame["avance"], errors="coerce")
    for flag in ("reservado", "vencido", "por_vencer"):
        frame[flag] = frame[flag].eq("1")
    typed = {"fecha_limite", "avance", "reservado", "vencido", "por_vencer"}
    return frame.fillna({c: "" for c in ITEM_COLUMNS if c not in typed})


def latest_items_per_reporter(conn: sqlite3.Connection | None, before: str) -> pd.DataFrame:
    """Each reporter's items from the latest round before `before` in which it reported:
    a focal point who skipped a round still gets a prefilled template."""
    return latest_per_reporter(conn, before, "items", load_items)


def latest_rounds(conn: sqlite3.Connection, before: str, table: str = "items") -> dict[str, str]:
    """Each reporter's latest round before `before` with rows in `table`."""
    pairs = conn.execute(f"SELECT informante, MAX(ronda) FROM {table} WHERE ronda < ? "
                         "GROUP BY informante", (before,)).fetchall()
    return {str(informante): str(ronda) for informante, ronda in pairs}


def latest_per_reporter(conn: sqlite3.Connection | None, before: str, table: str,
                        load: Callable[[sqlite3.Connection | None, str | None], pd.DataFrame],
                        ) -> pd.DataFrame:
    """Each reporter's rows of `table` from its latest round before `before` with any,
    reporter by reporter, each one's in the order stored: each round loaded once and its
    reporters' rows taken at once (a query per reporter took seconds)."""
    if conn is None:
        return load(None, None)
    latest = latest_rounds(conn, before, table)
    frames = [rows[rows["informante"].map(latest).eq(ronda)]
              for ronda in sorted(set(latest.values())) for rows in [load(conn, ronda)]]
    frames = [f for f in frames if not f.empty]
    return pd.concat(frames, ignore_index=True).sort_values(
        "informante", kind="stable", ignore_index=True) if frames else load(None, None)


def rounds_of_year(conn: sqlite3.Connection | None, year: int) -> list[str]:
    """The stored rounds of a year (named after it, or judged at a date in it)."""
    if conn is None:
        return []
    rows = conn.execute("SELECT ronda FROM rondas WHERE ronda LIKE ? OR fecha_corte LIKE ? "
                        "ORDER BY ronda", (f"{year}%", f"{year}-%")).fetchall()
    return [r[0] for r in rows]


def load_submissions(conn: sqlite3.Connection | None, ronda: str) -> pd.DataFrame:
    if conn is None:
        return pd.DataFrame(columns=list(SUBMISSION_COLUMNS))
    return pd.read_sql_query(
        f"SELECT {', '.join(SUBMISSION_COLUMNS)} FROM envios WHERE ronda = ? ORDER BY rowid",
        conn, params=(ronda,)).fillna("")


def latest_signers(conn: sqlite3.Connection | None, before: str) -> list[Submission]:
    """Who signed each reporter's matrix in the latest round before `before` in which its
    matrix named someone: the people to call when the contacts book has nobody."""
    if conn is None:
        return []
    rows = conn.execute(
        "SELECT f.informante, f.archivo, f.contacto_nombre, f.contacto_correo FROM firmantes f "
        "WHERE f.ronda = (SELECT MAX(g.ronda) FROM firmantes g WHERE g.ronda < ? AND "
        "g.informante = f.informante) ORDER BY f.informante, f.rowid", (before,)).fetchall()
    return [Submission(archivo or "", informante=informante, contacto_nombre=name or "",
                       contacto_correo=mail) for informante, archivo, name, mail in rows]
