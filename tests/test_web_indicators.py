"""Indicators on the round's page (issue 24, pipeline.web.indicators): each indicator's
values over the stored rounds against its target, a small chart with its values as a table
beside it; the page passes axe-core and asks nothing of the network; the public page leaves
out a restricted item's indicators; a round with thousands of indicators keeps the section
within its bound. Every figure expected is counted from tests/measured.py's ROUNDS."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from pipeline.reference.data import Reference
from tests.browser import needs_browser, opened
from tests.measured import RESTRICTED, ROUNDS, consolidate_rounds


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = consolidate_rounds(tmp_path_factory.mktemp("medidos"))
    return ws / "resultados" / "2027-T1"


def charts_of(page: object) -> dict[str, dict[str, object]]:
    """Each charted indicator: its caption, its table's rounds and values, the chart's
    points (y grows downwards) and its target line's y."""
    found = page.eval_on_selector_all(  # type: ignore[attr-defined]
        "#indicadores figure.indicator", """figs => figs.map(f => ({
            name: f.querySelector('figcaption .name').textContent.trim(),
            caption: f.querySelector('figcaption').textContent,
            rounds: [...f.querySelectorAll('table thead th[scope=col]')]
              .map(c => c.textContent.trim()),
            values: [...f.querySelectorAll('table tbody tr:first-child td')]
              .map(c => c.textContent.trim()),
            points: [...f.querySelectorAll('svg circle')].map(c => Number(c.getAttribute('cy'))),
            target: Number(f.querySelector('svg line.target').getAttribute('y1')),
            label: f.querySelector('svg').getAttribute('aria-label')}))""")
    return {str(c["name"]): c for c in found}


def shown(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


@needs_browser
def test_each_indicator_is_charted_over_the_stored_rounds(out: Path) -> None:
    page = out / "tablero.html"
    with opened(page) as seen:
        assert seen.page.is_visible("nav.toc a[href='#indicadores']")
        charts = charts_of(seen.page)
    assert not seen.errors and seen.requests == [page.resolve().as_uri()]
    rounds = [r for r, _ in ROUNDS]
    per_indicator: dict[str, list[tuple[int, int, int]]] = {}
    for values in ROUNDS.values():
        for (_, name), figures in values.items():
            per_indicator.setdefault(name, []).append(figures)
    assert set(charts) == set(per_indicator)
    for name, figures in per_indicator.items():
        chart = charts[name]
        assert chart["rounds"] == rounds
        assert chart["values"] == [shown(v) for _, _, v in figures]
        base, goal, value = figures[-1]
        assert f"{shown(goal)}" in str(chart["caption"])  # this round's target, said
        assert shown(value) in str(chart["label"]) and shown(goal) in str(chart["label"])
        points = chart["points"]
        assert isinstance(points, list) and len(points) == len(figures)
        # a rising value climbs on the page; the target (at or above every value) is at
        # least as high
        values = [v for _, _, v in figures]
        assert (points[0] > points[1]) == (values[1] > values[0])
        assert all(float(str(chart["target"])) <= p for p in points)
        assert (float(str(chart["target"])) == points[-1]) == (value == goal)


@needs_browser
def test_the_page_with_indicators_passes_axe(out: Path) -> None:
    from axe_playwright_python.sync_playwright import Axe

    for name in ("tablero.html", "tablero_publico.html"):
        with opened(out / name) as seen:
            found = Axe().run(seen.page)
        assert found.violations_count == 0, (name, found.generate_report())


@needs_browser
def test_the_public_page_leaves_out_a_restricted_items_indicators(out: Path) -> None:
    text = (out / "tablero_publico.html").read_text(encoding="utf-8")
    assert RESTRICTED in (out / "tablero.html").read_text(encoding="utf-8")
    assert RESTRICTED not in text and "GT-3" not in text
    with opened(out / "tablero_publico.html") as seen:
        assert set(charts_of(seen.page)) == {n for (_, n) in ROUNDS[next(iter(ROUNDS))]
                                             if n != RESTRICTED}


def test_thousands_of_indicators_keep_the_section_within_its_bound(ref: Reference) -> None:
    from pipeline.web.indicators import CHARTED, indicator_section

    n = 5_000
    table = pd.DataFrame({
        "id": [f"X-{i}" for i in range(n)], "informante": "Guatemala",
        "actividad": "Actividad " + "larga " * 30, "indicador": [f"Ind {i}" for i in range(n)],
        "unidad": "personas", "linea_base": 0.0, "fecha_linea_base": "2026-01-01",
        "meta": 100.0, "fecha_meta": "2028-01-01", "valor": [float(i % 120) for i in range(n)],
        "fecha_valor": "", "avance_meta": [float(i % 120) for i in range(n)], "esperado": 50.0,
        "situacion": ["atrasado" if i % 120 < 40 else "en_camino" for i in range(n)],
        "fuente": "", "responsable_medicion": "", "_reservado": False, "_conocido": True})
    stored = table.assign(ronda="2026-T4", valor=1.0)[["ronda", *table.columns]]
    section = indicator_section(table, stored, "2027-T1", dt.date(2027, 1, 1), ref, "es")
    assert section is not None
    assert len(section["charts"]) == CHARTED
    assert section["more"] == n - CHARTED
    # those behind first: every charted one is behind while any behind is left
    assert {c.situation for c in section["charts"]} == {"atrasado"}
    from pipeline.web.render import render

    html = render("indicadores.html", section=section, words=section["words"])
    assert len(html.encode("utf-8")) < 400_000


def frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    base = {"id": "X-1", "informante": "Guatemala", "actividad": "Actividad",
            "indicador": "Ind", "unidad": "", "linea_base": None, "fecha_linea_base": "",
            "meta": None, "fecha_meta": "", "valor": None, "fecha_valor": "",
            "avance_meta": None, "esperado": None, "situacion": "sin_valor", "fuente": "",
            "responsable_medicion": "", "_reservado": False, "_conocido": True}
    return pd.DataFrame([{**base, **r} for r in rows])


def test_odd_indicators_are_drawn_within_the_plot(ref: Reference) -> None:
    """No value at all, no target, a level to keep, negative values, markup in a name."""
    from pipeline.web.indicators import HEIGHT, WIDTH, indicator_section
    from pipeline.web.render import render

    hostile = "<img src=x onerror=alert(1)>"
    table = frame([
        {"id": "A", "indicador": "Sin nada"},
        {"id": "B", "indicador": "Sin meta", "valor": 5.0, "situacion": "sin_meta"},
        {"id": "C", "indicador": "Nivel", "linea_base": 3.0, "meta": 3.0, "valor": 3.0,
         "situacion": "meta_alcanzada"},
        {"id": "D", "indicador": "Negativo", "linea_base": -5.0, "meta": -20.0,
         "valor": -12.5, "situacion": "en_camino"},
        {"id": "E", "indicador": hostile, "unidad": hostile, "valor": 1.0},
    ])
    stored = table.assign(ronda="2026-T4", valor=[None, 4.0, 3.0, -8.0, 2.0])
    section = indicator_section(table, stored, "2027-T1", dt.date(2027, 1, 1), ref, "es")
    assert section is not None
    charts = {c.item.split(" · ")[0]: c for c in section["charts"]}
    assert charts["A"].points == [] and charts["A"].values == ["—", "—"]
    assert charts["D"].values == ["-8", "-12,5"]  # the Spanish decimal mark
    for chart in charts.values():
        for p in chart.points:
            assert 0 <= p.x <= WIDTH and 0 <= p.y <= HEIGHT, (chart.name, p)
        for level in chart.levels:
            assert 0 <= level.y <= HEIGHT
    html = render("indicadores.html", section=section, words=section["words"])
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
