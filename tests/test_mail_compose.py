"""Who signs and who receives (issue 21): every message signed as the configuration says
(a secretariat is not always the CRM's), the call for submissions written to the focal
points who signed last round's matrices when the contacts book has nobody, and `--round`
on every mail command where a round is meant."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import cli
from tests.conftest import AS_OF
from tests.test_mail import SAMPLE, contacts_file, drafts, mail

CRM_ES, CRM_EN = "Secretaría Ejecutiva de la CRM", "CRM Executive Secretariat"


def plain(folder: Path) -> dict[str, str]:
    return {name: str(message.get_body(("plain",)).get_content())
            for name, message in drafts(folder).items()}


def workspace(tmp_path: Path, closing: str = "") -> Path:
    folder = tmp_path / "ws"
    assert CliRunner().invoke(cli, ["init", str(folder)]).exit_code == 0
    if closing:  # a round's closing date in the configuration's [cierres]
        path = folder / "seguimiento.toml"
        text = path.read_text(encoding="utf-8")
        assert text.count("\n[cierres]\n") == 1
        path.write_text(text.replace("\n[cierres]\n", f"\n[cierres]\n{closing}\n"),
                        encoding="utf-8")
    inbox = folder / "recibidos" / "2026-T4"
    inbox.mkdir(parents=True)
    for path in SAMPLE.iterdir():
        (inbox / path.name).write_bytes(path.read_bytes())
    return folder


def test_every_message_is_signed_as_the_configuration_says(tmp_path: Path) -> None:
    config = tmp_path / "mecanismo.toml"
    config.write_text('[correo]\nfirma = { es = "Secretaría Técnica del Mecanismo", '
                      'en = "Technical Secretariat of the Mechanism" }\n'
                      '[cierres]\n"2027-T1" = 2027-02-15\n', encoding="utf-8")
    people = [("Guatemala", "Ana", "ana@minex.example", "es", ""),
              ("Canadá", "Jane", "jane@canada.example", "en", ""),
              ("OIM", "Ana", "ana@oim.example", "es", "")]
    contacts = str(contacts_file(tmp_path, people))
    runs = {"overdue": [str(SAMPLE)], "feedback": [str(SAMPLE), "--round", "2026-T4"],
            "call": ["--round", "2027-T1"]}
    for kind, args in runs.items():
        out = tmp_path / kind
        result = mail(kind, *args, "--as-of", AS_OF.isoformat(), "--out", str(out),
                      "--contacts", contacts, "--config", str(config))
        assert result.exit_code in (0, 1), result.output
        texts = plain(out)
        assert texts, kind
        for name, text in texts.items():
            assert CRM_ES not in text and CRM_EN not in text, (kind, name)
            english = "Dear" in text
            signed = ("Technical Secretariat of the Mechanism" if english
                      else "Secretaría Técnica del Mecanismo")
            assert text.rstrip().endswith(signed), (kind, name, text[-200:])
    # the overdue lists' message ready to e-mail is signed the same way
    lists = tmp_path / "lists"
    done = CliRunner().invoke(cli, ["overdue", str(SAMPLE), "--as-of", AS_OF.isoformat(),
                                    "--out", str(lists), "--format", "md", "--config",
                                    str(config)])
    assert done.exit_code in (0, 1), done.output
    text = (lists / "Guatemala.md").read_text(encoding="utf-8")
    assert "Secretaría Técnica del Mecanismo" in text and CRM_ES not in text


def test_one_signature_for_every_language_and_the_default(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text('[correo]\nfirma = "Secretaría Técnica"\n', encoding="utf-8")
    people = [("Guatemala", "Jane", "jane@minex.example", "en", "")]
    contacts = str(contacts_file(tmp_path, people))
    mail("overdue", str(SAMPLE), "--as-of", AS_OF.isoformat(), "--out", str(tmp_path / "a"),
         "--contacts", contacts, "--config", str(config))
    [text] = plain(tmp_path / "a").values()
    assert text.rstrip().endswith("Secretaría Técnica")
    mail("overdue", str(SAMPLE), "--as-of", AS_OF.isoformat(), "--out", str(tmp_path / "b"),
         "--contacts", contacts)
    [text] = plain(tmp_path / "b").values()
    assert text.rstrip().endswith(CRM_EN)  # the shipped reference's
    config.write_text('[correo]\nfirma = { fr = "Secrétariat" }\n', encoding="utf-8")
    wrong = mail("overdue", str(SAMPLE), "--as-of", AS_OF.isoformat(), "--out",
                 str(tmp_path / "c"), "--contacts", contacts, "--config", str(config))
    assert wrong.exit_code == 3 and "firma" in wrong.output


def test_the_call_goes_to_last_rounds_signers_when_the_contacts_book_has_nobody(
        tmp_path: Path) -> None:
    folder = workspace(tmp_path, '"2027-T1" = 2027-02-15')
    done = CliRunner().invoke(cli, ["consolidate", "--workspace", str(folder), "--round",
                                    "2026-T4", "--as-of", AS_OF.isoformat()])
    assert done.exit_code in (0, 1), done.output
    # México signed its 2026-T4 matrix (jramirez@example.org); Guatemala too, but the
    # contacts book names Guatemala's contact, who is written to instead
    contacts_file(folder, [("Guatemala", "Ana", "ana@minex.example", "", ""),
                           ("RROCM", "Rosa", "rosa@rrocm.example", "", "")])
    result = mail("call", "--workspace", str(folder), "--round", "2027-T1", "--as-of",
                  "2027-01-20")
    assert result.exit_code in (0, 1), result.output
    found = drafts(folder / "correo" / "2027-01-20" / "convocatoria-2027-T1")
    assert [a.addr_spec for a in found["México.eml"]["To"].addresses] == [
        "jramirez@example.org"]
    assert [a.addr_spec for a in found["Guatemala.eml"]["To"].addresses] == [
        "ana@minex.example"]
    # the observer is told of its observations sheet; a government is not
    said = {name: message.get_body(("plain",)).get_content()
            for name, message in found.items() if name in ("RROCM.eml", "Guatemala.eml")}
    assert "«Observaciones»" in said["RROCM.eml"]
    assert "Observaciones" not in said["Guatemala.eml"]


def test_mail_overdue_takes_the_round(tmp_path: Path) -> None:
    folder = workspace(tmp_path)
    contacts_file(folder, [("Guatemala", "Ana", "ana@minex.example", "", "")])
    result = mail("overdue", "--workspace", str(folder), "--round", "2026-T4", "--as-of",
                  AS_OF.isoformat())
    assert result.exit_code in (0, 1), result.output
    out = folder / "correo" / AS_OF.isoformat() / "vencidos-2026-T4"
    assert set(drafts(out)) == {"Guatemala.eml"}
    # from the history: the rounds stored up to the one named
    done = CliRunner().invoke(cli, ["consolidate", "--workspace", str(folder), "--round",
                                    "2026-T4", "--as-of", AS_OF.isoformat()])
    assert done.exit_code in (0, 1), done.output
    stored = mail("overdue", "--workspace", str(folder), "--from-history", "--round",
                  "2026-T4", "--as-of", AS_OF.isoformat(), "--out", str(tmp_path / "h"))
    assert stored.exit_code in (0, 1), stored.output
    assert set(drafts(tmp_path / "h")) == {"Guatemala.eml"}
    before = mail("overdue", "--workspace", str(folder), "--from-history", "--round",
                  "2026-T3", "--as-of", AS_OF.isoformat(), "--out", str(tmp_path / "e"), "-v")
    assert not drafts(tmp_path / "e"), before.output  # nothing stored before 2026-T4
    missing = mail("overdue", "--workspace", str(folder), "--round", "2027-T1", "--as-of",
                   (AS_OF + dt.timedelta(days=1)).isoformat())
    assert missing.exit_code == 3 and "2027-T1" in missing.output


def test_a_workspace_without_its_contacts_book_says_so(tmp_path: Path) -> None:
    """The workspace's contactos.xlsx moved away: the run says the file is not there (and
    how to get one back) even when nobody watches its terminal (a scheduled run), not only
    party by party, asking for rows in a missing file."""
    folder = workspace(tmp_path)
    (folder / "contactos.xlsx").unlink(missing_ok=True)
    for lang, said in (("es", "No hay archivo de contactos"),
                       ("en", "There is no contacts file")):
        result = mail("overdue", "--workspace", str(folder), "--round", "2026-T4", "--as-of",
                      AS_OF.isoformat(), "--lang", lang, "--out", str(tmp_path / lang))
        assert result.exit_code in (0, 1), result.output
        assert said in result.output and "seguimiento init" in result.output, result.output
