"""The pandera schema of a normalized matrix, and its failures turned into issues.

Each check's name is the issue code it raises. The normalize stage leaves, beside each
value, what it learned about it (`_raw_*` as written, `_sug_*` the nearest known value,
`_plazo_tipo`, ...); the schema declares which of those facts are problems. Validation is
lazy: every failure of every row is gathered in one pass.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa

from validation.issues import Issue, make_issue

# Which matrix column an issue code points at (for the cell and the column title).
CODE_COLUMN: dict[str, str] = {
    "actividad-faltante": "actividad",
    "estado-faltante": "estado",
    "estado-desconocido": "estado",
    "pilar-faltante": "pilar",
    "pilar-desconocido": "pilar",
    "tema-fuera-de-lista": "tema",
    "grupo-desconocido": "grupo_trabajo",
    "grupo-ad-hoc": "grupo_trabajo",
    "responsable-faltante": "responsable",
    "responsable-desconocido": "responsable",
    "plazo-impreciso": "plazo",
    "plazo-invalido": "plazo",
    "plazo-plan-terminado": "plazo",
    "plazo-sin-anio": "plazo",
    "plazo-fuera-de-rango": "plazo",
    "avance-invalido": "avance",
    "avance-sin-finalizar": "avance",
    "reservado-invalido": "reservado",
    "indicador-faltante": "indicadores",
}
# Where the value shown in an issue comes from, when not the column itself.
VALUE_COLUMN = {
    "estado-desconocido": "_raw_estado",
    "pilar-desconocido": "_raw_pilar",
    "tema-fuera-de-lista": "_raw_tema",
    "grupo-desconocido": "_raw_grupo_trabajo",
    "grupo-ad-hoc": "_raw_grupo_trabajo",
    "responsable-desconocido": "_responsable_desconocido",
    "avance-invalido": "_raw_avance",
    "avance-sin-finalizar": "_raw_estado",
    "reservado-invalido": "_raw_reservado",
}
PROVENANCE = ("_archivo", "_hoja", "_fila")


@dataclass(frozen=True)
class Known:
    """The canonical values a normalized matrix may hold."""

    estados: Collection[str]
    pilares: Collection[str]


def _filled(name: str) -> pa.Check:
    return pa.Check(lambda s: s.str.len() > 0, name=name)


def _text(checks: pa.Check | list[pa.Check] | None = None) -> pa.Column:
    """A text column: never missing (a blank cell is ""), never coerced."""
    return pa.Column(str, nullable=False, coerce=False, checks=checks)


def build_matrix_schema(known: Known) -> pa.DataFrameSchema:
    estados, pilares = set(known.estados), set(known.pilares)
    return pa.DataFrameSchema(
        {
            "actividad": _text(checks=_filled("actividad-faltante")),
            "_raw_estado": _text(),
            "estado": _text(checks=[
                _filled("estado-faltante"),
                pa.Check(lambda s: s.eq("") | s.isin(estados), name="estado-desconocido"),
            ]),
            # a network without pillars has no pillar to miss or mistake
            "pilar": _text(checks=[
                    _filled("pilar-faltante"),
                    pa.Check(lambda s: s.eq("") | s.isin(pilares), name="pilar-desconocido"),
                ] if pilares else None,
            ),
            "_tema_en_lista": pa.Column(bool, checks=pa.Check(
                lambda s: s, name="tema-fuera-de-lista")),
            "grupo_trabajo": _text(),
            "_grupo_tipo": _text(checks=[
                    pa.Check(lambda s: s.ne("desconocido"), name="grupo-desconocido"),
                    pa.Check(lambda s: s.ne("otro"), name="grupo-ad-hoc"),
                ],
            ),
            "responsable": _text(checks=_filled("responsable-faltante")),
            "_responsable_desconocido": _text(checks=pa.Check(lambda s: s.eq(""),
                                                              name="responsable-desconocido")),
            "_plazo_tipo": _text(checks=[
                    pa.Check(lambda s: s.ne("invalido"), name="plazo-invalido"),
                    pa.Check(lambda s: s.isin(["fecha", "invalido", "plan_terminado",
                                               "fuera_de_rango"]), name="plazo-impreciso"),
                    pa.Check(lambda s: s.ne("fuera_de_rango"), name="plazo-fuera-de-rango"),
                    pa.Check(lambda s: s.ne("plan_terminado"), name="plazo-plan-terminado"),
                ],
            ),
            "_plazo_con_anio": pa.Column(bool, checks=pa.Check(lambda s: s,
                                                               name="plazo-sin-anio")),
            "fecha_limite": pa.Column("datetime64[ns]", nullable=True),  # (as made: never coerced)
            "avance": pa.Column(float, nullable=True),
            "_avance_ok": pa.Column(bool, checks=pa.Check(lambda s: s, name="avance-invalido")),
            "_avance_con_estado": pa.Column(bool, required=False, checks=pa.Check(
                lambda s: s, name="avance-sin-finalizar")),
            "_reservado_ok": pa.Column(
                bool, checks=pa.Check(lambda s: s, name="reservado-invalido")
            ),
            "indicadores": _text(checks=_filled("indicador-faltante")),
            "_archivo": _text(),
            "_hoja": _text(),
            "_fila": pa.Column(int),
        },
        strict=False,
        name="matriz",
    )


def validate_matrix(
    frame: pd.DataFrame,
    known: Known,
    cells: Mapping[tuple[str, str], Mapping[str, tuple[str, str]]],
) -> list[Issue]:
    """Every problem of every row, as issues pointing at the cell.

    `cells[(archivo, hoja)][key]` is the column letter and title of a matrix column in that
    sheet; a problem of a column the sheet does not have is not repeated on every row (the
    sheet already has a `columna-faltante` issue).

    The frame is checked itself (`inplace`), not a copy: at a million rows pandera's copy
    was the analysis's largest moment. Nothing is coerced, so nothing of it changes.
    """
    if frame.empty:
        return []
    try:
        build_matrix_schema(known).validate(frame, lazy=True, inplace=True)
        return []
    except pa.errors.SchemaErrors as errors:
        failures = errors.failure_cases
    failures = failures[failures["check"].isin(list(CODE_COLUMN))]
    failures = failures.drop_duplicates(["check", "index"]).sort_values(["index", "check"])
    issues: list[Issue] = []
    # Each row number and cell name held once: a million rows' half a million issues
    # name a few thousand cells (a text and a number each were 43 MB).
    numbers: dict[int, int] = {}
    names: dict[str, str] = {}
    for code, group in failures.groupby("check", sort=True):
        key = CODE_COLUMN[str(code)]
        rows = frame.loc[group["index"].to_numpy()]
        values = rows[VALUE_COLUMN.get(str(code), key)].fillna("").astype(str).tolist()
        sug_col = f"_sug_{key}"
        suggestions = rows[sug_col].tolist() if sug_col in rows else [""] * len(rows)
        for archivo, hoja, fila, value, suggestion in zip(
            rows["_archivo"].tolist(), rows["_hoja"].tolist(), rows["_fila"].tolist(),
            values, suggestions, strict=True,
        ):
            place = cells.get((archivo, hoja), {}).get(key)
            if place is None:
                continue
            letter, title = place
            number = int(fila)
            name = f"{letter}{number}"
            issues.append(
                make_issue(
                    str(code), archivo=archivo, hoja=hoja, fila=numbers.setdefault(number, number),
                    columna=title, celda=names.setdefault(name, name), valor=value,
                    sugerencia=suggestion or "",
                )
            )
    return issues
