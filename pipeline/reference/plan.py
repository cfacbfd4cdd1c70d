"""The strategic plans whose years a deadline may name ("1er año", "year 2"), and the
calendar of the process's meetings a deadline may name ("antes de la próxima Reunión
Viceministerial")."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# The days a deadline, a meeting or an as-of date can be: before 1970 it is a number Excel
# took for a date (serial 1 is 1900-01-01); after 2262-04-11 no table can count it
# (pandas' last day) and no one means it (31/12/9999 is "never").
EARLIEST, LATEST = dt.date(1970, 1, 1), dt.date(2262, 4, 11)


@dataclass(frozen=True)
class Plan:
    """A strategic plan: its years run from its start, `anios` of them."""

    inicio: dt.date
    anios: int = 3
    nombre: str = ""
    en: str = ""

    def end_of_year(self, n: int) -> dt.date:
        """The last day of the plan's n-th year."""
        return add_years(self.inicio, n) - dt.timedelta(days=1)

    @property
    def fin(self) -> dt.date:
        """The plan's last day."""
        return self.end_of_year(self.anios)


@dataclass(frozen=True)
class Meeting:
    """A meeting of the process: its kind ("Reunión Viceministerial", a working group),
    its own name when it has one ("XXVII Reunión Viceministerial"), its date."""

    reunion: str
    fecha: dt.date
    nombre: str = ""
    alias: tuple[str, ...] = ()


def add_years(date: dt.date, years: int) -> dt.date:
    try:
        return date.replace(year=date.year + years)
    except ValueError:  # 29 February
        return date.replace(year=date.year + years, day=28)
