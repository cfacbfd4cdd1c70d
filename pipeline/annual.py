"""`seguimiento report`: the annual report from the stored rounds of a year."""

from __future__ import annotations

from pathlib import Path

from pipeline.config import load_reference
from pipeline.report_data import build_report
from pipeline.report_write import write_report
from pipeline.rounds import history_path
from pipeline.tables import title


def make_report(year: int, out_dir: Path, public: bool, history: Path | None, lang: str,
                config: Path | None) -> list[Path]:
    ref = load_reference(config)
    report = build_report(history_path(None, history), year, ref, lang, public=public)
    en = lang == "en"
    labels = {s.clave: (s.en if en else s.es) for s in ref.estados}
    labels.update({"otro": "Other" if en else "Otro",
                   "sin_estado": "No status" if en else "Sin estado", "total": "Total",
                   "vencidos": title("vencido", lang)})
    return write_report(report, out_dir, labels, "_publico" if public else "")
