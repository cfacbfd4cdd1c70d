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

import difflib
import functools
from collections.abc import Mapping
from typing import cast

import pandas as pd

from pipeline.model.sides import OBSERVATIONS
from pipeline.model.text import fold, fold_clean
from pipeline.model.values import row_dicts, text_columns
from pipeline.normalize.deadlines import parse_day
from pipeline.normalize.matching import Matcher
from pipeline.reference.data import Reference
from validation import Issue, make_issue

COLUMNS = ("id", "informante", "actividad", "responsable", "estado_oficial",
           "estado_observado", "coincide", "evidencia", "observacion", "ambito",
           "fecha_observacion", "observador", "archivo", "hoja", "fila")
NO_INFORMATION = "sin_informacion"
_NO_INFORMATION = {"sin informacion", "no information", "sin datos", "no data", "n/d", "nd",
                   "s/i", "si", "sin info", "no info", "desconocido", "unknown", "no evidence",
                   "sin evidencia", "no se sabe"}
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
        reported = set(zip(now["informante"], now["id"], strict=True))
        keep = [(i, d) not in reported for i, d in zip(old["informante"], old["id"],
                                                         strict=True)]
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
    the same activity text, and a row with an id of its own is not matched by its text."""
    observers = set(ref.observadores)
    mine = frame["_informante"].isin(observers)
    items = index.items
    if not mine.any() or items.empty:
        return frame, _side_frame([])
    own = (before[before["informante"].isin(observers)] if before is not None
           and not before.empty else pd.DataFrame(columns=["id", "actividad"]))
    own_ids = set(own["id"].astype(str))
    own_texts = {fold(t) for t in own["actividad"].astype(str)}
    taken: list[int] = []
    records: list[dict[str, object]] = []
    for at, row in frame[mine].iterrows():
        written = bool(row["id"]) and not row.get("_id_generado", False)
        ident, text = (str(row["id"]) if written else ""), fold(row["actividad"])
        if (ident and ident in own_ids) or (text and text in own_texts):
            continue  # the observer's own item, reported again
        found = next(iter(index.by_id.get(ident, [])), None) if ident else None
        if found is not None and ident.isdigit() and text and index.keys[found] != text:
            found = None  # a row number, not another's item
        if found is None and text and not ident:  # (a row's own id names its own item)
            found = next(iter(index.by_text(text)), None)
        if found is None:
            continue
        item = items.iloc[found]
        parties = {*str(item["responsable"]).split("; "), *str(row["responsable"]).split("; ")}
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


def _extra(row: pd.Series, names: tuple[str, ...]) -> object:
    return next((row[n] for n in names if n in row.index and row[n]), "")


def _side_frame(records: list[dict[str, object]]) -> pd.DataFrame:
    return pd.DataFrame.from_records(records, columns=[
        *OBSERVATIONS.keys, "_archivo", "_hoja", "_fila", "_informante", "_ronda", "_matriz"])


def build_observations(rows: pd.DataFrame, index: ItemIndex, matcher: Matcher,
                       cells: CellMap) -> tuple[pd.DataFrame, list[Issue]]:
    """Every observation that says something, resolved to its item and compared with the
    official status; an observation whose item is not found is told at its cell (and kept:
    nothing is lost)."""
    issues: list[Issue] = []
    records: list[dict[str, object]] = []
    items = index.items
    # Each found item's fields by position: a row of the frame per observation cost more
    # than the rest of the work.
    fields = {k: items[k].tolist() for k in ("id", "informante", "actividad", "responsable",
                                              "estado", "reservado") if k in items}
    keys = OBSERVATIONS.keys
    texts = text_columns(rows, keys)  # (each distinct cell read once)
    for n, row in enumerate(row_dicts(rows)):
        text = {k: texts[k][n] for k in keys}
        if not any(text[k] for k in OBSERVATIONS.content):
            continue  # a prefilled row the observer left blank
        at = _Place(row, cells)
        found = index.find(text, matcher)
        if found is None and not items.empty:  # (with no item known, nothing to tell)
            wanted = text["id"] or text["actividad"]
            issues.append(at.issue("observacion-sin-item", "id" if text["id"] else "actividad",
                                   wanted, sugerencia=index.nearest(text["id"]) if text["id"]
                                   else ""))
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
        day = parse_day(row.get("fecha_observacion"))
        records.append({
            "id": item["id"] if item is not None else text["id"],
            "informante": item["informante"] if item is not None else text["informante"],
            "actividad": item["actividad"] if item is not None else text["actividad"],
            "responsable": item["responsable"] if item is not None else text["responsable"],
            "estado_oficial": official,
            "estado_observado": observed,
            # (a view in words the product does not know is compared with nothing)
            "coincide": (None if not observed or observed == NO_INFORMATION or not official
                         or not recognised else observed == official),
            "evidencia": text["evidencia"], "observacion": text["observacion"],
            "ambito": ambito,
            "fecha_observacion": day.isoformat() if day else text["fecha_observacion"],
            "observador": row["_informante"], "archivo": row["_archivo"],
            "hoja": row["_hoja"], "fila": int(str(row["_fila"])),
            "_reservado": bool(item["reservado"]) if item is not None else False,
            "_conocido": item is not None,
        })
    table = pd.DataFrame.from_records(records, columns=[*COLUMNS, "_reservado", "_conocido"])
    table = table.assign(_orden=~table["_conocido"].astype(bool)).sort_values(
        ["_orden", "informante", "id", "observador", "archivo", "fila"], kind="stable")
    table = table.drop(columns="_orden").reset_index(drop=True)
    return table, issues


def _observed_status(text: str, matcher: Matcher) -> str | None:
    """A status key, NO_INFORMATION, "" when blank, or None when not recognized."""
    if not text:
        return ""
    if fold(text) in _NO_INFORMATION:
        return NO_INFORMATION
    return matcher.status(text).value


class ItemIndex:
    """The items an observation may name (`items_of_others`), by id and by activity text:
    one for the observer's matrix rows and its observations. Each lookup is made when
    first used, where it is used (the observations may be judged in another process):
    most observations name their item by id, and folding every activity of a large round
    cost more than the rest."""

    def __init__(self, items: pd.DataFrame) -> None:
        self.items = items

    @functools.cached_property
    def by_id(self) -> dict[str, list[int]]:
        """The items with each id, in their order."""
        return _positions(self.items["id"].tolist())

    @functools.cached_property
    def keys(self) -> list[str]:
        """Each item's activity as a comparison key, in the items' order."""
        activities = self.items["actividad"]  # (normalized: this round's and stored)
        folded = {t: fold_clean(t) for t in activities.unique()}
        return [folded[t] for t in activities.tolist()]

    @functools.cached_property
    def reporters(self) -> list[str]:
        return self.items["informante"].tolist()

    def by_text(self, key: str) -> list[int]:
        """The items whose activity's comparison key is `key`, in their order."""
        return self._by_text.get(key, [])

    @functools.cached_property
    def _by_text(self) -> dict[str, list[int]]:
        return _positions(self.keys)

    def find(self, text: dict[str, str], matcher: Matcher) -> int | None:
        reporter = matcher.ref.reporter_named(text["informante"]) if text["informante"] else None
        candidates = (self.by_id.get(text["id"], []) if text["id"]
                      else self.by_text(fold(text["actividad"])))
        if reporter is not None:
            candidates = [n for n in candidates if self.reporters[n] == reporter]
        return candidates[0] if candidates else None

    def nearest(self, wanted: str) -> str:
        """The id meant: the one that reads the same once look-alike characters are one
        (l and 1, O and 0) and case is ignored, else the closest."""
        plain = {_plain(i): i for i in self.by_id}
        if _plain(wanted) in plain:
            return plain[_plain(wanted)]
        close = difflib.get_close_matches(wanted, list(self.by_id), n=1, cutoff=0.6)
        return close[0] if close else ""


def _positions(keys: list[str]) -> dict[str, list[int]]:
    """Each non-blank key's positions, in order."""
    found: dict[str, list[int]] = {}
    for n, key in enumerate(keys):
        if key:
            found.setdefault(key, []).append(n)
    return found


_LOOK_ALIKE = str.maketrans({"l": "1", "i": "1", "o": "0", " ": "", "_": "-"})


def _plain(ident: str) -> str:
    return ident.lower().translate(_LOOK_ALIKE)


class _Place:
    """Where an observation was written, for its issues: the sheet's cell of a key."""

    def __init__(self, row: Mapping[str, object], cells: CellMap) -> None:
        self.row = row
        self.cells = cells.get((str(row["_archivo"]), str(row["_hoja"])), {})
        self.in_matrix = bool(row.get("_matriz"))

    def issue(self, code: str, key: str, valor: str, sugerencia: str = "") -> Issue:
        if self.in_matrix:
            key = _FROM_MATRIX.get(key, key)
        letter, title = self.cells.get(key, ("", ""))
        fila = int(str(self.row["_fila"]))
        return make_issue(code, archivo=str(self.row["_archivo"]), hoja=str(self.row["_hoja"]),
                          fila=fila, columna=title, celda=f"{letter}{fila}" if letter else "",
                          valor=valor, sugerencia=sugerencia)


View = dict[str, object]


def views_by_item(table: pd.DataFrame) -> dict[tuple[str, str], list[View]]:
    """Each observed item's views (observations of found items), in the table's order: one
    pass in Python (a pandas group per item costs a thousand times more)."""
    if table is None or table.empty:
        return {}
    known = table[table["_conocido"].astype(bool)] if "_conocido" in table else table
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
