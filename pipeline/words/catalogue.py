"""The catalogue: every entry of the words modules, by key. An entry is (Spanish, English),
each a text or, for a word that depends on a count, its (one, other) forms."""

from __future__ import annotations

from pipeline.words import (
    config,
    documents,
    files,
    help,
    help_mail,
    indicators,
    mail,
    messages,
    outputs,
    template,
    web,
)
from pipeline.words.entry import Entry


def _merge(*parts: dict[str, Entry]) -> dict[str, Entry]:
    merged: dict[str, Entry] = {}
    for part in parts:
        clash = merged.keys() & part.keys()
        if clash:
            raise ValueError(f"words defined twice: {sorted(clash)}")
        merged |= part
    return merged


CATALOGUE = _merge(outputs.WORDS, documents.WORDS, messages.WORDS, files.WORDS, template.WORDS,
                   help.WORDS, mail.WORDS, help_mail.WORDS, web.WORDS, config.WORDS,
                   indicators.WORDS)
