"""`seguimiento template`: one template per reporter, written aside and moved into place."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pipeline.model.errors import UnknownReporter
from pipeline.model.rounds import quarter_of
from pipeline.model.text import fold
from pipeline.reference.data import Party, Reference
from pipeline.reference.load import load_reference
from pipeline.store.history import latest_items_per_reporter, open_history
from pipeline.store.sides import indicator_rounds, latest_indicators, latest_indicators_of
from pipeline.template.sides import measured_items, observed_items, with_last_values
from pipeline.template.workbook import template_name, write_template
from pipeline.write.staging import output_lock, staging


@dataclass(frozen=True)
class Templates:
    """The templates written, and which went out blank and why."""

    written: list[Path]
    blank: list[str]  # reporters with no stored items to prefill
    history: bool  # whether there was a history to prefill from at all


def generate_templates(
    reporters: tuple[str, ...],
    all_reporters: bool,
    ronda: str | None,
    lang: str | None,
    out_dir: Path,
    config: Path | None,
    today: dt.date | None = None,
    history: Path | None = None,
) -> Templates:
    """One template per reporter, prefilled with the reporter's items of its latest stored
    round before `ronda` (from the history database, when there is one)."""
    ref = load_reference(config)
    chosen: list[Party] = []
    if all_reporters:
        chosen.extend(p for name in ref.esperados if (p := ref.party(name)) is not None)
    for text in reporters:
        party = _reporter(text, ref)
        if party not in chosen:
            chosen.append(party)
    today = today or dt.date.today()
    ronda = ronda or quarter_of(today)
    known = history is not None and history.is_file()
    items, indicators = _last_items(history, ronda)
    written, blank = [], []
    with output_lock(out_dir), staging(out_dir) as stage:
        for party in chosen:
            name = template_name(party, ronda)
            mine = items[items["informante"] == party.nombre] if not items.empty else items
            mine = mine.drop_duplicates(["id"])
            if mine.empty:
                blank.append(party.nombre)
            records = [{str(k): v for k, v in r.items()} for r in mine.to_dict("records")]
            language = lang or ref.language_of(party.nombre)
            observed = (observed_items(items, party.nombre, ref, language)
                        if party.nombre in ref.observadores else None)
            measured = measured_items(mine, indicators[indicators["informante"]
                                                       == party.nombre])
            write_template(stage / name, party, ronda, language, ref, today, records,
                           observed, measured)
            written.append(out_dir / name)
    return Templates(written, blank, known)


def _reporter(text: str, ref: Reference) -> Party:
    """The reporter a name denotes; UnknownReporter, with the nearest name, otherwise."""
    named = ref.reporter_named(text)
    party = ref.party(named) if named else None
    if party is not None:
        return party
    names = {fold(n): p.nombre for p in ref.informantes for n in (p.nombre, p.en) if n}
    near = difflib.get_close_matches(fold(text), list(names), n=1, cutoff=0.6)
    raise UnknownReporter(f"«{text}» → {names[near[0]]}" if near else f"«{text}»")


def _last_items(path: Path | None, ronda: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Each reporter's latest stored items before `ronda`, and their indicators then
    (none without a history)."""
    if path is None:
        return latest_items_per_reporter(None, ronda), latest_indicators(None, ronda)
    with open_history(path, create=False) as conn:
        stored = indicator_rounds(conn)
        return latest_items_per_reporter(conn, ronda), with_last_values(
            latest_indicators_of(stored, ronda), stored, ronda)
