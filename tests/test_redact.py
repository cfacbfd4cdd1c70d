"""The public edition's redaction: any e-mail, any phone number, the focal points' names
however written and their institutions (docs/contract.md §6, issue 11)."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.analyse.redact import Redactor
from pipeline.cli import cli
from tests.conftest import AS_OF, MakeWorkbook

MARK = "[x]"


@pytest.fixture(scope="module")
def redact() -> Redactor:
    return Redactor(["Ana María López Gómez"], ["Ministerio de Relaciones Exteriores (MINREX)"],
                    ["ana.lopez@minrex.gob.gt"], MARK)


@pytest.mark.parametrize("text, gone", [
    ("Escriba a juan.perez+crm@minrex.gob.gt o a info@oim.int.", ["juan", "info@", "oim.int"]),
    ("Llamar al +502 2345-6789 o al (504) 2234-5678.", ["2345", "6789", "2234-5678"]),
    ("Tel. 2222 3333 / 4444 5555; cel 5555-1234", ["2222", "3333", "4444", "5555"]),
    ("escriba a ana . lopez @ example . org hoy", ["lopez", "example"]),
    ("contacto: ana.lopez(at)example.org", ["lopez", "example"]),
    ("ana [arroba] example [punto] org", ["ana", "example"]),
    # a phone inside a longer run of digit groups (an office number, a second phone)
    ("Oficina 3 5555 0101 llamar", ["5555", "0101"]),
    ("teléfonos 2222 3333 2222 4444", ["3333", "4444"]),
    ("+502 5555 0102 2026", ["5555", "0102"]),
    ("ANA MARIA LOPEZ presentó el informe", ["ANA", "LOPEZ"]),
    ("Responsable: López Gómez, Ana María.", ["López", "Gómez", "Ana María"]),
    ("la Sra. López coordina", ["López", "Sra"]),
    ("Visita de A. López al albergue", ["A.", "López"]),  # the name's own initials
    ("Informe de A.M. López", ["A.M", "López"]),
    ("coordinado con el ministerio de relaciones exteriores y el MINREX", [
        "ministerio", "exteriores", "MINREX"]),
])
def test_personal_data_is_removed(redact: Redactor, text: str, gone: list[str]) -> None:
    result = redact(text)
    assert isinstance(result, str) and MARK in result
    for word in gone:
        assert word not in result, (text, result)


@pytest.mark.parametrize("text", [
    "Plazo 2026-06-30, revisado el 30/06/2026.",
    "Resolución 1234-2019 del Consejo",
    "Se atendieron 1.500.000 personas en 2027",
    "Ana coordina el grupo",  # a first name alone could be anyone
    "Véase el anexo B. López",  # an initial that is none of the name's
    "Gobernanza migratoria: protocolo de retorno (T1 2027)",
    "Plan Estratégico de la CRM 2019-2022",  # a span of years is no phone
    "Plan Estratégico 2026 – 2029",
    "Metas 2026 2027 2028",  # years in a row are no phone
    "Reunión (at) the office. Plan (2027) y metas [punto 3].",
])
def test_other_text_is_kept(redact: Redactor, text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize("text, phone", [
    ("Llamar al +502 2411 1111.", "2411 1111"),
    ("Oficina (502) 2411-1111", "2411-1111"),
    ("Tel. 2411-1111", "2411-1111"),
    ("tel. 5555 1234", "5555 1234"),
    ("Embajada: +1 (613) 555-0199", "555-0199"),
    ("llamar al 2232-5566 ext. 12", "2232-5566"),
    ("WhatsApp +504 9876-5432", "9876-5432"),
    ("whatsapp 9876 5432", "9876 5432"),
    ("+502-2411-1111", "2411-1111"),
    ("(502)2411-1111", "2411-1111"),
    ("cel. 24111111", "24111111"),
    ("+1 809 555 1234", "555 1234"),
    ("+52 55 1234 5678", "1234 5678"),
    # a phone beside a date: the date stays, the phone goes
    ("tel 2411-1111 (2028-01-01)", "2411-1111"),
    ("Llamar al 2411-1111 antes del 31/12/2027", "2411-1111"),
    ("Reunión del 31/12/27 2411 1111", "2411 1111"),
    # a phone in three groups that reads as a date, after its country's prefix
    ("Tel. +505 2024-11-11", "2024-11-11"),
    ("Tel. (505) 2024-11-11", "2024-11-11"),
    ("Tel. 505 2024-11-11", "2024-11-11"),  # (a bare code: caught before the date shield)
    ("teléfono 505-2024-11-11", "2024-11-11"),
])
def test_phone_numbers_are_removed(redact: Redactor, text: str, phone: str) -> None:
    result = str(redact(text))
    assert MARK in result and phone not in result, (text, result)
    for digits in phone.split():
        assert digits not in result, (text, result)


@pytest.mark.parametrize("text", [
    # the product's own figures and dates (the changes table, its issue messages)
    "Meta: 100 (2028-01-01) → 80 (2028-01-01)",
    "100 (2028-01-01) → 80 (2028-01-01), 50 (2029-06-30)",
    "0 (2026-01-01) → 100 (2028-01-01)",
    "la línea base 0 (2026-01-01)",
    "plazo (31/12/2027, T1 2027)",
    "Escriba la fecha a la que se compromete ahora (31/12/2027, T1 2027, 2027...).",
    "(2028-01-01)", "(31/12/2027)", "(31-12-2027)", "(2027/12/31)", "(12/31/2027)",
    "2028-01-01", "31/12/2027", "31-12-2027", "2027/12/31", "31.12.2027", "(31/12/27)",
    "31/12/2027 30/06/2028",  # two dates in a row are no phone
    "2028-01-01 → 2028-06-30", "del 01/01/2028-31/12/2028",
    "Q1 2027", "T1 2027 (2027-03-31)",
    "12.5% (2027-03-31)", "USD 250,000.00 (2027-03-31)",
    "1 500 000 personas",  # thousands spaced, as the Spanish spelling rules write them
    "GTM-881B95 (2028-01-01)", "100 → 80",
    "(3) 2026-01-15: reunión", "variación +15 2028-01-01",  # a point's number, no prefix
])
def test_dates_and_figures_are_kept(redact: Redactor, text: str) -> None:
    assert redact(text) == text


def test_the_products_own_messages_are_kept(redact: Redactor) -> None:
    """Every message and word the product writes goes through the public edition's
    redaction (the Problemas sheet, the page): none of them holds a phone ("31/12/2027,
    T1 2027" lost its date). Their examples of an e-mail address are addresses."""
    from pipeline.words.catalogue import CATALOGUE as WORDS
    from validation.catalogue import CATALOGUE

    texts = [t for e in CATALOGUE.values() for t in (e.es, e.en)] + [
        t for entry in WORDS.values() for t in entry if isinstance(t, str)]
    assert [t for t in texts if "@" not in t and redact(t) != t] == []


def test_a_round_with_personal_data_in_free_text(make_workbook: MakeWorkbook,
                                                 tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    titles = ["Descripción de la actividad", "Parte responsable", "Plazo de cumplimiento",
              "Estado", "Observaciones", "Reservado (solo gobiernos)", "Contacto local"]
    make_workbook("Guatemala.xlsx", [
        ["Pública", "OIM", dt.date(2027, 3, 31), "pendiente",
         "Llamar a la Sra. López al 2222 3333 o escribir a info@ejemplo.org", "No",
         "ANA MARIA LOPEZ, +502 2345-6789"],
        ["Reservada", "OIM", dt.date(2027, 3, 31), "pendiente",
         "Contacto: juan@privado.org, 5555-1234", "Sí", "López Gómez, Ana"],
        ["Con el Ministerio de Relaciones Exteriores (MINREX)", "Guatemala",
         dt.date(2027, 3, 31), "pendiente", "ana.lopez@minrex.gob.gt", "No", ""],
    ], titles=titles, folder=inbox,
        title_rows=("Ana María López Gómez", "Ministerio de Relaciones Exteriores (MINREX)"),
        extra={"_seguimiento": [["informante", "Guatemala"], ["ronda", "2026-T4"],
                                ["hoja_matriz", "Matriz"], ["celda_contacto_nombre", "A1"],
                                ["celda_contacto_institucion", "A2"]]},
        hidden=["_seguimiento"])
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["consolidate", str(inbox), "--out", str(out), "--as-of",
                                      AS_OF.isoformat(), "--public"])
    assert result.exit_code == 0, result.output
    secrets = ["2222 3333", "info@ejemplo.org", "juan@privado.org", "5555-1234",
               "2345-6789", "López", "LOPEZ", "Lopez", "MINREX", "Relaciones Exteriores",
               "Ana María", "ANA MARIA", "minrex.gob.gt"]

    def texts(paths: list[Path]) -> dict[str, str]:
        found = {}
        for path in paths:
            if path.suffix == ".xlsx":
                with zipfile.ZipFile(path) as archive:
                    found.update({f"{path.name}/{n}": archive.read(n).decode("utf-8", "replace")
                                  for n in archive.namelist()})
            else:
                found[path.name] = path.read_text("utf-8-sig")
        return found

    public = texts([out / "consolidado_publico.xlsx", *(out / "publico").iterdir()])
    for name, content in public.items():
        for secret in secrets:
            assert secret not in content, (secret, name)
    everything = "".join(texts([out / "consolidado.xlsx", out / "matriz.csv"]).values())
    assert all(s in everything for s in secrets if s not in {"Lopez", "ANA MARIA"})
    matrix = (out / "publico" / "matriz.csv").read_text("utf-8-sig")
    assert "Pública" in matrix and "Reservada" not in matrix


def test_a_role_and_a_country_are_not_a_persons_name() -> None:
    """A block signed "Punto focal Costa Rica" or "Punto focal Migración laboral": the
    public edition kept blanking the country, the working group and the pillar that
    shares its words, wherever they were written."""
    from pipeline.analyse.public import redactor
    from pipeline.model.submission import Submission
    from pipeline.reference.load import load_reference

    subs = [Submission("a.xlsx", "Costa Rica", contacto_nombre="Punto focal Costa Rica"),
            Submission("b.xlsx", "Migración laboral",
                       contacto_nombre="Punto Focal Migración Laboral"),
            Submission("c.xlsx", "Guatemala", contacto_nombre="Lic. Mario Costa Rivas")]
    scrub = redactor(subs, "es", load_reference(None))
    for text in ("Costa Rica", "Migración laboral", "Migración irregular y masiva",
                 "Preparación, protección, atención y migración irregular"):
        assert scrub(text) == text
    assert "Mario" not in str(scrub("según Mario Costa Rivas")) and "Rivas" not in str(
        scrub("según Mario Costa Rivas"))


@pytest.mark.parametrize("text", ["1 " * 50_000, "12 " * 30_000, "5555 0101 " * 2_000])
def test_a_cell_of_endless_digit_groups_is_looked_at_once(
        text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A hostile cell of tens of thousands of digit groups: each distinct window is
    parsed once and the whole run is never handed to the phone matcher (it took 13 s,
    and a first window search over every pair of groups, minutes)."""
    import phonenumbers

    import pipeline.analyse.redact as redact

    calls = {"parse": 0, "matcher": 0}
    parse, matcher = phonenumbers.parse, phonenumbers.PhoneNumberMatcher

    def counted_parse(*args: object, **kwargs: object) -> object:
        calls["parse"] += 1
        return parse(*args, **kwargs)  # type: ignore[arg-type]

    def counted_matcher(*args: object, **kwargs: object) -> object:
        calls["matcher"] += 1
        return matcher(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(redact.phonenumbers, "parse", counted_parse)
    monkeypatch.setattr(redact.phonenumbers, "PhoneNumberMatcher", counted_matcher)
    redact._is_phone.cache_clear()
    Redactor([], [], [], MARK)(text)
    assert calls["matcher"] == 0 and calls["parse"] < 200, calls


def test_a_reference_name_written_as_institution_is_not_personal_data(
        make_workbook: MakeWorkbook, tmp_path: Path) -> None:
    """RROCM's focal point wrote "RROCM" as institution: the public edition removed it
    everywhere (reporter, ids, file names) and then said RROCM sent nothing. A reference
    name (reporter, party, group, pillar) is never personal data; the person still is."""
    inbox = tmp_path / "in"
    signed = {"RROCM": ("Ana Beatriz Quesada", "RROCM"),
              "Guatemala": ("Mario Rubén Estrada", "Migración laboral")}
    for reporter, (person, institution) in signed.items():
        make_workbook(f"{reporter}.xlsx", [
            ["3", "Trata", f"Campaña de {reporter}", "Informe", reporter,
             dt.date(2027, 3, 31), "pendiente"],
        ], folder=inbox, title_rows=(person, institution),
            extra={"_seguimiento": [["informante", reporter], ["ronda", "2026-T4"],
                                    ["hoja_matriz", "Matriz"],
                                    ["celda_contacto_nombre", "A1"],
                                    ["celda_contacto_institucion", "A2"]]},
            hidden=["_seguimiento"])
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["consolidate", str(inbox), "--out", str(out), "--as-of",
                                      AS_OF.isoformat(), "--public"])
    assert result.exit_code == 0, result.output
    public = out / "publico"
    envios = pd.read_csv(public / "envios.csv", encoding="utf-8-sig", dtype=str,
                         keep_default_na=False)
    full = pd.read_csv(out / "envios.csv", encoding="utf-8-sig", dtype=str,
                       keep_default_na=False)
    assert list(envios["informante"]) == list(full["informante"])
    assert list(envios["archivo"]) == list(full["archivo"])
    assert list(envios["estado"]) == list(full["estado"])
    matrix = pd.read_csv(public / "matriz.csv", encoding="utf-8-sig", dtype=str,
                         keep_default_na=False)
    assert set(matrix["informante"]) == {"RROCM", "Guatemala"}
    assert any(i.startswith("RROCM") for i in matrix["id"])
    assert "Campaña de RROCM" in set(matrix["actividad"])
    everything = "".join(p.read_text("utf-8-sig") for p in public.glob("*.csv"))
    for person in ("Ana", "Beatriz", "Quesada", "Mario", "Estrada"):
        assert person not in everything, person
