"""The options several commands share, and the one value type of our own: a day as
people type it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from pipeline.reference.plan import EARLIEST, LATEST
from pipeline.words import word


class _Day(click.ParamType):
    """A day as people type it: 2026-11-30, or day first, 30/11/2026 (also with - or .);
    anything else is told in the user's language with the two forms to use."""

    name = "date"
    FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y")

    def convert(self, value: object, param: click.Parameter | None,
                ctx: click.Context | None) -> dt.date:
        if isinstance(value, dt.date):
            return value
        text = str(value).strip()
        lang = getattr(ctx.find_root().command, "language", "es") if ctx else "es"
        for form in self.FORMATS:
            try:
                day = dt.datetime.strptime(text, form).date()
            except ValueError:
                continue
            if not EARLIEST <= day <= LATEST:  # no deadline can be judged there
                self.fail(word("cli.date_out_of_range", lang, value=text, first=EARLIEST,
                               last=LATEST), param, ctx)
            return day
        self.fail(word("cli.bad_date", lang, value=text), param, ctx)


DATES = _Day()
LANG = click.option("--lang", type=click.Choice(["es", "en"]))
CONFIG = click.option("--config", "config", type=click.Path(path_type=Path, dir_okay=False))
VERBOSE = click.option("--verbose", "-v", is_flag=True)
HISTORY = click.option("--history", type=click.Path(path_type=Path, dir_okay=False))
LOG_FILE = click.option("--log-file", type=click.Path(path_type=Path, dir_okay=False))
AS_OF = click.option("--as-of", type=DATES)
WORKSPACE = click.option("--workspace", type=click.Path(path_type=Path, file_okay=False),
                         envvar="SEGUIMIENTO_WORKSPACE")
