"""What an entry of the catalogue is: one text per language, in the order of
`pipeline.words.LANGS` (Spanish, English), each a text or, for a word that depends on a
count, its forms (as many as the language's plural rule picks from: one and other)."""

from __future__ import annotations

Text = str | tuple[str, ...]
Entry = tuple[Text, ...]
