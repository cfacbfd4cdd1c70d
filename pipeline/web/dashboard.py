"""What the round's page says (`tablero.html`): the headline figures and their trend,
the submissions and each reporter's line (reachable by a link), the status grid as a
traffic light that also reads in grey, the overdue and due-soon items of each
responsible party, the changes since the previous round, what civil society observes
(pipeline.web.observed: absent when nobody observed; each observed item's view also beside
its status in the matrix), and the whole matrix as a table a reader can search, filter and
sort (with JavaScript; without it, a plain table).
Built only from the RunResult it is given: the public edition's for the public page.
No contact column is ever shown."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd
from markupsafe import Markup

from pipeline.analyse.overdue import build_reminders, in_words
from pipeline.model.labels import headline, status_labels, title
from pipeline.model.run import RunResult
from pipeline.model.values import iso_day
from pipeline.normalize.matching import Matcher
from pipeline.web import charts
from pipeline.web.indicators import indicator_section
from pipeline.web.observed import Beside, observed_beside, observed_section
from pipeline.web.render import page_size, render
from pipeline.web.tables import table
from pipeline.words import plural, word
from pipeline.write.consolidated import change_labels
from pipeline.write.summary import HEADLINES

PARTY_COLUMNS = ("situacion", "dias_vencido", "fecha_limite", "estado", "id", "actividad",
                 "informante", "parte_escrita", "sugerencia")
PAGE_ROWS = 200  # matrix rows on a page of the table
STATIC_ROWS = 2_000  # rows written as HTML for a reader without JavaScript
GRID_ITEMS, GRID_REPORTERS = 300, 40  # the traffic light's bounds (the workbook has all)
PARTY_ITEMS = 50  # items listed per responsible party
CHANGES = 500
FLAGS = (("vencido", 1), ("por_vencer", 2), ("sin_responsable", 4), ("plazo_impreciso", 8),
         ("sin_indicador", 16))
SUBMISSION_COLUMNS = ("informante", "archivo", "estado", "fecha_envio", "a_tiempo", "filas",
                      "errores", "advertencias")
T = TypeVar("T")
REPORTER_COUNTS = ("finalizado", "en_proceso", "pendiente", "no_alcanzado", "total", "vencidos")
# Where a large round's packed data goes in the page: markup no text of a round can make
# (every text is escaped), and the last such mark (only the page's own script follows).
PACKED_HERE = Markup("<!--datos-matriz-->")


def write_dashboard(result: RunResult, path: Path, public: bool = False) -> None:
    """The page, its packed data (a large round's) written into its place a piece at a
    time: the page made whole around a million rows' data held it four times over (the
    escaped copy, the page, its bytes), 60 MB more in the page's process."""
    page, packed = _page(result, public)
    head, _, tail = page.rpartition(PACKED_HERE) if packed else ("", "", page)
    with path.open("w", encoding="utf-8") as out:
        out.write(head)
        for piece in packed:
            out.write(piece)
        out.write(tail)


def _page(result: RunResult, public: bool) -> tuple[str, list[str]]:
    """The page, with `PACKED_HERE` where its packed data goes, and that data's pieces
    (none for a round whose data is in the page)."""
    lang, ref = result.lang, result.ref
    labels = status_labels(ref, lang)
    plan = ref.label("plan", ref.plan_nombre, lang)
    heading = word("web.title", lang, ronda=result.ronda, as_of=iso_day(result.as_of),
                   plan=plan, **ref.red.placeholders(lang))
    figures = result.figures()
    trend = result.summary.get("tendencia", pd.DataFrame())
    beside = observed_beside(result, labels)  # (the matrix's lines and the section's)
    matrix = _matrix(result, labels, beside)
    packed = matrix["packed"]  # (base64: no character the page would escape or drop)
    matrix["packed"] = PACKED_HERE if packed else ""
    series = [k for k in ("actividades", "finalizado", "en_proceso", "vencidos")
              if k in trend.columns]
    return render(
        "tablero.html", lang=lang, paper=page_size(ref.papel), heading=heading,
        subtitle=word("web.public" if public else "web.subtitle", lang),
        words={**_words(lang), "group": labels.get("grupo_trabajo") or word("web.group", lang)},
        figures=[(figures[k], headline(k, lang, ref)) for k in HEADLINES if k in figures
                 and figures[k] is not None],
        trend=charts.trend(trend, series, {k: headline(k, lang, ref) for k in series},
                           word("web.trend", lang)),
        trend_table=table(_trend(trend), [title("ronda", lang), title("fecha_corte", lang),
                                          *(headline(k, lang, ref) for k in HEADLINES
                                            if k in trend.columns)]),
        by_group=charts.stacked_bars(_labelled(result, "por_grupo"), labels,
                                     word("block.por_grupo", lang,
                                          **ref.red.placeholders(lang))),
        pillars=bool(ref.pilares),
        by_pillar=charts.stacked_bars(_labelled(result, "por_pilar"), labels,
                                      word("block.por_pilar", lang)),
        submissions=_submissions(result), reporters=_reporters(result, labels),
        grid=_grid(result, labels, beside), parties=_parties(result, beside),
        changes=_changes(result, labels), matrix=matrix,
        observed=observed_section(result, labels),
        indicators=indicator_section(result.tables.get("indicadores"),
                                     result.tables.get("indicadores_rondas"), result.ronda,
                                     result.as_of, ref, lang),
        codes={name: i for i, name in enumerate(matrix["reporters"])},
        generated=word("web.generated", lang),
        reporter_heads=[labels[k] for k in REPORTER_COUNTS]), packed


def _words(lang: str) -> dict[str, str]:
    keys = ("figures", "trend", "submissions", "reporters", "grid", "overdue", "changes",
            "matrix", "search", "all", "reporter", "group", "pillar", "status", "flag",
            "count", "page", "previous", "next", "rows_of", "see_rows", "too_many",
            "grid_cut", "no_changes", "none_overdue", "more", "first_round", "contents",
            "activity", "observed", "observed_intro", "observed_more")
    return {k: word(f"web.{k}", lang) for k in keys}


def _trend(trend: pd.DataFrame) -> pd.DataFrame:
    columns = ["ronda", "fecha_corte", *(k for k in HEADLINES if k in trend.columns)]
    return trend.reindex(columns=columns).astype(object).fillna("")


def _labelled(result: RunResult, key: str) -> pd.DataFrame:
    frame = result.summary.get(key, pd.DataFrame()).copy()
    if not frame.empty:
        kind = "pilar" if key == "por_pilar" else "parte"
        frame.iloc[:, 0] = frame.iloc[:, 0].map(
            lambda v: result.ref.label(kind, str(v), result.lang))
    return frame


def slug(text: str) -> str:
    """An anchor's name from a reporter's name (its own link: #inf-guatemala)."""
    from pipeline.model.text import fold

    return "inf-" + (re.sub(r"\s+", "-", fold(text)) or "x")


def _submissions(result: RunResult) -> object:
    lang = result.lang
    frame = result.tables["envios"].reindex(columns=list(SUBMISSION_COLUMNS)).copy()
    frame["informante"] = frame["informante"].map(
        lambda v: result.ref.label("parte", str(v), lang) if v else "")
    frame["a_tiempo"] = frame["a_tiempo"].map(
        lambda v: "" if v is None or v != v else word("yes" if v else "no", lang))
    return table(frame, [title(c, lang) for c in SUBMISSION_COLUMNS])


def _reporters(result: RunResult, labels: dict[str, str]) -> list[dict[str, object]]:
    """Each reporter's line: its anchor, its items by status, overdue, and its files."""
    lang, ref = result.lang, result.ref
    by = result.summary.get("por_informante", pd.DataFrame())
    sent = result.tables["envios"].groupby("informante")["estado"].agg(
        lambda s: ", ".join(dict.fromkeys(map(str, s)))).to_dict()
    counted = by.drop_duplicates("informante").set_index("informante").to_dict("index") \
        if "informante" in by else {}
    names = list(dict.fromkeys([*counted, *result.expected, *sent]))
    lines, taken = [], set()
    for name in sorted(str(n) for n in names if n):
        row = counted.get(name, {})
        counts = {k: int(row.get(k, 0) or 0) for k in REPORTER_COUNTS}
        anchor, n = slug(name), 2
        while anchor in taken:  # "Zzyzx Desconocido" and "zzyzx-desconocido": two lines
            anchor, n = f"{slug(name)}-{n}", n + 1
        taken.add(anchor)
        lines.append({"name": name, "label": ref.label("parte", name, lang), "id": anchor,
                      "sent": sent.get(name, word("web.not_sent", lang)), **counts})
    return lines


def _grid(result: RunResult, labels: dict[str, str], beside: Beside) -> dict[str, object]:
    long = result.summary.get("cuadricula", pd.DataFrame(columns=["id", "actividad",
                                                                  "informante", "estado"]))
    # Only the statuses shown are looked up: a million rows' cells made into a table of
    # pairs took the page's process 40 MB higher, for 300 items of 40 reporters.
    ids, named = long["id"].tolist(), long["informante"].tolist()  # (lists: a column's
    seen = _first_distinct(named, GRID_REPORTERS + 1)  # cells, one by one, cost more;
    reporters = seen[:GRID_REPORTERS]  # one more than shown: whether the grid is cut)
    items = _first_distinct(zip(ids, long["actividad"].tolist(), strict=True), GRID_ITEMS)
    shown = long["id"].isin([i for i, _ in items]) & long["informante"].isin(reporters)
    status = dict(zip(zip(long["id"][shown], long["informante"][shown], strict=True),
                      long["estado"][shown], strict=True))
    rows = [(i, a, [(status.get((i, r), ""), labels.get(status.get((i, r), ""), ""),
                     beside.get((str(r), str(i)))) for r in reporters]) for i, a in items]
    cut = len(seen) > GRID_REPORTERS or len(_first_distinct(ids, GRID_ITEMS + 1)) > GRID_ITEMS
    return {"reporters": [result.ref.label("parte", r, result.lang) for r in reporters],
            "rows": rows, "cut": cut}


def _first_distinct(values: Iterable[T], count: int) -> list[T]:
    """The first `count` distinct values, in order (as `dict.fromkeys`, without going on
    once they are found)."""
    seen: dict[T, None] = {}
    for value in values:
        seen.setdefault(value)
        if len(seen) == count:
            break
    return list(seen)


def _parties(result: RunResult, beside: Beside) -> list[dict[str, object]]:
    """Each responsible party's overdue and due-soon items, most overdue first; the items
    of names that are no known party last, with the party they probably meant; an observed
    item's view beside its status."""
    lang, ref = result.lang, result.ref
    reminders = build_reminders(result.matrix, result.as_of, Matcher(ref))
    groups = sorted(reminders.by_party.items(),
                    key=lambda p: (-int(p[1]["situacion"].eq("vencido").sum()), p[0]))
    named = [(ref.label("parte", party, lang), items) for party, items in groups]
    if len(reminders.unidentified):
        named.append((word("web.unidentified", lang), reminders.unidentified))
    parties = []
    for name, items in named:
        shown = in_words(items.head(PARTY_ITEMS), lang, ref)
        rows = shown[[c for c in PARTY_COLUMNS if c in shown]].assign(
            dias_vencido=shown["dias_vencido"].map(lambda d: "" if pd.isna(d) else int(d)),
            fecha_limite=shown["fecha_limite"].map(iso_day))
        if beside:
            views = [beside.get((str(r), str(i))) for r, i in zip(
                items["informante"].head(PARTY_ITEMS), items["id"].head(PARTY_ITEMS),
                strict=True)]
            at = list(rows.columns).index("estado") + 1 if "estado" in rows else len(rows.columns)
            rows.insert(at, "estado_observado", [v[1] if v else "" for v in views])
        overdue = int(items["situacion"].eq("vencido").sum())
        parties.append({
            "name": name,
            "summary": word("web.party_line", lang,
                            overdue=plural("n.overdue", lang, overdue),
                            soon=len(items) - overdue),
            "table": table(rows, [title(c, lang) for c in rows.columns]),
            "more": len(items) - len(shown)})
    return parties


def _changes(result: RunResult, labels: dict[str, str]) -> object:
    lang = result.lang
    frame = result.tables.get("cambios", pd.DataFrame())
    if frame.empty:
        return None
    shown = change_labels(frame.head(CHANGES), labels, result.ref, lang)
    shown = shown[[c for c in shown.columns if not str(c).startswith("_")]]
    return table(shown, [title(c, lang) for c in shown.columns])


def _matrix(result: RunResult, labels: dict[str, str], beside: Beside) -> dict[str, Any]:
    """The matrix as the page's script reads it: repeated texts (reporters, groups,
    pillars, statuses) once in lists, each row their positions; flags as bits."""
    from pipeline.web.matrix import matrix_data

    return matrix_data(result, labels, beside, FLAGS, PAGE_ROWS, STATIC_ROWS)
