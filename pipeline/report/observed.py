"""The observers' voice in the annual report (issue 20, docs/contract.md §9): how many items were
observed in each round of the year, how many views agreed with the official status and how
many differed, and each view of the year's last round that differs, with its text and
evidence. Counted from the stored observations as the round's figures are (found items
only); the public edition leaves out the views of restricted items."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pandas as pd

FIGURES = ("observados", "coinciden", "difieren")
VIEW_COLUMNS = ("informante", "id", "actividad", "estado_oficial", "estado_observado",
                "observacion", "observador", "evidencia")
WEB_SCHEMES = {"http", "https"}


@dataclass(frozen=True)
class ObservedYear:
    """The year's observations: per round (None where nobody observed) and the differing
    views of its last round."""

    per_round: dict[str, dict[str, int] | None] = field(default_factory=dict)
    differing: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=list(VIEW_COLUMNS)))
    observers: tuple[str, ...] = ()
    last: str = ""

    @property
    def any(self) -> bool:
        return any(v is not None for v in self.per_round.values())


def observe_year(stored: pd.DataFrame | None, names: list[str], public: bool,
                 scrub: Callable[[object], object] | None = None) -> ObservedYear:
    """The year's observations from `stored` (every stored observation with its round, as
    pipeline.store.sides.observation_rounds gives them) for the rounds `names`. The
    public edition's quoted texts pass through `scrub` (its personal data removed)."""
    if stored is None or stored.empty or not names:
        return ObservedYear(per_round=dict.fromkeys(names), last=names[-1] if names else "")
    frame = stored[stored["ronda"].isin(names)]
    if public:
        frame = frame[~_flag(frame["reservado"])]
    known = frame[_flag(frame["conocido"])]
    per_round: dict[str, dict[str, int] | None] = {}
    for name in names:
        if not frame["ronda"].eq(name).any():
            per_round[name] = None
            continue
        mine = known[known["ronda"] == name]
        per_round[name] = {"observados": len(mine[["informante", "id"]].drop_duplicates()),
                           "coinciden": int(mine["coincide"].eq(True).sum()),
                           "difieren": int(mine["coincide"].eq(False).sum())}
    last = names[-1]
    views = known[(known["ronda"] == last) & known["coincide"].eq(False)]
    views = views.sort_values(["informante", "id", "observador"], kind="stable")
    if public and scrub is not None:
        views = views.assign(**{c: views[c].map(scrub) for c in ("observacion", "evidencia")})
    return ObservedYear(per_round=per_round,
                        differing=views.reindex(columns=list(VIEW_COLUMNS))
                        .fillna("").reset_index(drop=True),
                        observers=tuple(dict.fromkeys(str(o) for o in frame["observador"])),
                        last=last)


def _flag(column: pd.Series) -> pd.Series:
    """A stored flag ("1", "true", True) as booleans."""
    return column.astype(str).str.lower().isin({"1", "true"})


def web_link(evidence: str) -> str:
    """The evidence as a link target when it is one web address (http or https), else ""
    (a `javascript:` or `file:` text, or words, is never made a link)."""
    text = evidence.strip()
    if not text or any(c.isspace() for c in text):
        return ""
    try:
        parts = urlsplit(text)
    except ValueError:
        return ""
    return text if parts.scheme.lower() in WEB_SCHEMES and parts.netloc else ""
