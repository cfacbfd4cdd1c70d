"""The deadline grammar of docs/contract.md §3.3, form by form, and properties over generated
dates."""

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.model.text import fold
from pipeline.normalize.deadlines import Context, Deadline
from pipeline.normalize.deadlines import parse_deadline as parse_with
from pipeline.reference.plan import Meeting, Plan
from pipeline.words import known

PLAN = Plan(dt.date(2019, 7, 1), 3)
VAGUE = ["permanente", "continuo", "por definir", "a definir", "TBD", "anual", "n/a", "-",
         "ongoing", "on-going", "continuous", "en curso"]
D = dt.date


def parse_deadline(value: object, plan: Plan = PLAN, vague: list[str] = VAGUE,
                   **context: object) -> Deadline:
    return parse_with(value, Context(plan, frozenset(fold(v) for v in vague),
                                     **context))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "due", "precision"),
    [
        ("2021-03-15", D(2021, 3, 15), "dia"),
        ("15/03/2021", D(2021, 3, 15), "dia"),
        ("15-03-2021", D(2021, 3, 15), "dia"),
        ("15.03.2021", D(2021, 3, 15), "dia"),
        ("05/03/2021", D(2021, 3, 5), "dia"),  # day first, the region's convention
        ("03/15/2021", D(2021, 3, 15), "dia"),  # only month-first is possible
        ("15 de marzo de 2021", D(2021, 3, 15), "dia"),
        ("March 15, 2021", D(2021, 3, 15), "dia"),
        ("marzo 2021", D(2021, 3, 31), "mes"),
        ("Dic-2020", D(2020, 12, 31), "mes"),
        ("March 2021", D(2021, 3, 31), "mes"),
        ("febrero de 2024", D(2024, 2, 29), "mes"),
        ("T1 2021", D(2021, 3, 31), "trimestre"),
        ("I trimestre 2021", D(2021, 3, 31), "trimestre"),
        ("primer trimestre de 2021", D(2021, 3, 31), "trimestre"),
        ("Q1 2021", D(2021, 3, 31), "trimestre"),
        ("2021-T1", D(2021, 3, 31), "trimestre"),
        ("4T 2026", D(2026, 12, 31), "trimestre"),
        ("primer semestre 2021", D(2021, 6, 30), "semestre"),
        ("S2 2021", D(2021, 12, 31), "semestre"),
        ("H1 2021", D(2021, 6, 30), "semestre"),
        ("2021", D(2021, 12, 31), "anio"),
        (2021, D(2021, 12, 31), "anio"),
        (2021.0, D(2021, 12, 31), "anio"),
        ("2020-2021", D(2021, 12, 31), "anio"),
        ("enero-marzo 2021", D(2021, 3, 31), "mes"),
        ("1er año", D(2020, 6, 30), "anio_plan"),
        ("segundo año", D(2021, 6, 30), "anio_plan"),
        ("año 3", D(2022, 6, 30), "anio_plan"),
        ("year 2", D(2021, 6, 30), "anio_plan"),
        ("1er año, 2do año, 3er año", D(2022, 6, 30), "anio_plan"),
        ("1er y 2do año", D(2021, 6, 30), "anio_plan"),
        # two quarters or semesters under one unit and year: the end of the later
        ("primer y segundo trimestre 2018", D(2018, 6, 30), "trimestre"),
        ("Tercer y cuarto trimestre de 2019", D(2019, 12, 31), "trimestre"),
        ("I y II trimestre 2018", D(2018, 6, 30), "trimestre"),
        ("first and second quarter 2018", D(2018, 6, 30), "trimestre"),
        ("primer y segundo semestre 2019", D(2019, 12, 31), "semestre"),
        ("a fines de 2021", D(2021, 12, 31), "anio"),
        (dt.datetime(2021, 3, 15, 10, 30), D(2021, 3, 15), "dia"),
        (D(2021, 3, 15), D(2021, 3, 15), "dia"),
        (44270.0, D(2021, 3, 15), "dia"),  # an Excel serial whose date format was lost
    ],
)
def test_every_form_of_the_grammar(text: object, due: dt.date, precision: str) -> None:
    parsed = parse_deadline(text, PLAN, VAGUE)
    assert (parsed.kind, parsed.due, parsed.precision) == ("fecha", due, precision)
    assert known(f"precision.{precision}")


@pytest.mark.parametrize("text", [*VAGUE, "Permanente", "POR DEFINIR", "--"])
def test_vague_deadlines_have_no_date(text: str) -> None:
    assert parse_deadline(text, PLAN, VAGUE).kind == "impreciso"


@pytest.mark.parametrize("text", [None, "", "   ", float("nan")])
def test_blank_deadlines(text: object) -> None:
    assert parse_deadline(text, PLAN, VAGUE).kind == "vacio"


@pytest.mark.parametrize("text", ["cuando haya fondos", "31/02/2021", "T5 2021", "13/13/2021",
                                  "marzo", True, 12.5, "quinto y sexto trimestre 2018",
                                  "tercer y segundo semestre 2019",
                                  "cuarto y primer trimestre 2019",  # (which years?)
                                  "segundo y mediados de 2021", "4 y Q3 FY2021"])
def test_unreadable_deadlines_are_invalid(text: object) -> None:
    assert parse_deadline(text, PLAN, VAGUE).kind == "invalido"


MONTHS_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
             "septiembre", "octubre", "noviembre", "diciembre"]
MONTHS_EN = [calendar.month_name[m] for m in range(1, 13)]
dates = st.dates(min_value=D(1990, 1, 1), max_value=D(2099, 12, 31))


@given(dates, st.sampled_from([
    "{d:%Y-%m-%d}", "{d:%d/%m/%Y}", "{d:%d-%m-%Y}", "{d:%d.%m.%Y}",
    "{d.day} de {es} de {d.year}", "{en} {d.day}, {d.year}", "{d.day} {en} {d.year}",
]))
def test_any_day_written_any_way(date: dt.date, form: str) -> None:
    text = form.format(d=date, es=MONTHS_ES[date.month - 1], en=MONTHS_EN[date.month - 1])
    parsed = parse_deadline(text, PLAN, VAGUE)
    assert (parsed.kind, parsed.due) == ("fecha", date)


@given(dates, st.sampled_from(["{es} {y}", "{es} de {y}", "{en} {y}", "{abbr}-{y}",
                               "{Es} {y}"]))
def test_any_month_is_due_on_its_last_day(date: dt.date, form: str) -> None:
    es = MONTHS_ES[date.month - 1]
    text = form.format(es=es, Es=es.upper(), en=MONTHS_EN[date.month - 1],
                       abbr=es[:3].capitalize(), y=date.year)
    last = calendar.monthrange(date.year, date.month)[1]
    assert parse_deadline(text, PLAN, VAGUE).due == D(date.year, date.month, last)


ORDINAL_ES = ["primer", "segundo", "tercer", "cuarto"]
ROMAN = ["I", "II", "III", "IV"]


@given(st.integers(1990, 2099), st.integers(1, 4), st.sampled_from([
    "T{q} {y}", "Q{q} {y}", "{y}-T{q}", "{y}-Q{q}", "{q}T {y}", "{roman} trimestre {y}",
    "{ordinal} trimestre de {y}", "trimestre {q} {y}",
]))
def test_any_quarter(year: int, quarter: int, form: str) -> None:
    text = form.format(q=quarter, y=year, roman=ROMAN[quarter - 1],
                       ordinal=ORDINAL_ES[quarter - 1])
    month = quarter * 3
    due = D(year, month, calendar.monthrange(year, month)[1])
    assert parse_deadline(text, PLAN, VAGUE).due == due


@given(st.integers(1990, 2099), st.integers(1, 2), st.sampled_from([
    "S{s} {y}", "H{s} {y}", "{ordinal} semestre {y}", "{roman} semestre de {y}"]))
def test_any_semester(year: int, half: int, form: str) -> None:
    text = form.format(s=half, y=year, ordinal=ORDINAL_ES[half - 1], roman=ROMAN[half - 1])
    assert parse_deadline(text, PLAN, VAGUE).due == (D(year, 6, 30) if half == 1
                                                      else D(year, 12, 31))


@given(st.integers(1990, 2098), st.integers(1, 9))
def test_a_range_of_years_is_due_at_its_end(start: int, length: int) -> None:
    end = min(start + length, 2100)
    assert parse_deadline(f"{start}-{end}", PLAN, VAGUE).due == D(end, 12, 31)


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2090, 1, 1)), st.integers(1, 3),
       st.sampled_from(["{n}er año", "año {n}", "year {n}", "{word} año"]))
def test_plan_years_follow_the_plan(start: dt.date, n: int, form: str) -> None:
    plan = Plan(start, 3)
    text = form.format(n=n, word=["primer", "segundo", "tercer"][n - 1]).replace("2er", "2do")
    parsed = parse_deadline(text, plan, VAGUE)
    assert parsed.precision == "anio_plan"
    # the day before the n-th anniversary of the plan's start (28 Feb for a 29 Feb start)
    day = 28 if (start.month, start.day) == (2, 29) else start.day
    anniversary = D(start.year + n, start.month, day)
    assert parsed.due == anniversary - dt.timedelta(days=1)


@given(st.one_of(st.text(), st.integers(), st.floats(), st.none(), st.booleans(), dates))
def test_never_raises_and_always_classifies(value: object) -> None:
    parsed = parse_deadline(value, PLAN, VAGUE)
    assert parsed.kind in {"fecha", "impreciso", "vacio", "invalido"}
    assert (parsed.due is not None) == (parsed.kind == "fecha")


CALENDAR = (Meeting("Reunión Viceministerial", D(2027, 6, 15), "XXVII Reunión Viceministerial"),
            Meeting("Reunión Viceministerial", D(2028, 6, 1), "XXVIII Reunión Viceministerial"),
            Meeting("GRCM", D(2027, 3, 10)), Meeting("GRCM", D(2027, 9, 20)),
            Meeting("Grupo de Trabajo sobre Migración Laboral", D(2027, 4, 20)))


@pytest.mark.parametrize(("text", "context", "due", "precision", "assumed"), [
    ("a más tardar el 30 de junio de 2021", {}, D(2021, 6, 30), "dia", False),
    ("A MAS TARDAR 30/06/2021", {}, D(2021, 6, 30), "dia", False),
    ("no later than March 2021", {}, D(2021, 3, 31), "mes", False),
    ("mid-2021", {}, D(2021, 6, 30), "semestre", False),
    ("mediados de 2021", {}, D(2021, 6, 30), "semestre", False),
    ("2do trimestre", {"year": 2026}, D(2026, 6, 30), "trimestre", True),
    ("segundo semestre", {"year": 2026}, D(2026, 12, 31), "semestre", True),
    ("T3", {"year": 2027}, D(2027, 9, 30), "trimestre", True),
    ("marzo", {"year": 2027}, D(2027, 3, 31), "mes", True),
    ("Q3 FY2021", {"fiscal_month": 10}, D(2021, 6, 30), "trimestre", False),
    ("Q3 FY2021", {}, D(2021, 9, 30), "trimestre", False),
    ("Q1 FY 2022", {"fiscal_month": 10}, D(2021, 12, 31), "trimestre", False),
    ("FY2022", {"fiscal_month": 10}, D(2022, 9, 30), "anio", False),
    ("antes de la próxima Reunión Viceministerial",
     {"calendar": CALENDAR, "today": D(2027, 1, 10)}, D(2027, 6, 15), "reunion", False),
    ("antes de la próxima Reunión Viceministerial",
     {"calendar": CALENDAR, "today": D(2027, 7, 1)}, D(2028, 6, 1), "reunion", False),
    ("para la XXVII Reunión Viceministerial", {"calendar": CALENDAR}, D(2027, 6, 15),
     "reunion", False),
    ("before the next GRCM meeting", {"calendar": CALENDAR, "today": D(2027, 4, 1)},
     D(2027, 9, 20), "reunion", False),
    ("antes de la próxima reunión del Grupo de Trabajo sobre Migración Laboral",
     {"calendar": CALENDAR, "today": D(2027, 1, 1)}, D(2027, 4, 20), "reunion", False),
])
def test_forms_of_issue_13(text: str, context: dict[str, object], due: dt.date,
                           precision: str, assumed: bool) -> None:
    parsed = parse_deadline(text, **context)
    assert (parsed.kind, parsed.due, parsed.precision, parsed.assumed_year) == (
        "fecha", due, precision, assumed)
    assert known(f"precision.{precision}")  # the workbook's column says it in words


@pytest.mark.parametrize("text", ["ongoing", "On-going", "continuous", "En curso",
                                  "antes de la próxima Reunión Viceministerial"])
def test_ongoing_and_unscheduled_meetings_are_vague(text: str) -> None:
    """The template's own instructions call "ongoing" vague; a meeting the calendar does
    not hold names no date either."""
    assert parse_deadline(text).kind == "impreciso"


@pytest.mark.parametrize(("text", "today", "due"), [
    ("antes de la Reunión Viceministerial", D(2027, 1, 10), D(2027, 6, 15)),
    ("antes de la Reunión Viceministerial", D(2027, 7, 1), D(2028, 6, 1)),
    ("para la Reunión Viceministerial", D(2027, 1, 10), D(2027, 6, 15)),
    ("before the GRCM meeting", D(2027, 4, 1), D(2027, 9, 20)),
])
def test_a_meeting_named_without_next_is_the_next_one_the_calendar_holds(
        text: str, today: dt.date, due: dt.date) -> None:
    """Issue 21: "antes de la Reunión Viceministerial" means the coming one, as "antes de
    la próxima ..." does."""
    parsed = parse_deadline(text, calendar=CALENDAR, today=today)
    assert (parsed.kind, parsed.due, parsed.precision) == ("fecha", due, "reunion")


@pytest.mark.parametrize("text", ["para la XXIX Reunión Viceministerial",
                                  "antes de la 30a Reunión Viceministerial"])
def test_a_meeting_named_by_its_number_the_calendar_lacks_is_vague(text: str) -> None:
    """A numbered meeting that is not in the calendar is not taken for the next one."""
    assert parse_deadline(text, calendar=CALENDAR, today=D(2027, 1, 10)).kind == "impreciso"


def test_a_quarter_without_a_year_needs_the_rounds_year() -> None:
    assert parse_deadline("2do trimestre").kind == "invalido"


@given(st.dates(D(1990, 1, 1), D(2090, 12, 31)))
def test_no_later_than_a_date_is_that_date(date: dt.date) -> None:
    assert parse_deadline(f"a más tardar el {date:%d/%m/%Y}").due == date
    assert parse_deadline(f"no later than {date.isoformat()}").due == date


def test_a_2026_round_does_not_count_an_ended_plans_years_as_overdue(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Items due "1er año" of the 2019-2022 plan showed 2,434 days overdue and topped every
    overdue list; now they are flagged, the run says once that the plan has ended, and a
    plan in force in the configuration gives them their dates again."""
    from click.testing import CliRunner

    from pipeline.cli import cli
    from tests.conftest import ROOT

    sample = ROOT / "input_workbooks"
    result = CliRunner().invoke(cli, ["consolidate", str(sample), "--out", str(tmp_path / "a"),
                                      "--as-of", "2026-11-30"])
    assert result.exit_code == 0
    assert "terminó el 2022-06-30" in result.output and result.output.count("terminó") == 1
    import pandas as pd

    matrix = pd.read_csv(tmp_path / "a" / "matriz.csv", encoding="utf-8-sig",
                         keep_default_na=False)
    plan_years = matrix[matrix["precision_plazo"] == "anio_plan"]
    assert len(plan_years) >= 3 and not plan_years["vencido"].any()
    assert plan_years["plazo_impreciso"].all() and set(plan_years["fecha_limite"]) == {""}
    issues = (tmp_path / "a" / "problemas.csv").read_text("utf-8-sig")
    assert issues.count("plazo-plan-terminado") == len(plan_years)
    config = tmp_path / "plan.toml"
    config.write_text('[plan]\nnombre = "Plan Estratégico de la CRM 2025-2027"\n'
                      'inicio = 2025-01-01\nduracion_anios = 3\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["consolidate", str(sample), "--out", str(tmp_path / "b"),
                                      "--as-of", "2026-11-30", "--config", str(config)])
    assert result.exit_code == 0 and "terminó" not in result.output
    matrix = pd.read_csv(tmp_path / "b" / "matriz.csv", encoding="utf-8-sig",
                         keep_default_na=False)
    plan_years = matrix[matrix["precision_plazo"] == "anio_plan"]
    assert set(plan_years["fecha_limite"]) <= {"2025-12-31", "2026-12-31", "2027-12-31"}


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_advice_names_no_plan_year_once_the_plan_has_ended(tmp_path, lang) -> None:  # type: ignore[no-untyped-def]
    """The configured plan (2019-2022) has ended: a plan year written now is not counted as
    overdue (plazo-plan-terminado), so the advice on a vague or unreadable deadline, and
    the template's instructions and input hint, no longer suggest writing one; with a
    plan in force they do."""
    import openpyxl
    import pandas as pd
    from click.testing import CliRunner

    from pipeline.cli import cli
    from tests.conftest import ROOT

    plan_year = {"es": "2do año", "en": "year 2"}[lang]
    config = tmp_path / "plan.toml"
    config.write_text('[plan]\nnombre = "Plan Estratégico de la CRM 2025-2027"\n'
                      'inicio = 2025-01-01\nduracion_anios = 3\n', encoding="utf-8")
    for name, extra in (("ended", []), ("in_force", ["--config", str(config)])):
        out = tmp_path / name
        result = CliRunner().invoke(cli, ["--lang", lang, "consolidate",
                                          str(ROOT / "input_workbooks"), "--out", str(out),
                                          "--as-of", "2026-11-30", *extra])
        assert result.exit_code == 0, result.output
        issues = pd.read_csv(out / "problemas.csv", encoding="utf-8-sig", keep_default_na=False)
        advice = issues[issues.iloc[:, 1].isin(["plazo-impreciso", "plazo-invalido"])]
        assert len(advice) >= 2
        texts = advice.iloc[:, 2].tolist()
        assert all(("2027" in t) for t in texts), texts  # (a year is still suggested)
        assert all((plan_year in t) == (name == "in_force") for t in texts), texts
        reporter = {"es": "Guatemala", "en": "Belice"}[lang]  # (a template's language is
        # its reporter's)
        result = CliRunner().invoke(cli, ["--lang", lang, "template", "--reporter", reporter,
                                          "--round", "2027-T1", "--out", str(out / "t"),
                                          *extra])
        assert result.exit_code == 0, result.output
        workbook = openpyxl.load_workbook(next((out / "t").glob("*.xlsx")))
        guide = " ".join(str(c.value) for row in workbook.worksheets[0].iter_rows()
                         for c in row if c.value)
        hints = [v.prompt for v in workbook.worksheets[1].data_validations.dataValidation
                 if v.prompt]
        assert hints and "2027" in guide
        assert (plan_year in guide) == (name == "in_force"), guide
        assert all((plan_year in h) == (name == "in_force") for h in hints), hints
