"""`seguimiento template`: one template per reporter, written aside and moved into place."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from pipeline.model.errors import UnknownReporter
from pipeline.model.submission import quarter_of
from pipeline.normalize.matching import Matcher
from pipeline.reference.data import Party
from pipeline.reference.load import load_reference
from pipeline.store.history import history_path, latest_items_per_reporter, open_history
from pipeline.template.workbook import template_name, write_template
from pipeline.write.staging import staging


def generate_templates(
    reporters: tuple[str, ...],
    all_reporters: bool,
    ronda: str | None,
    lang: str | None,
    out_dir: Path,
    config: Path | None,
    today: dt.date | None = None,
    history: Path | None = None,
) -> list[Path]:
    """One template per reporter, prefilled with the reporter's items of its latest stored
    round before `ronda` (from the history database, when there is one)."""
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
    items = _last_items(history or history_path(None, None), ronda)
    written = []
    with staging(out_dir) as stage:
        for party in chosen:
            name = template_name(party, ronda)
            mine = items[items["informante"] == party.nombre] if not items.empty else items
            mine = mine.drop_duplicates(["id"])
            records = [{str(k): v for k, v in r.items()} for r in mine.to_dict("records")]
            write_template(stage / name, party, ronda, lang or ref.language_of(party.nombre),
                           ref, today, records)
            written.append(out_dir / name)
    return written


def _last_items(path: Path, ronda: str) -> pd.DataFrame:
    with open_history(path, create=False) as conn:
        return latest_items_per_reporter(conn, ronda)
