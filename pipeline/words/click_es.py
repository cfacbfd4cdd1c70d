"""click's own words in Spanish (its usage errors, "Usage:", "Options:"), for a command line
run in Spanish. click asks gettext for them; `install` points the click modules' gettext
functions at this table, so click's English stays where nothing is translated."""

from __future__ import annotations

import importlib

SPANISH = {
    "Usage:": "Uso:",
    "Options": "Opciones",
    "Commands": "Órdenes",
    "Positional arguments": "Argumentos",
    "Show this message and exit.": "Muestra esta ayuda y termina.",
    "Show the version and exit.": "Muestra la versión y termina.",
    "%(prog)s, version %(version)s": "%(prog)s, versión %(version)s",
    "Aborted!": "¡Interrumpido!",
    "Missing command.": "Falta la orden.",
    "Error: {message}": "Error: {message}",
    "Try '{command} {option}' for help.": "Escriba «{command} {option}» para ver la ayuda.",
    "Invalid value: {message}": "Valor no válido: {message}",
    "Invalid value for {param_hint}: {message}": "Valor no válido para {param_hint}: {message}",
    "Missing argument": "Falta el argumento",
    "Missing option": "Falta la opción",
    "Missing parameter": "Falta el parámetro",
    "Missing {param_type}": "Falta {param_type}",
    "Missing parameter: {param_name}": "Falta el parámetro: {param_name}",
    "No such option {name!r}.": "No existe la opción {name!r}.",
    "No such command {name!r}.": "No existe la orden {name!r}.",
    "Option {name!r} does not take a value.": "La opción {name!r} no lleva valor.",
    "env var: {var}": "variable de entorno: {var}",
    "default: {default}": "por omisión: {default}",
    "{value!r} is not a valid {number_type}.": "{value!r} no es un {number_type} válido.",
    "{value} is not in the range {range}.": "{value} no está en el intervalo {range}.",
    "file": "el archivo",
    "directory": "la carpeta",
    "path": "la ruta",
    # {name} was translated when the option was declared, before the language was known
    "{name} {filename!r} does not exist.": "{filename!r} no existe.",
    "{name} {filename!r} is a file.": "{filename!r} es un archivo, no una carpeta.",
    "{name} {filename!r} is a directory.": "{filename!r} es una carpeta, no un archivo.",
    "{name} {filename!r} is not readable.": "{filename!r} no se puede leer.",
    "{name} {filename!r} is not writable.": "{filename!r} no se puede escribir.",
    "Choose from:\n\t{choices}": "Elija entre:\n\t{choices}",
}
SPANISH_PLURAL = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"):
        ("Sobra un argumento ({args})", "Sobran argumentos ({args})"),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"):
        ("¿Quiso decir {possibility}?", "(¿Quiso decir una de: {possibilities}?)"),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."):
        ("La opción {name!r} necesita un valor.", "La opción {name!r} necesita {nargs} valores."),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."):
        ("{value!r} no es {choice}.", "{value!r} no es una de {choices}."),
    ("{value!r} does not match the format {format}.",
     "{value!r} does not match the formats {formats}."):
        ("{value!r} no tiene el formato {format}.", "{value!r} no tiene ninguno de los formatos "
         "{formats}."),
}
MODULES = ("click.core", "click.decorators", "click.exceptions", "click.formatting",
           "click.parser", "click.types", "click.termui")


def _gettext(message: str) -> str:
    return SPANISH.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    forms = SPANISH_PLURAL.get((singular, plural))
    if forms is None:
        return singular if n == 1 else plural
    return forms[0] if n == 1 else forms[1]


def install(lang: str) -> None:
    """click's words in `lang` from now on (Spanish: this table; English: its own)."""
    import gettext

    for name in MODULES:
        module = importlib.import_module(name)
        if hasattr(module, "_"):
            setattr(module, "_", _gettext if lang == "es" else gettext.gettext)  # noqa: B010
        if hasattr(module, "ngettext"):
            setattr(module, "ngettext",  # noqa: B010
                    _ngettext if lang == "es" else gettext.ngettext)
