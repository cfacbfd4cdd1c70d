"""The consolidate stage (docs/contract.md §5): keys, generated ids, duplicate submissions, and the
checks that need more than one row (`id-duplicado`, `id-conflicto`,
`demasiadas-actividades`, `envio-faltante`). Frames in, frames and issues out.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import cast

import numpy as np
import pandas as pd

from pipeline.model.submission import Submission
from pipeline.model.text import fold, fold_clean
from pipeline.reference.data import Reference
from pipeline.words import both, spelled, word
from validation import Issue, make_issue


def replace_earlier_submissions(subs: list[Submission]) -> tuple[list[Submission],
                                                                   list[Issue]]:
    """The latest file of a reporter in a round replaces the earlier ones whole. A file of
    side sheets alone (an observer's observations, a reporter's indicators, sent apart) is
    read beside the reporter's matrix file, not in place of it, and says so; it replaces
    (or is replaced by) only a file of the same side sheets alone."""
    issues: list[Issue] = []
    groups: dict[tuple[str, str, tuple[str, ...]], list[Submission]] = {}
    for sub in subs:
        if sub.estado == "leido" and sub.informante_conocido:
            groups.setdefault((sub.informante, sub.ronda, sub.laterales), []).append(sub)
    replaced: dict[str, Submission] = {}
    for (informante, _, _), group in sorted(groups.items()):
        if len(group) < 2:
            continue
        group.sort(key=lambda s: (s.fecha_envio or pd.Timestamp.min, s.archivo))
        kept = group[-1]
        for sub in group[:-1]:
            replaced[sub.archivo] = replace(
                sub, estado="reemplazado",
                motivo=both("replaced", kept=kept.archivo))
            issues.append(make_issue("envio-duplicado", archivo=sub.archivo,
                                     informante=informante, archivo_usado=kept.archivo))
    kept_subs = [replaced.get(s.archivo, s) if s.archivo else s for s in subs]
    matrices = {(s.informante, s.ronda): s.archivo for s in kept_subs
                if s.estado == "leido" and not s.laterales and s.informante_conocido}
    return [_beside(s, matrices.get((s.informante, s.ronda)) if s.informante_conocido
                    else None) if s.estado == "leido" and s.laterales else s
            for s in kept_subs], issues


def _beside(sub: Submission, matrix: str | None) -> Submission:
    """A file of side sheets alone, saying so: what it holds, and the matrix file of its
    reporter it was read beside (none came)."""
    motivo = tuple(word("sides_beside" if matrix else "sides_alone", lang, kept=matrix or "",
                        kinds=", ".join(word(f"sheet.{kind}", lang).lower()
                                        for kind in sub.laterales))
                   for lang in ("es", "en"))
    return replace(sub, motivo=(motivo[0], motivo[1]))


def _code(informante: str, ref: Reference) -> str:
    return _codes(ref).get(informante) or reporter_code(informante, ref)


@functools.lru_cache(maxsize=8)
def _codes(ref: Reference) -> dict[str, str]:
    return {p.nombre: p.codigo for p in ref.responsables if p.codigo}


def reporter_code(informante: str, ref: Reference) -> str:
    party = ref.party(informante)
    if party is not None and party.codigo:
        return party.codigo
    letters = "".join(word[0] for word in fold(informante).split())[:6]
    return letters.upper() or "X"


def assign_ids(frame: pd.DataFrame, ref: Reference) -> pd.DataFrame:
    """Rows without an id get one from the reporter and the normalized activity text, so
    the same activity keeps the same id from round to round."""
    frame = frame.copy(deep=False)  # columns are replaced, never written into: no row copy
    blank = frame["id"].eq("")
    frame["_id_generado"] = blank
    if blank.any():
        rows = frame.loc[blank]
        reporters = rows["_informante"].tolist()
        codes = {inf: _code(inf, ref) for inf in set(reporters)}
        texts = (fold_clean(act) or f"{arch}|{hoja}|{fila}"
                 for act, arch, hoja, fila in zip(*(rows[c].tolist() for c in (
                     "actividad", "_archivo", "_hoja", "_fila")), strict=True))
        six, longer = _digits(reporters, texts)
        made = [f"{codes[inf]}-{n:06X}" for inf, n in zip(reporters, six.tolist(), strict=True)]
        for at, digits in longer.items():
            made[at] = f"{codes[reporters[at]]}-{digits}"
        ids = frame["id"].copy()
        ids[blank] = made
        frame["id"] = ids
    return frame


def _digits(reporters: list[str], texts: Iterable[str]) -> tuple[np.ndarray, dict[int, str]]:
    """Each row's id digits: six hex digits of its (reporter, activity) key (the first
    three bytes of its digest, as a number); where two distinct activities of one
    reporter share them (with 100,000 activities it happens), those take more digits, as
    many as tell them apart (the rows that do, and their digits): ids stay stable from
    round to round and never collide within a reporter.

    Each key is hashed as it is made and only its digest kept, in one array: at a million
    rows the keys themselves (a folded copy of every activity) and a table of them were
    the analysis's largest moment."""
    count = len(reporters)
    digests = np.fromiter((_digest(r, t) for r, t in zip(reporters, texts, strict=True)),
                          dtype="S20", count=count).view(np.uint8).reshape(count, 20)
    six = (digests[:, 0].astype(np.int64) << 16) | (digests[:, 1].astype(np.int64) << 8) \
        | digests[:, 2]
    # Rows whose reporter and six digits are another row's: the same activity again, or
    # a clash (distinct activities), told apart by their whole digests.
    reporter_at = pd.factorize(pd.Series(reporters, dtype=object))[0]
    group = (reporter_at.astype(np.int64) << 24) | six
    order = np.argsort(group, kind="stable")
    sorted_group = group[order]
    shared = np.zeros(count, dtype=bool)
    shared[1:] = sorted_group[1:] == sorted_group[:-1]
    shared[:-1] |= shared[1:].copy()
    longer: dict[int, str] = {}
    seen: dict[int, dict[bytes, list[int]]] = {}
    for at in order[shared].tolist():
        seen.setdefault(int(group[at]), {}).setdefault(digests[at].tobytes(), []).append(at)
    for rows_of in seen.values():
        if len(rows_of) < 2:
            continue  # one activity, repeated
        full = {digest: digest.hex().upper() for digest in rows_of}
        size = 6
        while len({whole[:size] for whole in full.values()}) < len(full):
            size += 2
        for digest, at_rows in rows_of.items():
            for at in at_rows:
                longer[at] = full[digest][:size]
    return six, longer


def _digest(reporter: str, text: str) -> bytes:
    return hashlib.sha1(f"{_folded(reporter)}|{text}".encode()).digest()


@functools.lru_cache(maxsize=4096)
def _folded(text: str) -> str:
    return fold(text)


def check_keys(
    frame: pd.DataFrame, cells: Mapping[tuple[str, str], Mapping[str, tuple[str, str]]]
) -> list[Issue]:
    """`id-duplicado` (the same key twice in one file) and `id-conflicto` (the same id for
    different activities of different reporters)."""
    issues: list[Issue] = []
    dup = frame[frame.duplicated(["_archivo", "id"], keep=False)]
    for (_, _), group in dup.groupby(["_archivo", "id"], sort=True):
        rows = group.sort_values(["_hoja", "_fila"])
        first = rows.iloc[0]
        for _, row in rows.iloc[1:].iterrows():
            issues.append(_at_cell("id-duplicado", row, cells, ("id", "actividad"),
                                   valor=row["id"], otra_fila=str(first["_fila"])))
    explicit = frame[~frame["_id_generado"]]
    folded = explicit["actividad"].map(fold)
    per_id = explicit.assign(_texto=folded).drop_duplicates(["id", "_informante", "_texto"])
    for _, group in per_id[per_id.duplicated("id", keep=False)].groupby("id", sort=True):
        if group["_texto"].nunique() < 2 or group["_informante"].nunique() < 2:
            continue
        for _, row in group.iterrows():
            others = sorted(set(group["_informante"]) - {row["_informante"]})
            issues.append(_at_cell("id-conflicto", row, cells, ("id",), valor=row["id"],
                                   otro_informante=", ".join(others)))
    return issues


def check_activity_limits(frame: pd.DataFrame, ref: Reference) -> list[Issue]:
    """At most the profile's number of activities per group and year
    (activities_per_group); none when the network sets no limit."""
    limit = ref.red.max_actividades
    if limit is None:
        return []
    counted = activities_per_group(
        frame.rename(columns={"_informante": "informante", "_archivo": "archivo"}), ref)
    issues = []
    for over in counted[counted["cantidad"] > limit].to_dict("records"):
        reporters, group = cast(tuple[str, ...], over["informantes"]), str(over["grupo"])
        names = parties_in_both(ref, "; ".join(reporters), ", ")
        issues.append(make_issue(
            "demasiadas-actividades", archivo=str(over["archivo"]),
            grupo=parties_in_both(ref, group), cantidad=str(over["cantidad"]),
            anio=str(over["anio"]), maximo=(spelled(limit, "es"), spelled(limit, "en")),
            plan_red=(ref.red.word("plan", "es"), ref.red.word("plan", "en")),
            informadas=("", "") if reporters == (group,) else (
                word("reported_by", "es", names=names[0]),
                word("reported_by", "en", names=names[1]))))
    return issues


def activities_per_group(items: pd.DataFrame, ref: Reference) -> pd.DataFrame:
    """Activities per working group and year of their deadline, whoever reports them: the
    group column (or the sheet named after the group), else the group that sent the file;
    a reporter that is no group (`informante = true`) per its own files. The same activity
    reported by two countries is one activity (its text, folded). Columns: grupo, anio,
    cantidad, informantes (sorted), archivo (whose matter the limit is: the group's own
    file, else the one file they all came from, else none: a round-level matter of the
    group and the secretariat, never the problem of one country that reported one of
    them)."""
    groups = {g.nombre for g in ref.grupos}
    named = items["grupo_trabajo"].where(items["grupo_trabajo"].isin(groups), "")
    others = {p.nombre for p in ref.otros if p.informante}
    own = items["informante"].where(items["informante"].isin(groups | others), "")
    rows = items.assign(_unidad=named.where(named.ne(""), own),
                        _anio=items["fecha_limite"].dt.year)
    rows = rows[rows["_unidad"].ne("") & rows["_anio"].notna()]
    texts = rows["actividad"].fillna("").astype(str)
    folded = {text: fold(text) for text in texts.unique()}  # once per distinct text
    rows = rows.assign(_texto=texts.map(folded))
    rows = rows[rows["_texto"].ne("")]
    counted = [
        {"grupo": str(group), "anio": int(cast(float, year)),
         "cantidad": int(part["_texto"].nunique()),
         "informantes": tuple(sorted(set(part["informante"]))),
         "archivo": _whose_file(part, str(group))}
        for (group, year), part in rows.groupby(["_unidad", "_anio"], sort=True)]
    return pd.DataFrame(counted, columns=["grupo", "anio", "cantidad", "informantes",
                                          "archivo"])


def _whose_file(part: pd.DataFrame, group: str) -> str:
    """The file a group's count belongs to (activities_per_group)."""
    own = part.loc[part["informante"].eq(group), "archivo"]
    if len(own):
        return str(own.value_counts(sort=True).index[0])
    files = part["archivo"].unique()
    return str(files[0]) if len(files) == 1 else ""


def parties_in_both(ref: Reference, parties: str, sep: str = "; ") -> tuple[str, str]:
    """Parties ("; "-separated) by their Spanish and English names, joined by `sep`."""
    spanish, english = (ref.label("parte", parties, lang) for lang in ("es", "en"))
    return spanish.replace("; ", sep), english.replace("; ", sep)


def missing_submissions(subs: list[Submission], expected: tuple[str, ...],
                        ronda: str) -> tuple[list[Submission], list[Issue]]:
    """Expected reporters that sent nothing: a submissions row and an issue each. A reporter
    whose file arrived unreadable did send (its row says "received, unreadable" and its
    issue says why and what to do); one that sent only side sheets (observations,
    indicators) did not send its matrix."""
    received = {s.informante for s in subs
                if s.estado in {"leido", "reemplazado", "rechazado", "sin_matriz"}
                and not (s.estado == "leido" and s.laterales)}
    missing = [nombre for nombre in expected if nombre not in received]
    return (subs + [Submission(archivo="", informante=nombre, informante_conocido=True,
                               ronda=ronda, estado="no_recibido") for nombre in missing],
            [make_issue("envio-faltante", informante=nombre) for nombre in missing])


def _at_cell(
    code: str,
    row: pd.Series,
    cells: Mapping[tuple[str, str], Mapping[str, tuple[str, str]]],
    keys: tuple[str, ...],
    valor: str,
    **params: str,
) -> Issue:
    sheet_cells = cells.get((row["_archivo"], row["_hoja"]), {})
    key = next((k for k in keys if k in sheet_cells), None)
    letter, title = sheet_cells[key] if key else ("", "")
    fila = int(row["_fila"])
    return make_issue(code, archivo=row["_archivo"], hoja=row["_hoja"], fila=fila, columna=title,
                      celda=f"{letter}{fila}" if letter else "", valor=valor, **params)


def mark_timeliness(subs: list[Submission], closing: dt.date | None) -> list[Submission]:
    """On time or late against the round's closing date (read or replaced files)."""
    if closing is None:
        return subs
    return [replace(s, a_tiempo=s.fecha_envio.date() <= closing)
            if s.estado in {"leido", "reemplazado"} and s.fecha_envio is not None else s
            for s in subs]
