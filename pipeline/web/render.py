"""The one Jinja2 environment of the pages: templates from pipeline/web/templates,
autoescape on for everything (HTML, SVG, the inlined script's data through `tojson`),
an undefined name an error rather than an empty string."""

from __future__ import annotations

import functools

from jinja2 import Environment, PackageLoader, StrictUndefined


@functools.cache
def environment() -> Environment:
    return Environment(loader=PackageLoader("pipeline.web", "templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                       keep_trailing_newline=True)


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)
