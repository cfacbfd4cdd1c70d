"""Reference data (docs/contract.md §2): the embedded default, optionally overridden by a user's
TOML.

Everything the product knows about a network (countries, pillars, themes, groups, parties,
statuses, the plan, the expected reporters) comes from here, never from `if` chains.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Callable
from dataclasses import replace
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

from pipeline.model.errors import ConfigError
from pipeline.model.text import file_name, fold
from pipeline.reference.check import check_config, check_profile, unknown_name
from pipeline.reference.data import Party, Pillar, Reference, Status
from pipeline.reference.mail import mail_settings
from pipeline.reference.network import (
    DEFAULT,
    OPTIONAL_WORDS,
    PROFILE_NAME,
    PROFILES,
    network_of,
    profile_path,
)
from pipeline.reference.plan import Meeting, Plan
from pipeline.reference.syntax import not_toml, not_utf8

_LIST_KEYS = {"paises": "nombre", "pilares": "nombre", "grupos": "nombre",
              "responsables": "nombre", "estados": "clave", "planes_anteriores": "nombre",
              "temas": "nombre"}


def load_reference(config_path: Path | None = None,
                   profile: Traversable | Path | None = None) -> Reference:
    """The network's profile with the user's file (if any) merged over it. The profile is
    the one given, else the workspace's own (red.toml beside the configuration), else the
    shipped default (a workspace made before profiles)."""
    if profile is None and config_path is not None:
        beside = Path(config_path).parent / PROFILE_NAME
        profile = beside if beside.is_file() else None
    data = read_profile(profile or profile_path(DEFAULT))
    user: dict[str, Any] = {}
    if config_path is not None:
        user = _read_checked(Path(config_path), check_config)
        data = merge_config(data, user)
    try:
        return _build(data)
    except UnknownName as exc:  # told at its line (in the file that sets it), with the name
        mine = exc.key in (user.get(exc.table) or {})  # probably meant
        source = Path(config_path) if mine and config_path is not None else profile
        text = source.read_text("utf-8-sig") if isinstance(source, Path) else ""
        unknown_name(exc.table, exc.key, exc.name, exc.known, text,
                     str(source or DEFAULT))
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"{config_path or profile or DEFAULT}: {exc!r}") from exc


def read_profile(profile: Traversable | Path) -> dict[str, Any]:
    """A profile's data, every value checked (a shipped one is trusted as it is)."""
    if isinstance(profile, Path):
        return _with_later_words(_read_checked(profile, check_profile))
    return tomllib.loads(profile.read_text("utf-8"))


def _with_later_words(data: dict[str, Any]) -> dict[str, Any]:
    """A workspace's copy of a shipped profile (`init --red` copies it) with the optional
    words the shipped profile has gained since, where the copy does not give its own: a
    workspace made before `[red] reservado` keeps its network's words for it."""
    red = data.get("red")
    if not isinstance(red, dict) or all(key in red for key in OPTIONAL_WORDS):
        return data
    for name in PROFILES:
        shipped = tomllib.loads(profile_path(name).read_text("utf-8")).get("red", {})
        if shipped.get("nombre") == red.get("nombre"):
            later = {k: v for k, v in shipped.items() if k in OPTIONAL_WORDS and k not in red}
            return {**data, "red": {**red, **later}}
    return data


def _read_checked(path: Path, check: Callable[[dict[str, Any], str, str], None],
                  ) -> dict[str, Any]:
    try:  # utf-8-sig: a file saved by Notepad starts with a BOM
        written = path.read_text("utf-8-sig")
        user = tomllib.loads(written)
    except FileNotFoundError as exc:
        raise ConfigError(str(path)) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(not_toml(file_name(path), str(exc))) from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(not_utf8(file_name(path))) from exc
    check(user, written, file_name(path))
    return user


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
    plan = _plan(data["plan"])
    paises = tuple(
        Party(p["nombre"], p.get("en", p["nombre"]), "pais", tuple(p.get("alias", [])),
              p.get("iso3", ""), p.get("idioma", "es"))
        for p in data.get("paises", [])
    )
    grupos = tuple(
        Party(g["nombre"], g.get("en", g["nombre"]), "grupo", tuple(g.get("alias", [])),
              g.get("codigo", ""), g.get("idioma", "es"))
        for g in data.get("grupos", [])
    )
    otros = tuple(
        Party(r["nombre"], r.get("en", r["nombre"]), "otro", tuple(r.get("alias", [])),
              r.get("codigo", ""), r.get("idioma", "es"), bool(r.get("informante", False)))
        for r in data.get("responsables", [])
    )
    pilares = tuple(
        Pillar(int(p["numero"]), p["nombre"], p.get("en", p["nombre"]),
               tuple(_theme(t)[0] for t in p.get("temas", [])),
               tuple(_theme(t)[1] for t in p.get("temas", [])))
        for p in data.get("pilares", [])
    )
    estados = tuple(
        Status(s["clave"], s.get("es", s["clave"]), s.get("en", s["clave"]),
               tuple(s.get("alias", [])))
        for s in data["estados"]
    )
    ronda = data.get("ronda", {})
    ref = Reference(
        plan_nombre=plan.nombre,
        plan_en=plan.en,
        plan=plan,
        planes_anteriores=tuple(_plan(p) for p in data.get("planes_anteriores", [])),
        calendario=tuple(_meeting(m) for m in data.get("calendario", [])),
        mes_inicio_anio_fiscal=int(ronda.get("mes_inicio_anio_fiscal", 1)),
        dias_por_vencer=int(ronda.get("dias_por_vencer", 90)),
        paises=paises,
        grupos=grupos,
        otros=otros,
        pilares=pilares,
        estados=estados,
        temas_propios=tuple(_theme(t) for t in data.get("temas", [])),
        red=network_of(data),
        plazos_imprecisos=tuple(data.get("plazos", {}).get("imprecisos", [])),
        grupos_otros_prefijos=tuple(data.get("grupos_otros", {}).get("prefijos", [])),
    )
    written = ronda.get("informantes_esperados", [])
    esperados = _reporters(ref, "informantes_esperados", written) or tuple(
        p.nombre for p in ref.informantes)
    observadores = _reporters(ref, "observadores", ronda.get("observadores", []))
    cierres = {str(k): (v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v)))
               for k, v in data.get("cierres", {}).items()}
    idiomas = {_canonical_reporter(ref, k): str(v) for k, v in data.get("idiomas", {}).items()}
    correo = mail_settings(data.get("correo", {}), ref.red.words.get("secretaria", {}))
    correo = replace(correo, escalar_a=tuple(_canonical_party(ref, n) for n in correo.escalar_a))
    columnas = {str(k): (v,) if isinstance(v, str) else tuple(v)
                for k, v in data.get("columnas", {}).items()}
    return replace(ref, esperados=esperados, observadores=observadores, cierres=cierres,
                   idiomas=idiomas, papel=_paper(data.get("impresion", {}).get("papel", "carta")),
                   correo=correo, columnas=columnas)


def _reporters(ref: Reference, key: str, names: object) -> tuple[str, ...]:
    """[ronda] observadores or informantes_esperados: reporters the reference knows (a
    name that matches no reporter would silently observe nothing, or be told every round
    as a reporter that did not send)."""
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise ValueError(f"[ronda] {key} = {names!r}: una lista de nombres / "
                         "a list of names, e.g. [\"Guatemala\"]")
    for name in names:
        if ref.reporter_named(name) is None:
            raise UnknownName("ronda", key, name, [p.nombre for p in ref.informantes])
    return tuple(dict.fromkeys(str(ref.reporter_named(n)) for n in names))


class UnknownName(ValueError):
    """A name of the configuration that is no reporter or party of the network: its
    table and key, the name, and the names it could have meant."""

    def __init__(self, table: str, key: str, name: str, known: list[str]) -> None:
        super().__init__(f"[{table}] {key}: {name!r}")
        self.table, self.key, self.name, self.known = table, key, name, known


def _paper(name: object) -> str:
    """The paper's name: carta (Letter, as in most of the Americas) or a4."""
    folded = str(name).strip().lower().replace(" ", "")
    papers = {"carta": "carta", "letter": "carta", "a4": "a4"}
    if folded not in papers:
        raise ValueError(f"[impresion] papel = {name!r}: carta (Letter) o/or A4")
    return papers[folded]


def _plan(entry: dict[str, Any]) -> Plan:
    return Plan(_date(entry["inicio"]), int(entry.get("duracion_anios", 3)),
                str(entry.get("nombre", "")), str(entry.get("en", "")))


def _meeting(entry: dict[str, Any]) -> Meeting:
    return Meeting(str(entry["reunion"]), _date(entry["fecha"]), str(entry.get("nombre", "")),
                   tuple(str(a) for a in entry.get("alias", [])))


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _theme(entry: Any) -> tuple[str, str]:
    """A theme as (Spanish, English): a table with `nombre` and `en`, or just a name."""
    if isinstance(entry, dict):
        return str(entry["nombre"]), str(entry.get("en", entry["nombre"]))
    return str(entry), str(entry)


def _canonical_party(ref: Reference, name: str) -> str:
    """A party named in the configuration by any of its names, any case or accents; an
    unknown one is an error that names it."""
    wanted = fold(name)
    for party in ref.responsables:
        if any(fold(n) == wanted for n in party.names if n):
            return party.nombre
    raise UnknownName("correo", "escalar_a", name, [p.nombre for p in ref.responsables])


def _canonical_reporter(ref: Reference, name: str) -> str:
    """ "Mexico" or "MEX" in a config means México; an unknown name is kept as given."""
    return ref.reporter_named(name) or name
