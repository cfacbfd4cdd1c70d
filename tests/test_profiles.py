"""Network profiles (issue 22, docs/contract.md §2): what the product knows about a network
lives in one profile; the product ships `crm` and `mecanismo`; `init --red` starts a
workspace with one, copied so it can be edited; a bad profile is told in both languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.model.errors import ConfigError
from pipeline.reference.load import load_reference
from pipeline.reference.network import PROFILES, profile_path
from tests.conftest import ROOT

GCM_OBJECTIVES = 23


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_the_crm_profile_holds_todays_facts() -> None:
    ref = load_reference(None, profile_path("crm"))
    net = ref.red
    assert net.word("corto", "es") == "CRM"
    assert net.word("nombre", "en") == "Regional Conference on Migration"
    assert net.word("grupo", "es") == "grupo de trabajo"
    assert net.max_actividades == 3
    assert ref.correo.escalar_a == ("PPT", "SE-CRM")
    assert ref.observadores == ("RROCM",)
    assert [p.nombre for p in ref.informantes][-1] == "RROCM"
    assert len(ref.pilares) == 3


def test_the_mecanismo_profile_has_mesas_objectives_and_no_pillars() -> None:
    ref = load_reference(None, profile_path("mecanismo"))
    net = ref.red
    assert net.word("grupo", "es") == "mesa" and net.word("grupo", "en") == "round table"
    assert net.max_actividades is None
    assert ref.paises == () and ref.pilares == ()
    assert len(ref.temas) == GCM_OBJECTIVES
    assert ref.label("tema", ref.temas[0], "en").startswith("Collect and utilize accurate")
    assert [g.codigo for g in ref.grupos] == ["M1", "M2", "M3", "M4", "MV", "MT"]
    assert ref.reporter_named("Mesa 3") == ref.grupos[2].nombre
    assert ref.observadores == ()
    assert ref.correo.escalar_a  # someone of its own is copied when escalating
    assert all(ref.party(name) for name in ref.correo.escalar_a)
    assert {s.clave for s in ref.estados} == {"finalizado", "en_proceso", "pendiente",
                                              "no_alcanzado"}


def test_the_shipped_profiles_are_listed() -> None:
    assert set(PROFILES) == {"crm", "mecanismo"}


@pytest.mark.parametrize("name", ["mecanismo", "crm"])
def test_init_with_a_network_copies_its_profile_and_the_commands_use_it(
        name: str, tmp_path: Path) -> None:
    code, out = run("init", str(tmp_path / "ws"), "--red", name)
    assert code == 0, out
    copied = tmp_path / "ws" / "red.toml"
    assert copied.read_text("utf-8") == profile_path(name).read_text("utf-8")
    ref = load_reference(tmp_path / "ws" / "seguimiento.toml")
    assert ref.red.word("corto", "es") == load_reference(None, profile_path(name)).red.word(
        "corto", "es")


def test_an_edited_profile_in_the_workspace_is_used(tmp_path: Path) -> None:
    assert run("init", str(tmp_path / "ws"), "--network", "mecanismo")[0] == 0
    profile = tmp_path / "ws" / "red.toml"
    profile.write_text(profile.read_text("utf-8").replace(
        'corto = { es = "Mecanismo"', 'corto = { es = "MDP"'), encoding="utf-8")
    ref = load_reference(tmp_path / "ws" / "seguimiento.toml")
    assert ref.red.word("corto", "es") == "MDP"


def test_init_with_a_profile_file(tmp_path: Path) -> None:
    own = tmp_path / "mired.toml"
    own.write_text(profile_path("mecanismo").read_text("utf-8").replace(
        "max_actividades_por_grupo = 0", "max_actividades_por_grupo = 5"), encoding="utf-8")
    assert run("init", str(tmp_path / "ws"), "--red", str(own))[0] == 0
    assert load_reference(tmp_path / "ws" / "seguimiento.toml").red.max_actividades == 5


BAD = [  # (what the shipped profile says, what the bad one says instead, a word told)
    ('corto = { es = "Mecanismo", en = "Mechanism" }', "corto = 3", "corto"),
    ('corto = { es = "Mecanismo"', 'cortito = { es = "Mecanismo"', "corto"),
    ('clave = "pendiente"', 'clave = "archivado"', "archivado"),
    ("max_actividades_por_grupo = 0", 'max_actividades_por_grupo = "tres"',
     "max_actividades_por_grupo"),
    ('titulo = { es = "Seguimiento del Mecanismo", en = "Mechanism follow-up" }', "",
     "titulo"),
    ('grupo = { es = "mesa", en = "round table" }', 'grupo = { es = "mesa", fr = "table" }',
     "grupo"),
]


@pytest.mark.parametrize(("shipped", "bad", "named"), BAD)
def test_a_bad_profile_is_told_in_both_languages(shipped: str, bad: str, named: str,
                                                 tmp_path: Path) -> None:
    own = tmp_path / "mala.toml"
    text = profile_path("mecanismo").read_text("utf-8")
    assert shipped in text
    own.write_text(text.replace(shipped, bad, 1), encoding="utf-8")
    code, out = run("init", str(tmp_path / "ws"), "--red", str(own))
    assert code == 3, out
    assert named in out and "mala.toml" in out
    assert not (tmp_path / "ws" / "seguimiento.toml").exists()
    with pytest.raises(ConfigError) as caught:
        load_reference(None, own)
    assert named in caught.value.message("es") and named in caught.value.message("en")
    assert caught.value.message("es") != caught.value.message("en")


def test_an_unknown_network_name_is_told_with_the_shipped_ones(tmp_path: Path) -> None:
    code, out = run("init", str(tmp_path / "ws"), "--red", "crn")
    assert code != 0 and "crm" in out and "mecanismo" in out


CRM_NAMES = re.compile(r"\b(CRM|RROCM|PPT|SE-CRM|GRCM|(?i:Conferencia Regional|Regional "
                       r"Conference|Pro-? ?T[eé]mpore|Migración irregular y masiva|Irregular "
                       r"and mass migration|Gestión fronteriza|Border management))\b")
# The CRM's member countries, as its profile names them (words must not assume them).
COUNTRIES = re.compile(r"\b(Belice|Belize|Canadá|Canada|Costa Rica|El Salvador|Estados Unidos|"
                       r"United States|Guatemala|Honduras|México|Mexico|Nicaragua|Panamá|"
                       r"Panama|República Dominicana|Dominican Republic)\b")


def _code_and_words() -> list[Path]:
    """Every module of the product and of validation, and every page or mail template."""
    return sorted([*(ROOT / "pipeline").rglob("*.py"), *(ROOT / "validation").rglob("*.py"),
                   *(ROOT / "pipeline").glob("*/templates/*")])


def _words() -> list[Path]:
    """What a person reads: the words, the issue catalogue, the templates, a new
    workspace's configuration and description."""
    return sorted([*(ROOT / "pipeline" / "words").glob("*.py"),
                   *(ROOT / "validation").glob("catalogue*.py"),
                   *(ROOT / "pipeline").glob("*/templates/*"),
                   ROOT / "pipeline" / "reference" / "configuracion.toml",
                   ROOT / "pipeline" / "reference" / "LEEME.md"])


def _joined(text: str) -> str:
    """A module's text with its strings joined across lines ("...de la Conferencia "
    "Regional..." is one phrase), and words broken at a line's end joined."""
    return re.sub(r"\s+", " ", re.sub(r"\"\s*\n\s*\"", "", text))


def test_no_name_of_the_crm_outside_its_profile() -> None:
    found = [f"{path.relative_to(ROOT)}: {match.group(0)}"
             for path in sorted({*_code_and_words(), *_words()})
             for match in CRM_NAMES.finditer(_joined(path.read_text("utf-8")))]
    assert not found, "\n".join(found)


def test_no_country_of_the_crm_in_the_words() -> None:
    found = [f"{path.relative_to(ROOT)}:{number}: {match.group(0)}"
             for path in _words()
             for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
             for match in COUNTRIES.finditer(line)]
    assert not found, "\n".join(found)


def test_the_scans_find_what_they_look_for() -> None:
    profile = profile_path("crm").read_text("utf-8")
    assert CRM_NAMES.search(profile) and COUNTRIES.search(profile)
    assert len(_code_and_words()) > 100 and len(_words()) > 10


def test_a_word_of_the_network_is_one_line(tmp_path: Path) -> None:
    """A network's word fills e-mail subjects and titles: a line break there could forge a
    header (Bcc:) and is told, not sent."""
    own = tmp_path / "mala.toml"
    text = profile_path("mecanismo").read_text("utf-8")
    own.write_text(text.replace('corto = { es = "Mecanismo"',
                                'corto = { es = "Mecanismo\\nBcc: otro@example.org"'),
                   encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_reference(None, own)
    assert "corto" in caught.value.message("es") and "línea" in caught.value.message("es")


def test_markup_in_the_networks_name_is_shown_as_text(tmp_path: Path) -> None:
    from pipeline.web.render import render

    own = tmp_path / "red.toml"
    own.write_text(profile_path("mecanismo").read_text("utf-8").replace(
        'titulo = { es = "Seguimiento del Mecanismo"',
        'titulo = { es = "<script>alert(1)</script>"'), encoding="utf-8")
    ref = load_reference(None, own)
    from pipeline.words import word

    heading = word("web.title", "es", ronda="2024-T2", as_of="2024-06-30", plan="POA",
                   **ref.red.placeholders("es"))
    page = render("informe.html", lang="es", paper="letter", heading=heading, subtitle="",
                  draft="", s1_title="", s1=[], charted=[], s2_title="", s2=[], tables=[],
                  observed_title="", observed="", observed_rounds=None, differing_title="",
                  differing_heads=[], differing=[], s3_title="", recommendations=[],
                  measured={"title": "", "text": "", "review": "", "tables": []})
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page


def test_init_with_a_network_makes_its_contacts_book_of_that_network(tmp_path: Path) -> None:
    """The contacts book lists the chosen network's reporters (it was made from the
    default profile: the CRM's countries in a workspace of the mecanismo)."""
    import openpyxl

    ws = tmp_path / "ws"
    done = CliRunner().invoke(cli, ["init", str(ws), "--red", "mecanismo"])
    assert done.exit_code == 0, done.output
    book = openpyxl.load_workbook(ws / "contactos.xlsx")
    cells = {str(c.value) for sheet in book for row in sheet.iter_rows() for c in row
             if c.value is not None}
    assert any("Mesa Técnica" in c for c in cells)
    assert not any("Guatemala" in c for c in cells)


def _without_restricted_words(profile: Path) -> None:
    text = profile.read_text("utf-8")
    kept = [line for line in text.splitlines(keepends=True)
            if not line.startswith(("reservado =", "reservado_de ="))]
    assert len(kept) == len(text.splitlines()) - 2
    profile.write_text("".join(kept), encoding="utf-8")


def test_a_workspace_profile_made_before_the_restricted_words_keeps_its_networks(
        tmp_path: Path) -> None:
    """A CRM workspace whose red.toml was copied before [red] reservado existed still
    says 'Reservado (solo gobiernos)': the words its shipped profile gained since."""
    assert run("init", str(tmp_path / "ws"), "--network", "crm")[0] == 0
    _without_restricted_words(tmp_path / "ws" / "red.toml")
    ref = load_reference(tmp_path / "ws" / "seguimiento.toml")
    assert ref.red.column_title("reservado", "es") == "Reservado (solo gobiernos)"
    assert ref.red.placeholders("en")["reservado_de"] == "for civil society"
    assert [c.title("en") for c in ref.columns][-1] == "Restricted (governments only)"


def test_a_network_without_the_restricted_words_gets_neutral_ones(tmp_path: Path) -> None:
    """A network of its own (not a copy of a shipped one) that does not say who may see a
    restricted item: the column and the instruction in neutral words."""
    assert run("init", str(tmp_path / "ws"), "--network", "mecanismo")[0] == 0
    profile = tmp_path / "ws" / "red.toml"
    _without_restricted_words(profile)
    profile.write_text(profile.read_text("utf-8").replace(
        'nombre = { es = "Mecanismo de Diálogo', 'nombre = { es = "Red de Diálogo'),
        encoding="utf-8")
    ref = load_reference(tmp_path / "ws" / "seguimiento.toml")
    assert ref.red.column_title("reservado", "es") == ""
    assert [c.title("es") for c in ref.columns][-1] == "Reservado (no se publica)"
    words = ref.red.placeholders("es")
    assert (words["reservado"], words["reservado_de"]) == (
        "Reservado (no se publica)", "fuera de la red")


@pytest.mark.parametrize("title", ["Comité", "Comités", "Committee", "COMMITTEES"])
def test_the_column_titled_as_the_network_calls_its_groups_is_read(
        title: str, tmp_path: Path) -> None:
    """A network whose groups are committees titles that column "Comité" (its own
    template does): read as the group column, not kept aside as an extra one."""
    import datetime as dt

    import openpyxl

    from pipeline.jobs.consolidate import analyze
    from pipeline.model.run import Options

    own = tmp_path / "comites.toml"
    own.write_text(profile_path("mecanismo").read_text("utf-8").replace(
        'grupo = { es = "mesa", en = "round table" }',
        'grupo = { es = "comité", en = "committee" }').replace(
        'grupos = { es = "mesas", en = "round tables" }',
        'grupos = { es = "comités", en = "committees" }'), encoding="utf-8")
    assert run("init", str(tmp_path / "ws"), "--red", str(own))[0] == 0
    folder = tmp_path / "in"
    folder.mkdir()
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Actividad", title, "Parte responsable", "Plazo", "Estado"])
    sheet.append(["Abrir el albergue", "Comité de Acogida", "Quito", "2027-03-31",
                  "En proceso"])
    workbook.save(folder / "Quito.xlsx")
    result = analyze(Options(input_dir=folder, as_of=dt.date(2026, 12, 1),
                             config=tmp_path / "ws" / "seguimiento.toml"))
    assert result.matrix["_raw_grupo_trabajo"].tolist() == ["Comité de Acogida"]
    assert not [c for c in result.matrix.columns if c.startswith("extra_")]


def test_the_advice_names_the_networks_own_statuses(tmp_path: Path) -> None:
    """A network whose statuses are Cumplido, Avanzando...: a status missing or not
    recognized is told with its words, and its template's instructions list them (the
    CRM's "Finalizado, En proceso, Pendiente o No alcanzado" were advised)."""
    import datetime as dt

    import openpyxl

    from pipeline.jobs.consolidate import analyze
    from pipeline.model.run import Options

    renamed = {"Finalizado": "Cumplido", "En proceso": "Avanzando",
               "Pendiente": "Por arrancar", "No alcanzado": "Descartado"}
    text = profile_path("mecanismo").read_text("utf-8")
    for old, new in renamed.items():
        text = text.replace(f'es = "{old}"', f'es = "{new}"')
    own = tmp_path / "ciudades.toml"
    own.write_text(text, encoding="utf-8")
    assert run("init", str(tmp_path / "ws"), "--red", str(own))[0] == 0
    config = tmp_path / "ws" / "seguimiento.toml"
    assert load_reference(config).status_label("finalizado", "es") == "Cumplido"
    folder = tmp_path / "in"
    folder.mkdir()
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Actividad", "Parte responsable", "Plazo", "Estado"])
    sheet.append(["Abrir el albergue", "Mesa 1", "2027-03-31", "a medias"])
    sheet.append(["Mapear las rutas", "Mesa 1", "2027-03-31", None])
    workbook.save(folder / "Mesa 1.xlsx")
    result = analyze(Options(input_dir=folder, as_of=dt.date(2026, 12, 1), config=config))
    told = [i.message("es") for i in result.issues
            if i.code in ("estado-desconocido", "estado-faltante")]
    assert len(told) == 2
    assert all("Cumplido, Avanzando, Por arrancar o Descartado" in t for t in told), told
    assert not any("Finalizado" in t for t in told), told
    assert run("template", "--reporter", "Mesa 1", "--round", "2027-T1", "--workspace",
               str(tmp_path / "ws"), "--out", str(tmp_path / "t"))[0] == 0
    guide = openpyxl.load_workbook(next((tmp_path / "t").glob("*.xlsx"))).worksheets[0]
    texts = " ".join(str(c.value) for row in guide.iter_rows() for c in row if c.value)
    assert "Cumplido, Avanzando, Por arrancar o Descartado" in texts and "Finalizado" not in texts
    # The summary's and the page's headline figures name its statuses too
    assert run("consolidate", str(folder), "--out", str(tmp_path / "out"), "--config",
               str(config), "--as-of", "2026-12-01")[0] in (0, 1)
    from tests.conftest import headline

    figures = headline(tmp_path / "out" / "consolidado.xlsx")
    assert {"Cumplido", "Avanzando", "Por arrancar", "Descartado"} <= set(figures)
    assert not {"Finalizadas", "Pendientes", "No alcanzadas"} & set(figures)
    page = (tmp_path / "out" / "tablero.html").read_text("utf-8")
    assert "Por arrancar" in page and "Finalizadas" not in page


def test_an_unknown_party_is_told_with_the_networks_own_parties(tmp_path: Path) -> None:
    """The Mecanismo has no countries: its advice names its own kinds of party."""
    import datetime as dt

    import openpyxl

    from pipeline.jobs.consolidate import analyze
    from pipeline.model.run import Options

    assert run("init", str(tmp_path / "ws"), "--red", "mecanismo")[0] == 0
    config = tmp_path / "ws" / "seguimiento.toml"
    ref = load_reference(config)
    folder = tmp_path / "in"
    folder.mkdir()
    workbook = openpyxl.Workbook()
    workbook.active.append(["Actividad", "Parte responsable", "Plazo", "Estado"])
    workbook.active.append(["Abrir el albergue", "Narnia", "2027-03-31", "En proceso"])
    workbook.save(folder / "Mesa 1.xlsx")
    result = analyze(Options(input_dir=folder, as_of=dt.date(2026, 12, 1), config=config))
    [told] = [i for i in result.issues if i.code == "responsable-desconocido"]
    for lang in ("es", "en"):
        assert ref.red.word("responsables", lang) in told.message(lang)
        assert not re.search(r"\bpaís|\bcountry", told.message(lang)), told.message(lang)


def test_a_status_the_network_does_not_have_keeps_the_headline_words() -> None:
    """(review: a network without "no_alcanzado" showed its key as the headline)"""
    from pipeline.model.labels import named_headline

    unknown = lambda kind, name: name  # noqa: E731 - a label that knows no status
    assert named_headline("no_alcanzado", "es", unknown) == "No alcanzadas"
    assert named_headline("no_alcanzado", "en", unknown) == "Not achieved"
    renamed = lambda kind, name: "Descartado"  # noqa: E731
    assert named_headline("no_alcanzado", "es", renamed) == "Descartado"
