"""Quantities as people type them in an indicator's cells: a number cell, or text such as
"1.234,5", "1,234.5", "45 %", "12 personas", "3 talleres" — the number and the unit
written after it (or before it: "US$ 1.500")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.model.text import normalize_text

_QUANTITY = re.compile(
    r"^(?P<before>[^\d+\-.,]*?)\s*(?P<number>[+-]?(?:\d[\d.,\s]*\d|\d)(?:[.,]\d+)?)\s*"
    r"(?P<after>\D*)$")


@dataclass(frozen=True)
class Quantity:
    value: float | None  # None: no number could be read
    unit: str = ""  # as written beside the number ("%", "personas")


def read_quantity(cell: object) -> Quantity:
    """A number cell as it is; a text read as a number with its unit. A blank cell has no
    value and no unit; a text with no number keeps its words as the unit."""
    if cell is None or isinstance(cell, bool):
        return Quantity(None)
    if isinstance(cell, int | float):
        return Quantity(None if cell != cell else float(cell))
    text = normalize_text(cell)
    if not text:
        return Quantity(None)
    match = _QUANTITY.match(text)
    if match is None:
        return Quantity(None, text)
    number = _number(match.group("number"))
    unit = " ".join(p for p in (match.group("before").strip(), match.group("after").strip())
                    if p)
    return Quantity(number, unit)


def _number(text: str) -> float | None:
    """"1.234,5" and "1,234.5" are 1234.5 (the last separator is the decimal one, unless
    it is followed by exactly three digits and there is only one: "1.234" is a thousand
    and more, "2,5" two and a half); spaces group thousands."""
    digits = text.replace(" ", "")
    sign = -1.0 if digits.startswith("-") else 1.0
    digits = digits.lstrip("+-")
    last = max(digits.rfind("."), digits.rfind(","))
    if last < 0:
        return sign * float(digits)
    separators = sum(ch in ".," for ch in digits)
    decimals = digits[last + 1:]
    kinds = {ch for ch in digits if ch in ".,"}
    if separators == 1 and len(decimals) == 3 or (len(kinds) == 1 and separators > 1):
        whole = digits.replace(".", "").replace(",", "")  # only thousands
        return sign * float(whole)
    whole = digits[:last].replace(".", "").replace(",", "")
    return sign * float(f"{whole or '0'}.{decimals}")
