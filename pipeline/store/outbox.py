"""The e-mails in the history (docs/contract.md §7: an e-mail goes at most once per party, kind and
day, whatever runs at the same time or is interrupted). The outbox pattern: before a
message goes to the server its intent is committed (`enviando`); once the server has
answered, its outcome replaces it (`enviado`, `rechazado`, `no_enviado`, `desconocido`).
A message still `enviando` when the next run takes the sending lock was left by a run that
ended while the server had it: whether it arrived cannot be known, so it is `desconocido`
— never taken for sent, never for not sent, and not sent again without --again.

Only a run holding the sending lock (`sending_lock`, pipeline.store.lock) writes here:
the lock keeps two runs from asking "sent already?" and both hearing no."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from pipeline.store.history import MAIL_COLUMNS

SENDING, UNKNOWN = "enviando", "desconocido"
HELD = ("enviado", SENDING, UNKNOWN)  # what keeps a party's message of a day from going again
REFUSED = "rechazado"  # refused for good: not tried again the same day to the same addresses


@dataclass(frozen=True)
class Earlier:
    """A message of the same party, kind and day already sent (or perhaps sent)."""

    state: str  # enviado | desconocido | rechazado
    at: str  # when it was sent, or tried (ISO, seconds)
    subject: str
    to: str  # its addresses, as recorded
    reason: str = ""  # the server's words, for a refusal


def sending_lock(history: Path) -> Path:
    """The lock file of the runs that send with this history, beside it."""
    return history.with_name(f".{history.name}.correo.lock")


def settle_abandoned(conn: sqlite3.Connection) -> int:
    """Every message a run left `enviando` (it died or was stopped while the server had
    it) is `desconocido`; how many. Only under the sending lock: then no live run has one."""
    return conn.execute("UPDATE correos SET resultado = ? WHERE resultado = ?",
                        (UNKNOWN, SENDING)).rowcount


def earlier(conn: sqlite3.Connection, day: dt.date, tipo: str, parte: str,
            mine: set[int], to: str = "", cc: str = "", ronda: str | None = None
            ) -> Earlier | None:
    """The party's message of this kind on `day` (of round `ronda`, when given) that keeps
    another from going: one sent, else one whose outcome is unknown, else one refused for
    good by the server when sent to the same addresses (`to`, `cc`). Messages of this run
    (`mine`: its other languages) do not count."""
    states = (*HELD, REFUSED)
    of_round = "" if ronda is None else " AND ronda = ?"
    rows = conn.execute(
        f"SELECT rowid, resultado, momento, asunto, para, copia, motivo FROM correos WHERE "
        f"dia = ? AND tipo = ? AND parte = ?{of_round} AND resultado IN "
        f"({', '.join('?' * len(states))}) ORDER BY rowid",
        (day.isoformat(), tipo, parte, *([] if ronda is None else [ronda]), *states)
    ).fetchall()
    found = [Earlier(UNKNOWN if state == SENDING else state, at or "", subject or "",
                     ", ".join(a for a in (para, copia) if a), reason or "")
             for rowid, state, at, subject, para, copia, reason in rows
             if rowid not in mine and (state != REFUSED or (para, copia) == (to, cc))]
    for state in ("enviado", UNKNOWN, REFUSED):
        if any(e.state == state for e in found):
            return next(e for e in found if e.state == state)
    return None


def record_message(conn: sqlite3.Connection, day: dt.date, row: dict[str, str]) -> int:
    """A message, committed at once (about to go: `resultado` is `enviando`); its row's id."""
    values = [day.isoformat(), *(row.get(c, "") for c in MAIL_COLUMNS[1:])]
    cursor = conn.execute(
        f"INSERT INTO correos VALUES ({', '.join('?' * len(MAIL_COLUMNS))})", values)
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def record_outcome(conn: sqlite3.Connection, rowid: int, state: str, reason: str,
                   at: str) -> None:
    """What became of the message, committed at once; `at` (when it was sent) replaces
    the moment it was tried only when given."""
    conn.execute("UPDATE correos SET resultado = ?, motivo = ?, "
                 "momento = COALESCE(NULLIF(?, ''), momento) WHERE rowid = ?",
                 (state, reason, at, rowid))
