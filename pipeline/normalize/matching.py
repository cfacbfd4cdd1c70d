"""Recognizing what focal points write against the reference lists (docs/contract.md §3.3).

Matching is accent- and case-insensitive and memoized per distinct value (a round has
thousands of rows but few distinct spellings). Unknown values are never changed: the
caller keeps them as written and shows the nearest known value as a suggestion.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pipeline.model.text import fold, fold_title
from pipeline.reference.data import Pillar, Reference

_PILLAR_NUMBER = re.compile(r"^(?:pilar|pillar)?\s*(\d|i{1,3})\b")
_ROMAN = {"i": 1, "ii": 2, "iii": 3}
_GROUP_PREFIX = re.compile(r"^(?:grupo de trabajo|gt|working group)\s+(?:sobre|de|on)?\s*")
_THEME_NUMBER = re.compile(r"^\d+\s+")
# Separators of several parties in one cell: ";" and line breaks always; ",", "/", " y "
# and " and " only where every part is a known party ("Sec. Infraestructura y Obra
# Pública" is one).
_PARTY_LIST = re.compile(r"\s*[;\n]\s*")
_PARTY_SPLIT = re.compile(r"(\s*[,/]\s*|\s+(?:y|and|e)\s+)", re.IGNORECASE)
_PERCENT = re.compile(r"^(\d{1,3})(?:[.,]\d+)?\s*%$")


@dataclass(frozen=True)
class Match:
    """The canonical value (None when unknown) and, when unknown, the nearest known one."""

    value: str | None
    suggestion: str = ""  # a canonical value (a status key, a name): the reference's word
    other: bool = False  # a recognized but non-standard value (an ad-hoc group)


class Matcher:
    """Lookups built once per run from the reference data."""

    def __init__(self, ref: Reference) -> None:
        self.ref = ref
        self._status = _index((s.clave, (s.clave, s.es, s.en, *s.alias)) for s in ref.estados)
        self._groups = _index((g.nombre, g.names) for g in ref.grupos)
        self._parties = _index((p.nombre, p.names) for p in ref.responsables)
        self._pillars = _index((str(p.numero), (p.nombre, p.en)) for p in ref.pilares)
        self._pillar_by_number = {p.numero: p for p in ref.pilares}
        self._themes = {p.numero: _index(_themes(p)) for p in ref.pilares}
        self._all_themes = _index(pair for p in ref.pilares for pair in _themes(p))
        self._reporters = _index((p.nombre, p.names) for p in ref.informantes)
        self._memo: dict[tuple[str, str], Match] = {}

    def _memoized(self, kind: str, text: str, compute: Callable[[str], Match]) -> Match:
        key = (kind, text)
        if key not in self._memo:
            self._memo[key] = compute(text)
        return self._memo[key]

    def status(self, text: str) -> Match:
        return self._memoized("status", text, self._status_of)

    def _status_of(self, text: str) -> Match:
        if m := _PERCENT.match(text.strip()):
            pct = int(m.group(1))
            return Match("finalizado" if pct >= 100 else "pendiente" if pct == 0 else "en_proceso")
        found = _lookup(self._status, fold_title(text), prefix_words=True)
        if found:
            return Match(found)
        return Match(None, _nearest(self._status, fold(text)) or "")

    def pillar(self, text: str) -> Match:
        return self._memoized("pillar", text, self._pillar_of)

    def _pillar_of(self, text: str) -> Match:
        folded = fold_title(text)
        if m := _PILLAR_NUMBER.match(folded):
            token = m.group(1)
            number = _ROMAN.get(token) or int(token)
            if number in self._pillar_by_number:
                return Match(self._pillar_by_number[number].nombre)
        stripped = re.sub(r"^(?:pilar|pillar)\s+", "", folded)
        key = _lookup(self._pillars, stripped, prefix_words=True)
        if key is None and len(stripped) >= 4:
            starts = {k for alias, k in self._pillars.items() if alias.startswith(stripped)}
            key = starts.pop() if len(starts) == 1 else None
        if key is not None:
            return Match(self._pillar_by_number[int(key)].nombre)
        near = _nearest(self._pillars, stripped)
        return Match(None, self._pillar_by_number[int(near)].nombre if near else "")

    def pillar_number(self, nombre: str) -> int | None:
        return next((p.numero for p in self.ref.pilares if p.nombre == nombre), None)

    def theme(self, text: str, pillar: str | None) -> Match:
        key = f"{pillar}\x00{text}"
        return self._memoized("theme", key, lambda _: self._theme_of(text, pillar))

    def _theme_of(self, text: str, pillar: str | None) -> Match:
        folded = _THEME_NUMBER.sub("", fold_title(text))
        number = self.pillar_number(pillar) if pillar else None
        index = self._themes.get(number, self._all_themes) if number else self._all_themes
        found = _lookup(index, folded) or _lookup(self._all_themes, folded)
        if found:
            return Match(found)
        return Match(None, _nearest(index, folded) or "")

    def group(self, text: str) -> Match:
        return self._memoized("group", text, self._group_of)

    def _group_of(self, text: str) -> Match:
        folded = fold_title(text)
        bare = _GROUP_PREFIX.sub("", folded)
        found = _lookup(self._groups, folded) or _lookup(self._groups, bare)
        if found:
            return Match(found)
        if any(folded.startswith(fold(p)) for p in self.ref.grupos_otros_prefijos):
            return Match(None, other=True)
        return Match(None, _nearest(self._groups, bare) or "")

    def reporter(self, text: str) -> Match:
        return self._memoized("reporter", text, lambda t: Match(_lookup(self._reporters, fold(t))))

    def parties(self, text: str) -> list[tuple[str, Match]]:
        """Split a cell naming several parties; each piece with its match. A piece between
        ";" or line breaks is split at ",", "/", "y", "and" only when every part is known."""
        out: list[tuple[str, Match]] = []
        for piece in _PARTY_LIST.split(text):
            parts = self._split(piece)
            if len(parts) > 1 and not all(m.value for _, m in parts):
                whole = piece.strip()
                parts = [(whole, Match(None, _nearest(self._parties, fold_title(whole)) or ""))]
            out += parts
        return out

    def _split(self, text: str) -> list[tuple[str, Match]]:
        """The parts of a piece, the whole and runs of parts tried before single parts, so
        that names holding a separator ("CEPAL/CELADE", "Migración irregular y masiva")
        survive."""
        pieces = [p for p in _PARTY_SPLIT.split(text)]
        words = pieces[0::2]
        seps = pieces[1::2]
        out: list[tuple[str, Match]] = []
        i = 0
        while i < len(words):
            for j in range(len(words), i, -1):
                joints = [*seps[i : j - 1], ""]
                candidate = "".join(w + s for w, s in zip(words[i:j], joints, strict=True))
                found = _lookup(self._parties, fold_title(candidate))
                if found or j == i + 1:
                    break
            candidate = candidate.strip()
            if candidate:
                if found:
                    out.append((candidate, Match(found)))
                else:
                    near = _nearest(self._parties, fold_title(candidate))
                    out.append((candidate, Match(None, near or "")))
            i = j
        return out


def _themes(pillar: Pillar) -> list[tuple[str, tuple[str, str]]]:
    """A pillar's themes, each known by its Spanish and its English name."""
    return [(t, (t, en)) for t, en in zip(pillar.temas, pillar.temas_en or pillar.temas,
                                          strict=False)]


def _index(entries: Iterable[tuple[str, Iterable[str]]]) -> dict[str, str]:
    """Folded alias -> canonical key. The first entry to claim an alias keeps it."""
    index: dict[str, str] = {}
    for key, names in entries:
        for name in names:
            folded = fold_title(name)
            if folded:
                index.setdefault(folded, key)
    return index


def _lookup(index: dict[str, str], folded: str, prefix_words: bool = False) -> str | None:
    if not folded:
        return None
    if folded in index:
        return index[folded]
    if prefix_words:
        # "En proceso: 60 % ejecutado" -> "en proceso". Longest alias first.
        for alias in sorted(index, key=len, reverse=True):
            if folded.startswith(alias + " "):
                return index[alias]
    return None


def _nearest(index: dict[str, str], folded: str) -> str | None:
    close = difflib.get_close_matches(folded, list(index), n=1, cutoff=0.6)
    return index[close[0]] if close else None

