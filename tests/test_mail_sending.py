"""An e-mail is sent at most once per party, kind and day, whatever runs at the same time or
is interrupted; an outcome that could not be learnt is recorded as unknown (docs/contract.md §7,
issue
21). Real `seguimiento` processes, a real SIGINT, a real SMTP server (tests/mailserver.py)
that keeps its answer to a message until the test lets it go."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.conftest import AS_OF
from tests.mailserver import Handler
from tests.test_mail import SAMPLE, config_file, contacts_file, index, overdue, server

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH:UserWarning")
__all__ = ["server"]  # the fixture, shared with test_mail
WAIT = 300  # seconds a test waits for a process before it is a failure (not a timing)


def command(tmp_path: Path, config: Path, *more: str) -> list[str]:
    return [sys.executable, "-m", "pipeline", "mail", "overdue", str(SAMPLE), "--as-of",
            AS_OF.isoformat(), "--out", str(tmp_path / "out"), "--contacts",
            str(tmp_path / "contactos.xlsx"), "--history", str(tmp_path / "h.sqlite"),
            "--config", str(config), "--send", "--lang", "en", *more]


def stored(tmp_path: Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(tmp_path / "h.sqlite") as conn:
        return conn.execute("SELECT parte, idioma, resultado FROM correos ORDER BY rowid"
                            ).fetchall()


def delivered(handler: Handler) -> list[str]:
    return [str(r.message["Subject"]) for r in handler.received]


def test_two_runs_at_once_deliver_each_message_once(tmp_path: Path,
                                                    server: tuple[Handler, int]) -> None:
    handler, port = server
    handler.hold = threading.Event()  # the first message delivered waits for its "250"
    config = config_file(tmp_path, port)
    contacts_file(tmp_path)
    first = subprocess.Popen(command(tmp_path, config), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        assert handler.held.wait(WAIT), first.communicate()
        second = subprocess.Popen(command(tmp_path, config), stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True)
        # the second run says it waits for the first, or (unlocked) sends on its own
        assert second.stderr is not None
        told = second.stderr.readline()
        handler.hold.set()
        _, more = second.communicate(timeout=WAIT)
        first.communicate(timeout=WAIT)
    finally:
        first.kill()
    subjects = delivered(handler)
    assert len(subjects) == len(set(subjects)), sorted(subjects)
    assert str(first.pid) in told, told + more
    sent = [row for row in stored(tmp_path) if row[2] == "enviado"]
    assert len(sent) == len(subjects) == len([r for r in index(tmp_path / "out")
                                              if r["mensaje_archivo"]])


def test_an_interrupted_message_is_unknown_and_not_sent_again(
        tmp_path: Path, server: tuple[Handler, int]) -> None:
    handler, port = server
    handler.hold = threading.Event()
    config = config_file(tmp_path, port)
    contacts_file(tmp_path)
    run = subprocess.Popen(command(tmp_path, config), stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
    try:
        assert handler.held.wait(WAIT), run.communicate()
        run.send_signal(signal.SIGINT)  # Ctrl-C while the server has not answered DATA
        run.communicate(timeout=WAIT)
    finally:
        run.kill()
        handler.hold.set()
    assert run.returncode != 0
    [subject] = delivered(handler)
    rows = {r["asunto"]: r for r in index(tmp_path / "out") if r["mensaje_archivo"]}
    assert rows[subject]["resultado"] == "desconocido"
    assert {r["resultado"] for s, r in rows.items() if s != subject} == {"preparado"}
    assert [state for *_, state in stored(tmp_path)] == ["desconocido"]
    # the next run sends the others, not the one that may have arrived, and names it
    handler.hold = None
    again = subprocess.run(command(tmp_path, config), capture_output=True, text=True,
                           timeout=WAIT)
    assert again.returncode == 1, again.stderr
    assert delivered(handler).count(subject) == 1
    assert len(delivered(handler)) == len(rows)
    assert "sent folder" in again.stderr and subject in again.stderr
    rows = {r["asunto"]: r for r in index(tmp_path / "out") if r["mensaje_archivo"]}
    assert rows[subject]["resultado"] == "desconocido"
    # --again sends it
    forced = subprocess.run(command(tmp_path, config, "--again"), capture_output=True,
                            text=True, timeout=WAIT)
    assert forced.returncode == 1 and "sent folder" not in forced.stderr  # (no contacts)
    assert delivered(handler).count(subject) == 2


def test_a_permanent_refusal_at_data_is_refused_with_its_words_and_not_retried(
        tmp_path: Path, server: tuple[Handler, int]) -> None:
    handler, port = server
    handler.data_reply = {"mjgalvez@minex.example": "554 5.7.1 Message rejected as spam"}
    config = config_file(tmp_path, port)
    result = overdue(tmp_path, "--send", config=config)
    assert result.exit_code == 1
    rows = {r["mensaje_archivo"]: r for r in index(tmp_path / "out")}
    assert rows["Guatemala.eml"]["resultado"] == "rechazado"
    assert "554 5.7.1 Message rejected as spam" in rows["Guatemala.eml"]["motivo"]
    assert ("Guatemala", "es", "rechazado") in stored(tmp_path)
    tries = handler.datas
    overdue(tmp_path, "--send", config=config)
    assert handler.datas == tries  # nothing new: the refusal is not tried again


def test_a_temporary_refusal_is_not_sent_and_tried_again(tmp_path: Path,
                                                         server: tuple[Handler, int]) -> None:
    handler, port = server
    handler.data_reply = {"mjgalvez@minex.example": "451 4.3.0 Try again later"}
    config = config_file(tmp_path, port)
    overdue(tmp_path, "--send", config=config)
    rows = {r["mensaje_archivo"]: r for r in index(tmp_path / "out")}
    assert rows["Guatemala.eml"]["resultado"] == "no_enviado"
    assert "451 4.3.0 Try again later" in rows["Guatemala.eml"]["motivo"]
    handler.data_reply = {}
    overdue(tmp_path, "--send", config=config)
    assert ["mjgalvez@minex.example" in r.rcpt_tos for r in handler.received].count(True) == 1


def test_a_party_is_not_written_to_twice_a_day_in_another_language(
        tmp_path: Path, server: tuple[Handler, int]) -> None:
    handler, port = server
    config = config_file(tmp_path, port)
    spanish = [("Guatemala", "María José Gálvez", "mjgalvez@minex.example", "es", "")]
    overdue(tmp_path, "--send", config=config, contacts=contacts_file(tmp_path, spanish))
    assert len(handler.received) == 1
    english = [("Guatemala", "María José Gálvez", "mjgalvez@minex.example", "en", "")]
    result = overdue(tmp_path, "--send", config=config, contacts=contacts_file(tmp_path,
                                                                              english))
    assert len(handler.received) == 1, result.output
    [row] = [r for r in index(tmp_path / "out") if r["mensaje_archivo"]]
    assert row["resultado"] == "ya_enviado"


def test_a_party_with_two_languages_gets_both_in_one_run(tmp_path: Path,
                                                         server: tuple[Handler, int]) -> None:
    handler, port = server
    people = [("OIM", "Ana", "ana@oim.example", "es", ""),
              ("OIM", "John", "john@iom.example", "en", "")]
    overdue(tmp_path, "--send", config=config_file(tmp_path, port),
            contacts=contacts_file(tmp_path, people))
    assert sorted(r.rcpt_tos[0] for r in handler.received) == ["ana@oim.example",
                                                               "john@iom.example"]
