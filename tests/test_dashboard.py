"""The round as a web page (issue 16), opened in a real browser (tests/browser.py): no
console error and no request to anywhere, the whole matrix in the table, searching and
filtering narrow it, sorting orders it, a reporter's link shows its rows, the page reads
without JavaScript, the public page holds no restricted row and no personal data, and a
cell holding markup shows it as text."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from pipeline.jobs.consolidate import Options, run_consolidation
from tests.browser import needs_browser, opened
from tests.conftest import AS_OF, ROOT, MakeWorkbook

pytestmark = needs_browser


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tablero") / "out"
    run_consolidation(Options(input_dir=ROOT / "input_workbooks", out_dir=folder, as_of=AS_OF,
                              public=True))
    return folder


def rows_of(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def visible_rows(page: object) -> list[list[str]]:
    return page.eval_on_selector_all(  # type: ignore[attr-defined]
        "#matriz tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))")


def test_the_page_is_whole_and_asks_nothing_of_the_network(out: Path) -> None:
    page = out / "tablero.html"
    with opened(page) as seen:
        count = seen.page.text_content("#cuenta")
        assert seen.page.title().startswith("Seguimiento de la CRM — ronda 2026-T4 — al 2026")
        assert len(visible_rows(seen.page)) == len(rows_of(out / "matriz.csv"))
    assert not seen.errors, seen.errors
    assert seen.requests == [page.resolve().as_uri()], seen.requests
    assert f"{len(rows_of(out / 'matriz.csv'))} de" in str(count)


def test_search_filters_and_sorting_narrow_and_order_the_rows(out: Path) -> None:
    matrix = rows_of(out / "matriz.csv")
    with opened(out / "tablero.html") as seen:
        page = seen.page
        page.fill("#buscar", "darien")  # accents and case do not matter
        page.wait_for_timeout(400)
        found = visible_rows(page)
        assert 0 < len(found) < len(matrix)
        assert all("darién" in " ".join(r).lower() for r in found)
        page.fill("#buscar", "")
        page.select_option("#f-informante", label="Guatemala")
        page.wait_for_timeout(100)
        guatemala = [r for r in matrix if r["informante"] == "Guatemala"]
        assert len(visible_rows(page)) == len(guatemala)
        page.select_option("#f-informante", value="")
        page.select_option("#f-marca", label="Vencido")
        overdue = [r for r in matrix if r["vencido"] == "true"]
        assert len(visible_rows(page)) == len(overdue) > 0
        page.select_option("#f-marca", value="")
        page.click("#matriz thead th:first-child button")
        ids = [r[0] for r in visible_rows(page)]
        assert ids == sorted(ids, key=str.casefold) or ids == sorted(ids)
        page.click("#inf-mexico a[data-informante]")
        assert {r[1] for r in visible_rows(page)} == {"México"}
    assert not seen.errors


def test_without_javascript_the_matrix_is_a_plain_table(out: Path) -> None:
    with opened(out / "tablero.html", javascript=False) as seen:
        assert len(visible_rows(seen.page)) == len(rows_of(out / "matriz.csv"))
        assert not seen.page.is_visible("#buscar")
        assert seen.page.is_visible("#inf-guatemala")


def test_the_public_page_holds_no_restricted_row_and_no_personal_data(out: Path) -> None:
    matrix = rows_of(out / "matriz.csv")
    restricted = [r["id"] for r in matrix if r["reservado"] == "true"]
    assert restricted  # the sample has some
    people = {v for r in rows_of(out / "envios.csv") for k, v in r.items()
              if k.startswith("contacto_") and v}
    assert people
    page = out / "tablero_publico.html"
    text = page.read_text(encoding="utf-8")
    assert not any(i in text for i in restricted)
    assert not any(p in text for p in people), [p for p in people if p in text]
    # a signature "Punto focal Costa Rica" blanked the country everywhere once
    reporters = text[text.index('id="informantes"'):text.index('id="semaforo"')]
    assert "Costa Rica" in reporters and "omitido" not in reporters
    trend = text[text.index('id="cifras"'):text.index('id="envios"')]
    assert "2026-T4" in trend  # this round's public figures
    with opened(page) as seen:
        assert len(visible_rows(seen.page)) == len(rows_of(out / "publico" / "matriz.csv"))
    assert not seen.errors


def test_markup_in_a_cell_is_shown_as_text(tmp_path: Path, make_workbook: MakeWorkbook,
                                          ) -> None:
    hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    folder = tmp_path / "round"
    make_workbook("Guatemala.xlsx", [["1", "Retorno", hostile, "i", "PPT </script>", "2027",
                                      "pendiente"]], folder=folder)
    run_consolidation(Options(input_dir=folder, out_dir=tmp_path / "out", as_of=AS_OF))
    with opened(tmp_path / "out" / "tablero.html") as seen:
        cells = [c for r in visible_rows(seen.page) for c in r]
        assert hostile in cells
        assert seen.page.eval_on_selector_all("#matriz img, #matriz tbody script",
                                              "nodes => nodes.length") == 0
    assert not seen.dialogs and not seen.errors
    assert seen.requests == [(tmp_path / "out" / "tablero.html").resolve().as_uri()]


def test_an_english_page_speaks_english(tmp_path: Path) -> None:
    run_consolidation(Options(input_dir=ROOT / "input_workbooks", out_dir=tmp_path, as_of=AS_OF,
                              lang="en"))
    text = (tmp_path / "tablero.html").read_text(encoding="utf-8")
    assert "<title>CRM follow-up — round 2026-T4 — as of 2026-11-30 — CRM Strategic Plan" in text
    for spanish in ("Envíos", "Informantes", "Matriz completa", "Buscar", "Vencidas y"):
        assert spanish not in text, spanish


def test_the_same_inputs_give_the_same_page(out: Path, tmp_path: Path) -> None:
    run_consolidation(Options(input_dir=ROOT / "input_workbooks", out_dir=tmp_path, as_of=AS_OF,
                              public=True))
    for name in ("tablero.html", "tablero_publico.html"):
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes(), name


def test_a_long_round_stays_one_page_of_the_first_rows_without_javascript(
        tmp_path: Path, make_workbook: MakeWorkbook) -> None:
    """Over 2,000 rows the page carries them all for its script, and a reader without
    JavaScript gets the first rows and where the rest are."""
    from pipeline.web.matrix import STATIC_OF_LARGE

    rows = [[str(n), "Retorno", f"Actividad {n}", "i", "PPT", "2027", "pendiente"]
            for n in range(2_100)]
    make_workbook("Guatemala.xlsx", rows, folder=tmp_path / "round")
    run_consolidation(Options(input_dir=tmp_path / "round", out_dir=tmp_path / "out",
                              as_of=AS_OF))
    page = tmp_path / "out" / "tablero.html"
    with opened(page, javascript=False) as seen:
        assert len(visible_rows(seen.page)) == STATIC_OF_LARGE
        assert "matriz.csv" in (seen.page.text_content("#matriz-completa") or "")
    with opened(page) as seen:
        assert "2100 de 2100" in (seen.page.text_content("#cuenta") or "")
        seen.page.fill("#buscar", "actividad 2099")
        seen.page.wait_for_timeout(400)
        assert [r[2] for r in visible_rows(seen.page)] == ["Actividad 2099"]
    assert not seen.errors


def test_every_anchor_is_one(tmp_path: Path, make_workbook: MakeWorkbook) -> None:
    row = [["1", "Retorno", "Actividad", "i", "PPT", "2027", "pendiente"]]
    for name in ("Zzyzx Desconocido.xlsx", "zzyzx-desconocido.xlsx"):
        make_workbook(name, row, folder=tmp_path / "round")
    run_consolidation(Options(input_dir=tmp_path / "round", out_dir=tmp_path / "out",
                              as_of=AS_OF))
    ids = re.findall(r'\sid="([^"]+)"', (tmp_path / "out" / "tablero.html").read_text("utf-8"))
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


@pytest.fixture(scope="module")
def observed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An observed round's outputs (tests/observed.py), with its public edition."""
    from tests.observed import write_observed_round

    base = tmp_path_factory.mktemp("observado")
    folder = base / "out"
    run_consolidation(Options(input_dir=write_observed_round(base / "round"), out_dir=folder,
                              as_of=AS_OF, public=True))
    return folder


def observation_rows(page: object) -> list[list[str]]:
    return page.eval_on_selector_all(  # type: ignore[attr-defined]
        "#observaciones tbody tr",
        "rows => rows.map(r => [...r.cells].map(c => c.textContent.trim()))")


def test_what_civil_society_observes_differing_views_first(observed: Path) -> None:
    page = observed / "tablero.html"
    with opened(page) as seen:
        section = seen.page.locator("#observaciones")
        assert section.is_visible()
        assert seen.page.is_visible("nav.toc a[href='#observaciones']")
        figures = section.locator(".figure b").all_text_contents()
        assert figures == ["4", "2", "1"]  # items observed, views that agree, that differ
        rows = observation_rows(seen.page)
        assert [r[0] for r in rows] == ["GT-2", "GT-1", "GT-3", "HN-1"]
        assert rows[0][3:5] == ["Finalizado", "≠ Pendiente"]  # official, then observed
        assert "RROCM" in rows[0] and "Local" in rows[0]
        assert any("No vimos los centros abiertos" in c for c in rows[0])
        # evidence: a link only when it is a web address
        links = section.locator("a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
        assert links == ["https://example.org/informe.pdf?a=1&b=2",
                         "https://example.org/reservado"]
        assert "javascript:alert(1)" in rows[0]
        assert "Informe de campo <b>2026</b>.docx" in rows[3]
        assert section.locator("td b").count() == 0
    assert not seen.errors and not seen.dialogs
    assert seen.requests == [page.resolve().as_uri()], seen.requests


def test_each_observed_item_shows_its_observed_status_in_the_matrix(observed: Path) -> None:
    for javascript in (True, False):
        with opened(observed / "tablero.html", javascript=javascript) as seen:
            rows = {r[0]: r for r in visible_rows(seen.page)}
        assert "Finalizado" in rows["GT-2"][5] and "≠ RROCM: Pendiente" in rows["GT-2"][5]
        assert "= RROCM: En proceso" in rows["GT-1"][5]
        assert "RROCM" not in rows["GT-4"][5]  # not observed
        assert "R-1" in rows and "GT-1" in rows  # the observer's own commitments stay
        assert not seen.errors


def test_an_observed_item_shows_its_view_wherever_the_page_shows_it(observed: Path) -> None:
    """The traffic light and the overdue and due-soon lists too."""
    with opened(observed / "tablero.html", javascript=False) as seen:
        grid = {r[0]: r for r in seen.page.eval_on_selector_all(
            "#semaforo tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))")}
        due = {r[[i for i, c in enumerate(r) if re.fullmatch(r"[A-Z]{2}-\d", c)][0]]: r
               for r in seen.page.eval_on_selector_all(
            "#vencidos tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))")}
    assert any("≠ RROCM: Pendiente" in c for c in grid["GT-2"])
    assert not any("RROCM" in c for c in grid["GT-4"])
    assert set(due) == {"GT-1", "HN-1"}  # due soon, overdue: the views count for nothing
    assert "= RROCM: En proceso" in due["GT-1"] and "? RROCM: Sin información" in due["HN-1"]


def test_the_public_page_shows_no_restricted_observation_nor_the_observer(observed: Path,
                                                                          ) -> None:
    from tests.observed import INSTITUTION, SIGNER

    text = (observed / "tablero_publico.html").read_text(encoding="utf-8")
    full = (observed / "tablero.html").read_text(encoding="utf-8")
    assert "Lo reservado que se observó" in full and SIGNER in full  # the check can see
    assert "Lo reservado que se observó" not in text and "GT-3" not in text
    assert not any(w in text for w in (*SIGNER.split(), INSTITUTION)), SIGNER
    with opened(observed / "tablero_publico.html") as seen:
        assert [r[0] for r in observation_rows(seen.page)] == ["GT-2", "GT-1", "HN-1"]
        figures = seen.page.locator("#observaciones .figure b").all_text_contents()
        assert figures == ["3", "1", "1"]
    assert not seen.errors


def test_a_round_nobody_observed_has_no_such_section(out: Path) -> None:
    for name in ("tablero.html", "tablero_publico.html"):
        text = (out / name).read_text(encoding="utf-8")
        assert 'id="observaciones"' not in text and "#observaciones" not in text


def test_markup_in_an_observation_is_shown_as_text(tmp_path: Path) -> None:
    import datetime as dt

    from tests.observed import TITLES, write_workbook

    hostile = "<img src=x onerror=alert(1)>"
    folder = tmp_path / "round"
    write_workbook(folder / "Guatemala.xlsx", TITLES, [
        ["GT-1", "Retorno", "Guatemala", dt.date(2026, 12, 31), "Pendiente", "No"]])
    write_workbook(folder / "RROCM.xlsx", TITLES[:5], [
        ["R-1", "Foro", "RROCM", dt.date(2027, 3, 31), "En proceso"]], extra={
            "Observaciones": [["ID", "Informante", "Estado observado", "Evidencia",
                               "Observación", "Ámbito"],
                              ["GT-1", "Guatemala", hostile, hostile, hostile, hostile]]})
    run_consolidation(Options(input_dir=folder, out_dir=tmp_path / "out", as_of=AS_OF))
    page = tmp_path / "out" / "tablero.html"
    for javascript in (True, False):
        with opened(page, javascript=javascript) as seen:
            for part in ("#observaciones", "#matriz", "#semaforo", "#vencidos"):
                assert hostile in (seen.page.text_content(part) or ""), part
            assert seen.page.eval_on_selector_all("main img", "nodes => nodes.length") == 0
        assert not seen.dialogs and not seen.errors


PRINTED_WIDTH = 710  # CSS pixels a Letter page holds across within the page's margins


def test_printed_the_status_grid_shows_every_reporter_within_the_page(out: Path) -> None:
    """Printed from the browser, the grid stopped after eight reporter columns: the rest
    fell off the page's right edge."""
    reporters = {r["informante"] for r in rows_of(out / "publico" / "matriz.csv")}
    assert len(reporters) > 8
    with opened(out / "tablero.html", width=PRINTED_WIDTH) as seen:
        seen.page.emulate_media(media="print")
        shown = seen.page.eval_on_selector_all(
            "#semaforo table", """tables => tables.filter(t => t.offsetParent !== null)
            .map(t => ({right: Math.max(...[...t.querySelectorAll('th,td')]
                          .map(c => c.getBoundingClientRect().right)),
                        heads: [...t.tHead.rows[0].cells].slice(2)
                          .map(c => c.textContent.trim())}))""")
        room = seen.page.evaluate("document.documentElement.clientWidth")
    assert shown
    for table in shown:
        assert table["right"] <= room, (table["right"], room)
    printed_heads = [h for table in shown for h in table["heads"]]
    assert len(printed_heads) == len(set(printed_heads)) == len(reporters)
    assert not seen.errors


def test_one_endless_word_does_not_widen_the_matrix(tmp_path: Path,
                                                    make_workbook: MakeWorkbook) -> None:
    """One word of 6,000 characters made the matrix 61,050 pixels wide."""
    word = "x" * 6_000
    make_workbook("Guatemala.xlsx", [["1", "Retorno", word, "i", "PPT", "2027", "pendiente"],
                                     ["2", "Retorno", "Otra", "i", "PPT", "2027", "pendiente"]],
                  folder=tmp_path / "round")
    run_consolidation(Options(input_dir=tmp_path / "round", out_dir=tmp_path / "out",
                              as_of=AS_OF))
    with opened(tmp_path / "out" / "tablero.html") as seen:
        widths = seen.page.evaluate("""() => ({
            page: document.documentElement.scrollWidth,
            room: document.documentElement.clientWidth,
            tables: [...document.querySelectorAll('table')]
              .map(t => t.getBoundingClientRect().width)})""")
        assert word in [c for r in visible_rows(seen.page) for c in r]  # all of it, wrapped
    assert max(widths["tables"]) <= widths["room"], widths
    assert widths["page"] <= widths["room"], widths


BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def test_a_right_to_left_override_in_a_file_name_reverses_nothing(
        tmp_path: Path, make_workbook: MakeWorkbook) -> None:
    """A file named "Informe \\u202eamaletauG.xlsx" showed its reporter as "Informe
    Guatemala" on the page, and its feedback file was named so too."""
    make_workbook("Informe \u202eamaletauG.xlsx",
                  [["1", "Retorno", "Actividad \u202edadivitca", "i", "PPT", "2027",
                    "pendiente"]], folder=tmp_path / "round")
    run_consolidation(Options(input_dir=tmp_path / "round", out_dir=tmp_path / "out",
                              as_of=AS_OF))
    with opened(tmp_path / "out" / "tablero.html") as seen:
        text = seen.page.evaluate("document.body.innerText")
        assert "amaletauG" in text  # the reporter, named as the file is
        assert not set(text) & set(BIDI), [c for c in text if c in BIDI]
    names = [p.name for p in (tmp_path / "out" / "retroalimentacion").iterdir()]
    assert names and not any(set(n) & set(BIDI) for n in names), names
    assert not seen.errors


def test_a_very_large_round_carries_its_data_compressed_and_reads_the_same(
        tmp_path: Path, make_workbook: MakeWorkbook, monkeypatch: pytest.MonkeyPatch) -> None:
    """Above PACK_ROWS rows the script's data goes as gzip in base64 (a million rows in a
    page within its bound): the browser unpacks it, and counts, searches, filters and
    sorts as on a page of plain data; a bidirectional control in a cell is dropped as
    everywhere else on the page."""
    import base64
    import gzip
    import json

    from pipeline.web import matrix

    rows = [[str(n), "Retorno", f"Actividad {n} \u202e", "i", "PPT" if n % 2 else "Guatemala",
             "2027", "pendiente" if n % 3 else "finalizado"] for n in range(300)]
    make_workbook("Guatemala.xlsx", rows, folder=tmp_path / "round")
    run_consolidation(Options(input_dir=tmp_path / "round", out_dir=tmp_path / "plain",
                              as_of=AS_OF))
    monkeypatch.setattr(matrix, "PACK_ROWS", 100)
    run_consolidation(Options(input_dir=tmp_path / "round", out_dir=tmp_path / "packed",
                              as_of=AS_OF))
    html = (tmp_path / "packed" / "tablero.html").read_text(encoding="utf-8")
    blob = re.search(r'<script type="application/octet-stream" id="datos-matriz" data-gzip>'
                     r"([A-Za-z0-9+/=]+)</script>", html)
    assert blob is not None and "application/json" not in html
    unpacked = json.loads(gzip.decompress(base64.b64decode(blob.group(1))))
    assert len(unpacked["rows"]) == 300
    assert "\u202e" not in json.dumps(unpacked, ensure_ascii=False)
    seen_rows = {}
    for name in ("plain", "packed"):
        with opened(tmp_path / name / "tablero.html") as seen:
            page = seen.page
            page.wait_for_function("document.querySelector('#cuenta').textContent.length > 0")
            counts = [page.text_content("#cuenta")]
            page.fill("#buscar", "actividad 299")
            page.wait_for_timeout(400)
            found = [r[2] for r in visible_rows(page)]
            page.fill("#buscar", "")
            page.select_option("#f-estado", label="Finalizado")
            page.wait_for_timeout(400)
            counts.append(page.text_content("#cuenta"))
            page.click("#matriz thead th:nth-child(3) button")
            page.wait_for_timeout(200)
            seen_rows[name] = (counts, found, [r[2] for r in visible_rows(page)][:5])
        assert not seen.errors, seen.errors
    assert seen_rows["packed"] == seen_rows["plain"]
    assert seen_rows["packed"][1] == ["Actividad 299"]
    assert "100 de 300" in str(seen_rows["packed"][0][1])
