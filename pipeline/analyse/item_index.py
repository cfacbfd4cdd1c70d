"""The items an observation may name (pipeline.analyse.observations.items_of_others), looked
up by id as people type it (any case, any spacing) and by activity text; and the id meant
when an observation names none of them, never a restricted item's."""

from __future__ import annotations

import difflib
import functools

import pandas as pd

from pipeline.model.text import fold, fold_clean

# The id meant is looked for among the ids one typing slip away (a character left out, one
# too many, one changed, two swapped); only when there is none, among those of the same
# reporter's prefix, and only when they are few: each unknown id of a large round used to
# be compared with every id (difflib), a tenth of a second each.
CLOSE_AMONG = 300
DELETIONS_OF_ALL = 50_000


def id_key(ident: str) -> str:
    """An id as it is compared: without spaces, in capitals ("gtm - 9d9a0f" is GTM-9D9A0F)."""
    return "".join(str(ident).split()).upper()


def id_prefix(ident: str) -> str:
    """The reporter's code an id begins with (GTM of GTM-9D9A0F), or ""."""
    key = id_key(ident)
    return key.split("-", 1)[0] if "-" in key else ""


class ItemIndex:
    """The items an observation may name (`items_of_others`), by id and by activity text:
    one for the observer's matrix rows and its observations. Each lookup is made when
    first used, where it is used (the observations may be judged in another process):
    most observations name their item by id, and folding every activity of a large round
    cost more than the rest."""

    def __init__(self, items: pd.DataFrame) -> None:
        self.items = items
        self._meant: dict[str, str] = {}
        self._deleted: dict[str | None, dict[str, str]] = {}  # (`_deleted_near`)

    @functools.cached_property
    def by_id(self) -> dict[str, list[int]]:
        """The items with each id (as compared: `id_key`), in their order."""
        return _positions([id_key(i) for i in self.items["id"].tolist()])

    def with_id(self, ident: str) -> list[int]:
        """The items with the id `ident`, typed in any case or spacing."""
        return self.by_id.get(id_key(ident), []) if ident else []

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

    def find(self, text: dict[str, str], reporter: str | None) -> int | None:
        """The item an observation names (by id, else by activity), of `reporter` if it
        names one."""
        candidates = (self.with_id(text["id"]) if text["id"]
                      else self.by_text(fold(text["actividad"])))
        if reporter is not None:
            candidates = [n for n in candidates if self.reporters[n] == reporter]
        if text["id"] and len(candidates) > 1:  # ("hnd-ab1" beside HND-AB1: the one
            ids = [str(self.items["id"].iat[n]) for n in candidates]  # as written, else none)
            if len(set(ids)) > 1:
                candidates = [n for n, i in zip(candidates, ids, strict=True) if i == text["id"]]
        return candidates[0] if candidates else None

    def nearest(self, wanted: str) -> str:
        """The id meant: the one that reads the same once look-alike characters are one
        (l and 1, O and 0) and case is ignored, else the closest one slip away, else the
        closest of its prefix. Never a restricted item's: a suggestion would tell the
        observer it exists."""
        if wanted not in self._meant:
            self._meant[wanted] = self._nearest(wanted)
        return self._meant[wanted]

    def _nearest(self, wanted: str) -> str:
        plain = _plain(wanted)
        if not plain:
            return ""
        if plain in self._alike:
            return self._alike[plain]
        shorter = _deletions(plain)
        deleted = self._deleted_near(wanted)
        near = [deleted.get(plain), *(self._alike.get(d) for d in shorter),
                *(deleted.get(d) for d in shorter)]
        found = list(dict.fromkeys(i for i in near if i))
        if not found:
            same = self._by_prefix.get(id_prefix(wanted), [])
            if len(same) > CLOSE_AMONG:
                return ""
            found = difflib.get_close_matches(wanted, same, n=1, cutoff=0.6)
        return max(found, key=lambda i: difflib.SequenceMatcher(None, plain, _plain(i)).ratio(),
                   default="")

    @functools.cached_property
    def _public(self) -> list[str]:
        """The distinct ids of the items that are not restricted, in their order."""
        reserved = (self.items["reservado"].fillna(False).astype(bool).tolist()
                    if "reservado" in self.items else [False] * len(self.items))
        return list(dict.fromkeys(str(i) for i, r in zip(self.items["id"].tolist(), reserved,
                                                          strict=True) if i and not r))

    @functools.cached_property
    def _alike(self) -> dict[str, str]:
        """Each public id by its look-alike form (the first, where two share one)."""
        found: dict[str, str] = {}
        for ident in self._public:
            found.setdefault(_plain(ident), ident)
        return found

    def _deleted_near(self, wanted: str) -> dict[str, str]:
        """Each public id by its look-alike forms with one character left out: of every id,
        or, in a round of more than `DELETIONS_OF_ALL` ids, of those of `wanted`'s prefix
        (a million ids' forms took ten seconds and a gigabyte)."""
        prefix = id_prefix(wanted) if len(self._alike) > DELETIONS_OF_ALL else None
        if prefix not in self._deleted:
            ids = (self._alike.items() if prefix is None else
                   ((_plain(i), i) for i in self._by_prefix.get(prefix, [])))
            found: dict[str, str] = {}
            for plain, ident in ids:
                for shorter in _deletions(plain):
                    found.setdefault(shorter, ident)
            self._deleted[prefix] = found
        return self._deleted[prefix]

    @functools.cached_property
    def _by_prefix(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for ident in self._public:
            found.setdefault(id_prefix(ident), []).append(ident)
        return found


def _positions(keys: list[str]) -> dict[str, list[int]]:
    """Each non-blank key's positions, in order."""
    found: dict[str, list[int]] = {}
    for n, key in enumerate(keys):
        if key:
            found.setdefault(key, []).append(n)
    return found


_LOOK_ALIKE = str.maketrans({"l": "1", "i": "1", "o": "0", " ": "", "_": "-"})


def _plain(ident: str) -> str:
    return "".join(ident.split()).lower().translate(_LOOK_ALIKE)


def _deletions(text: str) -> set[str]:
    return {text[:n] + text[n + 1:] for n in range(len(text))}
