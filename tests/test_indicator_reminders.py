"""An item's indicators go with it (issue 24): in the overdue lists and their messages, in the
reminder e-mails (from the history), and in the reporter's feedback workbook: each
indicator's value against its target and its situation, in the reader's language. Figures
counted from tests/measured.py's last round."""

from __future__ import annotations

from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from tests.measured import ITEMS, ROUNDS, UNITS, consolidate_rounds

LAST, AS_OF = list(ROUNDS)[-1]
VALUES = ROUNDS[(LAST, AS_OF)]


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return consolidate_rounds(tmp_path_factory.mktemp("recordar"))


def said(ident: str, name: str, lang: str = "es") -> tuple[str, str]:
    """What a line must say of an indicator: its value with its unit, and its target."""
    _, goal, value = VALUES[(ident, name)]
    return f"{value} {UNITS[name]}", (f"meta de {goal}" if lang == "es" else f"target of {goal}")


def test_the_overdue_lists_carry_each_items_indicators(ws: Path, tmp_path: Path) -> None:
    out = tmp_path / "listas"
    done = CliRunner().invoke(cli, ["overdue", "--from-history", "--workspace", str(ws),
                                    "--as-of", AS_OF.isoformat(), "--out", str(out),
                                    "--format", "md"], catch_exceptions=False)
    assert done.exit_code == 1, done.output  # GT-2 is overdue
    text = (out / "Guatemala.md").read_text(encoding="utf-8")
    message = text[:text.index("|")]  # the message, before the table
    pending = {row[0] for row in ITEMS if row[0] in ("GT-1", "GT-2")}
    for (ident, name), _ in VALUES.items():
        if ident not in pending:
            continue
        value, goal = said(ident, name)
        line = next(li for li in message.splitlines() if f"«{name}»" in li)
        assert value in line and goal in line, line
    assert "Centros abiertos" in message and "Atrasado" in message  # GT-2: 1 of 6, behind
    table = text[text.index("|"):]
    assert "Personas capacitadas" in table  # the list's column too


def test_the_reminder_email_carries_the_indicators(ws: Path, tmp_path: Path) -> None:
    contacts = tmp_path / "contactos.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [("Parte", "Nombre", "Correo", "Idioma", "Copia"),
                ("Guatemala", "John Smith", "jsmith@minex.example", "en", "")]:
        sheet.append(list(row))
    book.save(contacts)
    out = tmp_path / "correo"
    done = CliRunner().invoke(cli, ["mail", "overdue", "--workspace", str(ws), "--as-of",
                                    AS_OF.isoformat(), "--out", str(out), "--contacts",
                                    str(contacts)], catch_exceptions=False)
    assert done.exit_code in (0, 1), done.output
    [path] = [p for p in out.rglob("*.eml") if "Guatemala" in p.name]
    message = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    assert isinstance(message, EmailMessage)
    body = message.get_body(("plain",))
    assert isinstance(body, EmailMessage)
    text = str(body.get_content())
    value, goal = said("GT-1", "Personas capacitadas", "en")
    assert value in text and goal in text and "On track" in text, text
    assert "Behind" in text  # Centros abiertos, in the reader's language


def test_the_feedback_workbook_has_the_reporters_indicators(ws: Path) -> None:
    path = ws / "resultados" / LAST / "retroalimentacion" / "Guatemala.xlsx"
    book = openpyxl.load_workbook(path)
    assert "Indicadores" in book.sheetnames
    rows = [[c for c in r] for r in book["Indicadores"].iter_rows(values_only=True)]
    header = next(r for r in rows if r and "Indicador" in r)
    col = {t: header.index(t) for t in header if t}
    body = rows[rows.index(header) + 1:]
    found = {r[col["Indicador"]]: r for r in body if r[col["Indicador"]]}
    assert set(found) == {name for _, name in VALUES}  # its own: restricted ones too
    for (_, name), (base, goal, value) in VALUES.items():
        row = found[name]
        assert (row[col["Línea base"]], row[col["Meta"]], row[col["Valor"]]) == (
            base, goal, value)
    assert found["Centros abiertos"][col["Situación"]] == "Atrasado"
    assert found["Personas capacitadas"][col["Situación"]] == "En camino"
