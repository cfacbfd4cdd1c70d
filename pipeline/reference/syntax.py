"""A configuration or profile file that is no TOML, told in the run's language at its line
(tomllib says it in English: "Cannot overwrite a value (at line 3, column 21)")."""

from __future__ import annotations

import re

from pipeline.words import LANGS, word

_AT = re.compile(r"\(at line (\d+), column \d+\)|\(at end of document\)")
# tomllib's words -> what the person wrote wrong (pipeline.words.config, "config.toml.*")
_KINDS = (("Cannot overwrite", "twice_key"), ("Cannot declare", "twice_table"),
          ("Unterminated string", "quote"), ("Illegal character", "quote"),
          ("Expected '=' after a key", "equals"), ("Unclosed array", "list"),
          ("Unclosed inline table", "brace"),
          ("Invalid value", "value"))


def not_toml(source: str, said: str) -> tuple[str, str]:
    """The message, in each language, for tomllib's `said` about the file `source`."""
    found = _AT.search(said)
    line = found.group(1) if found else None
    kind = next((k for start, k in _KINDS if said.startswith(start)), "other")
    if kind == "quote" and "'\\n'" not in said and "Unterminated" not in said:
        kind = "other"  # (an illegal character that is no line ending inside a text)
    texts = []
    for lang in LANGS:
        where = word("config.where", lang, archivo=source, linea=line) if line else source
        texts.append(f"{where}: " + word(f"config.toml.{kind}", lang))
    return texts[0], texts[1]


def not_utf8(source: str) -> tuple[str, str]:
    """The message, in each language, for a file saved in another encoding (UTF-16)."""
    spanish, english = (f"{source}: " + word("config.not_utf8", lang) for lang in LANGS)
    return spanish, english
