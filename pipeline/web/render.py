"""The one Jinja2 environment of the pages: templates from pipeline/web/templates,
autoescape on for everything (HTML, SVG, the inlined script's data through `tojson`),
an undefined name an error rather than an empty string, and no bidirectional control
in anything shown."""

from __future__ import annotations

import functools

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from pipeline.model.text import without_bidi

PAGE_SIZES = {"carta": "letter", "a4": "A4"}  # the configuration's paper as CSS @page names


def page_size(papel: str) -> str:
    return PAGE_SIZES.get(papel, "letter")


@functools.cache
def environment() -> Environment:
    env = Environment(loader=PackageLoader("pipeline.web", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True, finalize=_shown)
    # The script's data as UTF-8 (a third of the size of \u escapes for accented text);
    # tojson still escapes < > & ' so no text can close the script element.
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "separators": (",", ":")}
    return env


def _shown(value: object) -> object:
    """What a page shows of a value: no bidirectional control, whatever its source (a
    file's name holding a right-to-left override shows reversed)."""
    if isinstance(value, Markup):
        return Markup(without_bidi(str(value)))
    return without_bidi(value) if isinstance(value, str) else value


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)
