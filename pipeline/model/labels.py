"""The words a table or page shows for the run's data (docs/contract.md §6): a status key as
the network calls it, a column's heading. Words, not computation: every stage that shows
data asks them here, none of them in the stage that computes (pipeline.analyse)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from pipeline.words import known, word

if TYPE_CHECKING:  # (the reference is only asked, never imported at load)
    from pipeline.reference.data import Reference


def status_labels(ref: Reference, lang: str) -> dict[str, str]:
    """Status keys (and the summary's extra columns) as words in the run's language."""
    labels = {s.clave: ref.status_label(s.clave, lang) for s in ref.estados}
    labels.update({"otro": word("status.otro", lang),
                   "sin_estado": word("status.sin_estado", lang),
                   "sin_informacion": word("status.sin_informacion", lang),
                   "total": word("column.total", lang), "vencidos": title("vencido", lang)})
    if own := ref.red.column_title("grupo_trabajo", lang):  # as the network calls them
        labels["grupo_trabajo"] = own
    return labels


def title(column: str, lang: str, extra_titles: dict[str, str] | None = None,
          ref: Reference | None = None) -> str:
    """The heading of a table's column: a column the matrix does not define keeps the title
    it was found under; with the network's reference, its groups' column is titled as the
    network calls them ("Mesa"), and so its restricted column."""
    if extra_titles and column in extra_titles:
        return extra_titles[column]
    if ref is not None and (own := ref.red.column_title(column, lang)):
        return own
    key = f"column.{column}"
    return word(key, lang) if known(key) else column  # a column named by its data (a round)


STATUS_HEADLINES = ("finalizado", "en_proceso", "pendiente", "no_alcanzado")


def headline(key: str, lang: str, ref: Reference | None = None) -> str:
    """A headline figure's words ("Finalizadas"); with the network's reference, a status's
    as the network calls it where its profile renames the statuses those words were
    written for (the default profile's: "Cumplido" where another network says so)."""
    if ref is None:
        return word(f"headline.{key}", lang)
    return named_headline(key, lang, lambda kind, name: ref.label(kind, name, lang))


def named_headline(key: str, lang: str, label: Callable[[str, str], str]) -> str:
    """`headline`, the network's words given by `label` (kind, name) in `lang`."""
    if key in STATUS_HEADLINES:
        own = label("estado", key)  # (the key itself: a status the network does not have)
        if own not in (key, _default_reference().label("estado", key, lang)):
            return own
    return word(f"headline.{key}", lang)


@functools.cache
def _default_reference() -> Reference:
    from pipeline.reference.load import load_reference

    return load_reference(None)  # (the shipped default profile)
