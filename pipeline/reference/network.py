"""A network's profile (docs/contract.md §2): what the product knows about one network is the
reference TOML of that network, shipped in `redes/` (`crm`, `mecanismo`) or written by a
user. Its `[red]` table names the network in each language (the words that fill
`{red}`, `{red_corta}`, `{secretaria}`, `{grupo}`... in the catalogue); `[reglas]` holds
its rules. A workspace keeps its own copy (red.toml) beside its configuration."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from pipeline.words import lang_of, word

# The four categories every status of every network is counted in: the product's own.
CATEGORIES = ("finalizado", "en_proceso", "pendiente", "no_alcanzado")
PROFILE_NAME = "red.toml"  # a workspace's profile, beside seguimiento.toml
DEFAULT = "crm"  # the profile of a workspace that has none (made before profiles)
PROFILES = ("crm", "mecanismo")
# The words of [red], each {es = ..., en = ...}, and the placeholder each fills.
WORDS = {"nombre": "red", "corto": "red_corta", "secretaria": "secretaria",
         "grupo": "grupo", "grupos": "grupos", "informantes": "informantes",
         "responsables": "responsables", "escalados": "escalados", "plan": "plan_red",
         "de": "de_red", "partes": "partes", "titulo": "titulo_red",
         "de_nombre": "de_red_nombre", "editores": "editores"}
# Words a profile may give (older profiles do not): the restricted column's title, and
# whom a restricted item is kept from (the template's instructions); without them, the
# catalogue's ("Reservado (no se publica)", "fuera de la red").
COLUMN_WORDS = ("reservado",)
OPTIONAL_WORDS = {"reservado": "column.reservado", "reservado_de": "network.reservado_de"}


@dataclass(frozen=True)
class Network:
    """The network's words by language, and its rules."""

    words: dict[str, dict[str, str]] = field(default_factory=dict)  # key -> lang -> text
    max_actividades: int | None = None  # most activities per group and year; None: no limit

    def word(self, key: str, lang: str) -> str:
        """One of the network's words in `lang` (Spanish when it has no such language)."""
        by = self.words.get(key, {})
        return by.get(lang_of(lang)) or by.get("es") or ""

    def column_title(self, key: str, lang: str) -> str:
        """A matrix column's title in the network's own words, or "" where its profile
        does not say: the groups' column as it calls a group ("Mesa"), the restricted
        column as it says who may see such an item ("Reservado (solo gobiernos)")."""
        if key == "grupo_trabajo":
            text = self.word("grupo", lang)
            return text[:1].upper() + text[1:]
        if key in COLUMN_WORDS:
            return self.word(key, lang)
        return ""

    def placeholders(self, lang: str) -> dict[str, str]:
        """The catalogue's placeholders this network fills ({red}, {red_corta}...); the
        words a profile may leave out, the catalogue's where it does."""
        found = {name: self.word(key, lang) for key, name in WORDS.items()}
        for key, default in OPTIONAL_WORDS.items():
            found[key] = self.word(key, lang) or word(default, lang)
        return found


def network_of(data: dict[str, object]) -> Network:
    """[red] and [reglas] of a profile as read (types already checked)."""
    red = data.get("red", {})
    rules = data.get("reglas", {})
    words = {key: dict(value) for key, value in (red.items() if isinstance(red, dict) else ())
             if isinstance(value, dict)}
    limit = rules.get("max_actividades_por_grupo", 0) if isinstance(rules, dict) else 0
    return Network(words, int(limit) or None)


def profile_path(name: str) -> Traversable:
    """A shipped profile by its name (crm, mecanismo)."""
    return resources.files("pipeline.reference").joinpath("redes", f"{name}.toml")


def profile_source(given: str) -> Traversable | Path | None:
    """The profile `--red` names: a shipped one by name, else a file; None when neither."""
    if given.strip().lower() in PROFILES:
        return profile_path(given.strip().lower())
    path = Path(given)
    return path if path.is_file() else None
