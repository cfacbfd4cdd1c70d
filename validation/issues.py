"""The one issue record, built only through `make_issue` from the catalogue."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from validation.catalogue import CATALOGUE, SEVERITY_LABELS, SUGGESTION
from validation.catalogue_network import NETWORK_WORDS, PLAN_WORDS

# A parameter may be one text, or a pair (Spanish, English) when it is itself a message.
Param = str | tuple[str, str]


@dataclass(frozen=True, slots=True)  # (slots: a large round holds half a million)
class Issue:
    """One problem, located where the focal point sees it (file › sheet › cell)."""

    code: str
    severity: str
    archivo: str = ""
    hoja: str = ""
    fila: int | None = None
    columna: str = ""
    celda: str = ""
    valor: str = ""
    sugerencia: Param = ""  # the nearest known value: one text, or (Spanish, English)
    params: tuple[tuple[str, Param], ...] = field(default=())

    def message(self, lang: str = "es") -> str:
        entry = CATALOGUE[self.code]
        template = entry.en if lang == "en" else entry.es
        suggestion = self.suggestion(lang)
        values: dict[str, Any] = {
            **_NEUTRAL["en" if lang == "en" else "es"],
            "archivo": self.archivo, "hoja": self.hoja, "fila": self.fila or "",
            "columna": self.columna, "celda": self.celda, "valor": self.valor,
            "sugerencia": suggestion,
        }
        at = 1 if lang == "en" else 0
        for key, value in self.params:  # (`_in`, inline: an issue has some twenty)
            values[key] = value[at] if value.__class__ is tuple else value
        text = template.format(**values)
        if suggestion:
            text += SUGGESTION["en" if lang == "en" else "es"].format(sugerencia=suggestion)
        return text

    def with_params(self, params: tuple[tuple[str, Param], ...]) -> Issue:
        """The same issue with other `params` (`dataclasses.replace`, faster)."""
        return Issue(code=self.code, severity=self.severity, archivo=self.archivo,
                     hoja=self.hoja, fila=self.fila, columna=self.columna, celda=self.celda,
                     valor=self.valor, sugerencia=self.sugerencia, params=params)

    def suggestion(self, lang: str = "es") -> str:
        """The nearest known value, in `lang`."""
        return _in(self.sugerencia, lang)

    def where(self) -> str:
        """`Informante.xlsx › Matriz › F12`: the place to look, as far as it is known."""
        place = self.celda or (str(self.fila) if self.fila else "")
        return " › ".join(part for part in (self.archivo, self.hoja, place) if part)

    def severity_label(self, lang: str = "es") -> str:
        return SEVERITY_LABELS["en" if lang == "en" else "es"][self.severity]


def make_issue(
    code: str,
    *,
    archivo: str = "",
    hoja: str = "",
    fila: int | None = None,
    columna: str = "",
    celda: str = "",
    valor: object = "",
    sugerencia: Param = "",
    **params: Param,
) -> Issue:
    """The only way to build an issue: the code fixes severity and messages."""
    if code not in CATALOGUE:
        raise KeyError(f"unknown issue code {code!r}")
    return Issue(
        code=code,
        severity=CATALOGUE[code].severity,
        archivo=archivo,
        hoja=hoja,
        fila=fila,
        columna=columna,
        celda=celda,
        valor="" if valor is None else str(valor),
        sugerencia=sugerencia,
        params=tuple(sorted(params.items())),
    )


def _in(value: Param, lang: str) -> str:
    return value[1 if lang == "en" else 0] if isinstance(value, tuple) else value


# The network's words as an issue made without them says them, in each language.
_NEUTRAL = {lang: {key: _in(words, lang)
                   for key, words in {**NETWORK_WORDS, **PLAN_WORDS[False]}.items()}
            for lang in ("es", "en")}


Place = tuple[str, str, int]  # (file, sheet, row)


def first_row(first: Place, here: Place) -> dict[str, str]:
    """The params of an issue that says a row repeats an earlier one (`primera`): the
    earlier row, with its sheet and file when they are not this row's; and where it is
    (`primera_lugar`, read by the public edition: a repeat of a row it leaves out goes
    too)."""
    archivo, hoja, fila = first
    elsewhere = "" if (archivo, hoja) == here[:2] else f" ({hoja}, {archivo})"
    return {"primera": f"{fila}{elsewhere}", "primera_lugar": f"{archivo}\t{hoja}\t{fila}"}


def first_place(issue: Issue) -> Place | None:
    """The earlier row an issue's row repeats (`first_row`), if it names one."""
    for key, value in issue.params:
        if key == "primera_lugar" and isinstance(value, str):
            archivo, hoja, fila = value.split("\t")
            return archivo, hoja, int(fila)
    return None
