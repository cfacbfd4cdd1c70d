"""The consolidated lists (docs/contract.md §6) and the issue table, made a column at a time
for memory, hold the rows and values the plain way gives: the whole matrix's rows
filtered, sorted and then cut to the list's columns, one dict per issue."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline.analyse.tables import (
    ISSUE_COLUMNS,
    LIST_KEYS,
    MATRIX_COLUMNS,
    issues_table,
    matrix_table,
    round_table,
    row_list,
)
from pipeline.jobs.consolidate import Options, analyze
from pipeline.model.run import RunResult
from tests.conftest import AS_OF, ROOT


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> RunResult:
    return analyze(Options(input_dir=ROOT / "input_workbooks",
                           out_dir=tmp_path_factory.mktemp("out"), as_of=AS_OF))


def row_lists(matrix: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The four lists as the writers make them, one at a time (`round_table`)."""
    return {key: row_list(matrix, key) for key in LIST_KEYS}


def plain_lists(matrix: pd.DataFrame) -> dict[str, pd.DataFrame]:
    base = [*(c for c in MATRIX_COLUMNS if c in matrix.columns),
            *(c for c in matrix.columns if c.startswith("extra_"))]
    overdue = matrix[matrix["vencido"]].copy()
    overdue["dias_vencido"] = overdue["_dias_vencido"]
    overdue = overdue.sort_values(["dias_vencido", "informante", "fila"],
                                  ascending=[False, True, True], kind="stable")
    soon = matrix[matrix["por_vencer"]].sort_values(["fecha_limite", "informante", "fila"],
                                                     kind="stable")
    return {"vencidos": overdue[[*base, "dias_vencido"]], "por_vencer": soon[base],
            "sin_responsable": matrix.loc[matrix["sin_responsable"], base],
            "plazos_imprecisos": matrix.loc[matrix["_plazo_tipo"].ne("fecha"), base]}


@pytest.mark.parametrize("index", ["as_made", "shuffled", "repeated"])
def test_the_lists_hold_the_rows_the_plain_way_gives(result: RunResult, index: str) -> None:
    """Whatever the matrix's index (a frame filtered or concatenated elsewhere keeps its
    labels; they may repeat): the same rows, in the same order, with the same labels."""
    matrix = result.tables["matriz"]
    if index == "shuffled":
        matrix = matrix.sample(frac=1, random_state=7)
    elif index == "repeated":
        matrix = matrix.set_axis([3] * len(matrix))
    made, plain = row_lists(matrix), plain_lists(matrix)
    assert all(len(made[k]) for k in made), "the sample round has rows in every list"
    for key, expected in plain.items():
        pd.testing.assert_frame_equal(made[key], expected, obj=key)


def test_the_issue_table_holds_each_issue_as_a_row(result: RunResult) -> None:
    issues = result.issues
    assert len({i.code for i in issues}) > 5
    for lang in ("es", "en"):
        plain = pd.DataFrame([{
            "severidad": i.severity_label(lang), "codigo": i.code, "mensaje": i.message(lang),
            "archivo": i.archivo, "hoja": i.hoja,
            "celda": i.celda or (str(i.fila) if i.fila else ""), "columna": i.columna,
            "valor": i.valor, "sugerencia": i.suggestion(lang)} for i in issues],
            columns=list(ISSUE_COLUMNS))
        pd.testing.assert_frame_equal(issues_table(issues, lang), plain)
    assert issues_table([], "es").columns.tolist() == list(ISSUE_COLUMNS)


def test_the_issue_table_holds_each_message_and_cell_once(result: RunResult) -> None:
    """A message is made anew for each issue; a million rows' table held each one apart
    (173 MB; 40 MB with equal texts held once)."""
    table = issues_table([*result.issues, *result.issues], "es")
    for column in ("mensaje", "celda"):
        texts = table[column].tolist()
        assert len({id(t) for t in texts}) == len(set(texts)), column


def test_the_lists_are_made_where_they_are_written(result: RunResult) -> None:
    """The round holds its matrix, not four copies of rows of it (a million rows' lists
    held 173 MB in every process the writing forks): each list is made when asked."""
    assert not set(LIST_KEYS) & set(result.tables)
    made = row_lists(result.tables["matriz"])
    for key in LIST_KEYS:
        pd.testing.assert_frame_equal(round_table(result.tables, key), made[key], obj=key)
    assert round_table(result.tables, "problemas") is result.tables["problemas"]


def test_each_row_names_its_issues_codes(result: RunResult) -> None:
    """The matrix's `problemas`: the codes of its row's issues, sorted, each once, as the
    plain way gives them; a code repeated on a row, issues of no row or of a row the
    matrix does not hold, and a sheet never named change nothing."""
    from validation import make_issue

    matrix = result.matrix
    codes: dict[tuple[str, str, int], set[str]] = {}
    for issue in result.issues:
        if issue.fila is not None:
            codes.setdefault((issue.archivo, issue.hoja, issue.fila), set()).add(issue.code)
    plain = ["; ".join(sorted(codes.get((a, h, int(f)), ())))
             for a, h, f in zip(matrix["archivo"], matrix["hoja"], matrix["fila"], strict=True)]
    assert matrix["problemas"].tolist() == plain
    assert sum("; " in p for p in plain) > 3, "the sample has rows with several codes"
    first = matrix.iloc[0]
    extra = [make_issue("plazo-invalido", archivo=first["archivo"], hoja=first["hoja"],
                        fila=int(first["fila"])) for _ in range(2)]
    extra += [make_issue("plazo-invalido", archivo=first["archivo"], hoja="Otra", fila=2),
              make_issue("plazo-invalido", archivo=first["archivo"], hoja=first["hoja"])]
    frame = matrix.rename(columns={c: f"_{c}" for c in ("informante", "ronda", "archivo",
                                                          "hoja", "fila", "fecha_envio")})
    again = matrix_table(frame.drop(columns=["problemas"]), [*result.issues, *extra])
    codes.setdefault((first["archivo"], first["hoja"], int(first["fila"])), set()).add(
        "plazo-invalido")
    assert again["problemas"].iloc[0] == "; ".join(sorted(codes[
        (first["archivo"], first["hoja"], int(first["fila"]))]))
    assert again["problemas"].iloc[1:].tolist() == plain[1:]
