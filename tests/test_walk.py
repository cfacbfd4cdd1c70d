"""A secretariat's year, walked as a user would (issue 13): `init` a workspace, send the
templates, fill them as focal points do (openpyxl), consolidate, send next round's
prefilled templates, consolidate again (in English), write the overdue lists and the
annual report, all from a folder that is not the workspace. Every figure is checked
against what was filled, counted here from the walk's own data."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.model.columns import COLUMNS
from pipeline.template.workbook import CONTACT_CELLS, HEADER_ROW
from tests.test_report import figures

D = dt.date
COL = {c.key: i + 1 for i, c in enumerate(COLUMNS)}
READ = {"encoding": "utf-8-sig", "keep_default_na": False, "dtype": str}
EXPECTED = ("Guatemala", "Honduras", "Canadá", "Migración laboral")
CLOSING_T1 = D(2027, 2, 15)
VICEMINISTERIAL = D(2027, 6, 15)  # in the workspace's calendar
PLAN_YEAR_2_END = D(2027, 12, 31)  # the plan in force starts 2026-01-01
WINDOW = 90  # days "due soon"


@dataclass
class Item:
    reporter: str
    activity: str
    written: dict[str, object]  # what the focal point typed, by column
    due: dt.date | None  # when it is due, as the walk means it (None: vague)
    done: bool = False

    def overdue(self, as_of: dt.date) -> bool:
        return self.due is not None and self.due < as_of and not self.done

    def due_soon(self, as_of: dt.date) -> bool:
        return (self.due is not None and not self.done
                and as_of <= self.due <= as_of + dt.timedelta(days=WINDOW))


def round_one() -> list[Item]:
    return [
        Item("Guatemala", "Protocolo de niñez migrante", {
            "pilar": "3. Preparación, protección, atención y migración irregular",
            "indicadores": "Protocolo aprobado", "responsable": "Guatemala; UNICEF",
            "plazo": D(2027, 1, 31), "estado": "En proceso"}, D(2027, 1, 31)),
        Item("Guatemala", "Mapeo de movilidad laboral", {
            "grupo_trabajo": "Migración laboral",
            "pilar": "2. Integración, migración y su vínculo con el desarrollo",
            "indicadores": "Mapeo publicado", "responsable": "OIT", "plazo": "2do año",
            "estado": "En proceso"}, PLAN_YEAR_2_END),
        Item("Guatemala", "Campaña informativa", {
            "pilar": "1. Gobernanza migratoria", "plazo": "permanente",
            "estado": "Pendiente"}, None),
        Item("Honduras", "Centros de retorno", {
            "pilar": "1", "indicadores": "Centros abiertos", "responsable": "Honduras",
            "plazo": "T1 2027", "estado": "En proceso"}, D(2027, 3, 31)),
        Item("Honduras", "Retorno asistido", {
            "pilar": "1", "indicadores": "Personas asistidas", "responsable": "Guatamala",
            "plazo": "antes de la próxima Reunión Viceministerial", "estado": "Pendiente"},
             VICEMINISTERIAL),
        Item("Canadá", "Fair recruitment workshop", {
            "pilar": "2", "indicadores": "Participants", "responsable": "Canada; ILO",
            "plazo": "Q4 2026", "estado": "In progress"}, D(2026, 12, 31)),
        Item("Canadá", "LGBTI protection guide", {
            "pilar": "3", "indicadores": "Guide published", "responsable": "Canada",
            "plazo": "ongoing", "estado": "Completed"}, None, done=True),
    ]


SUBMITTED_T1: dict[str, object] = {"Guatemala": D(2027, 2, 10),
                                   "Honduras": "16/02/2027",  # typed as text, late
                                   "Canadá": D(2027, 2, 12)}


def run(*args: str, env: dict[str, str] | None = None, code: int = 0) -> tuple[str, str]:
    result = CliRunner().invoke(cli, list(args), env=env)
    assert result.exit_code == code, (args, result.output)
    return result.stdout, result.stderr


def fill_new(path: Path, items: list[Item], submitted: object) -> None:
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[1]
    sheet[CONTACT_CELLS["contacto_nombre"]] = "Punto focal"
    sheet[CONTACT_CELLS["contacto_correo"]] = "punto.focal@example.org"
    sheet[CONTACT_CELLS["fecha_envio"]] = submitted
    for r, item in enumerate(items, start=HEADER_ROW + 2):
        sheet.cell(r, COL["actividad"]).value = item.activity
        for key, value in item.written.items():
            sheet.cell(r, COL[key]).value = value
    workbook.save(path)


def update(path: Path, changes: dict[str, dict[str, object]], submitted: object) -> list[str]:
    """Change the prefilled rows named by their activity; the activities found."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[1]
    sheet[CONTACT_CELLS["fecha_envio"]] = submitted
    found = []
    for r in range(HEADER_ROW + 2, sheet.max_row + 1):
        activity = sheet.cell(r, COL["actividad"]).value
        if activity is None:
            continue
        found.append(str(activity))
        assert sheet.cell(r, COL["id"]).value, "a prefilled row carries its id"
        for key, value in changes.get(str(activity), {}).items():
            sheet.cell(r, COL[key]).value = value
    workbook.save(path)
    return found


# RROCM observes five items of round 2: two views differ, one agrees, one has no
# information, one names an id that is no item. Status keys of what was typed:
STATUS = {"En proceso": "en_proceso", "Pendiente": "pendiente", "Finalizado": "finalizado",
          "In progress": "en_proceso", "Completed": "finalizado", "No alcanzado": "no_alcanzado",
          "Sin información": "sin_informacion"}
OBSERVES = {"Protocolo de niñez migrante": ("En proceso", "https://example.org/acta"),
            "Centros de retorno": ("No alcanzado", "Visita a Tegucigalpa"),
            "Fair recruitment workshop": ("Finalizado", ""),
            "Campaña informativa": ("Sin información", "")}
UNKNOWN_ID = "GTM-NOEXISTE"


def observe(path: Path, target: Path) -> int:
    """RROCM fills its template's observations sheet; the row of the unknown id."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Observaciones"]
    header = [c.value for c in sheet[4]]
    at = {title: header.index(title) + 1 for title in header if title}
    last = 4
    for r in range(5, sheet.max_row + 1):
        activity = sheet.cell(r, at["Descripción de la actividad"]).value
        if activity is None:
            continue
        last = r
        if activity in OBSERVES:
            status, evidence = OBSERVES[str(activity)]
            sheet.cell(r, at["Estado observado"]).value = status
            sheet.cell(r, at["Evidencia"]).value = evidence or None
            sheet.cell(r, at["Observación"]).value = f"RROCM sobre {activity}"
    sheet.cell(last + 1, at["ID"]).value = UNKNOWN_ID
    sheet.cell(last + 1, at["Estado observado"]).value = "Pendiente"
    workbook.save(target)
    return last + 1


@dataclass(frozen=True)
class Measure:
    """An indicator the walk's focal points fill in the round-2 and round-3 templates."""

    reporter: str
    name: str  # as written in the Matrix's indicator column in round 1
    unit: str
    baseline: tuple[object, dt.date]  # as typed, and its value's date
    targets: tuple[tuple[float, dt.date], tuple[float, dt.date]]  # round 2's, round 3's
    typed: tuple[object, object]  # this round's value as typed in round 2 and round 3
    values: tuple[float | None, float | None]  # what the typed values mean


SINCE, BY = D(2026, 1, 1), D(2027, 12, 31)
MEASURES = [
    Measure("Guatemala", "Protocolo aprobado", "documento", (0, SINCE),
            ((1, BY), (1, BY)), (0, 1), (0, 1)),
    Measure("Guatemala", "Mapeo publicado", "%", (0, SINCE), ((100, BY), (100, BY)),
            ("40 %", "60 %"), (40, 60)),
    Measure("Honduras", "Centros abiertos", "centros", (2, SINCE), ((10, BY), (8, BY)),
            ("5 centros", 6), (5, 6)),  # the target moved down in round 3: a finding
    Measure("Honduras", "Personas asistidas", "personas", ("1.000", SINCE),
            ((3000, BY), (3000, BY)), ("1.250", None), (1250, None)),  # not updated
    Measure("Canadá", "Participants", "people", (0, SINCE),
            ((200, D(2027, 6, 30)), (200, D(2027, 6, 30))), (150, 180), (150, 180)),
]
MEASURE_TITLES = {  # the template's titles, in each reporter's language
    "es": ("Indicador", "Unidad", "Línea base", "Fecha de línea base", "Meta",
           "Fecha de la meta", "Valor de esta ronda"),
    "en": ("Indicator", "Unit", "Baseline", "Baseline date", "Target", "Target date",
           "This round's value")}


def situation(m: Measure, n: int, as_of: dt.date) -> str:
    """The situation of the issue's rules, counted from what the walk typed."""
    base = float(str(m.baseline[0]).replace(".", ""))
    goal, by = m.targets[n]
    value = m.values[n]
    if value is None:
        return "sin_valor"
    progress = 100 * (value - base) / (goal - base)
    share = (as_of - m.baseline[1]).days / (by - m.baseline[1]).days
    expected = 100 * min(max(share, 0.0), 1.0)
    if progress >= 100:
        return "meta_alcanzada"
    return ("en_camino" if progress >= expected else
            "en_riesgo" if expected - progress <= 10 else "atrasado")


def measure(path: Path, reporter: str, n: int) -> int:
    """The focal point fills its template's indicators sheet: round `n` (0: round 2, 1:
    round 3) of the walk's indicators; the rows filled."""
    workbook = openpyxl.load_workbook(path)
    lang = "en" if reporter == "Canadá" else "es"
    sheet = workbook["Indicators" if lang == "en" else "Indicadores"]
    header = [c.value for c in sheet[4]]
    name, unit, base, since, goal, by, value = (header.index(t) + 1
                                                for t in MEASURE_TITLES[lang])
    filled = 0
    for r in range(5, sheet.max_row + 1):
        found = [m for m in MEASURES if m.reporter == reporter
                 and m.name == sheet.cell(r, name).value]
        if not found:
            continue
        m = found[0]
        sheet.cell(r, unit).value = m.unit
        sheet.cell(r, base).value, sheet.cell(r, since).value = m.baseline
        sheet.cell(r, goal).value, sheet.cell(r, by).value = m.targets[n]
        sheet.cell(r, value).value = m.typed[n]
        filled += 1
    workbook.save(path)
    return filled


def check_measures(results: Path, n: int, as_of: dt.date, headline: dict[str, object],
                   labels: tuple[str, str, str]) -> None:
    """indicadores.csv and the summary's figures against what the walk typed."""
    table = pd.read_csv(results / "indicadores.csv", **READ).set_index("indicador")
    assert sorted(table.index) == sorted(m.name for m in MEASURES)
    for m in MEASURES:
        row = table.loc[m.name]
        assert row["informante"] == m.reporter
        assert row["situacion"] == situation(m, n, as_of), (m.name, row.to_dict())
        assert row["valor"] == ("" if m.values[n] is None else str(m.values[n]))
    counted = [situation(m, n, as_of) for m in MEASURES]
    total, on_track, behind = labels
    assert headline[total] == len(MEASURES)
    assert headline[on_track] == counted.count("en_camino")
    assert headline[behind] == counted.count("atrasado")


def summary_figures(line: str) -> list[int]:
    """The numbers of the end-of-run line, in order."""
    return [int(n) for n in re.findall(r"(?<![\w-])(\d+)(?![\w-])", line.split(" -> ")[0])]


@pytest.fixture
def walk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    elsewhere = tmp_path / "escritorio"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # never the workspace
    return {"ws": tmp_path / "seguimiento-crm", "elsewhere": elsewhere}


def configure(ws: Path) -> None:
    """What the secretariat edits: in its network's profile (red.toml) the plan in force;
    in seguimiento.toml the reporters, a closing date and a meeting. Each edit is checked
    to have found its line (a template that changed would otherwise leave it undone)."""
    def edit(name: str, *changes: tuple[str, str], append: str = "") -> None:
        path = ws / name
        text = path.read_text("utf-8")
        for old, new in changes:
            assert old in text, (name, old)
            text = text.replace(old, new)
        path.write_text(text + append, encoding="utf-8")

    edit("red.toml", (
        'nombre = "Plan Estratégico de la CRM 2019-2022"\nen = "CRM Strategic Plan 2019-2022"\n'
        'inicio = 2019-07-01\nduracion_anios = 3',
        'nombre = "Plan Estratégico de la CRM 2026-2029"\nen = "CRM Strategic Plan 2026-2029"\n'
        'inicio = 2026-01-01\nduracion_anios = 4\n\n[[planes_anteriores]]\n'
        'nombre = "Plan Estratégico de la CRM 2019-2022"\ninicio = 2019-07-01\n'
        'duracion_anios = 3'))
    edit("seguimiento.toml",
         ('# informantes_esperados = ["Informante A", "Informante B"]',
          "informantes_esperados = " + str(list(EXPECTED)).replace("'", '"')),
         ('# "2027-T1" = 2027-02-15', f'"2027-T1" = {CLOSING_T1}'),
         append=(f'\n[[calendario]]\nreunion = "Reunión Viceministerial"\n'
                 f'nombre = "XXXII Reunión Viceministerial"\nfecha = {VICEMINISTERIAL}\n'))


def test_a_year_of_follow_up(walk: dict[str, Path]) -> None:
    ws, elsewhere = walk["ws"], walk["elsewhere"]
    items = round_one()

    # 1. The workspace.
    out, _ = run("init", str(ws))
    assert str(ws) in out
    configure(ws)
    use = ["--workspace", str(ws)]

    # 2. The first round's templates: blank, and said to be.
    out, said = run("template", "--all", "--round", "2027-T1", *use)
    sent = {p.name.split(" - ")[0]: p for p in (ws / "plantillas" / "2027-T1").glob("*.xlsx")}
    assert set(sent) == set(EXPECTED) and out.rstrip().endswith(str(ws / "plantillas" /
                                                                    "2027-T1"))
    assert "No hay historial" in said
    assert openpyxl.load_workbook(sent["Canadá"]).worksheets[1].title == "Matrix"
    title = str(openpyxl.load_workbook(sent["Honduras"]).worksheets[1]["A2"].value)
    assert "2026-2029" in title  # the plan in force, not the one that ended

    # 3. Focal points fill them; the secretariat drops them in recibidos/2027-T1/.
    inbox = ws / "recibidos" / "2027-T1"
    inbox.mkdir()
    for reporter in ("Guatemala", "Honduras", "Canadá"):
        target = inbox / sent[reporter].name
        target.write_bytes(sent[reporter].read_bytes())
        fill_new(target, [i for i in items if i.reporter == reporter], SUBMITTED_T1[reporter])

    # 4. Consolidate, from elsewhere, the workspace named by the variable.
    as_of = D(2027, 2, 20)
    out, said = run("consolidate", "--round", "2027-T1", "--as-of", "20/02/2027",
                    env={"SEGUIMIENTO_WORKSPACE": str(ws)})
    assert "plan" not in said.lower()  # the plan in force has not ended: no warning
    results = ws / "resultados" / "2027-T1"
    assert out.rstrip().endswith(str(results))
    numbers = summary_figures(out)
    assert numbers[:6] == [len(items), 3, len(EXPECTED),
                           sum(i.overdue(as_of) for i in items),
                           sum(i.due_soon(as_of) for i in items),
                           sum(not i.written.get("responsable") for i in items)]
    assert numbers[6] == sum(i.due is None for i in items)
    matrix = pd.read_csv(results / "matriz.csv", **READ).set_index("actividad")
    for item in items:
        row = matrix.loc[item.activity]
        assert row["informante"] == item.reporter
        assert row["fecha_limite"] == (item.due.isoformat() if item.due else ""), item
    subs = pd.read_csv(results / "envios.csv", **READ).set_index("informante")
    assert subs.loc["Honduras", "fecha_envio"].startswith("2027-02-16")  # typed as text
    assert subs.loc["Migración laboral", "estado"] == "no recibido"
    summary = openpyxl.load_workbook(results / "consolidado.xlsx")["Resumen"]
    headline = {r[0]: r[1] for r in summary.iter_rows(values_only=True) if r[0]}
    assert headline["Envíos a tiempo (%)"] == round(100 * 2 / 3)  # Honduras was late
    assert headline["Completitud de envíos (%)"] == round(100 * 3 / len(EXPECTED))
    problems = pd.read_csv(results / "problemas.csv", **READ)
    unknown = problems[problems["codigo"] == "responsable-desconocido"]
    assert list(unknown["valor"]) == ["Guatamala"]

    # 5. Next round's templates, prefilled with what each reporter said.
    out, said = run("template", "--all", "--round", "2027-T2", *use)
    sent = {p.name.split(" - ")[0]: p for p in (ws / "plantillas" / "2027-T2").glob("*.xlsx")}
    assert "Migración laboral" in said and "1 plantilla va en blanco" in said

    # 6. Focal points update them; one file arrives damaged.
    inbox = ws / "recibidos" / "2027-T2"
    inbox.mkdir()
    changes = {
        "Guatemala": {"Protocolo de niñez migrante": {"estado": "Finalizado"}},
        "Honduras": {"Centros de retorno": {"plazo": "30/09/2027"}},
        "Canadá": {"Fair recruitment workshop": {"estado": "Completed"}},
    }
    for reporter, edits in changes.items():
        target = inbox / sent[reporter].name
        target.write_bytes(sent[reporter].read_bytes())
        prefilled = update(target, edits, D(2027, 5, 10))
        assert sorted(prefilled) == sorted(i.activity for i in items if i.reporter == reporter)
    (inbox / "Migración laboral - 2027-T2.xlsx").write_bytes(b"PK\x03\x04 cut short")
    for reporter in {m.reporter for m in MEASURES}:  # the indicators, first measured
        assert measure(inbox / sent[reporter].name, reporter, 0) == sum(
            m.reporter == reporter for m in MEASURES)
    run("template", "--reporter", "RROCM", "--round", "2027-T2", *use)
    observer = ws / "plantillas" / "2027-T2" / "RROCM - 2027-T2.xlsx"
    unknown_row = observe(observer, inbox / observer.name)
    by_name = {i.activity: i for i in items}
    by_name["Protocolo de niñez migrante"].done = True
    by_name["Fair recruitment workshop"].done = True
    by_name["Centros de retorno"].due = D(2027, 9, 30)

    # 7. Consolidate the second round in English.
    as_of = D(2027, 5, 20)
    out, _ = run("consolidate", "--round", "2027-T2", "--as-of", "2027-05-20", "--lang", "en",
                 *use)
    assert out.startswith(f"Consolidated 2027-T2: {len(items)} activities from 3 of 4 "), out
    # (RROCM's observations file is one more file, from a reporter not on the list: the
    # line says so before the flags; its views are never counted as activities)
    numbers = summary_figures(out.split("; ")[1])
    assert numbers[0:3] == [sum(i.overdue(as_of) for i in items),
                            sum(i.due_soon(as_of) for i in items),
                            sum(not i.written.get("responsable") for i in items)]
    results = ws / "resultados" / "2027-T2"
    official = {i.activity: "finalizado" if i.done else STATUS[str(i.written["estado"])]
                for i in items}
    observed = pd.read_csv(results / "observaciones.csv", **READ).set_index("actividad")
    for activity, (status, evidence) in OBSERVES.items():
        row = observed.loc[activity]
        assert (row["estado_oficial"], row["estado_observado"], row["evidencia"]) == (
            official[activity], STATUS[status], evidence)
        assert row["informante"] == by_name[activity].reporter
    views = [(official[a], STATUS[s]) for a, (s, _) in OBSERVES.items()
             if s != "Sin información"]
    headline = {r[0]: r[1] for r in openpyxl.load_workbook(results / "consolidado.xlsx")[
        "Summary"].iter_rows(values_only=True) if r[0]}
    assert headline["Items observed"] == len(OBSERVES)
    assert headline["Agree with official status"] == sum(
        a == b for a, b in views)
    assert headline["Differ from official status"] == sum(
        a != b for a, b in views)
    problems = pd.read_csv(results / "problemas.csv", **READ)
    told = problems[problems["codigo"] == "observacion-sin-item"]
    assert list(zip(told["archivo"], told["celda"], strict=True)) == [
        ("RROCM - 2027-T2.xlsx", f"A{unknown_row}")]
    changed = pd.read_csv(results / "cambios.csv", **READ)
    assert sorted(changed.loc[changed["tipo"] == "cambio_estado", "actividad"]) == sorted(
        a for r in changes.values() for a, e in r.items() if "estado" in e)
    assert list(changed.loc[changed["tipo"] == "plazo_modificado", "actividad"]) == [
        "Centros de retorno"]
    subs = pd.read_csv(results / "envios.csv", **READ).set_index("informante")
    assert subs.loc["Migración laboral", "estado"] == "received, unreadable"
    workbook = openpyxl.load_workbook(results / "consolidado.xlsx")
    assert workbook.sheetnames[:3] == ["Summary", "Matrix", "Changes"]
    spanish = re.compile(r"\b(Vencid|Pendiente|Finalizad|Informante|Actividad)\w*")
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(max_row=1, values_only=True):
            assert not any(spanish.match(str(v)) for v in row if v), (sheet.title, row)
    headline = {r[0]: r[1] for r in workbook["Summary"].iter_rows(values_only=True) if r[0]}
    assert headline["Submissions on time (%)"] == "n/a (no closing date)"
    check_measures(results, 0, as_of, headline,
                   ("Indicators", "Indicators on track", "Indicators behind"))

    # 7b. A third round: only the indicators are updated, and one target is moved.
    run("template", "--all", "--round", "2027-T3", *use)
    sent = {p.name.split(" - ")[0]: p for p in (ws / "plantillas" / "2027-T3").glob("*.xlsx")}
    inbox = ws / "recibidos" / "2027-T3"
    inbox.mkdir()
    for reporter in {m.reporter for m in MEASURES}:
        target = inbox / sent[reporter].name
        target.write_bytes(sent[reporter].read_bytes())
        assert measure(target, reporter, 1) == sum(m.reporter == reporter for m in MEASURES)
    as_of = D(2027, 8, 20)
    run("consolidate", "--round", "2027-T3", "--as-of", as_of.isoformat(), *use)
    results = ws / "resultados" / "2027-T3"
    headline = {r[0]: r[1] for r in openpyxl.load_workbook(results / "consolidado.xlsx")[
        "Resumen"].iter_rows(values_only=True) if r[0]}
    check_measures(results, 1, as_of, headline,
                   ("Indicadores", "Indicadores en camino", "Indicadores atrasados"))
    changed = pd.read_csv(results / "cambios.csv", **READ)
    moved = changed[changed["tipo"] == "meta_modificada"]
    assert [(r["detalle"], r["antes"], r["despues"]) for r in moved.to_dict("records")] == [
        (m.name, f"{m.targets[0][0]} ({m.targets[0][1]})", f"{m.targets[1][0]} "
         f"({m.targets[1][1]})") for m in MEASURES if m.targets[0] != m.targets[1]]
    assert changed[changed["tipo"] == "linea_base_modificada"].empty

    # 8. The overdue lists, from the history, on a later day.
    as_of = D(2027, 11, 1)
    run("overdue", "--from-history", "--as-of", as_of.isoformat(), *use, code=1)
    lists = ws / "recordatorios" / as_of.isoformat()
    made = sorted(p.stem for p in lists.glob("*.xlsx"))
    pending = [i for i in items if i.overdue(as_of) or i.due_soon(as_of)]
    named = {p for i in pending for p in str(i.written.get("responsable", "")).split("; ") if p}
    parties = {"Canada": "Canadá", "ILO": "OIT", "Guatamala": None}
    expected_lists = {parties.get(p, p) for p in named} - {None}
    assert made == sorted({*expected_lists, "sin_identificar", "todos"})
    unknown = pd.read_excel(lists / "sin_identificar.xlsx", dtype=str, engine="openpyxl")
    assert list(unknown.iloc[:, :2].itertuples(index=False, name=None)) == [
        ("Guatamala", "Guatemala")]
    everything = pd.read_excel(lists / "todos.xlsx", dtype=str, engine="openpyxl")
    assert sorted(everything["Descripción de la actividad"]) == sorted(
        i.activity for i in pending)

    # 9. The annual report.
    out, _ = run("report", "--year", "2027", *use)
    report = ws / "informes" / "informe_anual_2027.xlsx"
    assert str(report) in out
    got = figures(report)
    assert got["Actividades"] == len(items)
    assert got["Logradas"] == sum(i.done for i in items)
    assert got["Plazos modificados"] == 1
    text = (ws / "informes" / "informe_anual_2027.md").read_text("utf-8")
    assert "El archivo de Migración laboral llegó pero no se pudo leer (2027-T2)" in text
    assert "Plan Estratégico de la CRM 2026-2029" in text
    targets = text[text.index("### Metas y valores"):]
    for m in MEASURES:  # each at the year's last round: round 3's target
        line = next(li for li in targets.splitlines() if f"| {m.name} |" in li)
        assert f"| {m.targets[1][0]} |" in line, line
    assert "2029-12-31" in text  # the plan's end: its review comes then

    assert not any(elsewhere.iterdir())  # nothing written where the user happened to be
    log = (ws / "registro" / "seguimiento.log").read_text("utf-8")
    # (each run's lines in its language: round 2 was run in English)
    assert "ronda 2027-T1 de" in log and "round 2027-T2 from" in log
