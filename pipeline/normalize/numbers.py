"""Quantities as people type them in an indicator's cells: a number cell, or text such as
"1.234,5", "1,234.5", "45 %", "12 personas", "1,5 millones de personas", "≈ 30" — the
number and the unit written after it (or before it: "US$ 1.500").

What is not one number ("N/A", "3/4", "5 - 10", "(5)") has no value and no unit: the
caller tells the cell as unreadable, and no word of it is carried into the next round's
template as if it were a unit.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from numbers import Real

from pipeline.model.text import normalize_text

# Above a thousand million million (10^15) no indicator of the process counts anything (the
# world's yearly output is about 10^14 dollars), floats stop holding every whole number
# exactly (from 2^53, about 9·10^15), and progress, chart coordinates and printed figures
# break down (1e308 prints as 309 digits; inf and NaN as progress). Such a value is a typo
# or a formula gone wrong: refused, so the cell is told, rather than carried everywhere.
LARGEST = 1e15
# The minus sign as typed or pasted: hyphen-minus, the true minus (U+2212), the en dash
# Word puts in place of a typed "-", the figure dash, small and full-width hyphen-minus.
_MINUS = "-\u2212\u2013\u2012\ufe63\uff0d"
_QUANTITY = re.compile(
    rf"^(?P<before>\D*?)(?P<sign>[+{re.escape(_MINUS)}])?"
    r"(?P<number>(?:\d[\d., ]*\d|\d)(?:[.,]\d+)?|[.,]\d+)(?P<after>\D*)\Z")
# Ends of the text before the number that make it no plain number: an opening parenthesis
# (see `read_quantity`), a margin (±5, +/-5), a dash apart from its digits ("– 5": a minus
# or a list's bullet?).
_NOT_ALONE = frozenset("(±/+" + _MINUS)
# Words and signs that qualify a number without changing it: approximately, at least,
# less than. Read as the number itself; they are not part of the unit.
_QUALIFIERS_BEFORE = re.compile(
    r"^(?:[≈~∼<>≤≥]=?\s*|(?:aprox|aproximadamente|approx|approximately|cerca de"
    r"|alrededor de|about|around|más de|mas de|menos de|al menos|more than|less than"
    r"|at least)\b\.?\s*)+", re.IGNORECASE)
_QUALIFIERS_TRAILING = re.compile(r"\s*[≈~∼<>≤≥]=?$")
_QUALIFIERS_AFTER = re.compile(
    r"(?:^|\s+)(?:aprox|aproximadamente|approx|approximately|o más|o mas|or more)\.?$",
    re.IGNORECASE)
# Multipliers written as words after the number ("5 mil", "1,5 millones de personas",
# "5 mil millones"); "de" between them and the unit is not part of the unit. Not "billón"
# (10^12 in Spanish, 10^9 in English), nor "k" or "M" (a unit as often as a multiplier).
_MULTIPLIERS = {"mil": 1e3, "thousand": 1e3, "thousands": 1e3, "millón": 1e6,
                "millon": 1e6, "millones": 1e6, "million": 1e6, "millions": 1e6}
_MULTIPLIER = re.compile(r"^\s*(?P<word>" + "|".join(_MULTIPLIERS) + r")\b(?:\s+de\b)?\s*",
                         re.IGNORECASE)
_PERCENT_SIGNS = "%‰‱"
_SEPARATORS = re.compile(r"([., ])")


@dataclass(frozen=True)
class Quantity:
    value: float | None  # None: no number could be read
    unit: str = ""  # as written beside the number ("%", "personas"); "" without a value
    # A number, but infinite or beyond ±LARGEST: refused (value None). Not NaN, which is
    # how a blank cell comes out of a frame.
    too_large: bool = False


def read_quantity(cell: object) -> Quantity:
    """A number cell as it is; a text read as one number with its unit. A blank cell, a
    text that is not one number, and a number beyond ±LARGEST have no value and no unit.

    A number in parentheses, "(5)" or "(1.500)", is not read: an accountant means a
    negative, but a focal point as often a remark or a figure not yet confirmed, and a
    wrong sign would turn an indicator's progress around without anyone noticing. Told
    as unreadable, the person writes "-5" or the number alone. Approximate values
    ("≈30", "~30", "aprox. 30") and bounds ("≥ 80 %") are read as their number: it is what
    the indicator is measured against. Scientific notation ("1e3") is not read: nobody
    types it on purpose here (Excel would have made it a number cell), and a letter among
    digits is more likely a typo or a code than a power of ten.
    """
    if cell is None or isinstance(cell, bool):
        return Quantity(None)
    # (float and int first: most cells are, and the abstract-class check is slower)
    if type(cell) is float or type(cell) is int or isinstance(cell, Real | Decimal):
        try:
            return _bounded(float(cell), "")
        except OverflowError:  # an integer past what a float holds
            return Quantity(None, too_large=True)
        except ValueError:  # Decimal("sNaN")
            return Quantity(None)
    text = normalize_text(cell)
    match = _QUANTITY.match(text)
    if match is None:
        return Quantity(None)
    before, after = match["before"].strip(), match["after"].strip()
    if before:
        before = _QUALIFIERS_TRAILING.sub("", _QUALIFIERS_BEFORE.sub("", before))
    if before[-1:] in _NOT_ALONE or after.startswith(")"):
        return Quantity(None)
    number = _number(match["number"])
    if number is None:
        return Quantity(None)
    if after:
        after = _QUALIFIERS_AFTER.sub("", after)
        while multiplier := _MULTIPLIER.match(after):
            number *= _MULTIPLIERS[multiplier["word"].lower()]
            after = after[multiplier.end():]
    sign = -1.0 if match["sign"] and match["sign"] in _MINUS else 1.0
    unit = " ".join(p for p in (_unit(before), _unit(after)) if p)
    return _bounded(sign * number, unit)


def _bounded(value: float, unit: str) -> Quantity:
    """`value` if finite and within ±LARGEST (-0 as 0), else no value and no unit."""
    if math.isnan(value):
        return Quantity(None)
    if math.isinf(value) or abs(value) > LARGEST:
        return Quantity(None, too_large=True)
    return Quantity(value + 0.0, unit)


def _unit(text: str) -> str:
    """What is written beside the number, if it says something: a word or a sign ("%",
    "US$"), not a lone dot or dash left over."""
    text = text.strip()
    if text.isalpha() or any(unicodedata.category(c)[0] in "LS" or c in _PERCENT_SIGNS
                             for c in text):
        return text
    return ""


def _number(text: str) -> float | None:
    """"1.234,5" and "1,234.5" are 1234.5: with both separators the last is the decimal one.
    With one separator once, it is decimal ("2,5" two and a half) unless three digits
    follow a whole of one to three digits that is not 0 ("1.234" a thousand and more;
    "0,125" an eighth, since a group of thousands never follows a lone 0). Spaces group
    thousands. Groups of thousands that are not groups of three ("15.03.2025", "1,234,5")
    are not a number."""
    if text.isdecimal():
        return float(text)
    tokens = _SEPARATORS.split(text)
    groups, separators = tokens[0::2], tokens[1::2]
    if any(not g for g in groups[1:]):
        return None  # two separators together: "1..5", "1, 5"
    last = separators[-1]
    marks = set(separators) - {" "}
    if last == " " or separators.count(last) > 1:
        decimal = False  # only thousands: "1 234", "1.234.567"
    elif len(marks) == 2 or " " in separators:
        decimal = True  # "1.234,5", "1 234,5"
    else:
        decimal = not (len(groups[1]) == 3 and _leads_thousands(groups[0]))
    whole = groups[:-1] if decimal else groups
    thousands = separators[:-1] if decimal else separators
    if len(set(thousands)) > 1 or (len(whole) > 1 and not (
            _leads_thousands(whole[0]) and all(len(g) == 3 for g in whole[1:]))):
        return None
    digits = "".join(whole) or "0"
    return float(f"{digits}.{groups[-1]}") if decimal else float(digits)


def _leads_thousands(group: str) -> bool:
    """Whether `group` can come before a group of thousands: one to three digits, not 0."""
    return 1 <= len(group) <= 3 and not group.startswith("0")
