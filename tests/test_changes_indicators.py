"""A moved goalpost between rounds (issue 24, pipeline.analyse.changes.indicator_changes): an
indicator is the same indicator across rounds when its reporter, item id and name compared
folded (no case, no accents, as the page and the previous-value lookup compare it) are the
same, so renaming it only by accents or case does not hide a target moved in that round."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline.analyse.changes import indicator_changes

ACTIVITY = "Capacitar funcionarios de frontera"


def indicator(name: str, goal: float | None, base: float | None = 0.0,
              reporter: str = "Guatemala", ident: str = "GT-1") -> dict[str, object]:
    return {"informante": reporter, "id": ident, "actividad": ACTIVITY, "indicador": name,
            "linea_base": base, "fecha_linea_base": "2026-01-01", "meta": goal,
            "fecha_meta": "2028-01-01", "valor": None, "_reservado": False}


def changes(before: list[dict[str, object]], now: list[dict[str, object]]) -> set[tuple]:
    found = indicator_changes(pd.DataFrame(before), pd.DataFrame(now))
    return {(r["informante"], r["id"], r["tipo"], r["antes"], r["despues"], r["detalle"])
            for r in found.to_dict("records")}


@pytest.mark.parametrize("renamed", ["I14 sin linea base", "i14 SIN LÍNEA BASE",
                                     "I14  sin línea base", "I14 sin línea base"])
def test_a_target_moved_while_renamed_by_accents_or_case_is_a_finding(renamed: str) -> None:
    found = changes([indicator("I14 sin línea base", 100)], [indicator(renamed, 150)])
    assert found == {("Guatemala", "GT-1", "meta_modificada", "100 (2028-01-01)",
                      "150 (2028-01-01)", renamed)}


def test_a_baseline_moved_while_renamed_is_a_finding() -> None:
    found = changes([indicator("Tasa de retorno", 100, base=5)],
                    [indicator("TASA DE RETORNO", 100, base=8)])
    assert found == {("Guatemala", "GT-1", "linea_base_modificada", "5 (2026-01-01)",
                      "8 (2026-01-01)", "TASA DE RETORNO")}


def test_another_indicator_item_or_reporter_is_not_compared() -> None:
    before = [indicator("Centros abiertos", 4)]
    assert changes(before, [indicator("Centros cerrados", 6)]) == set()
    assert changes(before, [indicator("Centros abiertos", 6, ident="GT-2")]) == set()
    assert changes(before, [indicator("Centros abiertos", 6, reporter="Honduras")]) == set()


def test_an_unchanged_target_renamed_is_no_finding() -> None:
    assert changes([indicator("Jornadas en línea", 100)],
                   [indicator("JORNADAS EN LINEA", 100)]) == set()


def test_a_target_without_a_number_is_its_date_alone() -> None:
    """A target whose figure could not be read, its date kept: '(2027-12-31)', not
    ' (2027-12-31)' with a stray space before it in cambios.csv."""
    from pipeline.analyse.changes import _goal

    assert _goal({"meta": None, "fecha_meta": "2027-12-31"}, "meta", "fecha_meta") == (
        "(2027-12-31)")
    assert _goal({"meta": 250.0, "fecha_meta": "2027-12-31"}, "meta", "fecha_meta") == (
        "250 (2027-12-31)")
    assert _goal({"meta": 2.5, "fecha_meta": ""}, "meta", "fecha_meta") == "2.5"
