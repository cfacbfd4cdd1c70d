"""Per-item side sheets: a sheet of rows that each name an item of the matrix by its id (and
reporter) and say something about it: an observer's view of the item (observations).

One mechanism for every such sheet (docs: "one mechanism per shape"): a side sheet is a
kind, its columns (key, width, the titles it is known by, whether the template locks it),
the hidden metadata key that names its sheet in a template, and the columns whose titles
tell it from a matrix when a file was made by hand. Reading (pipeline.read.sides), the
template (pipeline.template.sides) and the history store every kind the same way.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from pipeline.model.columns import BY_KEY
from pipeline.words import word


@dataclass(frozen=True)
class SideColumn:
    key: str
    width: int  # narrow enough that a printed page holds the item and what is filled in
    aliases: tuple[str, ...] = ()  # other titles it is known by (besides its two titles)
    locked: bool = False  # prefilled from the item in a template: not to be typed over

    def title(self, kind: str, lang: str) -> str:
        return word(f"{kind}.column.{self.key}", lang)


@dataclass(frozen=True)
class SideKind:
    key: str  # observaciones
    columns: tuple[SideColumn, ...]
    # A header holding a title (folded) of every one of these groups is this kind's
    # sheet, not a matrix, when it also names the item (its id or activity).
    telling: tuple[tuple[str, ...], ...]
    # What a row must have filled to say something (a prefilled row left blank does not).
    content: tuple[str, ...]
    # Matrix columns whose titles make a sheet a matrix after all (a results matrix with
    # its activities' deadlines and statuses beside a baseline and a target).
    matrix_keys: tuple[str, ...] = ()

    @property
    def meta_key(self) -> str:
        """The template's hidden metadata key whose value is this kind's sheet name."""
        return f"hoja_{self.key}"

    @functools.cached_property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns)

    def sheet_name(self, lang: str) -> str:
        return word(f"sheet.{self.key}", lang)


_ITEM = (  # the item a row names, as the template shows it (locked)
    SideColumn("id", 12, BY_KEY["id"].aliases + ("id del ítem", "item id", "id item"),
               locked=True),
    SideColumn("informante", 13, ("informante", "reporter", "informado por", "reported by",
                                  "país informante", "pais", "país", "country"), locked=True),
    SideColumn("actividad", 30, BY_KEY["actividad"].aliases, locked=True),
    SideColumn("responsable", 15, BY_KEY["responsable"].aliases, locked=True),
    SideColumn("plazo", 12, BY_KEY["plazo"].aliases, locked=True),
)

OBSERVATIONS = SideKind(
    key="observaciones",
    columns=(
        *_ITEM,
        SideColumn("estado_oficial", 11, ("estado oficial", "official status",
                                          "estado informado", "reported status",
                                          "estado según el informante"), locked=True),
        SideColumn("avance_oficial", 8, ("avance oficial", "official progress",
                                          "avance oficial (%)", "official progress (%)"),
                   locked=True),
        SideColumn("estado_observado", 13, ("estado observado", "observed status",
                                            "estado según la observación",
                                            "estado segun sociedad civil",
                                            "valoración", "valoracion", "assessment",
                                            "estado verificado", "verified status",
                                            # in an observations sheet, a plain "Status" is
                                            # the observer's
                                            "estado", "status", "estatus")),
        SideColumn("evidencia", 20, ("evidencia", "evidence", "medio de verificación",
                                     "medio de verificacion", "means of verification",
                                     "fuente", "source", "enlace", "link")),
        SideColumn("observacion", 30, ("observación", "observacion", "observation",
                                       "observaciones", "observations", "comentario",
                                       "comment")),
        SideColumn("ambito", 10, ("ámbito", "ambito", "nivel", "level", "scope")),
        SideColumn("fecha_observacion", 11, ("fecha de la observación", "fecha observación",
                                             "fecha de observación", "observation date",
                                             "date observed", "fecha", "date")),
    ),
    telling=(("estado observado", "observed status", "estado verificado", "verified status",
              "valoracion", "assessment", "estado segun la observacion",
              "estado segun sociedad civil"),),
    content=("estado_observado", "evidencia", "observacion"),
)

INDICATORS = SideKind(
    key="indicadores",
    columns=(
        # a hand-made sheet titles the item's id "ID", as its matrix does
        SideColumn("id", 12, BY_KEY["id"].aliases + ("id", "id del ítem", "item id",
                                                     "id item")),
        SideColumn("actividad", 30, BY_KEY["actividad"].aliases, locked=True),
        SideColumn("indicador", 30, ("indicador", "indicator", "indicadores", "indicators",
                                     "nombre del indicador", "indicator name")),
        SideColumn("unidad", 12, ("unidad", "unit", "unidad de medida", "unit of measure")),
        SideColumn("linea_base", 11, ("línea base", "linea base", "línea de base",
                                      "baseline", "baseline value", "valor de línea base")),
        SideColumn("fecha_linea_base", 11, ("fecha de línea base", "fecha línea base",
                                            "fecha de la línea base", "baseline date")),
        SideColumn("meta", 11, ("meta", "target", "valor meta", "target value")),
        SideColumn("fecha_meta", 11, ("fecha de la meta", "fecha meta", "target date")),
        SideColumn("valor_anterior", 11, ("valor anterior", "previous value",
                                          "último valor", "last value"), locked=True),
        SideColumn("valor", 11, ("valor", "value", "valor actual", "current value",
                                 "valor de esta ronda", "this round's value", "logro",
                                 "actual")),
        SideColumn("fecha_valor", 11, ("fecha del valor", "fecha de medición",
                                       "fecha de medicion", "date of value",
                                       "measurement date", "value date")),
        SideColumn("fuente", 20, ("fuente", "source", "medio de verificación",
                                  "medio de verificacion", "means of verification",
                                  "evidencia", "evidence")),
        SideColumn("responsable_medicion", 16, BY_KEY["responsable_medicion"].aliases),
    ),
    telling=(("linea base", "linea de base", "baseline", "baseline value"),
             ("meta", "target", "valor meta", "target value")),
    content=("linea_base", "meta", "valor", "unidad", "fuente", "valor_anterior"),
    matrix_keys=("plazo", "estado", "responsable"),
)

KINDS: tuple[SideKind, ...] = (OBSERVATIONS, INDICATORS)
BY_KIND: dict[str, SideKind] = {k.key: k for k in KINDS}
