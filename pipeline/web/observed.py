"""What civil society observes, on the round's page: the figures (items observed, views
that agree, views that differ), each observation beside the official status, differing
views first, and each observed item's view as a line for the matrix. Built from the
result it is given (the public edition's for the public page: no restricted item there).

Evidence is a link only when it is a web address (http or https); anything else an
observer typed (`javascript:`, `file:`, `data:`, a document's name) is shown as text."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import pandas as pd

from pipeline.analyse.observations import views_by_item
from pipeline.model.labels import title
from pipeline.model.run import RunResult
from pipeline.words import word

SHOWN = 500  # observations listed on the page (observaciones.csv has them all)
STATUSES = ("finalizado", "en_proceso", "pendiente", "no_alcanzado")
# How a view stands against the official status: its CSS class and its mark.
MARKS = {False: ("difiere", "≠"), True: ("coincide", "="), None: ("abierta", "?")}
ORDER = {False: 0, True: 1, None: 2}  # differing views first
Beside = dict[tuple[str, str], tuple[str, str, str]]  # (informante, id) -> kind, line, meaning
FIGURES = ("observados", "coinciden", "difieren")
COLUMNS = ("id", "informante", "actividad", "estado_oficial", "estado_observado",
           "observador", "observacion", "ambito", "fecha_observacion", "evidencia")


@dataclass(frozen=True)
class Chip:
    key: str  # the CSS class's status (finalizado... or otro, sin_estado)
    text: str


@dataclass(frozen=True)
class Mark:
    kind: str  # difiere, coincide, abierta
    symbol: str
    title: str  # what the mark means, in words

    def line(self, text: str) -> str:
        return f"{self.symbol} {text}"


@dataclass(frozen=True)
class Observation:
    id: str
    reporter: str
    activity: str
    official: Chip
    observed: Chip
    mark: Mark
    observer: str
    text: str
    level: str
    day: str
    evidence: str
    link: str  # the evidence as an address to follow, or "" when it is not a web address


def web_address(text: str) -> str:
    """`text` when it is an http or https address with a host (and nothing around it),
    else ""."""
    text = text.strip()
    if not text or any(c.isspace() or ord(c) < 32 for c in text):
        return ""
    try:
        parts = urlsplit(text)
    except ValueError:
        return ""
    return text if parts.scheme.lower() in ("http", "https") and parts.hostname else ""


def agrees(value: object) -> bool | None:
    """The table's `coincide` as True, False, or None (nothing to compare)."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    return bool(value)


def marks(lang: str) -> dict[bool | None, Mark]:
    return {k: Mark(kind, symbol, word(f"web.observed_{kind}", lang))
            for k, (kind, symbol) in MARKS.items()}


def observed_section(result: RunResult, labels: dict[str, str]) -> dict[str, object] | None:
    """The page's section, or None when nobody observed this round."""
    table = result.tables.get("observaciones")
    if table is None or table.empty:
        return None
    lang, ref = result.lang, result.ref
    figures = result.observation_figures()
    views = marks(lang)
    order = table["coincide"].map(lambda v: ORDER[agrees(v)])
    ordered = table.assign(_orden=order).sort_values("_orden", kind="stable")

    def chip(key: object) -> Chip:
        text = "" if key is None or key != key else str(key)
        if not text:
            return Chip("sin_estado", labels["sin_estado"])
        return Chip(text if text in STATUSES else "otro", labels.get(text, text))

    def level(value: object) -> str:
        text = str(value or "")
        return word(f"level.{text}", lang) if text in ("local", "nacional", "regional") \
            else text

    rows = []
    for row in ordered.head(SHOWN).to_dict("records"):
        evidence = str(row["evidencia"] or "")
        rows.append(Observation(
            id=str(row["id"]), reporter=ref.label("parte", str(row["informante"]), lang),
            activity=str(row["actividad"] or ""), official=chip(row["estado_oficial"]),
            observed=chip(row["estado_observado"]), mark=views[agrees(row["coincide"])],
            observer=ref.label("parte", str(row["observador"]), lang),
            text=str(row["observacion"] or ""), level=level(row["ambito"]),
            day=str(row["fecha_observacion"] or ""), evidence=evidence,
            link=web_address(evidence)))
    dated = any(r.day for r in rows)  # no column of dates nobody gave
    return {"figures": [(figures.get(k, 0), word(f"headline.{k}", lang)) for k in FIGURES],
            "heads": [title(c, lang) for c in COLUMNS if dated or c != "fecha_observacion"],
            "rows": rows, "dated": dated, "more": len(table) - len(rows)}


def _said(view: dict[str, object], labels: dict[str, str]) -> str:
    status = str(view["estado_observado"] or "")
    return labels.get(status, status) if status else "—"


def observed_beside(result: RunResult, labels: dict[str, str]) -> Beside:
    """Each observed item's views as one line for the matrix: (informante, id) -> the
    line's kind, its text ("≠ observer: status") and what its mark means. Differing if
    any view differs, agreeing if every view agrees."""
    table = result.tables.get("observaciones")
    if table is None or table.empty:
        return {}
    lang, ref = result.lang, result.ref
    views = marks(lang)
    beside: Beside = {}
    for (reporter, ident), part in views_by_item(table).items():
        seen = [agrees(v["coincide"]) for v in part]
        stand = False if False in seen else True if all(seen) else None
        said = "; ".join(dict.fromkeys(
            f"{ref.label('parte', str(v['observador']), lang)}: {_said(v, labels)}"
            for v in part))
        mark = views[stand]
        beside[(reporter, ident)] = (mark.kind, mark.line(said), mark.title)
    return beside
