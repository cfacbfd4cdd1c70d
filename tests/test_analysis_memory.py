"""What the analysis holds at a million rows (benchmarks/README.md): the rows as read let
go once normalized, only the internal columns a later step reads, each cell's name once;
and what its memory levers must leave as it was: the ids, the summary counts, the grid."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from pipeline.analyse.round import analyse_round
from pipeline.normalize.matching import Matcher
from pipeline.read.files import list_input_files
from pipeline.read.gather import gather
from pipeline.reference.load import load_reference
from tests.conftest import AS_OF, ROOT


def _storage(column: pd.Series) -> np.ndarray:
    """The array a column's values are stored in (pandas' string and object columns keep
    a NumPy array of objects; a slice of the frame would be a view of it)."""
    values = getattr(column.array, "_ndarray", None)
    values = column.to_numpy() if values is None else values
    return values if values.base is None else values.base


def test_the_rows_read_are_let_go_once_normalized() -> None:
    ref = load_reference()
    matcher = Matcher(ref)
    found = gather(list_input_files(ROOT / "input_workbooks"), ref, matcher, None, AS_OF, "es")
    read = {key: weakref.ref(_storage(found.raw[key])) for key in ("actividad", "estado")}
    gc.collect()
    assert all(array() is not None for array in read.values())  # (held while gathered)

    result = analyse_round(found, ref, matcher, as_of=AS_OF, ronda="2026-T4",
                           closing_date=None, lang="es", expected=())
    gc.collect()
    assert len(result.matrix) > 0
    assert found.raw.empty
    assert {key: array() is None for key, array in read.items()} == {"actividad": True,
                                                                   "estado": True}


def test_the_round_keeps_only_the_analysis_columns_a_later_step_reads() -> None:
    from pipeline.analyse.tables import KEPT_INTERNAL
    from pipeline.jobs.consolidate import Options, analyze

    result = analyze(Options(input_dir=ROOT / "input_workbooks", out_dir=None, as_of=AS_OF))
    internal = {c for c in result.matrix.columns if str(c).startswith("_")}
    assert internal  # (the values as written, for the feedback; the days overdue)
    assert {c for c in internal if not c.startswith("_raw_")} <= set(KEPT_INTERNAL)


def test_issues_naming_the_same_cell_share_its_name_and_row(tmp_path: Path) -> None:
    """Half a million issues of a million rows name a few thousand cells: each name and
    row number is held once, not once per issue. The names on the sample round; the row
    numbers also on a workbook of 400 rows (Python shares numbers up to 256 anyway, and the
    sample round's rows are below)."""
    from tests.test_benchmark import _load

    by_name, by_row = _identities(ROOT / "input_workbooks")
    named_twice = [ids for ids in by_name.values() if ids[1] > 1]
    assert named_twice  # (the sample round names some cells twice: the test can fail)
    assert all(len(ids[0]) == 1 for ids in named_twice)
    assert all(len(ids[0]) == 1 for ids in by_row.values())
    _load("make_round").make_round(tmp_path / "long", 1, 400)
    _, by_row = _identities(tmp_path / "long")
    assert any(ids[1] > 1 for ids in by_row.values())  # (the row half can fail)
    assert all(len(ids[0]) == 1 for ids in by_row.values())


def _identities(folder: Path) -> tuple[dict[str, tuple[set[int], int]],
                                       dict[int, tuple[set[int], int]]]:
    """The analysis's checked issues of `folder`: for each cell name, and each row number
    above 256 (Python shares smaller numbers), the identities of the objects holding it
    and how many issues name it."""
    from pipeline.jobs.consolidate import Options, analyze
    from validation.schemas import CODE_COLUMN

    result = analyze(Options(input_dir=folder, out_dir=None, as_of=AS_OF))
    by_name: dict[str, tuple[set[int], int]] = {}
    by_row: dict[int, tuple[set[int], int]] = {}
    for issue in result.issues:
        if issue.code not in CODE_COLUMN or not issue.celda:
            continue
        ids, count = by_name.get(issue.celda, (set(), 0))
        by_name[issue.celda] = ids | {id(issue.celda)}, count + 1
        if issue.fila is not None and issue.fila > 256:
            ids, count = by_row.get(issue.fila, (set(), 0))
            by_row[issue.fila] = ids | {id(issue.fila)}, count + 1
    return by_name, by_row


def _plain_ids(frame: pd.DataFrame, ref: object) -> list[str]:
    """The id rule the plain way: six hex digits of the SHA-1 of the folded reporter and
    the folded activity (or the row's place); distinct activities of one reporter that
    share six take two more digits at a time until they differ."""
    import hashlib

    from pipeline.analyse.keys import _code
    from pipeline.model.text import fold, fold_clean

    keys = [(inf, fold_clean(act) or f"{arch}|{hoja}|{fila}") for inf, act, arch, hoja, fila
            in zip(frame["_informante"], frame["actividad"], frame["_archivo"],
                   frame["_hoja"], frame["_fila"], strict=True)]
    whole = {key: hashlib.sha1(f"{fold(key[0])}|{key[1]}".encode()).hexdigest().upper()
             for key in keys}
    digits: dict[tuple[str, str], str] = {}
    for reporter in {key[0] for key in whole}:
        mine = [key for key in whole if key[0] == reporter]
        by_six: dict[str, list[tuple[str, str]]] = {}
        for key in mine:
            by_six.setdefault(whole[key][:6], []).append(key)
        for group in by_six.values():
            size = 6
            while len({whole[key][:size] for key in group}) < len(group):
                size += 2
            digits.update({key: whole[key][:size] for key in group})
    return [f"{_code(key[0], ref)}-{digits[key]}" for key in keys]  # type: ignore[arg-type]


def test_generated_ids_follow_the_rule() -> None:
    """Ids are made from digests kept in one array (a million rows' keys were the
    analysis's largest moment): the same ids as the rule made the plain way, with six
    digits clashing (60,000 activities of one reporter), an activity repeated, a text
    that folds to another's, an empty activity, and two reporters."""
    from pipeline.analyse.keys import assign_ids

    ref = load_reference()
    count = 60_000
    texts = [f"Actividad número {n}" for n in range(count)]
    texts += ["Taller  regional", "TALLER regional", "", "", "Actividad número 7"]
    reporters = ["Guatemala"] * count + ["Guatemala", "Guatemala", "Guatemala", "Belice",
                                         "Belice"]
    frame = pd.DataFrame({"id": [""] * len(texts), "_informante": reporters,
                          "actividad": texts, "_archivo": "g.xlsx", "_hoja": "Matriz",
                          "_fila": range(len(texts))})
    made = assign_ids(frame, ref)["id"].tolist()
    assert made == _plain_ids(frame, ref)
    assert any(len(i) > len("GTM-") + 6 for i in made)  # (six digits did clash)


def test_status_counts_are_the_plain_crosstab() -> None:
    """The summary's counts are a crosstab's (held for a lever that counts them another
    way: one tried counted from codes, 78bbdf4), with a blank reporter, one named like
    the blank's word (counted with it), unknown and blank statuses, a status nobody has."""
    from pipeline.analyse.tables import status_counts
    from pipeline.words import word

    ref = load_reference()
    keys = [s.clave for s in ref.estados]
    blank = word("blank", "en")
    frame = pd.DataFrame({
        "informante": ["Guatemala", "", blank, "Belice", "Guatemala", "Belice", "Guatemala"],
        "estado": [keys[0], keys[0], "", "raro", keys[1], keys[0], ""],
        "vencido": [True, False, True, False, True, True, False]})
    got = status_counts(frame, "informante", ref, "en")

    groups = frame["informante"].where(frame["informante"].ne(""), blank)
    status = frame["estado"].where(frame["estado"].isin(keys), "otro").where(
        frame["estado"].ne(""), "sin_estado")
    plain = pd.crosstab(groups, status)
    assert sorted(got["informante"]) == sorted(plain.index) == list(got["informante"])
    for column in plain.columns:
        assert got[column].tolist() == plain[column].reindex(got["informante"]).tolist()
    assert [c for c in got.columns[1:] if c not in plain.columns] == [
        *(k for k in keys if k not in plain.columns), "total", "vencidos"]
    assert got["total"].tolist() == groups.value_counts().reindex(got["informante"]).tolist()
    assert got["vencidos"].tolist() == frame.groupby(groups)["vencido"].sum().reindex(
        got["informante"]).tolist()


def test_the_status_grid_is_each_item_and_reporter_once_in_order() -> None:
    """Each (id, reporter) once, its first row, ordered by id then reporter, ids that sort
    unlike their letters' order included: held for a lever that makes the grid another
    way (one tried from one number per row, 78bbdf4, failed it with its rows reversed)."""
    from pipeline.analyse.tables import status_grid

    frame = pd.DataFrame({
        "id": ["b", "a", "C", "a", "", "b", "a", "é", "a"],
        "actividad": [f"texto {n}" for n in range(9)],
        "informante": ["Y", "X", "X", "X", "Z", "X", "Y", "X", "Y"],
        "estado": ["finalizado"] * 9, "otra": range(9)})
    plain = frame[["id", "actividad", "informante", "estado"]].drop_duplicates(
        ["id", "informante"]).sort_values(["id", "informante"], kind="stable")
    pd.testing.assert_frame_equal(status_grid(frame), plain.reset_index(drop=True))
    pd.testing.assert_frame_equal(status_grid(frame.iloc[:0]), plain.iloc[:0].reset_index(
        drop=True))


def test_the_issues_made_before_the_networks_words_are_let_go(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Each issue is made again with the network's words; while the matrix table is made,
    the round holds the new ones only (a million rows' half a million issues were held
    twice over, 60 MB)."""
    import pipeline.analyse.round as round_module
    from validation import Issue

    alive: list[tuple[int, int]] = []
    made = round_module.matrix_table

    def counting(frame: pd.DataFrame, issues: list[Issue]) -> pd.DataFrame:
        gc.collect()
        alive.append((sum(isinstance(o, Issue) for o in gc.get_objects()), len(issues)))
        return made(frame, issues)

    monkeypatch.setattr(round_module, "matrix_table", counting)
    ref = load_reference()
    matcher = Matcher(ref)
    found = gather(list_input_files(ROOT / "input_workbooks"), ref, matcher, None, AS_OF, "es")
    kept_before = sum(isinstance(o, Issue) for o in gc.get_objects())
    analyse_round(found, ref, matcher, as_of=AS_OF, ronda="2026-T4", closing_date=None,
                  lang="es", expected=())
    [(held, issues)] = alive
    assert issues > 20  # (the sample round has its share of problems)
    assert held - kept_before < issues * 1.2  # (the few the round keeps elsewhere)
