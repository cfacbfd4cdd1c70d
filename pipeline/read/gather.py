"""Reading the whole input folder: every file becomes a submission (read, refused or
skipped) and the matrix rows of the read ones one raw frame with their provenance."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from pipeline.model.columns import EXPECTED_KEYS, KEYS, column_letter
from pipeline.model.sides import KINDS
from pipeline.model.submission import Submission
from pipeline.model.text import file_name, fold_title
from pipeline.model.values import read_text
from pipeline.normalize.deadlines import parse_day
from pipeline.normalize.matching import Matcher
from pipeline.read.files import Candidate
from pipeline.read.guess import Found, guess_columns
from pipeline.read.header import key_reader
from pipeline.read.isolation import read_isolated
from pipeline.read.provenance import describe, reporter_from_filename
from pipeline.read.titles import folded_titles
from pipeline.read.workbook import WorkbookRead, read_workbook
from pipeline.reference.data import Reference
from pipeline.words import LANGS, both, lang_of, word
from validation import Issue, make_issue

log = logging.getLogger("seguimiento")
RECORDS_PER_FRAME = 10_000
SHARED_CHARS = 80  # longer texts (activities, results) are seldom the same twice
CellMap = dict[tuple[str, str], dict[str, tuple[str, str]]]


@dataclass
class Gathered:
    raw: pd.DataFrame
    submissions: list[Submission] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    cells: CellMap = field(default_factory=dict)
    extra_titles: dict[str, str] = field(default_factory=dict)  # extra_<slug> -> title
    # per-item side sheets' rows by kind (pipeline.model.sides), with their provenance
    sides: dict[str, pd.DataFrame] = field(default_factory=dict)
    # (file, sheet) -> the title each matrix column was read under (what validate says)
    headers: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)

    def take_raw(self) -> pd.DataFrame:
        """The rows read, handed over: this no longer holds them (a million rows' frame
        is hundreds of MB, freed as soon as whoever took it lets it go)."""
        raw, self.raw = self.raw, self.raw.iloc[:0].copy()  # (a slice would hold it)
        return raw


def gather(
    candidates: list[Candidate],
    ref: Reference,
    matcher: Matcher,
    round_option: str | None,
    as_of: dt.date,
    lang: str,
    on_file: Callable[[str, int], None] | None = None,
) -> Gathered:
    """Read every candidate file; `on_file(name, total)` is told after each one."""
    subs: list[Submission] = []
    issues: list[Issue] = []
    cells: CellMap = {}
    records: list[dict[str, object]] = []
    frames: list[pd.DataFrame] = []
    extra_titles: dict[str, str] = {}
    headers: dict[tuple[str, str], dict[str, str]] = {}
    side_records: dict[str, list[dict[str, object]]] = {kind.key: [] for kind in KINDS}
    # (the network's own titles, then the workspace's [columnas], which win)
    own = {**folded_titles(ref.network_titles),
           **folded_titles({k: list(v) for k, v in ref.columnas.items()})}
    # Each file's cells come as texts of their own: a status, a party or a theme written
    # a million times is kept once (a large round's gathered rows took half their memory
    # in copies of the same few words).
    shared: dict[str, str] = {}
    reads = read_isolated([c.path for c in candidates if not c.skip_reason],
                          functools.partial(read_workbook, titles=own) if own else read_workbook)
    for candidate in candidates:
        name = file_name(candidate.path)
        workbook = None if candidate.skip_reason else next(reads)
        skipped = candidate.skip_reason if workbook is None else workbook.skipped
        if workbook is None or skipped:
            subs.append(Submission(archivo=name, estado="omitido", motivo=skipped))
            issues.append(make_issue("archivo-omitido", archivo=name, motivo=skipped or ""))
        else:
            sub, found = _take(workbook, ref, round_option, as_of, lang)
            if not workbook.refused and not workbook.sheets and not workbook.sides:
                sub, found = _without_matrix(workbook, sub, found, matcher)
            subs.append(sub)
            issues.extend(found)
            for sheet in workbook.sheets:
                cells[(name, sheet.hoja)] = sheet.cells()
                headers[(name, sheet.hoja)] = dict(sheet.header.titles)
                group = matcher.group(sheet.hoja)
                for record in sheet.records:
                    for key, value in record.items():  # a column's repeated words, kept once
                        if type(value) is str and len(value) <= SHARED_CHARS:
                            record[key] = shared.setdefault(value, value)
                    record.update(_archivo=name, _hoja=sheet.hoja, _informante=sub.informante,
                                  _ronda=sub.ronda, _fecha_envio=sub.fecha_envio,
                                  _plan=sub.plan,
                                  _grupo_hoja=sheet.hoja if group.value else "")
                    extras = record.pop("_extra", {})
                    assert isinstance(extras, dict)
                    for title, value in extras.items():
                        column = extra_column(title)
                        extra_titles.setdefault(column, title)
                        record[column] = value
                    records.append(record)
            for kind, side in workbook.sides:
                cells[(name, side.hoja)] = side.cells()
                for record in side.records:
                    record.pop("_extra", None)
                    record.update(_archivo=name, _hoja=side.hoja, _informante=sub.informante,
                                  _ronda=sub.ronda)
                    side_records[kind].append(record)
            if len(records) >= RECORDS_PER_FRAME:  # rows as dicts are large: a frame
                frames.append(pd.DataFrame.from_records(records))  # at a time
                records = []
        if on_file is not None:
            on_file(name, len(candidates))
    columns = [*KEYS, "_archivo", "_hoja", "_fila", "_informante", "_ronda", "_fecha_envio",
               "_plan", "_grupo_hoja", *sorted(extra_titles)]
    if records or not frames:  # (an empty frame's columns are untyped: not joined)
        frames.append(pd.DataFrame.from_records(records, columns=columns))
    raw = pd.concat(frames, ignore_index=True).reindex(columns=columns)
    raw["_fila"] = raw["_fila"].astype(int)
    for column in ("_archivo", "_hoja", "_informante", "_ronda", "_grupo_hoja", "_plan"):
        raw[column] = raw[column].astype(object).fillna("").astype(str)
    sides = {kind.key: pd.DataFrame.from_records(
        side_records[kind.key], columns=[*kind.keys, "_archivo", "_hoja", "_fila",
                                         "_informante", "_ronda"]) for kind in KINDS}
    return Gathered(raw, subs, issues, cells, extra_titles, sides, headers)


def extra_column(title: str) -> str:
    """A stable snake_case name for a column the matrix does not define."""
    return "extra_" + (fold_title(title).replace(" ", "_") or "sin_titulo")


def _take(
    workbook: WorkbookRead,
    ref: Reference,
    round_option: str | None,
    as_of: dt.date,
    lang: str,
) -> tuple[Submission, list[Issue]]:
    name = file_name(workbook.path)
    if workbook.detail:
        log.info("%s: the reader said: %s", name, workbook.detail)
    if workbook.refused:
        sub = Submission(archivo=name, estado="rechazado", motivo=workbook.refused,
                         detalle=workbook.detail,
                         informante=reporter_from_filename(name, ref) or "")
        return sub, [make_issue("archivo-ilegible", archivo=name, motivo=workbook.refused)]
    sub = describe(workbook, ref, round_option, as_of,
                   hojas=tuple(sheet.hoja for sheet in workbook.sheets),
                   filas=sum(len(sheet.records) for sheet in workbook.sheets))
    if workbook.sides and not workbook.sheets:  # side sheets alone: what was read of it
        sub = dataclasses.replace(
            sub, hojas=tuple(dict.fromkeys(s.hoja for _, s in workbook.sides if s.hoja)),
            filas=sum(len(s.records) for _, s in workbook.sides),
            laterales=tuple(sorted({kind for kind, _ in workbook.sides})))
    issues: list[Issue] = []
    typed = workbook.contact.get("fecha_envio")
    if read_text(typed) and parse_day(typed) is None:  # words, or a day no one means
        meta = workbook.metadata  # (where it was found: the template's cell, or by title)
        hoja, celda = workbook.contact_at.get("fecha_envio", (
            meta.get("hoja_matriz", ""), meta.get("celda_fecha_envio", "")))
        issues.append(make_issue("fecha-envio-ilegible", archivo=name, hoja=hoja,
                                 celda=celda, valor=read_text(typed)))
    if not sub.informante_conocido:
        issues.append(make_issue("informante-desconocido", archivo=name, valor=sub.informante))
    issues += workbook.issues
    for hoja, titles in workbook.no_matrix.items():
        issues.append(make_issue("hoja-sin-matriz", archivo=name, hoja=hoja,
                                 encontrado=_titles_found(titles)))
    if not workbook.sheets and not workbook.no_matrix and not workbook.sides:
        issues.append(make_issue("hoja-sin-matriz", archivo=name, encontrado=("", "")))
    for sheet in workbook.sheets:
        # (each missing column told at the next free title cell, where it may be added)
        free = max([*sheet.header.columns.values(), *sheet.header.extras.values()]) + 1
        for key in EXPECTED_KEYS:
            if key not in sheet.header.columns and (ref.pilares or key != "pilar"):
                missing = both(f"column.{key}")
                issues.append(make_issue("columna-faltante", archivo=name, hoja=sheet.hoja,
                                         fila=sheet.header.row + 1,
                                         columna=missing[LANGS.index(lang_of(lang))],
                                         celda=f"{column_letter(free)}{sheet.header.row + 1}",
                                         titulo=missing))
                free += 1
        if not sheet.records:
            issues.append(make_issue("matriz-vacia", archivo=name, hoja=sheet.hoja))
    for sheet in [*workbook.sheets, *(side for _, side in workbook.sides)]:
        cells = sheet.cells()
        for fila, key in sheet.no_value:
            letter, title = cells[key]
            issues.append(make_issue("formula-sin-valor", archivo=name, hoja=sheet.hoja,
                                     fila=fila, columna=title, celda=f"{letter}{fila}"))
    return sub, issues


def _without_matrix(workbook: WorkbookRead, sub: Submission, issues: list[Issue],
                    matcher: Matcher) -> tuple[Submission, list[Issue]]:
    """A file in which no matrix was found: never "read" (docs/contract.md §7), but
    `sin_matriz`, with an error that says what titles it has and the `[columnas]` lines
    that would map them (in place of each sheet's warning)."""
    name = file_name(workbook.path)
    key_of = key_reader(workbook.titles)
    found = [f for hoja, head in workbook.heads.items()
             if (f := guess_columns(hoja, head, key_of, matcher)) is not None]
    best = max(found, key=lambda f: (len(f.lines), len(f.titles)), default=None)
    sub = dataclasses.replace(sub, estado="sin_matriz", motivo=both("no_matrix"))
    kept = [i for i in issues if i.code != "hoja-sin-matriz"]
    if best is None:
        kept.append(make_issue("archivo-sin-matriz", archivo=name, encontrado=("", ""),
                               columnas=_example(None)))
        return sub, kept
    spanish, english = (word("found_titles_at", lang, hoja=best.hoja, fila=best.fila,
                             titles=", ".join(word("quoted", lang, text=t)
                                              for t in best.titles)) for lang in LANGS)
    kept.append(make_issue("archivo-sin-matriz", archivo=name, hoja=best.hoja,
                           fila=best.fila, encontrado=(spanish, english),
                           columnas=_example(best)))
    return sub, kept


def _example(found: Found | None) -> str:
    """The `[columnas]` lines that would map a file's titles (one example when none is
    guessed)."""
    lines = found.lines if found is not None and found.lines else (
        'actividad = ["…"]', 'responsable = ["…"]', 'plazo = ["…"]')
    return "[columnas] " + "; ".join(lines)


def _titles_found(titles: list[str]) -> tuple[str, str]:
    """What a sheet that is not taken for a matrix has of one, for its issue."""
    if not titles:
        return "", ""
    spanish, english = (word("found_titles", lang, titles=", ".join(
        word("quoted", lang, text=t) for t in titles)) for lang in LANGS)
    return spanish, english
