"""Quantities as people type them in an indicator's cells (pipeline.normalize.numbers): each
case is what a focal point typed and what it means, (value, unit)."""

import math
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from pipeline.normalize.numbers import LARGEST, read_quantity


def read(typed: object) -> tuple[float | None, str]:
    quantity = read_quantity(typed)
    return quantity.value, quantity.unit


@pytest.mark.parametrize(("typed", "value", "unit"), [
    ("1.234,5", 1234.5, ""), ("1,234.5", 1234.5, ""), ("45 %", 45.0, "%"),
    ("12 personas", 12.0, "personas"), ("US$ 1.500", 1500.0, "US$"),
    ("1 234 567", 1234567.0, ""), ("2,5", 2.5, ""), ("-3", -3.0, ""), ("+3", 3.0, ""),
    ("1.234.567,89", 1234567.89, ""), ("1,234,567.89", 1234567.89, ""),
    ("3 talleres", 3.0, "talleres"), ("12,5 %", 12.5, "%"), ("0", 0.0, ""),
    (7, 7.0, ""), (2.5, 2.5, ""), (-4, -4.0, ""), (0, 0.0, ""), (np.int64(7), 7.0, ""),
    (np.float64(2.5), 2.5, ""), (Decimal("1.250"), 1.25, ""),
    (None, None, ""), ("", None, ""), ("   ", None, ""), (True, None, ""),
])
def test_what_works_keeps_working(typed: object, value: float | None, unit: str) -> None:
    assert read(typed) == (value, unit)


@pytest.mark.parametrize(("typed", "value", "unit"), [
    # a group of thousands never follows a lone 0: the separator is the decimal one
    ("0,125", 0.125, ""), ("0.125", 0.125, ""), ("-0,500", -0.5, ""), ("00,125", 0.125, ""),
    ("0,125 %", 0.125, "%"), (",5", 0.5, ""), (".125", 0.125, ""),
    # nor more than three digits: "1234,567" is one thousand and something, not a million
    ("1234,567", 1234.567, ""),
    # one separator and three digits after a 1 to 3 digit whole: thousands, as before
    ("1.234", 1234.0, ""), ("1,234", 1234.0, ""), ("1.250", 1250.0, ""),
    ("12.345", 12345.0, ""), ("123,456", 123456.0, ""),
    # groups of thousands that are not groups of three are not a number (a date, a typo)
    ("0.125.000", None, ""), ("1,234,5", None, ""), ("15.03.2025", None, ""),
    ("1.23,5", None, ""), ("12 34", None, ""), ("1 234.567,5", None, ""),
])
def test_separators(typed: str, value: float | None, unit: str) -> None:
    assert read(typed) == (value, unit)


@pytest.mark.parametrize(("typed", "value", "unit"), [
    ("\u22125", -5.0, ""), ("\u20135", -5.0, ""), ("\u22125 personas", -5.0, "personas"),
    ("\u22120,5", -0.5, ""), ("\u2212 1.500", None, ""), ("\u2013 5", None, ""),
    ("US$ \u22121.500", -1500.0, "US$"),
    # parentheses: a remark or an accounting negative, never a value nor the unit "( )"
    ("(5)", None, ""), ("( 5 )", None, ""), ("(1.500)", None, ""), ("(\u22125)", None, ""),
    ("US$ (1.500)", None, ""), ("(5 personas)", None, ""),
    # plus or minus: a margin, not a value
    ("\u00b15", None, ""), ("+/-5", None, ""),
])
def test_signs_and_parentheses(typed: str, value: float | None, unit: str) -> None:
    assert read(typed) == (value, unit)


@pytest.mark.parametrize(("typed", "value", "unit"), [
    ("5 mil", 5000.0, ""), ("5 Mil", 5000.0, ""), ("5mil", 5000.0, ""),
    ("5 mil personas", 5000.0, "personas"), ("1,5 millones", 1_500_000.0, ""),
    ("1 millón", 1_000_000.0, ""), ("1 millon", 1_000_000.0, ""),
    ("1,5 millones de personas", 1_500_000.0, "personas"),
    ("2 MILLONES DE DÓLARES", 2_000_000.0, "DÓLARES"),
    ("US$ 1,5 millones", 1_500_000.0, "US$"), ("5 mil millones", 5e9, ""),
    ("2 thousand", 2000.0, ""), ("3 thousands", 3000.0, ""),
    ("1.5 million people", 1_500_000.0, "people"), ("2 millions", 2_000_000.0, ""),
    # not multipliers: miles of road; "billón" is 10^12 in Spanish, 10^9 in English
    ("5 millas", 5.0, "millas"), ("3 billones", 3.0, "billones"),
    ("2 milestones", 2.0, "milestones"),
])
def test_multipliers(typed: str, value: float, unit: str) -> None:
    assert read(typed) == (value, unit)


@pytest.mark.parametrize("typed", [
    "N/A", "n/a", "tbd", "TBD", "-", "\u2014", "?", "ninguno", "pendiente", "3/4",
    "1/2 personas", "1e3", "1E+03", "inf", "-inf", "nan", "NaN", "infinity", "Infinity",
    "5 - 10", "5\u201310", "24/7", "2025-01-31", "<NA>",
])
def test_a_text_without_one_number_has_no_value_and_no_unit(typed: str) -> None:
    assert read(typed) == (None, "")


@pytest.mark.parametrize(("typed", "value", "unit"), [
    ("\u224830", 30.0, ""), ("~30", 30.0, ""), ("\u2248 30 personas", 30.0, "personas"),
    ("aprox. 30", 30.0, ""), ("Aproximadamente 30 personas", 30.0, "personas"),
    ("approx. 1,500", 1500.0, ""), ("30 aprox.", 30.0, ""), ("45 % aprox.", 45.0, "%"),
    ("US$ ~1.500", 1500.0, "US$"), ("\u2265 80 %", 80.0, "%"), (">= 80 %", 80.0, "%"),
    ("<5", 5.0, ""), ("5.", 5.0, ""),
])
def test_approximate_and_bound_values_read_their_number(typed: str, value: float,
                                                         unit: str) -> None:
    assert read(typed) == (value, unit)


@pytest.mark.parametrize("typed", [
    float("inf"), float("-inf"), float("nan"), 1e308, -1e308, 1e16, LARGEST * 1.0001,
    "1e308", "10.000.000.000.000.000", "1" + "0" * 400, "2 millones de millones de millones",
])
def test_huge_or_non_finite_numbers_are_refused(typed: object) -> None:
    assert read(typed) == (None, "")


@pytest.mark.parametrize(("typed", "too_large"), [
    (float("inf"), True), (-1e308, True), (10**400, True), ("10.000.000.000.000.000", True),
    ("1" + "0" * 400, True), (float("nan"), False), ("1e308", False), ("N/A", False),
    (LARGEST, False), (Decimal("sNaN"), False),
])
def test_a_number_too_large_is_told_apart_from_an_unreadable_text(typed: object,
                                                                   too_large: bool) -> None:
    assert read_quantity(typed).too_large is too_large


@pytest.mark.parametrize(("typed", "value"), [
    (LARGEST, LARGEST), (-LARGEST, -LARGEST), ("1.000.000.000.000.000", 1e15),
    ("999 999 999 999 999", 999_999_999_999_999.0), (-0.0, 0.0), ("-0", 0.0),
])
def test_the_largest_numbers_kept(typed: object, value: float) -> None:
    quantity = read_quantity(typed)
    assert quantity.value == value and math.copysign(1, quantity.value) == math.copysign(
        1, value)


@given(st.one_of(st.text(), st.floats(), st.integers()))
@example("(5)")
@example("\u22125")
@example("1e308")
def test_any_cell_is_a_finite_bounded_value_or_none(typed: object) -> None:
    value, unit = read(typed)
    if value is None:
        assert unit == ""
    else:
        assert math.isfinite(value) and abs(value) <= LARGEST
        assert not any(c.isdecimal() for c in unit)


@given(st.decimals(min_value=-LARGEST, max_value=LARGEST, places=2, allow_nan=False))
def test_a_number_written_either_way_reads_back(number: Decimal) -> None:
    english = f"{number:,.2f}"
    spanish = english.translate(str.maketrans(",.", ".,"))
    assert read(english)[0] == read(spanish)[0] == float(english.replace(",", ""))
