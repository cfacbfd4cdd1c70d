"""Observations (the observer's voice): an observer's view of another reporter's item,
beside the item's official status, never counted as a commitment.

Two ways in: the rows of an observations sheet (the observer's template, or a hand-made
sheet whose titles say so), and the rows of an observer's matrix that name another
reporter's item (by its id, or by the same activity text) and in which the observer is not
a responsible party, in the item or in its own row (that would be its own report of a joint
agreement). Each observation
is resolved to its item (this round's row of that reporter, else the last stored round's),
its observed status matched, and compared with the official one. Frames in, frames and
issues out.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import cast

import pandas as pd

from pipeline.analyse.item_index import ItemIndex, id_key, id_prefix
from pipeline.analyse.keys import parties_in_both, reporter_code
from pipeline.model.run import counted
from pipeline.model.sides import OBSERVATIONS
from pipeline.model.text import fold
from pipeline.model.values import flag, row_dicts, text_columns
from pipeline.normalize.deadlines import files_month_first, parse_when
from pipeline.normalize.matching import Matcher
from pipeline.reference.data import Reference
from validation import Issue, make_issue
from validation.issues import Param, Place, first_row

COLUMNS = ("id", "informante", "actividad", "responsable", "estado_oficial",
           "estado_observado", "coincide", "evidencia", "observacion", "ambito",
           "fecha_observacion", "observador", "archivo", "hoja", "fila")
NO_INFORMATION = "sin_informacion"
# (as folded: "S/I" is "s i"; a bare "Sí" is yes, not "S/I": not recognized, told)
_NO_INFORMATION = {fold(t) for t in (
    "sin información", "no information", "sin datos", "no data", "n/d", "nd", "s/i",
    "sin info", "no info", "desconocido", "unknown", "no evidence", "sin evidencia",
    "no se sabe")}
LEVELS = {"local": "local", "municipal": "local", "comunitario": "local",
          "community": "local", "nacional": "nacional", "national": "nacional",
          "pais": "nacional", "regional": "regional", "region": "regional"}
# The matrix columns an observer's matrix row says its view in (for its issues' cells).
_FROM_MATRIX = {"estado_observado": "estado", "observacion": "observaciones"}
CellMap = Mapping[tuple[str, str], Mapping[str, tuple[str, str]]]


def items_of_others(frame: pd.DataFrame, before: pd.DataFrame, ref: Reference) -> pd.DataFrame:
    """The items an observation may name: this round's rows of reporters who do not
    observe, then the last stored round's of the items not reported again. Columns:
    informante, id, actividad, responsable, plazo, estado, avance, reservado (looked up
    through an `ItemIndex`)."""
    observers = set(ref.observadores)
    now = frame.rename(columns={"_informante": "informante"})
    now = now[~now["informante"].isin(observers)]
    columns = ["informante", "id", "actividad", "responsable", "plazo", "estado", "avance",
               "reservado"]
    parts = [now.reindex(columns=columns)]
    if not before.empty:
        old = before[~before["informante"].isin(observers)].reindex(columns=columns)
        reported = set(zip(now["informante"].tolist(), now["id"].tolist(), strict=True))
        keep = [(i, d) not in reported for i, d in zip(old["informante"].tolist(),
                                                         old["id"].tolist(), strict=True)]
        parts.append(old[keep])
    items = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    items = items.reset_index(drop=True)
    items["reservado"] = items["reservado"].fillna(False).astype(bool)
    for column in ("informante", "id", "actividad", "responsable", "plazo", "estado"):
        items[column] = items[column].fillna("").astype(str)
    return items


def split_observer_rows(frame: pd.DataFrame, index: ItemIndex, ref: Reference,
                        before: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """An observer's matrix rows that name another reporter's item leave the matrix as
    observations (in the shape of an observations sheet's rows); the rest stay. A row
    that is the observer's own stored item (its id or its text in `before`) stays; a
    number alone ("1", "2": many files number their rows) names another's item only with
    the same activity text, and a row with an id of its own is not matched by its text.
    An id typed in another case or spacing is the item's; an unknown id with another
    reporter's prefix (GTM-…) names no item of the observer's either: it leaves too, to be
    told at its cell as an observation of no known item."""
    observers = set(ref.observadores)
    mine = frame["_informante"].isin(observers)
    items = index.items
    if not mine.any() or items.empty:
        return frame, _side_frame([])
    own = (before[before["informante"].isin(observers)] if before is not None
           and not before.empty else pd.DataFrame(columns=["id", "actividad"]))
    own_ids = {id_key(i) for i in own["id"].astype(str)}
    own_texts = {fold(t) for t in own["actividad"].astype(str)}
    taken: list[int] = []
    records: list[dict[str, object]] = []
    for at, row in frame[mine].iterrows():
        written = bool(row["id"]) and not row.get("_id_generado", False)
        ident, text = (str(row["id"]).strip() if written else ""), fold(row["actividad"])
        if (ident and id_key(ident) in own_ids) or (text and text in own_texts):
            continue  # the observer's own item, reported again
        found = next(iter(index.with_id(ident)), None)
        if found is not None and ident.isdigit() and text and index.keys[found] != text:
            found = None  # a row number, not another's item
        if found is None and text and not ident:  # (a row's own id names its own item)
            found = next(iter(index.by_text(text)), None)
        parties = set(str(row["responsable"]).split("; "))
        if found is None:
            if not ident or prefix_owner(ident, ref) in (None, *observers):
                continue  # the observer's own item
            item: dict[str, object] = {"id": ident, "informante": ""}  # told: no item
        else:
            item = cast(dict[str, object], items.iloc[found].to_dict())
            parties |= set(str(item["responsable"]).split("; "))
        if str(row["_informante"]) in parties:
            continue  # a joint agreement: the observer reports its own part of it
        taken.append(int(cast(int, at)))
        records.append({
            "id": item["id"], "informante": item["informante"], "actividad": row["actividad"],
            "estado_observado": row.get("_raw_estado", row["estado"]),
            "observacion": row["observaciones"],
            "evidencia": _extra(row, ("extra_evidencia", "extra_evidence",
                                      "extra_medio_de_verificacion")),
            "ambito": _extra(row, ("extra_ambito", "extra_nivel", "extra_level")),
            "fecha_observacion": _extra(row, ("extra_fecha_de_la_observacion",
                                              "extra_fecha", "extra_date")),
            "_archivo": row["_archivo"], "_hoja": row["_hoja"], "_fila": row["_fila"],
            "_informante": row["_informante"], "_ronda": row["_ronda"], "_matriz": True})
    return frame.drop(index=taken), _side_frame(records)


def prefix_owner(ident: str, ref: Reference) -> str | None:
    """The reporter whose code `ident` begins with (GTM-… is Guatemala's), or None."""
    return _owners(ref).get(id_prefix(ident))


@functools.lru_cache(maxsize=8)
def _owners(ref: Reference) -> dict[str, str]:
    return {reporter_code(p.nombre, ref).upper(): p.nombre for p in ref.informantes}


def _extra(row: pd.Series, names: tuple[str, ...]) -> object:
    return next((row[n] for n in names if n in row.index and row[n]), "")


def _side_frame(records: list[dict[str, object]]) -> pd.DataFrame:
    return pd.DataFrame.from_records(records, columns=[
        *OBSERVATIONS.keys, "_archivo", "_hoja", "_fila", "_informante", "_ronda", "_matriz"])


def build_observations(rows: pd.DataFrame, index: ItemIndex, matcher: Matcher,
                       cells: CellMap) -> tuple[pd.DataFrame, list[Issue]]:
    """Every observation that says something, resolved to its item and compared with the
    official status; an observation whose item is not found is told at its cell (and kept:
    nothing is lost). Only an observer observes: another reporter's observations sheet is
    left out, told at the sheet. One view of an item per observer counts, its first: a
    later one is told at its cell and left out, as a repeated indicator is."""
    ref = matcher.ref
    issues: list[Issue] = []
    records: list[dict[str, object]] = []
    items = index.items
    # Each found item's fields by position: a row of the frame per observation cost more
    # than the rest of the work.
    fields = {k: items[k].tolist() for k in ("id", "informante", "actividad", "responsable",
                                              "estado", "reservado") if k in items}
    statuses = {s.clave for s in ref.estados}
    keys = OBSERVATIONS.keys
    texts = text_columns(rows, keys)  # (each distinct cell read once)
    mdy = files_month_first(rows, texts, ("fecha_observacion",))
    seen: dict[tuple[object, str], Place] = {}  # each observer's first row of an item
    ignored: dict[tuple[str, str], str] = {}  # the sheets of reporters who do not observe
    for n, row in enumerate(row_dicts(rows)):
        text = {k: texts[k][n] for k in keys}
        if not any(text[k] for k in OBSERVATIONS.content):
            continue  # a prefilled row the observer left blank
        observer = str(row["_informante"])
        if observer not in ref.observadores:
            ignored.setdefault((str(row["_archivo"]), str(row["_hoja"])), observer)
            continue
        at = _Place(row, cells)
        reporter = ref.reporter_named(text["informante"]) if text["informante"] else None
        found = index.find(text, reporter)
        if found is None and not items.empty:  # (with no item known, nothing to tell)
            issues.append(_not_found(at, text, index, ref, observer, reporter))
        fila = int(str(row["_fila"]))
        here = (str(row["_archivo"]), str(row["_hoja"]), fila)
        if found is not None and seen.setdefault((found, observer), here) != here:
            issues.append(at.issue("observacion-repetida", "id" if text["id"] else "actividad",
                                   text["id"] or text["actividad"],
                                   **first_row(seen[(found, observer)], here)))
            continue
        item = {k: v[found] for k, v in fields.items()} if found is not None else None
        observed = _observed_status(text["estado_observado"], matcher)
        recognised = observed is not None
        if observed is None:
            issues.append(at.issue("estado-observado-desconocido", "estado_observado",
                                   text["estado_observado"],
                                   sugerencia=matcher.status(text["estado_observado"]).suggestion))
            observed = text["estado_observado"]
        ambito = LEVELS.get(fold(text["ambito"]), text["ambito"])
        if text["ambito"] and fold(text["ambito"]) not in LEVELS:
            issues.append(at.issue("ambito-desconocido", "ambito", text["ambito"]))
        official = str(item["estado"]) if item is not None else ""
        day = parse_when(row.get("fecha_observacion"), row["_archivo"] in mdy)
        if day is None and text["fecha_observacion"]:
            issues.append(at.issue("observacion-fecha-ilegible", "fecha_observacion",
                                   text["fecha_observacion"]))
        records.append({
            "id": item["id"] if item is not None else text["id"],
            "informante": item["informante"] if item is not None else text["informante"],
            "actividad": item["actividad"] if item is not None else text["actividad"],
            "responsable": item["responsable"] if item is not None else text["responsable"],
            "estado_oficial": official,
            "estado_observado": observed,
            # (a view, or an official status, in words the product does not know is
            # compared with nothing)
            "coincide": (None if not observed or observed == NO_INFORMATION
                         or official not in statuses or not recognised
                         else observed == official),
            "evidencia": text["evidencia"], "observacion": text["observacion"],
            "ambito": ambito,
            "fecha_observacion": day.isoformat() if day else "",
            "observador": observer, "archivo": row["_archivo"],
            "hoja": row["_hoja"], "fila": fila,
            "_reservado": bool(item["reservado"]) if item is not None else False,
            "_conocido": item is not None,
        })
    issues += [make_issue("observaciones-sin-observador", archivo=archivo, hoja=hoja,
                          valor=who, informante=who,
                          observadores=", ".join(ref.observadores) or "—")
               for (archivo, hoja), who in ignored.items()]
    table = pd.DataFrame.from_records(records, columns=[*COLUMNS, "_reservado", "_conocido"])
    table = table.assign(_orden=~table["_conocido"].astype(bool)).sort_values(
        ["_orden", "informante", "id", "observador", "archivo", "fila"], kind="stable")
    table = table.drop(columns="_orden").reset_index(drop=True)
    return table, issues


def _not_found(at: _Place, text: dict[str, str], index: ItemIndex, ref: Reference,
               observer: str, reporter: str | None) -> Issue:
    """What to tell of an observation that names no item: that it is the observer's own
    (reported in its matrix, not observed), that its id is another reporter's than the
    one it names, or which id was meant (never a restricted item's)."""
    ident = text["id"]
    if not ident:
        return at.issue("observacion-sin-item", "actividad", text["actividad"])
    if prefix_owner(ident, ref) == observer:
        return at.issue("observacion-item-propio", "id", ident)
    owners = dict.fromkeys(index.reporters[n] for n in index.with_id(ident))
    if owners and reporter is not None:
        return at.issue("observacion-otro-informante", "id", ident,
                        dueno=parties_in_both(ref, "; ".join(owners), ", "),
                        informante=parties_in_both(ref, reporter))
    return at.issue("observacion-sin-item", "id", ident, sugerencia=index.nearest(ident))


def _observed_status(text: str, matcher: Matcher) -> str | None:
    """A status key, NO_INFORMATION, "" when blank, or None when not recognized."""
    if not text:
        return ""
    if fold(text) in _NO_INFORMATION:
        return NO_INFORMATION
    return matcher.status(text).value


class _Place:
    """Where an observation was written, for its issues: the sheet's cell of a key."""

    def __init__(self, row: Mapping[str, object], cells: CellMap) -> None:
        self.row = row
        self.cells = cells.get((str(row["_archivo"]), str(row["_hoja"])), {})
        self.in_matrix = flag(row.get("_matriz"))  # (NaN: a sheet's row, joined with them)

    def issue(self, code: str, key: str, valor: str, sugerencia: str = "",
              **params: Param) -> Issue:
        if self.in_matrix:
            key = _FROM_MATRIX.get(key, key)
        letter, title = self.cells.get(key, ("", ""))
        fila = int(str(self.row["_fila"]))
        return make_issue(code, archivo=str(self.row["_archivo"]), hoja=str(self.row["_hoja"]),
                          fila=fila, columna=title, celda=f"{letter}{fila}" if letter else "",
                          valor=valor, sugerencia=sugerencia, **params)


View = dict[str, object]


def views_by_item(table: pd.DataFrame) -> dict[tuple[str, str], list[View]]:
    """Each observed item's views (observations of found items), in the table's order: one
    pass in Python (a pandas group per item costs a thousand times more)."""
    if table is None or table.empty:
        return {}
    known = counted(table)
    found: dict[tuple[str, str], list[View]] = {}
    columns = ["informante", "id", "observador", "estado_observado", "observacion",
               "coincide"]
    for record in zip(*(known[c].tolist() for c in columns), strict=True):
        view = dict(zip(columns, record, strict=True))
        found.setdefault((str(view["informante"]), str(view["id"])), []).append(view)
    return found


def observed_beside(table: pd.DataFrame) -> pd.DataFrame:
    """Per observed item, its observations in one line each: (informante, id) ->
    estado_observado (the views, "; "-joined) and observacion ("observer: text")."""
    rows = [{"informante": informante, "id": ident,
             "estado_observado": "; ".join(dict.fromkeys(
                 str(v["estado_observado"]) for v in views if v["estado_observado"])),
             "observacion_observador": "\n".join(
                 f"{v['observador']}: {v['observacion']}" for v in views
                 if v["observacion"])}
            for (informante, ident), views in sorted(views_by_item(table).items())]
    return pd.DataFrame(rows, columns=["informante", "id", "estado_observado",
                                       "observacion_observador"])
