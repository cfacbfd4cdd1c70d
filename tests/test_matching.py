import pytest

from pipeline.normalize.matching import Matcher
from pipeline.reference.data import Reference

# docs/contract.md §2: the spellings that must be accepted for each status.
STATUS_SPELLINGS = {
    "finalizado": ["finalizado", "Finalizada", "completado", "completada", "cumplido",
                   "cumplida", "logrado", "lograda", "concluido", "terminado", "realizado",
                   "ejecutado", "completed", "Done", "achieved", "100%"],
    "en_proceso": ["en proceso", "En proceso de implementarse", "en proceso de implementación",
                   "en curso", "en ejecución", "iniciado", "in progress", "ongoing",
                   "underway"],
    "pendiente": ["pendiente", "no iniciado", "por iniciar", "sin iniciar", "not started",
                  "pending", "planned"],
    "no_alcanzado": ["no alcanzado", "no cumplido", "no logrado", "cancelado", "suspendido",
                     "not achieved", "not met", "cancelled"],
}


@pytest.fixture(scope="module")
def matcher(ref: Reference) -> Matcher:
    return Matcher(ref)


@pytest.mark.parametrize(("key", "text"), [(k, t) for k, ts in STATUS_SPELLINGS.items()
                                           for t in ts])
def test_status_spellings(matcher: Matcher, key: str, text: str) -> None:
    assert matcher.status(text).value == key


def test_unknown_status_is_kept_with_a_suggestion(matcher: Matcher) -> None:
    match = matcher.status("Finalisado")
    assert match.value is None and match.suggestion == "finalizado"  # a key: a word per language


@pytest.mark.parametrize(("text", "number"), [
    ("1", 1), ("Pilar 2", 2), ("III", 3), ("Gobernanza migratoria", 1),
    ("gobernanza", 1), ("Integración, migración y su vínculo con el desarrollo", 2),
    ("Preparación, protección", 3), ("Migration governance", 1),
    ("3. Preparación, protección, atención y migración irregular", 3),
])
def test_pillars(matcher: Matcher, ref: Reference, text: str, number: int) -> None:
    assert matcher.pillar(text).value == ref.pilares[number - 1].nombre


def test_unknown_pillar(matcher: Matcher) -> None:
    assert matcher.pillar("Pilar 7").value is None
    assert matcher.pillar("Gobernansa migratoria").suggestion == "Gobernanza migratoria"


@pytest.mark.parametrize(("text", "expected"), [
    ("Guatemala; México", ["Guatemala", "México"]),
    ("EE.UU. y Canadá", ["Estados Unidos", "Canadá"]),
    ("USA, MEX / GTM", ["Estados Unidos", "México", "Guatemala"]),
    ("CEPAL/CELADE", ["CEPAL/CELADE"]),
    ("Migración irregular y masiva", ["Migración irregular y masiva"]),
    ("ST-CRM\nOIM", ["SE-CRM", "OIM"]),
    ("Secretaría Técnica and IOM", ["SE-CRM", "OIM"]),
    ("sociedad civil", ["RROCM"]),
    ("RD", ["República Dominicana"]),
])
def test_parties_are_split_and_recognized(matcher: Matcher, text: str,
                                          expected: list[str]) -> None:
    assert [m.value for _, m in matcher.parties(text)] == expected


def test_unknown_party_keeps_its_text_and_suggests(matcher: Matcher) -> None:
    [(piece, match)] = matcher.parties("Guatamala")
    assert (piece, match.value, match.suggestion) == ("Guatamala", None, "Guatemala")


@pytest.mark.parametrize(("text", "expected"), [
    ("Protección", "Protección"), ("proteccion", "Protección"),
    ("Grupo de Trabajo sobre Migración Laboral", "Migración laboral"),
    ("Border management", "Gestión fronteriza"),
])
def test_groups(matcher: Matcher, text: str, expected: str) -> None:
    assert matcher.group(text).value == expected


def test_liaison_networks_are_accepted_as_other_groups(matcher: Matcher) -> None:
    match = matcher.group("Red de Funcionarios de Enlace sobre Trata")
    assert match.value is None and match.other


def test_themes_are_looked_up_in_their_pillar(matcher: Matcher) -> None:
    assert matcher.theme("retorno", "Gobernanza migratoria").value == "Retorno"
    assert matcher.theme("Tema nuevo", "Gobernanza migratoria").value is None
