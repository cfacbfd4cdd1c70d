"""`seguimiento template`: one template per reporter, written aside and moved into place."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pipeline.config import Party, load_reference
from pipeline.errors import UnknownReporter
from pipeline.matching import Matcher
from pipeline.outputs import staging
from pipeline.provenance import quarter_of
from pipeline.template import template_name, write_template


def generate_templates(
    reporters: tuple[str, ...],
    all_reporters: bool,
    ronda: str | None,
    lang: str | None,
    out_dir: Path,
    config: Path | None,
    today: dt.date | None = None,
) -> list[Path]:
    ref = load_reference(config)
    matcher = Matcher(ref)
    chosen: list[Party] = []
    if all_reporters:
        chosen.extend(p for name in ref.esperados if (p := ref.party(name)) is not None)
    for text in reporters:
        match = matcher.reporter(text)
        party = ref.party(match.value) if match.value else None
        if party is None:
            known = ", ".join(p.nombre for p in ref.informantes)
            raise UnknownReporter(f"«{text}» ({known})")
        if party not in chosen:
            chosen.append(party)
    today = today or dt.date.today()
    ronda = ronda or quarter_of(today)
    written = []
    with staging(out_dir) as stage:
        for party in chosen:
            name = template_name(party, ronda)
            write_template(stage / name, party, ronda, lang or party.idioma, ref, today)
            written.append(out_dir / name)
    return written
