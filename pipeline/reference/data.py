"""The reference data (SPEC §2) as the product holds it: the parties (member countries,
working groups, RROCM, observers...), pillars and themes, statuses, the plan, the
expected reporters, closing dates and languages. Loaded from the embedded default and a
user's file by pipeline.reference.load."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field

from pipeline.model.text import fold
from pipeline.reference.plan import Plan


@dataclass(frozen=True)
class Party:
    """A name the product recognizes: a country, a working group, RROCM, an observer..."""

    nombre: str
    en: str
    kind: str  # pais | grupo | otro
    alias: tuple[str, ...] = ()
    codigo: str = ""  # ISO alpha-3 for countries, a short code for groups
    idioma: str = "es"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.nombre, self.en, self.codigo, *self.alias)


@dataclass(frozen=True)
class Pillar:
    numero: int
    nombre: str
    en: str
    temas: tuple[str, ...]


@dataclass(frozen=True)
class Status:
    clave: str
    es: str
    en: str
    alias: tuple[str, ...]


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one per run
class Reference:
    plan_nombre: str
    plan: Plan
    dias_por_vencer: int
    paises: tuple[Party, ...]
    grupos: tuple[Party, ...]
    otros: tuple[Party, ...]
    pilares: tuple[Pillar, ...]
    estados: tuple[Status, ...]
    plazos_imprecisos: tuple[str, ...]
    grupos_otros_prefijos: tuple[str, ...]
    esperados: tuple[str, ...] = field(default=())
    cierres: dict[str, dt.date] = field(default_factory=dict)  # round -> closing date
    idiomas: dict[str, str] = field(default_factory=dict)  # reporter -> es|en override

    @property
    def responsables(self) -> tuple[Party, ...]:
        return (*self.paises, *self.grupos, *self.otros)

    @property
    def informantes(self) -> tuple[Party, ...]:
        """Who may send a matrix: member countries, working groups and RROCM."""
        return (*self.paises, *self.grupos, *(p for p in self.otros if p.nombre == "RROCM"))

    def reporter_named(self, text: str) -> str | None:
        """The reporter a name, alias or code denotes, whatever its case, accents or
        spacing ("Honduras ", "HND", "mexico"), or None."""
        return self._reporter_index.get(fold(text)) if text else None

    @functools.cached_property
    def _reporter_index(self) -> dict[str, str]:
        index: dict[str, str] = {}
        for party in self.informantes:
            for name in party.names:
                if fold(name):
                    index.setdefault(fold(name), party.nombre)
        return index

    def party(self, nombre: str) -> Party | None:
        return next((p for p in self.responsables if p.nombre == nombre), None)

    def language_of(self, informante: str) -> str:
        """The language a reporter reads: config override, else the party's own."""
        if informante in self.idiomas:
            return self.idiomas[informante]
        party = self.party(informante)
        return party.idioma if party else "es"

    def status_label(self, clave: str, lang: str) -> str:
        for status in self.estados:
            if status.clave == clave:
                return status.en if lang == "en" else status.es
        return clave
