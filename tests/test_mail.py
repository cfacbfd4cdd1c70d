"""The e-mails (issue 15): drafts parsed back with `email`, and sending against a real
SMTP server started by the test (tests/mailserver.py): recipients, copy, subject,
language and attachment as received; a refused recipient; a dropped connection; a rerun
that sends nothing new; what --send needs; the contacts' problems at their cells."""

from __future__ import annotations

import csv
import email
import io
import sqlite3
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner, Result

from pipeline.cli import cli
from tests.conftest import AS_OF, ROOT, MakeWorkbook
from tests.mailserver import Handler, start

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH:UserWarning")  # the test server
SAMPLE = ROOT / "input_workbooks"
PEOPLE = [  # party, name, e-mail, language, copy
    ("OIM", "Ana Pérez Núñez", "ana.perez@oim.example", "es", ""),
    ("IOM", "John Smith", "john.smith@iom.example", "en", ""),
    ("Guatemala", "María José Gálvez", "mjgalvez@minex.example", "", "No"),
    ("Estados Unidos", "Bob Jones", "bob@state.example", "en", ""),
    ("PPT", "Presidencia Pro Tempore", "ppt@crm.example", "", "Sí"),
    ("SE CRM", "Secretaría Ejecutiva", "se@crm.example", "", "Sí"),
]


def contacts_file(folder: Path, people: list[tuple[str, ...]] = PEOPLE, csv_form: bool = False,
                  ) -> Path:
    titles = ["Parte", "Nombre", "Correo", "Idioma", "Copia"]
    if csv_form:
        path = folder / "contactos.csv"
        with open(path, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=";")
            writer.writerows([titles, *people])
        return path
    path = folder / "contactos.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [titles, *people]:
        sheet.append(list(row))
    book.save(path)
    return path


def config_file(folder: Path, port: int, security: str = "ninguna", user: str = "",
                extra: str = "") -> Path:
    path = folder / "seguimiento.toml"
    path.write_text(f'''
[correo]
servidor = "127.0.0.1"
puerto = {port}
seguridad = "{security}"
usuario = "{user}"
remitente = "Secretaría Técnica CRM <seguimiento@crm.example>"
{extra}
''', encoding="utf-8")
    return path


def mail(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, ["mail", *args], env=env, catch_exceptions=False)


def drafts(folder: Path) -> dict[str, EmailMessage]:
    parsed = {}
    for path in sorted(folder.glob("*.eml")):
        message = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
        assert isinstance(message, EmailMessage)
        parsed[path.name] = message
    return parsed


def index(folder: Path) -> list[dict[str, str]]:
    text = (folder / "indice.csv").read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def server() -> Iterator[tuple[Handler, int]]:
    handler = Handler()
    controller, port = start(handler)
    yield handler, port
    controller.stop()


def overdue(tmp_path: Path, *more: str, config: Path | None = None,
            contacts: Path | None = None, env: dict[str, str] | None = None) -> Result:
    args = ["overdue", str(SAMPLE), "--as-of", AS_OF.isoformat(), "--out",
            str(tmp_path / "out"), "--contacts", str(contacts or contacts_file(tmp_path)),
            "--history", str(tmp_path / "h.sqlite"), *more]
    if config is not None:
        args += ["--config", str(config)]
    return mail(*args, env=env)


def test_drafts_open_as_messages_to_send(tmp_path: Path) -> None:
    result = overdue(tmp_path)
    assert result.exit_code == 1  # parties without a contact: told
    found = drafts(tmp_path / "out")
    assert {"OIM (es).eml", "OIM (en).eml", "Guatemala.eml", "Estados Unidos.eml"} <= set(found)
    spanish, english = found["OIM (es).eml"], found["OIM (en).eml"]
    assert spanish["X-Unsent"] == "1" and english["X-Unsent"] == "1"
    assert spanish["To"].addresses[0].display_name == "Ana Pérez Núñez"
    assert spanish["To"].addresses[0].addr_spec == "ana.perez@oim.example"
    assert english["To"].addresses[0].addr_spec == "john.smith@iom.example"
    # OIM has items 61 days overdue (> 30): the PPT and the SE-CRM in copy
    assert {a.addr_spec for a in spanish["Cc"].addresses} == {"ppt@crm.example",
                                                            "se@crm.example"}
    assert "compromisos pendientes de OIM" in spanish["Subject"]
    assert "pending commitments of IOM" in english["Subject"]
    assert english["Content-Language"] == "en"
    text = english.get_body(("plain",)).get_content()
    assert "Dear IOM focal points" in text and "days overdue" in text
    html = english.get_body(("html",)).get_content()
    assert "<table" in html and "Information campaign" in html
    [attachment] = list(english.iter_attachments())
    assert attachment.get_filename() == "IOM.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(attachment.get_content()))
    assert book.sheetnames[0] == "Pending"  # the list, in the contact's language
    # the index: every draft, and the parties nobody receives
    rows = index(tmp_path / "out")
    assert {r["mensaje_archivo"] for r in rows if r["resultado"] == "preparado"} == set(found)
    left = {r["destinatario"] for r in rows if r["resultado"] == "sin_contacto"}
    assert "OIT" in left and "OIM" not in left
    assert "sin contacto" in result.output


def test_same_inputs_and_date_give_the_same_files(tmp_path: Path) -> None:
    contacts = contacts_file(tmp_path)
    overdue(tmp_path, contacts=contacts)
    first = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir() if p.is_file()}
    (tmp_path / "out").rename(tmp_path / "first")
    overdue(tmp_path, contacts=contacts)
    again = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir() if p.is_file()}
    assert first.keys() == again.keys() and all(first[k] == again[k] for k in first)


def test_sending_delivers_to_the_right_people(tmp_path: Path,
                                              server: tuple[Handler, int]) -> None:
    handler, port = server
    config = config_file(tmp_path, port)
    result = overdue(tmp_path, "--send", config=config)
    assert result.exit_code == 1, result.output  # some parties have nobody: told
    sent = {r.message["Subject"]: r for r in handler.received}
    assert len(sent) == len(drafts(tmp_path / "out"))
    oim = next(r for r in handler.received if r.rcpt_tos[0] == "john.smith@iom.example")
    assert set(oim.rcpt_tos) == {"john.smith@iom.example", "ppt@crm.example", "se@crm.example"}
    assert oim.mail_from == "seguimiento@crm.example"
    assert oim.message["X-Unsent"] is None  # sent, not a draft
    assert "IOM" in oim.message["Subject"]
    guatemala = next(r for r in handler.received if "mjgalvez@minex.example" in r.rcpt_tos)
    assert guatemala.message["To"].addresses[0].display_name == "María José Gálvez"
    [attachment] = list(guatemala.message.iter_attachments())
    assert attachment.get_filename() == "Guatemala.xlsx"
    openpyxl.load_workbook(io.BytesIO(attachment.get_content()))
    rows = index(tmp_path / "out")
    assert {r["resultado"] for r in rows if r["mensaje_archivo"]} == {"enviado"}
    with sqlite3.connect(tmp_path / "h.sqlite") as conn:
        stored = conn.execute("SELECT COUNT(*) FROM correos WHERE resultado = 'enviado'")
        assert stored.fetchone()[0] == len(handler.received)
    # the same day again: nothing new; --again sends them again
    overdue(tmp_path, "--send", config=config)
    assert len(handler.received) == len(sent)
    assert {r["resultado"] for r in index(tmp_path / "out") if r["mensaje_archivo"]} == {
        "ya_enviado"}
    overdue(tmp_path, "--send", "--again", config=config)
    assert len(handler.received) == 2 * len(sent)


def test_two_rounds_feedback_the_same_day_both_go(tmp_path: Path,
                                                 server: tuple[Handler, int]) -> None:
    """A round's feedback, then the next round's on the same day: each is its own message
    (a reminder is one a day whatever its date; a round's feedback is that round's)."""
    handler, port = server
    people = [("Canada", "Jane Doe", "jane@canada.example", "en", "")]
    common = ["--as-of", AS_OF.isoformat(), "--contacts", str(contacts_file(tmp_path, people)),
              "--history", str(tmp_path / "h.sqlite"), "--config",
              str(config_file(tmp_path, port)), "--send"]
    for n, ronda in enumerate(("2026-T4", "2027-T1"), start=1):
        mail("feedback", str(SAMPLE), "--round", ronda, "--out", str(tmp_path / ronda),
             *common)
        canada = [r for r in handler.received if "jane@canada.example" in r.rcpt_tos]
        assert len(canada) == n and ronda in str(canada[-1].message["Subject"])
        assert {r["resultado"] for r in index(tmp_path / ronda)
                if r["destinatario"] == "Canadá"} == {"enviado"}
    mail("feedback", str(SAMPLE), "--round", "2027-T1", "--out", str(tmp_path / "again"),
         *common)  # (and the same round again that day: nothing new)
    assert len([r for r in handler.received if "jane@canada.example" in r.rcpt_tos]) == 2


def test_a_refused_recipient_does_not_stop_the_others(tmp_path: Path,
                                                       server: tuple[Handler, int]) -> None:
    handler, port = server
    handler.refuse = {"bob@state.example"}
    result = overdue(tmp_path, "--send", config=config_file(tmp_path, port))
    assert result.exit_code == 1
    rows = {r["mensaje_archivo"]: r for r in index(tmp_path / "out")}
    # Bob is the United States' only main recipient: its copies were accepted, but the
    # reminder did not reach the party it is for: refused, told, not taken for sent
    refused = rows["Estados Unidos.eml"]
    assert refused["resultado"] == "rechazado" and "bob@state.example" in refused["motivo"]
    copies = [r for r in handler.received if "bob@state.example" in str(r.message["To"])]
    assert copies and all(a in refused["motivo"] for r in copies for a in r.rcpt_tos)
    assert rows["Guatemala.eml"]["resultado"] == "enviado"
    assert all("bob@state.example" not in r.rcpt_tos for r in handler.received)
    with sqlite3.connect(tmp_path / "h.sqlite") as conn:
        assert ("Estados Unidos", "rechazado") in conn.execute(
            "SELECT parte, resultado FROM correos").fetchall()


def test_a_main_recipient_refused_for_now_is_tried_again(
        tmp_path: Path, server: tuple[Handler, int]) -> None:
    """A 4xx for the party's only address (its copies accepted): not sent, tried again by
    the next run (an e-mail that reached only the people in copy is not the party's)."""
    handler, port = server
    handler.refuse = {"bob@state.example"}
    handler.refuse_code = "451 4.3.0 Try again later"
    config = config_file(tmp_path, port)
    overdue(tmp_path, "--send", config=config)
    rows = {r["mensaje_archivo"]: r for r in index(tmp_path / "out")}
    assert rows["Estados Unidos.eml"]["resultado"] == "no_enviado"
    assert "451 4.3.0" in rows["Estados Unidos.eml"]["motivo"]
    handler.refuse = set()
    overdue(tmp_path, "--send", config=config)
    assert ["bob@state.example" in r.rcpt_tos for r in handler.received].count(True) == 1


def test_a_message_whose_only_recipient_is_refused_is_not_sent(
        tmp_path: Path, server: tuple[Handler, int]) -> None:
    handler, port = server
    handler.refuse = {"bob@state.example"}
    people = [("Estados Unidos", "Bob", "bob@state.example", "en", ""),
              ("Guatemala", "Ana", "ana@minex.example", "", "")]
    overdue(tmp_path, "--send", config=config_file(tmp_path, port),
            contacts=contacts_file(tmp_path, people))
    rows = {r["mensaje_archivo"]: r for r in index(tmp_path / "out")}
    assert rows["Estados Unidos.eml"]["resultado"] == "rechazado"
    assert "550" in rows["Estados Unidos.eml"]["motivo"]
    assert rows["Guatemala.eml"]["resultado"] == "enviado"
    with sqlite3.connect(tmp_path / "h.sqlite") as conn:
        states = dict(conn.execute("SELECT parte, resultado FROM correos").fetchall())
    assert states == {"Estados Unidos": "rechazado", "Guatemala": "enviado"}


def test_a_connection_dropped_before_the_message_loses_it_and_the_next_run_sends_it(
        tmp_path: Path, server: tuple[Handler, int]) -> None:
    handler, port = server
    handler.drop_at_mail = 2
    config = config_file(tmp_path, port)
    result = overdue(tmp_path, "--send", config=config)
    assert result.exit_code == 1
    rows = [r for r in index(tmp_path / "out") if r["mensaje_archivo"]]
    lost = [r for r in rows if r["resultado"] == "no_enviado"]
    assert len(lost) == 1 and len(handler.received) == len(rows) - 1
    with sqlite3.connect(tmp_path / "h.sqlite") as conn:
        recorded = {p for (p,) in conn.execute(
            "SELECT parte || '/' || idioma FROM correos WHERE resultado = 'enviado'")}
    received = {r.message["Subject"] for r in handler.received}
    assert len(recorded) == len(received)
    # the next run sends the lost one, and only it
    handler.drop_at_mail = None
    before = len(handler.received)
    overdue(tmp_path, "--send", config=config)
    assert len(handler.received) == before + 1


def test_a_connection_dropped_after_the_message_went_is_unknown_not_lost(
        tmp_path: Path, server: tuple[Handler, int]) -> None:
    """The server had the whole message and never answered: it may have arrived
    (docs/contract.md §7: an outcome the product could not learn is unknown, never sent
    nor not sent)."""
    handler, port = server
    handler.drop_at = 2
    config = config_file(tmp_path, port)
    result = overdue(tmp_path, "--send", config=config)
    assert result.exit_code == 1
    rows = [r for r in index(tmp_path / "out") if r["mensaje_archivo"]]
    [unknown] = [r for r in rows if r["resultado"] == "desconocido"]
    assert len(handler.received) == len(rows) - 1
    assert unknown["asunto"] in result.output  # named: check the sent folder for it
    before = handler.datas
    overdue(tmp_path, "--send", config=config)
    assert handler.datas == before  # not sent again without --again


@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_encrypted_and_logged_in(tmp_path: Path, security: str,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import ssl

    import trustme

    authority = trustme.CA()
    certificate = authority.issue_cert("127.0.0.1", "localhost")
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    certificate.configure_cert(server_context)
    trusted = tmp_path / "ca.pem"
    authority.cert_pem.write_to_path(str(trusted))
    monkeypatch.setenv("SSL_CERT_FILE", str(trusted))
    handler = Handler()
    controller, port = start(handler, login=("crm", "s3cret"), **(
        {"starttls": server_context} if security == "starttls" else {"tls": server_context}))
    try:
        config = config_file(tmp_path, port, security, user="crm")
        result = overdue(tmp_path, "--send", config=config,
                         env={"SEGUIMIENTO_SMTP_PASSWORD": "s3cret"})
        assert handler.received and result.exit_code == 1  # (parties without contact)
        wrong = overdue(tmp_path, "--send", "--again", config=config,
                        env={"SEGUIMIENTO_SMTP_PASSWORD": "wrong"})
        assert wrong.exit_code == 3
        assert "usuario y la contraseña" in wrong.output
    finally:
        controller.stop()


def test_what_sending_needs_is_told_before_anything_is_written(tmp_path: Path) -> None:
    no_server = tmp_path / "a.toml"
    no_server.write_text("[correo]\nremitente = \"se@crm.example\"\n", encoding="utf-8")
    result = overdue(tmp_path, "--send", config=no_server)
    assert result.exit_code == 2 and "servidor" in result.output
    assert not (tmp_path / "out").exists()
    config = config_file(tmp_path, 25, user="crm")
    result = overdue(tmp_path, "--send", config=config, env={"SEGUIMIENTO_SMTP_PASSWORD": ""})
    assert result.exit_code == 2 and "SEGUIMIENTO_SMTP_PASSWORD" in result.output


def test_a_server_that_cannot_be_reached_is_exit_3(tmp_path: Path) -> None:
    from tests.mailserver import free_port

    result = overdue(tmp_path, "--send", config=config_file(tmp_path, free_port()))
    assert result.exit_code == 3
    rows = [r for r in index(tmp_path / "out") if r["mensaje_archivo"]]
    assert rows and {r["resultado"] for r in rows} == {"no_enviado"}
    with sqlite3.connect(tmp_path / "h.sqlite") as conn:
        assert not conn.execute("SELECT 1 FROM correos WHERE resultado = 'enviado'").fetchall()


def test_contacts_problems_are_told_at_their_cells(tmp_path: Path) -> None:
    people = [("Guatamala", "X", "x@example.org", "", ""),
              ("Honduras", "Y", "not-an-address", "", ""),
              ("", "Z", "z@example.org", "", ""),
              ("Panamá", "W", "w@example.org", "fr", "quizás"),
              ("Panamá", "W2", "W@example.org", "", "")]
    for csv_form in (False, True):
        result = overdue(tmp_path, "-v", contacts=contacts_file(tmp_path, people, csv_form))
        name = "contactos.csv" if csv_form else "contactos.xlsx › Sheet"
        assert f"{name} › A2" in result.output and "«Guatemala»" in result.output
        assert f"{name} › C3" in result.output and "le falta la @" in result.output
        assert f"{name} › A4" in result.output
        assert f"{name} › D5" in result.output and f"{name} › E5" in result.output
        assert "fila 5" in result.output  # W@ is w@: listed once
        assert result.exit_code == 1


def test_english_run_speaks_english(tmp_path: Path) -> None:
    result = overdue(tmp_path, "-v", "--lang", "en",
                     contacts=contacts_file(tmp_path, [("Honduras", "Y", "bad", "", "")]))
    assert "is not a valid e-mail address" in result.output
    assert "without contact" in result.output
    book = openpyxl.load_workbook(tmp_path / "out" / "indice.xlsx")
    assert book.sheetnames == ["Index", "Contact problems"]
    assert [c.value for c in book["Index"][1]][:3] == ["Draft", "Message", "For"]


def test_hostile_names_do_not_become_headers_or_markup(tmp_path: Path) -> None:
    people = [("Guatemala", "Ana\r\nBcc: evil@attacker.example", "ana@minex.example", "", ""),
              ("OIM", "<script>alert(1)</script>", "x@oim.example", "", "")]
    overdue(tmp_path, contacts=contacts_file(tmp_path, people))
    found = drafts(tmp_path / "out")
    raw = b"".join(p.read_bytes() for p in (tmp_path / "out").glob("*.eml"))
    assert b"\r\nBcc:" not in raw and all(m["Bcc"] is None for m in found.values())
    html = found["OIM.eml"].get_body(("html",)).get_content()
    assert "<script>" not in html


def test_feedback_goes_to_each_reporter_and_its_signer(tmp_path: Path) -> None:
    people = [("Canada", "Jane Doe", "jane@canada.example", "en", ""),
              ("Nicaragua", "Luis", "luis@nic.example", "", "")]
    result = mail("feedback", str(SAMPLE), "--round", "2026-T4", "--as-of", AS_OF.isoformat(),
                  "--out", str(tmp_path / "out"),
                  "--contacts", str(contacts_file(tmp_path, people)))
    assert result.exit_code == 1  # reporters without a contact
    found = drafts(tmp_path / "out")
    # Guatemala and México signed their matrices: they are written to without being listed
    assert {"Guatemala.eml", "México.eml", "Canadá.eml", "Nicaragua.eml"} == set(found)
    mexico = found["México.eml"]
    assert mexico["To"].addresses[0].addr_spec == "jramirez@example.org"
    text = mexico.get_body(("plain",)).get_content()
    assert "1 error y 5 advertencias" in text and "antes del 2026-12-15" in text
    [attachment] = list(mexico.iter_attachments())
    book = openpyxl.load_workbook(io.BytesIO(attachment.get_content()))
    assert book.sheetnames[:2] == ["Problemas", "Matriz"]
    canada = found["Canadá.eml"]
    assert "review of the matrix from Canada" in canada["Subject"]
    text = canada.get_body(("plain",)).get_content()
    assert "0 errors and 2 warnings" in text and "do not stop" in text
    [attachment] = list(canada.iter_attachments())
    assert openpyxl.load_workbook(io.BytesIO(attachment.get_content())).sheetnames[0] == "Issues"
    # the unreadable file's reporter is told what to do too
    assert "1 error" in found["Nicaragua.eml"].get_body(("plain",)).get_content()
    left = {r["destinatario"] for r in index(tmp_path / "out") if r["resultado"] == "sin_contacto"}
    assert "Honduras" in left and "Guatemala" not in left


def test_the_call_goes_only_to_who_has_not_sent(tmp_path: Path) -> None:
    received = tmp_path / "recibidos"
    received.mkdir()
    (received / "Guatemala - 2026-T4.xlsx").write_bytes(
        (SAMPLE / "Guatemala - 2026-T4.xlsx").read_bytes())
    config = tmp_path / "seguimiento.toml"
    config.write_text('[ronda]\ninformantes_esperados = ["Guatemala", "Honduras", "Canadá"]\n'
                      '[cierres]\n"2027-T1" = 2027-02-15\n', encoding="utf-8")
    people = [("Guatemala", "Ana", "ana@minex.example", "", ""),
              ("Honduras", "José Núñez", "jose@sre.example", "", ""),
              ("Canadá", "Jane", "jane@canada.example", "", ""),
              ("Canadá", "Paul", "paul@canada.example", "", "Sí")]
    args = ["call", str(received), "--round", "2027-T1", "--out", str(tmp_path / "out"),
            "--config", str(config), "--contacts", str(contacts_file(tmp_path, people))]
    result = mail(*args, "--as-of", "2027-01-20")
    assert result.exit_code == 0, result.output
    found = drafts(tmp_path / "out")
    assert set(found) == {"Honduras.eml", "Canadá.eml"}
    canada = found["Canadá.eml"]
    assert canada["Subject"] == ("CRM follow-up: please send your matrix for round 2027-T1 "
                                 "by 2027-02-15")
    assert [a.addr_spec for a in canada["Cc"].addresses] == ["paul@canada.example"]
    [attachment] = list(canada.iter_attachments())
    assert attachment.get_filename().endswith(".xlsx")
    book = openpyxl.load_workbook(io.BytesIO(attachment.get_content()))
    assert "Instructions" in book.sheetnames
    honduras = found["Honduras.eml"].get_body(("plain",)).get_content()
    assert "cierra el 2027-02-15" in honduras
    closed = mail(*args, "--as-of", "2027-03-01")
    assert closed.exit_code == 2 and "ya cerró" in closed.output
    no_date = mail(*[a for a in args if a != str(config)][:-2], "--round", "2027-T2",
                   "--as-of", "2027-03-01")
    assert no_date.exit_code == 2


def test_init_writes_the_contacts_book_and_keeps_a_filled_one(tmp_path: Path) -> None:
    from pipeline.mail.contacts import load_contacts
    from pipeline.reference.load import load_reference

    folder = tmp_path / "ws"
    assert CliRunner().invoke(cli, ["init", str(folder)]).exit_code == 0
    book = openpyxl.load_workbook(folder / "contactos.xlsx")
    sheet = book["Contactos"]
    assert [c.value for c in sheet[1]] == ["Parte", "Nombre", "Correo", "Idioma", "Copia"]
    assert len(sheet.data_validations.dataValidation) >= 5
    assert book["Listas"].sheet_state == "hidden"
    empty = load_contacts(folder / "contactos.xlsx", load_reference(None))
    assert not empty.people and not empty.issues
    sheet.append(["Honduras", "José", "jose@sre.example", "es", "No"])
    book.save(folder / "contactos.xlsx")
    CliRunner().invoke(cli, ["init", str(folder)])
    kept = load_contacts(folder / "contactos.xlsx", load_reference(folder / "seguimiento.toml"))
    assert [c.correo for c in kept.people] == ["jose@sre.example"]


def test_the_public_edition_never_holds_contacts(tmp_path: Path) -> None:
    import zipfile

    folder = tmp_path / "ws"
    CliRunner().invoke(cli, ["init", str(folder)])
    contacts_file(folder, [("Guatemala", "Zacarías Quintanilla", "zq.private@minex.example",
                            "", "")])
    (folder / "recibidos" / "2026-T4").mkdir(parents=True)
    for path in SAMPLE.iterdir():
        (folder / "recibidos" / "2026-T4" / path.name).write_bytes(path.read_bytes())
    done = CliRunner().invoke(cli, ["consolidate", "--workspace", str(folder), "--round",
                                    "2026-T4", "--as-of", AS_OF.isoformat(), "--public"])
    assert done.exit_code == 0, done.output
    mail("overdue", "--workspace", str(folder), "--as-of", AS_OF.isoformat())
    out = folder / "resultados" / "2026-T4"
    public = [out / "consolidado_publico.xlsx", *(out / "publico").iterdir()]
    for path in public:
        data = path.read_bytes()
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as archive:
                data = b"".join(archive.read(n) for n in archive.namelist())
        text = data.decode("utf-8", "replace")
        assert "zq.private" not in text and "Quintanilla" not in text, path
        assert "ana.lopez@example.org" not in text, path  # a signer's address


def test_an_attachment_opens_in_libreoffice(tmp_path: Path) -> None:
    from tests.printout import SOFFICE, to_pdf

    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed")
    overdue(tmp_path)
    message = drafts(tmp_path / "out")["Guatemala.eml"]
    [attachment] = list(message.iter_attachments())
    path = tmp_path / str(attachment.get_filename())
    path.write_bytes(attachment.get_content())
    assert to_pdf(path, tmp_path / "pdf").stat().st_size > 5_000


def test_a_history_of_the_first_schema_is_upgraded_with_its_rounds(tmp_path: Path) -> None:
    from pipeline.store.history import MIGRATIONS, open_history
    from pipeline.store.outbox import earlier

    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as conn:
        for statement in MIGRATIONS[0]:
            conn.execute(statement)
        conn.execute("INSERT INTO rondas VALUES ('2026-T4', '2026-11-30', '{}')")
        conn.execute("PRAGMA user_version = 1")
    with open_history(path) as conn:
        assert conn is not None
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert conn.execute("SELECT ronda FROM rondas").fetchall() == [("2026-T4",)]
        assert earlier(conn, AS_OF, "vencidos", "OIM", set()) is None


def test_names_with_commas_colons_and_accents_stay_one_recipient(tmp_path: Path) -> None:
    people = [("Guatemala", "Ana López\nBcc: evil@attacker.example", "ana@minex.example", "",
               ""),
              ("Guatemala", "Ana, María; Pérez", "amp@minex.example", "", ""),
              ("Guatemala", "Ana López (Dirección: Asuntos)", "al@minex.example", "", ""),
              ("Guatemala", "Á" * 3000, "long@minex.example", "", "")]
    overdue(tmp_path, contacts=contacts_file(tmp_path, people))
    message = drafts(tmp_path / "out")["Guatemala.eml"]
    assert [a.addr_spec for a in message["To"].addresses] == [
        "ana@minex.example", "amp@minex.example", "al@minex.example", "long@minex.example"]
    assert message["To"].addresses[1].display_name == "Ana, María; Pérez"
    raw = (tmp_path / "out" / "Guatemala.eml").read_bytes()
    assert max(len(line) for line in raw.split(b"\r\n")) <= 998


def test_accented_addresses_are_told_or_written_as_servers_take_them(tmp_path: Path) -> None:
    """An address with an accent before the @ (most servers refuse it) is told at its cell
    and that contact left out, never the end of every message; a domain with an accent is
    written as mail servers read it (its ASCII form), the message prepared."""
    people = [("Guatemala", "José Pérez", "josé.pérez@minex.example", "", ""),
              ("Guatemala", "Ana", "ana@minex.example", "", ""),
              ("Honduras", "Hondu", "hondu@ñandú.example", "", "")]
    result = overdue(tmp_path, "-v", contacts=contacts_file(tmp_path, people))
    assert result.exit_code in (0, 1), result.output
    assert "contactos.xlsx › Sheet › C2" in result.output and "acento" in result.output
    made = drafts(tmp_path / "out")
    assert [a.addr_spec for a in made["Guatemala.eml"]["To"].addresses] == ["ana@minex.example"]
    assert [a.addr_spec for a in made["Honduras.eml"]["To"].addresses] == [
        "hondu@xn--and-6ma2c.example"]


def test_a_contacts_file_that_is_no_table_is_told_not_a_crash(tmp_path: Path) -> None:
    empty = tmp_path / "vacio.xlsx"
    empty.write_bytes(b"")
    other = tmp_path / "contactos.toml"
    other.write_text("x = 1\n", encoding="utf-8")
    for path in (empty, other):
        result = overdue(tmp_path, "-v", contacts=path)
        assert result.exit_code == 1 and "No se pudo leer el archivo de contactos" in result.output
    missing = overdue(tmp_path, contacts=tmp_path / "contatos.xlsx")
    assert missing.exit_code == 3 and "contatos.xlsx" in missing.output


def test_sending_needs_someone_to_send_from(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text('[correo]\nservidor = "127.0.0.1"\n', encoding="utf-8")
    result = overdue(tmp_path, "--send", config=config)
    assert result.exit_code == 2 and "remitente" in result.output


def test_a_cell_cannot_reshape_the_plain_text(tmp_path: Path, make_workbook: MakeWorkbook,
                                              ) -> None:
    hostile = "sep\u2028linea\u2029parrafo\nFirma: el Ministro \u202eoveR"
    make_workbook("Guatemala.xlsx", [["1", "Retorno", hostile, "i", "Guatemala", "2026-01-31",
                                      "pendiente"]], folder=tmp_path / "round")
    result = mail("overdue", str(tmp_path / "round"), "--as-of", AS_OF.isoformat(), "--out",
                  str(tmp_path / "out"), "--contacts", str(contacts_file(tmp_path)))
    assert result.exit_code in (0, 1), result.output
    text = drafts(tmp_path / "out")["Guatemala.eml"].get_body(("plain",)).get_content()
    [item] = [line for line in text.splitlines() if line.startswith("- ")]
    assert "sep linea parrafo Firma: el Ministro oveR" in item and "2026-01-31" in item
    assert not any(c in text for c in "\u2028\u2029\u202e")


@pytest.mark.parametrize("kind", ["overdue", "feedback", "call"])
def test_drafts_never_go_into_the_folder_of_returned_files(tmp_path: Path, kind: str) -> None:
    """docs/contract.md §7: no command writes into the input folder."""
    inbox = tmp_path / "recibidos"
    inbox.mkdir()
    for path in SAMPLE.iterdir():
        (inbox / path.name).write_bytes(path.read_bytes())
    before = sorted(p.name for p in inbox.iterdir())
    extra = {"overdue": [], "feedback": ["--round", "2026-T4"],
             "call": ["--round", "2027-T1", "--closing-date", "2027-02-15"]}[kind]
    result = mail(kind, str(inbox), *extra, "--as-of", AS_OF.isoformat(), "--out",
                  str(inbox / "correo"), "--contacts", str(contacts_file(tmp_path)))
    assert result.exit_code == 2, result.output
    assert sorted(p.name for p in inbox.iterdir()) == before


def test_a_rerun_removes_only_the_drafts_it_wrote(tmp_path: Path) -> None:
    """docs/contract.md §7: a command removes only files it wrote itself. A party no longer pending
    loses its old draft; the secretariat's own note in the folder stays."""
    overdue(tmp_path)
    out = tmp_path / "out"
    note = out / "notas de la secretaría.txt"
    note.write_text("llamar a la OIM el lunes", encoding="utf-8")
    assert (out / "Estados Unidos.eml").exists()
    fewer = [p for p in PEOPLE if p[0] != "Estados Unidos"]
    overdue(tmp_path, contacts=contacts_file(tmp_path, fewer))
    assert not (out / "Estados Unidos.eml").exists()
    assert note.read_text(encoding="utf-8") == "llamar a la OIM el lunes"


def test_drafts_made_after_sending_say_what_went_and_are_no_message_to_send(
        tmp_path: Path, server: tuple[Handler, int]) -> None:
    """Drafts made again the day the messages were sent (second attack pass: the index
    went from 'already sent' to 'prepared' and every .eml opened in Outlook ready to be
    sent again): the index says what went, and those messages are written as sent."""
    handler, port = server
    config = config_file(tmp_path, port)
    overdue(tmp_path, "--send", config=config)
    sent = {r["mensaje_archivo"] for r in index(tmp_path / "out")
            if r["resultado"] == "enviado"}
    assert sent
    overdue(tmp_path, config=config)  # drafts only, the same day
    rows = {r["mensaje_archivo"]: r["resultado"] for r in index(tmp_path / "out")
            if r["mensaje_archivo"]}
    assert {rows[name] for name in sent} == {"ya_enviado"}, rows
    for name in sent:
        message = email.message_from_bytes((tmp_path / "out" / name).read_bytes())
        assert message["X-Unsent"] is None, name
    assert len(handler.received) == len(sent)  # (nothing sent by the drafts' run)


def test_the_feedback_mailed_is_the_rounds_own(tmp_path: Path) -> None:
    """The workbook attached to a reporter's feedback e-mail holds what the round's own
    feedback workbook holds, the checks made against the history too (second attack pass:
    it was made again without the history: 'this file is the same as what you sent in
    2026-T3' was in the round's workbook, not in the one e-mailed)."""
    from click.testing import CliRunner

    from pipeline.cli import cli
    from tests.test_golden import _first_round

    _first_round(tmp_path / "t3")
    history = tmp_path / "h.sqlite"
    for folder, ronda, as_of in ((tmp_path / "t3", "2026-T3", "2026-09-30"),
                                 (SAMPLE, "2026-T4", "2026-11-30")):
        done = CliRunner().invoke(cli, ["consolidate", str(folder), "--round", ronda,
                                        "--as-of", as_of, "--history", str(history),
                                        "--out", str(tmp_path / ronda)])
        assert done.exit_code in (0, 1), done.output
    own = openpyxl.load_workbook(tmp_path / "2026-T4" / "retroalimentacion" / "Canadá.xlsx")
    said = " ".join(str(c.value) for ws in own.worksheets for row in ws.iter_rows()
                    for c in row if c.value)
    assert "2026-T3" in said  # (the round's own: the same as what Canada sent then)
    people = [("Canada", "Jane Doe", "jane@canada.example", "es", "")]
    mail("feedback", str(SAMPLE), "--round", "2026-T4", "--as-of", "2026-11-30",
         "--out", str(tmp_path / "correo"), "--history", str(history),
         "--contacts", str(contacts_file(tmp_path, people)))
    [message] = [m for m in drafts(tmp_path / "correo").values()
                 if "jane@canada.example" in str(m["To"])]
    [attachment] = list(message.iter_attachments())
    mailed = openpyxl.load_workbook(io.BytesIO(attachment.get_content()))
    texts = " ".join(str(c.value) for ws in mailed.worksheets for row in ws.iter_rows()
                     for c in row if c.value)
    assert "2026-T3" in texts


def test_a_full_disk_after_sending_says_the_messages_went(
        tmp_path: Path, server: tuple[Handler, int], monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills once the messages are sent, as the index is written (second attack
    pass: the run said 'the outputs could not be written; the history is as it was... run
    again', while every message had gone and was stored: a user believing it would send
    them again with --again)."""
    import errno

    import pipeline.jobs.mail as jobs

    handler, port = server
    written = jobs.write_mail

    def full_after_sending(*args: object, **kwargs: object) -> list[Path]:
        if len(args) > 6 and args[6]:  # (the index with the outcomes: after sending)
            raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "out"))
        return written(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(jobs, "write_mail", full_after_sending)
    result = CliRunner().invoke(cli, [
        "--lang", "en", "mail", "overdue", str(SAMPLE), "--as-of", AS_OF.isoformat(),
        "--out", str(tmp_path / "out"), "--contacts", str(contacts_file(tmp_path)),
        "--history", str(tmp_path / "h.sqlite"), "--config", str(config_file(tmp_path, port)),
        "--send"])
    assert result.exit_code == 3, result.output
    assert handler.received
    said = result.output
    assert f"{len(handler.received)} messages sent" in said, said
    assert "without --again" in said and "as they were" not in said, said


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_server_without_starttls_is_told_in_the_runs_language_with_what_to_set(
        tmp_path: Path, server: tuple[Handler, int], lang: str) -> None:
    """(second attack pass: "no se pudo conectar con 127.0.0.1:8025 (STARTTLS extension not
    supported by server.)", smtplib's English in a Spanish message, and no word of what to
    change)"""
    handler, port = server
    result = CliRunner().invoke(cli, [
        "--lang", lang, "mail", "overdue", str(SAMPLE), "--as-of", AS_OF.isoformat(),
        "--out", str(tmp_path / "out"), "--contacts", str(contacts_file(tmp_path)),
        "--history", str(tmp_path / "h.sqlite"),
        "--config", str(config_file(tmp_path, port, security="starttls")), "--send"])
    assert not handler.received
    reasons = {r["motivo"] for r in index(tmp_path / "out") if r["mensaje_archivo"]}
    assert len(reasons) == 1, reasons
    [reason] = reasons
    assert "STARTTLS" in reason and "seguridad" in reason, reason
    if lang == "es":
        assert "not supported" not in reason and "extension" not in reason, reason
    assert result.exit_code != 0


def test_drafts_are_written_where_the_historys_folder_cannot_hold_the_sending_lock(
        tmp_path: Path, server: tuple[Handler, int], monkeypatch: pytest.MonkeyPatch) -> None:
    """A history on a read-only share: the drafts are written as before (without what was
    sent today), not refused."""
    import pipeline.jobs.mail as jobs
    from pipeline.model.errors import OutputNotWritable

    handler, port = server
    config = config_file(tmp_path, port)
    overdue(tmp_path, "--send", config=config)  # (a history, with today's outbox)

    def read_only(*args: object, **kwargs: object) -> object:
        raise OutputNotWritable("/share (read-only)")

    monkeypatch.setattr(jobs, "hold_lock", read_only)
    result = overdue(tmp_path, config=config)
    assert result.exit_code in (0, 1), result.output
    assert {r["resultado"] for r in index(tmp_path / "out") if r["mensaje_archivo"]} == {
        "preparado"}
