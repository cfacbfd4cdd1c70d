"""Observations in the overdue lists and the reminder e-mails (issue 20): an observer's view
of another reporter's item is never a commitment of its own (the totals are the same with
and without the observer's file, whatever its shape), and it goes with the item wherever the
item is shown: in the list, its message and the e-mail, in the reader's language."""

from __future__ import annotations

import io
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner, Result

from pipeline.cli import cli
from tests.conftest import AS_OF, OFFICIAL_TITLES, MakeWorkbook
from tests.printout import by_sheet, needs_printing, printed

TITLES = ["ID", *OFFICIAL_TITLES, "Observaciones"]
ITEMS = [  # Guatemala's matrix: one finished, one overdue, one due soon
    ["GT-01", "1", "Protección", "Actualizar el protocolo regional de atención", "i",
     "Guatemala", "2026-07-31", "finalizado", ""],
    ["GT-02", "1", "Protección", "Capacitar a funcionarios consulares", "i", "Guatemala",
     "2026-06-30", "en proceso", ""],
    ["GT-03", "1", "Protección", "Publicar la guía de retorno", "i", "Guatemala",
     "2027-01-15", "pendiente", ""],
]
OTHER = [["HN-01", "1", "Retorno", "Campaña de información", "i", "Honduras", "2026-05-31",
          "pendiente", ""]]
OBSERVED = [  # RROCM's view: id, observed status, evidence, observation
    ("GT-01", "No alcanzado", "https://rrocm.example/informe", "no hay evidencia de reuniones"),
    ("GT-02", "Pendiente", "https://rrocm.example/c?a=1&b=2", "sin capacitaciones <b>vistas</b>"),
    ("GT-03", "Sin información", "", "la guía no se ha visto"),
]
SHAPES = ("hoja", "matriz")
SMALLEST = 7.0  # points: the smallest type a printed page may mostly be in
LIST_KEYS = ["situacion", "dias_vencido", "fecha_limite", "estado", "id", "actividad",
             "informante", "responsable"]


def round_folder(make_workbook: MakeWorkbook, folder: Path, shape: str | None) -> Path:
    """Guatemala's and Honduras's matrices; with `shape`, RROCM's hand-made file too: an
    `Observaciones` sheet, or a plain matrix naming Guatemala's ids with RROCM's own view
    in Estado and Observaciones."""
    make_workbook("Guatemala.xlsx", ITEMS, titles=TITLES, folder=folder)
    make_workbook("Honduras.xlsx", OTHER, titles=TITLES, folder=folder)
    if shape == "hoja":
        make_workbook("RROCM observaciones.xlsx",
                      [[i, "Guatemala", s, e, o] for i, s, e, o in OBSERVED],
                      titles=["ID", "Informante", "Estado observado", "Evidencia",
                              "Observación"], title_rows=(), sheet="Observaciones",
                      folder=folder)
    elif shape == "matriz":
        items = {row[0]: row for row in ITEMS}
        make_workbook("RROCM observaciones.xlsx",
                      [[*items[i][:7], s, o] for i, s, _, o in OBSERVED], titles=TITLES,
                      folder=folder)
    return folder


def overdue(folder: Path, out: Path, *more: str) -> Result:
    return CliRunner().invoke(cli, ["overdue", str(folder), "--as-of", AS_OF.isoformat(),
                                    "--out", str(out), *more], catch_exceptions=False)


def table(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)


def mail_overdue(folder: Path, out: Path, tmp_path: Path, *more: str) -> dict[str, EmailMessage]:
    contacts = tmp_path / "contactos.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [("Parte", "Nombre", "Correo", "Idioma", "Copia"),
                ("Guatemala", "María José Gálvez", "mjgalvez@minex.example", "es", ""),
                ("Guatemala", "John Smith", "jsmith@minex.example", "en", ""),
                ("Honduras", "Ana Pérez", "ana@sre.example", "", "")]:
        sheet.append(list(row))
    book.save(contacts)
    result = CliRunner().invoke(cli, ["mail", "overdue", str(folder), "--as-of",
                                      AS_OF.isoformat(), "--out", str(out), "--contacts",
                                      str(contacts), *more], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    parsed = {}
    for path in sorted(out.glob("*.eml")):
        message = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
        assert isinstance(message, EmailMessage)
        parsed[path.name] = message
    return parsed


def plain(message: EmailMessage) -> str:
    part = message.get_body(("plain",))
    assert isinstance(part, EmailMessage)
    return str(part.get_content())


def html(message: EmailMessage) -> str:
    part = message.get_body(("html",))
    assert isinstance(part, EmailMessage)
    return str(part.get_content())


@pytest.mark.parametrize("shape", SHAPES)
def test_an_observers_file_changes_no_total(make_workbook: MakeWorkbook, tmp_path: Path,
                                            shape: str) -> None:
    """The bug: each observation was a new overdue commitment "informado por RROCM"."""
    alone = round_folder(make_workbook, tmp_path / "alone", None)
    observed = round_folder(make_workbook, tmp_path / "observed", shape)
    for folder in (alone, observed):
        result = overdue(folder, tmp_path / f"out-{folder.name}", "--format", "csv")
        assert result.exit_code == 1, result.output  # something overdue
    before, after = tmp_path / "out-alone", tmp_path / "out-observed"
    assert sorted(p.name for p in after.iterdir()) == sorted(p.name for p in before.iterdir())
    for name in ("todos.csv", "Guatemala.csv", "Honduras.csv"):
        assert table(after / name)[LIST_KEYS].equals(table(before / name)[LIST_KEYS]), name
    rows = table(after / "todos.csv")
    assert rows["situacion"].tolist() == ["vencido", "vencido", "por vencer"]
    intro = "1 compromiso a su cargo tiene el plazo vencido y 1 vence en los próximos 90 días"
    for out in (before, after):
        message = (out / "Guatemala.txt").read_text("utf-8")
        assert intro in message
        assert "RROCM" not in message.replace("RROCM observa", "")
        assert "Actualizar el protocolo regional" not in message  # finished: nothing to ask
        assert message.count("- Capacitar a funcionarios consulares (") == 1


@pytest.mark.parametrize("shape", SHAPES)
def test_the_reminder_lists_each_item_once(make_workbook: MakeWorkbook, tmp_path: Path,
                                           shape: str) -> None:
    alone = round_folder(make_workbook, tmp_path / "alone", None)
    observed = round_folder(make_workbook, tmp_path / "observed", shape)
    lines = {}
    for folder in (alone, observed):
        found = mail_overdue(folder, tmp_path / f"mail-{folder.name}", tmp_path)
        assert set(found) == {"Guatemala (es).eml", "Guatemala (en).eml", "Honduras.eml"}
        text = plain(found["Guatemala (es).eml"])
        lines[folder.name] = [line for line in text.splitlines() if line.startswith("- ")]
        assert "1 compromiso a su cargo tiene el plazo vencido y 1 vence" in text
    assert lines["observed"] == lines["alone"]
    assert [line.split(" · ")[0] for line in lines["observed"]] == [
        "- Capacitar a funcionarios consulares", "- Publicar la guía de retorno"]
    assert not any("RROCM" in line for line in lines["observed"])


def test_the_lists_carry_the_observation(make_workbook: MakeWorkbook, tmp_path: Path) -> None:
    folder = round_folder(make_workbook, tmp_path / "in", "hoja")
    out = tmp_path / "csv"
    overdue(folder, out, "--format", "csv")
    rows = table(out / "Guatemala.csv").set_index("id")["observacion_observador"]
    assert rows.to_dict() == {
        "GT-02": "RROCM observa: Pendiente — «sin capacitaciones <b>vistas</b>» "
                 "(evidencia: https://rrocm.example/c?a=1&b=2)",
        "GT-03": "RROCM observa: Sin información — «la guía no se ha visto»"}
    assert table(out / "Honduras.csv")["observacion_observador"].tolist() == [""]
    every = table(out / "todos.csv").set_index("id")["observacion_observador"]
    assert every["GT-02"] == rows["GT-02"]
    message = (out / "Guatemala.txt").read_text("utf-8").splitlines()
    at = message.index("- Capacitar a funcionarios consulares (plazo 2026-06-30, 153 días de "
                       "atraso; informado por Guatemala)")
    assert message[at + 1] == "  - " + rows["GT-02"]
    # in English, the whole line in English
    overdue(folder, tmp_path / "en", "--format", "csv", "--lang", "en")
    english = table(tmp_path / "en" / "Guatemala.csv").set_index("id")
    assert english.loc["GT-02", "observacion_observador"] == (
        "RROCM observes: Not started — “sin capacitaciones <b>vistas</b>” "
        "(evidence: https://rrocm.example/c?a=1&b=2)")
    assert "RROCM observes: No information — “la guía no se ha visto”" in (
        tmp_path / "en" / "Guatemala.txt").read_text("utf-8")


def test_the_workbook_and_markdown_lists_carry_the_observation(
        make_workbook: MakeWorkbook, tmp_path: Path) -> None:
    folder = round_folder(make_workbook, tmp_path / "in", "hoja")
    overdue(folder, tmp_path / "xlsx")
    book = openpyxl.load_workbook(tmp_path / "xlsx" / "Guatemala.xlsx")
    rows = list(book["Pendientes"].iter_rows(values_only=True))
    header = next(r for r in rows if "Observación" in r)
    at, ident = header.index("Observación"), header.index("ID")
    shown = {r[ident]: r[at] for r in rows[rows.index(header) + 1:] if r[ident]}
    assert shown["GT-02"].startswith("RROCM observa: Pendiente — «sin capacitaciones")
    message = [c for (c,) in book["Mensaje"].iter_rows(values_only=True) if c]
    assert any(str(c).startswith("  - RROCM observa: Pendiente") for c in message)
    overdue(folder, tmp_path / "md", "--format", "md")
    text = (tmp_path / "md" / "Guatemala.md").read_text("utf-8")
    assert "<b>" not in text  # the observer's text renders as the characters it is
    assert "  - RROCM observa: Pendiente — «sin capacitaciones &lt;b&gt;vistas&lt;/b&gt;»" \
        in text


def test_the_reminder_e_mail_carries_the_observation(make_workbook: MakeWorkbook,
                                                     tmp_path: Path) -> None:
    folder = round_folder(make_workbook, tmp_path / "in", "hoja")
    found = mail_overdue(folder, tmp_path / "mail", tmp_path)
    spanish = plain(found["Guatemala (es).eml"]).splitlines()
    at = next(n for n, line in enumerate(spanish)
              if line.startswith("- Capacitar a funcionarios consulares"))
    assert spanish[at + 1] == ("  RROCM observa: Pendiente — «sin capacitaciones <b>vistas</b>» "
                               "(evidencia: https://rrocm.example/c?a=1&b=2)")
    assert "  RROCM observa: Sin información — «la guía no se ha visto»" in spanish
    english = plain(found["Guatemala (en).eml"])
    assert "  RROCM observes: Not started — “sin capacitaciones <b>vistas</b>” (evidence: " \
           "https://rrocm.example/c?a=1&b=2)" in english
    page = html(found["Guatemala (es).eml"])
    assert "<b>vistas</b>" not in page
    assert ("RROCM observa: Pendiente — «sin capacitaciones &lt;b&gt;vistas&lt;/b&gt;» "
            "(evidencia: https://rrocm.example/c?a=1&amp;b=2)") in page
    assert page.index("Capacitar a funcionarios consulares") < page.index("RROCM observa") \
        < page.index("Publicar la guía de retorno")  # under its item
    assert "observ" not in plain(found["Honduras.eml"]).lower()
    [attachment] = list(found["Guatemala (en).eml"].iter_attachments())
    book = openpyxl.load_workbook(io.BytesIO(attachment.get_content()))
    cells = [c for row in book["Pending"].iter_rows(values_only=True) for c in row if c]
    assert any(str(c).startswith("RROCM observes: Not started") for c in cells)


def consolidate(folder: Path, history: Path, ronda: str, as_of: str) -> None:
    result = CliRunner().invoke(cli, ["consolidate", str(folder), "--out",
                                      str(folder.parent / f"c-{ronda}"), "--as-of", as_of,
                                      "--round", ronda, "--history", str(history)])
    assert result.exit_code == 0, result.output


def from_history(history: Path, out: Path) -> pd.DataFrame:
    result = CliRunner().invoke(cli, ["overdue", "--from-history", "--history", str(history),
                                      "--as-of", AS_OF.isoformat(), "--out", str(out),
                                      "--format", "csv"])
    assert result.exit_code == 1, result.output
    assert table(out / "todos.csv")["id"].tolist() == ["HN-01", "GT-02", "GT-03"]
    return table(out / "Guatemala.csv").set_index("id")


@pytest.mark.parametrize("shape", SHAPES)
def test_from_history_the_observations_go_with_their_items(
        make_workbook: MakeWorkbook, tmp_path: Path, shape: str) -> None:
    history = tmp_path / "h.sqlite"
    consolidate(round_folder(make_workbook, tmp_path / "in", shape), history, "2026-T4",
                AS_OF.isoformat())
    rows = from_history(history, tmp_path / "h")["observacion_observador"]
    assert rows["GT-02"].startswith("RROCM observa: Pendiente — «sin capacitaciones")
    assert rows["GT-03"] == "RROCM observa: Sin información — «la guía no se ha visto»"


def test_from_history_the_latest_rounds_view_only(make_workbook: MakeWorkbook,
                                                  tmp_path: Path) -> None:
    """RROCM saw GT-02 not started in the third quarter and in progress in the fourth:
    the reminder says what it sees now, once."""
    history = tmp_path / "h.sqlite"
    consolidate(round_folder(make_workbook, tmp_path / "t3", "hoja"), history, "2026-T3",
                "2026-09-30")
    later = tmp_path / "t4"
    make_workbook("Guatemala.xlsx", ITEMS, titles=TITLES, folder=later)
    make_workbook("Honduras.xlsx", OTHER, titles=TITLES, folder=later)
    make_workbook("RROCM observaciones.xlsx",
                  [["GT-02", "Guatemala", "En proceso", "", "dos talleres en octubre"]],
                  titles=["ID", "Informante", "Estado observado", "Evidencia", "Observación"],
                  title_rows=(), sheet="Observaciones", folder=later)
    consolidate(later, history, "2026-T4", AS_OF.isoformat())
    rows = from_history(history, tmp_path / "h")["observacion_observador"]
    assert rows.to_dict() == {
        "GT-02": "RROCM observa: En proceso — «dos talleres en octubre»", "GT-03": ""}


@needs_printing
def test_an_observed_list_prints_on_one_page_across(make_workbook: MakeWorkbook,
                                                     tmp_path: Path) -> None:
    """The observation wraps in its column; the list still prints one page wide, its
    words at a readable size, the observation whole."""
    folder = round_folder(make_workbook, tmp_path / "in", "hoja")
    overdue(folder, tmp_path / "xlsx")
    pages = by_sheet(printed(tmp_path / "xlsx" / "Guatemala.xlsx", tmp_path))
    [page] = pages["Pendientes"]
    words = " ".join(w.text for w in page.words)
    assert "RROCM observa: Pendiente" in words and "(evidencia:" in words
    assert max(w.x1 for w in page.words) <= page.width - 20
    assert page.median_points() >= SMALLEST
