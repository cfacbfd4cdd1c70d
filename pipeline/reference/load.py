"""Reference data (SPEC §2): the embedded default, optionally overridden by a user's TOML.

Everything the product knows about the CRM (countries, pillars, themes, groups, parties,
statuses, the plan, the expected reporters) comes from here, never from `if` chains.
"""

from __future__ import annotations

import datetime as dt
import functools
import tomllib
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

from pipeline.model.errors import ConfigError
from pipeline.normalize.deadlines import Plan
from pipeline.normalize.text import fold

_LIST_KEYS = {"paises": "nombre", "pilares": "nombre", "grupos": "nombre",
              "responsables": "nombre", "estados": "clave"}


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


def load_reference(config_path: Path | None = None) -> Reference:
    """The embedded reference data, with the user's file (if any) merged over it."""
    text = resources.files("pipeline.reference").joinpath("referencia.toml").read_text("utf-8")
    data = tomllib.loads(text)
    if config_path is not None:
        try:
            user = tomllib.loads(Path(config_path).read_text("utf-8"))
        except FileNotFoundError as exc:
            raise ConfigError(str(config_path)) from exc
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{config_path}: {exc}") from exc
        data = merge_config(data, user)
    try:
        return _build(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"{config_path or 'referencia.toml'}: {exc!r}") from exc


def merge_config(default: dict[str, Any], user: dict[str, Any]) -> dict[str, Any]:
    """Lists of entries merge by name (a new name is added; for a known name, its fields are
    replaced and its lists, such as aliases and themes, extended); tables merge key by key;
    `reemplazar = [...]` drops a default list before merging."""
    merged = dict(default)
    for name in user.get("reemplazar", []):
        merged[name] = []
    for key, value in user.items():
        if key == "reemplazar":
            continue
        if key in _LIST_KEYS and isinstance(value, list):
            ident = _LIST_KEYS[key]
            entries = {entry[ident]: entry for entry in merged.get(key, [])}
            for entry in value:
                entries[entry[ident]] = _merge_entry(entries.get(entry[ident], {}), entry)
            merged[key] = list(entries.values())
        elif isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    return merged


def _merge_entry(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    merged = {**old, **new}
    for key, value in new.items():
        if isinstance(value, list) and isinstance(old.get(key), list):
            merged[key] = [*old[key], *(v for v in value if v not in old[key])]
    return merged


def _build(data: dict[str, Any]) -> Reference:
    plan = data["plan"]
    inicio = plan["inicio"]
    if isinstance(inicio, str):
        inicio = dt.date.fromisoformat(inicio)
    paises = tuple(
        Party(p["nombre"], p.get("en", p["nombre"]), "pais", tuple(p.get("alias", [])),
              p.get("iso3", ""), p.get("idioma", "es"))
        for p in data["paises"]
    )
    grupos = tuple(
        Party(g["nombre"], g.get("en", g["nombre"]), "grupo", tuple(g.get("alias", [])),
              g.get("codigo", ""), g.get("idioma", "es"))
        for g in data["grupos"]
    )
    otros = tuple(
        Party(r["nombre"], r.get("en", r["nombre"]), "otro", tuple(r.get("alias", [])),
              r.get("codigo", ""), r.get("idioma", "es"))
        for r in data["responsables"]
    )
    pilares = tuple(
        Pillar(int(p["numero"]), p["nombre"], p.get("en", p["nombre"]), tuple(p.get("temas", [])))
        for p in data["pilares"]
    )
    estados = tuple(
        Status(s["clave"], s.get("es", s["clave"]), s.get("en", s["clave"]),
               tuple(s.get("alias", [])))
        for s in data["estados"]
    )
    ronda = data.get("ronda", {})
    ref = Reference(
        plan_nombre=plan.get("nombre", ""),
        plan=Plan(inicio, int(plan.get("duracion_anios", 3))),
        dias_por_vencer=int(ronda.get("dias_por_vencer", 90)),
        paises=paises,
        grupos=grupos,
        otros=otros,
        pilares=pilares,
        estados=estados,
        plazos_imprecisos=tuple(data.get("plazos", {}).get("imprecisos", [])),
        grupos_otros_prefijos=tuple(data.get("grupos_otros", {}).get("prefijos", [])),
    )
    written = ronda.get("informantes_esperados", [])
    esperados = tuple(_canonical_reporter(ref, name) for name in written) or tuple(
        p.nombre for p in ref.informantes
    )
    cierres = {str(k): (v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v)))
               for k, v in data.get("cierres", {}).items()}
    idiomas = {_canonical_reporter(ref, k): str(v) for k, v in data.get("idiomas", {}).items()}
    return replace(ref, esperados=esperados, cierres=cierres, idiomas=idiomas)


def _canonical_reporter(ref: Reference, name: str) -> str:
    """ "Mexico" or "MEX" in a config means México; an unknown name is kept as given."""
    return ref.reporter_named(name) or name
