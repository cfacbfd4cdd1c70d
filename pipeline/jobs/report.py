"""`seguimiento report`: the annual report from the stored rounds of a year."""

from __future__ import annotations

from pathlib import Path

from pipeline.analyse.tables import status_labels
from pipeline.reference.load import load_reference
from pipeline.report.data import build_report
from pipeline.report.write import write_report
from pipeline.store.rounds import history_path


def make_report(year: int, out_dir: Path, public: bool, history: Path | None, lang: str,
                config: Path | None) -> list[Path]:
    ref = load_reference(config)
    report = build_report(history_path(None, history), year, ref, lang, public=public)
    labels = status_labels(ref, lang)
    return write_report(report, out_dir, labels, "_publico" if public else "")
