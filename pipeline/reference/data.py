"""The reference data (docs/contract.md §2) as the product holds it: the network (its words and
rules), the parties (member countries, groups, other reporters, observers...), pillars and
themes, statuses, the plan, the expected reporters, closing dates and languages. Loaded
from the network's profile and a user's file by pipeline.reference.load."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from dataclasses import dataclass, field

from pipeline.model.columns import COLUMNS, ColumnSpec
from pipeline.model.text import fold
from pipeline.reference.mail import MailSettings
from pipeline.reference.network import Network
from pipeline.reference.plan import Meeting, Plan
from pipeline.words import LANGS, lang_of, word
from validation import Issue
from validation.catalogue_network import PLAN_WORDS
from validation.issues import Param


@dataclass(frozen=True)
class Party:
    """A name the product recognizes: a country, a group, another reporter, an observer..."""

    nombre: str
    en: str
    kind: str  # pais | grupo | otro
    alias: tuple[str, ...] = ()
    codigo: str = ""  # ISO alpha-3 for countries, a short code for groups
    idioma: str = "es"
    informante: bool = False  # a party besides countries and groups that sends a matrix

    @property
    def names(self) -> tuple[str, ...]:
        return (self.nombre, self.en, self.codigo, *self.alias)


@dataclass(frozen=True)
class Pillar:
    numero: int
    nombre: str
    en: str
    temas: tuple[str, ...]  # their Spanish names (the list "no taxativa" of the plan)
    temas_en: tuple[str, ...] = ()  # the same themes in English, where known


@dataclass(frozen=True)
class Status:
    clave: str
    es: str
    en: str
    alias: tuple[str, ...]


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one per run
class Reference:
    plan_nombre: str
    plan: Plan  # the plan in force
    dias_por_vencer: int
    paises: tuple[Party, ...]
    grupos: tuple[Party, ...]
    otros: tuple[Party, ...]
    pilares: tuple[Pillar, ...]
    estados: tuple[Status, ...]
    plazos_imprecisos: tuple[str, ...]
    grupos_otros_prefijos: tuple[str, ...]
    esperados: tuple[str, ...] = field(default=())
    # reporters who observe the others' items (their view beside the official status)
    observadores: tuple[str, ...] = field(default=())
    plan_en: str = ""  # the plan's name in English
    planes_anteriores: tuple[Plan, ...] = ()
    calendario: tuple[Meeting, ...] = ()
    mes_inicio_anio_fiscal: int = 1  # "Q3 FY2027": the month a fiscal year starts
    cierres: dict[str, dt.date] = field(default_factory=dict)  # round -> closing date
    idiomas: dict[str, str] = field(default_factory=dict)  # reporter -> es|en override
    papel: str = "carta"  # the paper the workbooks print on: carta (Letter) or a4
    correo: MailSettings = field(default_factory=MailSettings)  # [correo]
    temas_propios: tuple[tuple[str, str], ...] = ()  # [[temas]]: themes of no pillar (es, en)
    red: Network = field(default_factory=Network)  # [red], [reglas]
    # [columnas]: other titles of the matrix's columns, key -> titles
    columnas: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def responsables(self) -> tuple[Party, ...]:
        return (*self.paises, *self.grupos, *self.otros)

    @property
    def informantes(self) -> tuple[Party, ...]:
        """Who may send a matrix: member countries, groups and the parties the profile
        marks as reporters (`informante = true`)."""
        return (*self.paises, *self.grupos, *(p for p in self.otros if p.informante))

    @functools.cached_property
    def columns(self) -> tuple[ColumnSpec, ...]:
        """The matrix's columns for this network: none for pillars when it has none; the
        group column titled as the network calls its groups, and so the restricted one."""
        return tuple(dataclasses.replace(c, titles=tuple(
            (lang, t) for lang in LANGS if (t := self.red.column_title(c.key, lang))))
            for c in COLUMNS if self.pilares or c.key != "pilar")

    @functools.cached_property
    def network_titles(self) -> dict[str, list[str]]:
        """The titles the network gives its columns, as its template writes them, in both
        languages: its groups' column as it calls a group, or its groups ("Comité",
        "Committees"), the restricted column as it says who may see an item."""
        titles: dict[str, list[str]] = {}
        for c in COLUMNS:
            for lang in LANGS:
                titles.setdefault(c.key, []).append(self.red.column_title(c.key, lang))
        titles["grupo_trabajo"] += [self.red.word("grupos", lang) for lang in LANGS]
        return {key: [t for t in ts if t] for key, ts in titles.items()}

    @property
    def temas(self) -> tuple[str, ...]:
        """Every theme's Spanish name: the pillars' and the network's own, once each."""
        return tuple(dict.fromkeys((*(t for p in self.pilares for t in p.temas),
                                    *(t for t, _ in self.temas_propios))))

    def in_network(self, issue: Issue, day: dt.date | None = None) -> Issue:
        """The issue with the network's words its message may name ({responsables},
        {de_red}, {partes}, {ejemplo}...), in both languages, and the forms of a deadline
        in use on `day` ({formas_plazo}: a plan's years only while its plan is in force)."""
        ended = day is not None and self.plan.fin < day
        if not issue.params:  # (most issues: the words alone, one tuple shared by all)
            return issue.with_params(self._issue_params[ended])
        return issue.with_params(tuple(sorted({**self._issue_words, **PLAN_WORDS[ended],
                                               **dict(issue.params)}.items())))

    def plan_words(self, day: dt.date) -> dict[str, tuple[str, str]]:
        """The forms of a deadline the advice names on `day` ({formas_plazo},
        {ejemplos_plazo}): the plan's years only while the configured plan is in force."""
        return PLAN_WORDS[self.plan.fin < day]

    @functools.cached_property
    def _issue_params(self) -> dict[bool, tuple[tuple[str, Param], ...]]:
        return {ended: tuple(sorted({**self._issue_words, **words}.items()))
                for ended, words in PLAN_WORDS.items()}

    @functools.cached_property
    def _issue_words(self) -> dict[str, Param]:
        words = [self.red.placeholders(lang) for lang in LANGS]
        first = self.informantes[0].nombre if self.informantes else ""
        groups = [[self.label("parte", g.nombre, lang) for g in self.grupos] for lang in LANGS]
        listed = tuple(_listed(names, lang) for names, lang in zip(groups, LANGS, strict=True))
        return {**{key: (words[0][key], words[1][key]) for key in words[0]},
                "ejemplo": (self.label("parte", first, "es"), self.label("parte", first, "en")),
                "lista_grupos": (listed[0], listed[1]),
                "estados": (self.status_list("es"), self.status_list("en"))}

    def status_list(self, lang: str) -> str:
        """The network's statuses as advice names them: "Cumplido, Avanzando o Descartado"."""
        return _listed([self.status_label(s.clave, lang) for s in self.estados], lang)

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

    @property
    def planes(self) -> tuple[Plan, ...]:
        """The plan in force, then the earlier ones."""
        return (self.plan, *self.planes_anteriores)

    def plan_named(self, nombre: str) -> Plan | None:
        """A plan by its name (as a template's metadata carries it), any case or accents."""
        wanted = fold(nombre)
        return next((p for p in self.planes if wanted and fold(p.nombre) == wanted), None)

    def party(self, nombre: str) -> Party | None:
        return next((p for p in self.responsables if p.nombre == nombre), None)

    def language_of(self, informante: str) -> str:
        """The language a reporter reads: config override, else the party's own."""
        if informante in self.idiomas:
            return self.idiomas[informante]
        party = self.party(informante)
        return party.idioma if party else "es"

    def status_label(self, clave: str, lang: str) -> str:
        """A status key (en_proceso) as its word; an unknown status as written."""
        return self.label("estado", clave, lang)

    def label(self, kind: str, name: str, lang: str) -> str:
        """The word for a reference value in `lang`: `kind` is estado (by key), pilar, tema,
        parte (a party, a group, a country; several parted by "; ") or plan. A value the
        reference does not know is shown as written."""
        if kind == "parte" and "; " in name:
            return "; ".join(self.label(kind, part, lang) for part in name.split("; "))
        names = self._labels.get((kind, name))
        if names is None:
            return name
        return names[1] if lang_of(lang) == "en" else names[0]

    @functools.cached_property
    def _labels(self) -> dict[tuple[str, str], tuple[str, str]]:
        labels: dict[tuple[str, str], tuple[str, str]] = {
            ("estado", s.clave): (s.es, s.en) for s in self.estados}
        for plan in (self.plan, *self.planes_anteriores):
            labels[("plan", plan.nombre)] = (plan.nombre, plan.en or plan.nombre)
        for pillar in self.pilares:
            labels[("pilar", pillar.nombre)] = (pillar.nombre, pillar.en)
            for theme, english in zip(pillar.temas, pillar.temas_en or pillar.temas,
                                      strict=False):
                labels.setdefault(("tema", theme), (theme, english))
        for theme, english in self.temas_propios:
            labels.setdefault(("tema", theme), (theme, english))
        for party in self.responsables:
            labels[("parte", party.nombre)] = (party.nombre, party.en)
        return labels


def _listed(names: list[str], lang: str) -> str:
    """Names as one text: "a, b o c" ("a, b or c")."""
    return (", ".join(names[:-1]) + word("list.or", lang) + names[-1] if len(names) > 1
            else "".join(names))
