"""The observations in a feedback workbook (issue 20, docs/contract.md §9): an observed
reporter reads each observer's view of its items beside the item and its official status,
the views that differ first; an observer reads every observation it sent, the ones that named no
known item first (what it must correct; the "Issues" sheet says so at their cells).

A sheet of their own rather than columns of the rows sheet: that sheet is wider than a
page and prints across several, while a view is read beside the item's activity and
official status, on one page."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import cast

from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook

from pipeline.model.labels import status_labels
from pipeline.model.run import RunResult
from pipeline.model.values import display_text, is_blank
from pipeline.words import known, plural, word
from pipeline.write.printing import Printing
from pipeline.write.side_sheets import Row, SideTable, add_side_sheet, column_styles
from pipeline.write.xlsx import Formats
from pipeline.write.xmlrows import style_attr

# Each sheet's columns and their widths in characters; the running texts wrap.
OBSERVED_COLUMNS = {"id": 11, "actividad": 28, "estado_oficial": 12, "estado_observado": 12,
                    "coincide": 11, "observacion": 36, "evidencia": 24, "ambito": 10,
                    "observador": 11}
OWN_COLUMNS = {"id": 10, "informante": 11, "actividad": 24, "estado_oficial": 12,
               "estado_observado": 12, "coincide": 11, "observacion": 32, "evidencia": 20,
               "hoja": 12, "fila": 7}
WRAPPED = {"actividad", "observacion", "evidencia", "informante", "coincide",
           "estado_oficial", "estado_observado"}
# Which come first: what the reader must act on (an item not found, a differing view);
# those cells coloured as the feedback's problems are (an error's, a warning's colour).
ORDER = {"sin_item": 0, "difiere": 1, "sin_comparar": 2, "coincide": 3}
MARKS = {"sin_item": "error", "difiere": "advertencia"}  # the feedback's marks (formats)


@dataclass(frozen=True)
class Views:
    """A round's observations, grouped once for every workbook: those of each reporter's
    items (found items only) and those each observer sent."""

    of_items: dict[str, list[dict[str, object]]]
    sent_by: dict[str, list[dict[str, object]]]

    @classmethod
    def of(cls, result: RunResult) -> Views:
        """Grouped in Python, once: a pandas frame per workbook cost more than its sheet."""
        table = result.tables.get("observaciones")
        if table is None or table.empty:
            return cls({}, {})
        of_items: dict[str, list[dict[str, object]]] = {}
        sent_by: dict[str, list[dict[str, object]]] = {}
        for view in cast(list[dict[str, object]], table.to_dict("records")):
            if bool(view["_conocido"]):
                of_items.setdefault(str(view["informante"]), []).append(view)
            sent_by.setdefault(str(view["observador"]), []).append(view)
        return cls(of_items, sent_by)


def observed_pointer(result: RunResult, informante: str, views: Views, lang: str) -> str:
    """The first sheet's pointer to the observations of the reporter's items ("" if none)."""
    mine = views.of_items.get(informante)
    if not mine:
        return ""
    return plural("feedback.observed_pointer", lang,
                  len({(v["informante"], v["id"]) for v in mine}),
                  observadores=_observers(result, mine, lang),
                  hoja=word("feedback.observed_sheet", lang))


def _observers(result: RunResult, views: list[dict[str, object]], lang: str) -> str:
    return ", ".join(result.ref.label("parte", str(o), lang)
                     for o in dict.fromkeys(v["observador"] for v in views))


def write_observations(workbook: Workbook, formats: Formats, printing: Printing,
                       result: RunResult, informante: str, views: Views,
                       severity_marks: Mapping[str, Format]) -> None:
    """The reporter's observation sheets, if anything was observed of it or by it; the
    cells to act on coloured with the feedback's `severity_marks`."""
    labels = status_labels(result.ref, printing.lang)
    marks = {k: style_attr(severity_marks[v]) for k, v in MARKS.items()}
    mine = views.of_items.get(informante)
    if mine:
        observers = _observers(result, mine, printing.lang)
        _write_sheet(workbook, formats, printing, "observed", mine, OBSERVED_COLUMNS,
                     labels, marks, word("feedback.observed_note", printing.lang,
                                  observadores=observers), hide_restricted=False)
    sent = views.sent_by.get(informante)
    if sent:
        _write_sheet(workbook, formats, printing, "own", sent, OWN_COLUMNS, labels, marks,
                     word("feedback.own_note", printing.lang,
                          problemas=word("sheet.problemas", printing.lang)),
                     hide_restricted=True)


def _write_sheet(workbook: Workbook, formats: Formats, printing: Printing, kind: str,
                 views: list[dict[str, object]], columns: dict[str, int],
                 labels: dict[str, str], marks: dict[str, str],
                 note: str, *, hide_restricted: bool) -> None:
    lang = printing.lang
    heads = [word(f"column.{'fila_original' if k == 'fila' else k}", lang) for k in columns]
    rows = sorted((_cells(view, columns, labels, lang, hide_restricted) for view in views),
                  key=lambda r: (ORDER[r[0]], str(r[1]["id"]), str(r[1]["observador"])))
    styles = column_styles(formats, columns, WRAPPED)
    agreement = list(columns).index("coincide")

    def row_of(order: str, shown: dict[str, object]) -> Row:
        attrs = [*styles]
        attrs[agreement] = marks.get(order, styles[agreement])
        return attrs, [shown[k] for k in columns]

    table = SideTable(word(f"feedback.{kind}_sheet", lang), word(f"feedback.{kind}_title", lang),
                      note, columns, heads, WRAPPED)
    add_side_sheet(workbook, formats, printing, table, (row_of(*row) for row in rows))


def _cells(view: dict[str, object], columns: Iterable[str], labels: dict[str, str], lang: str,
           hide_restricted: bool) -> tuple[str, dict[str, object]]:
    """How an observation sorts (ORDER), and its cells in words: statuses, agreement and
    level in `lang`. An observer is not shown a restricted item's activity nor its official
    status (nor, so, whether its view agrees with it): its own words only."""
    agrees = view["coincide"]
    order = ("sin_item" if not view["_conocido"] else "sin_comparar" if is_blank(agrees)
             else "coincide" if bool(agrees) else "difiere")
    official = display_text(view["estado_oficial"])
    shown = labels.get(official, official)
    hidden = hide_restricted and view["_reservado"] and view["_conocido"]
    if hidden:
        shown, order = word("feedback.restricted", lang), "sin_comparar"
    level = display_text(view["ambito"])
    observed = display_text(view["estado_observado"])
    cells: dict[str, object] = {
        "estado_oficial": shown, "estado_observado": labels.get(observed, observed),
        "coincide": word(f"feedback.agreement_{order}", lang),
        "ambito": word(f"level.{level}", lang) if known(f"level.{level}") else level,
        "fila": int(str(view["fila"]))}
    if hidden:  # (nor its activity)
        cells["actividad"] = word("feedback.restricted", lang)
    for key in (*columns, "id", "observador"):  # the rest as they are
        if key not in cells:
            cells[key] = display_text(view[key])
    return order, cells
