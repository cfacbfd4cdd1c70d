"""What an entry of the catalogue is: (Spanish, English), each a text or, for a word that
depends on a count, its (one, other) forms."""

from __future__ import annotations

Text = str | tuple[str, str]
Entry = tuple[Text, Text]
