"""The words that tell a wrong configuration value (pipeline.reference.check): where it
is, what it must be, what was read."""

from __future__ import annotations

from pipeline.words.entry import Entry

WORDS: dict[str, Entry] = {
    "error.UnknownNetwork": (
        "No hay un perfil de red con ese nombre; escriba crm, mecanismo o la ruta de un "
        "perfil .toml",
        "No network profile has that name; write crm, mecanismo or the path of a profile's "
        ".toml file"),
    "config.where": ("{archivo}, línea {linea}", "{archivo}, line {linea}"),
    "config.toml.twice_key": (
        "esta clave ya estaba escrita antes en la misma sección: deje una sola vez cada clave",
        "this key was already written earlier in the same section: keep each key once"),
    "config.toml.twice_table": (
        "esta sección ya estaba escrita antes: junte sus líneas bajo un solo encabezado",
        "this section was already written earlier: gather its lines under one heading"),
    "config.toml.quote": (
        "un texto sin cerrar: falta la comilla (\") al final del valor",
        "a text left open: the quote (\") at the end of the value is missing"),
    "config.toml.equals": (
        "falta el signo = entre la clave y su valor (clave = valor)",
        "the = sign between the key and its value is missing (key = value)"),
    "config.toml.brace": (
        "una tabla en línea sin cerrar: falta la llave de cierre al final",
        "an inline table left open: the closing brace is missing at its end"),
    "config.toml.list": (
        "una lista sin cerrar: falta el corchete ] al final",
        "a list left open: the closing bracket ] is missing"),
    "config.toml.value": (
        "un valor que no se entiende: un texto va entre comillas, un número o una fecha sin "
        "ellas",
        "a value that cannot be read: a text goes between quotes, a number or a date "
        "without them"),
    "config.toml.other": (
        "esta línea no sigue la forma «clave = valor» ni «[sección]»: compárela con el "
        "ejemplo comentado del archivo",
        "this line does not follow the form “key = value” or “[section]”: compare it with the "
        "commented example in the file"),
    "config.not_utf8": (
        "el archivo no está guardado como texto UTF-8; ábralo en un editor de texto y guárdelo "
        "con la codificación «UTF-8»",
        "the file is not saved as UTF-8 text; open it in a text editor and save it with the "
        "“UTF-8” encoding"),
    "config.top": ("la configuración", "the configuration"),
    "config.whole_min": (
        "{clave} debe ser un número entero ≥ {min} (se leyó {leido})",
        "{clave} must be a whole number ≥ {min} (read {leido})"),
    "config.whole_range": (
        "{clave} debe ser un número entero entre {min} y {max} (se leyó {leido})",
        "{clave} must be a whole number from {min} to {max} (read {leido})"),
    "config.text": (
        "{clave} debe ser un texto entre comillas, como \"Nombre\" (se leyó {leido})",
        "{clave} must be a text in quotes, such as \"Name\" (read {leido})"),
    "config.texts": (
        "{clave} debe ser una lista de textos entre comillas, como [\"Nombre\", "
        "\"Otro nombre\"] (se leyó {leido})",
        "{clave} must be a list of texts in quotes, such as [\"Name\", \"Other name\"] "
        "(read {leido})"),
    "config.titles": (
        "{clave} debe ser una lista de títulos de columna entre comillas, como [\"PIC\", "
        "\"Encargado\"] (se leyó {leido})",
        "{clave} must be a list of column titles in quotes, such as [\"PIC\", \"Owner\"] "
        "(read {leido})"),
    "config.title_twice": (
        "el título {leido} está también en {otra}: un título nombra una sola columna; "
        "bórrelo de una de las dos",
        "the title {leido} is also under {otra}: a title names one column only; remove it "
        "from one of them"),
    "config.date": (
        "{clave} debe ser una fecha sin hora, como 2027-02-15, entre {first} y {last} (se "
        "leyó {leido})",
        "{clave} must be a date without a time, such as 2027-02-15, from {first} to {last} "
        "(read {leido})"),
    "config.flag": (
        "{clave} debe ser true o false (se leyó {leido})",
        "{clave} must be true or false (read {leido})"),
    "config.words": (
        "{clave} debe ser una tabla de textos de una línea por idioma, como {{ es = "
        "\"mesa\", en = \"round table\" }} (se leyó {leido})",
        "{clave} must be a table of one-line texts by language, such as {{ es = \"mesa\", "
        "en = \"round table\" }} (read {leido})"),
    "config.choice": (
        "{clave} debe ser uno de: {opciones} (se leyó {leido})",
        "{clave} must be one of: {opciones} (read {leido})"),
    "config.themes": (
        "{clave} debe ser una lista de temas: textos entre comillas, o tablas con nombre y "
        "en (se leyó {leido})",
        "{clave} must be a list of themes: texts in quotes, or tables with nombre and en "
        "(read {leido})"),
    "config.table": (
        "{clave} debe ser una tabla: escriba [{clave}] y sus claves debajo (se leyó {leido})",
        "{clave} must be a table: write [{clave}] and its keys below it (read {leido})"),
    "config.entries": (
        "{clave} debe ser una lista de entradas: escriba cada una como [[{clave}]] y sus "
        "claves debajo (se leyó {leido})",
        "{clave} must be a list of entries: write each as [[{clave}]] and its keys below it "
        "(read {leido})"),
    "config.required": (
        "cada [[{tabla}]] necesita {clave}; añádalo a esta entrada",
        "each [[{tabla}]] needs {clave}; add it to this entry"),
    "config.required_word": (
        "[red] necesita {clave} = {{ es = \"...\", en = \"...\" }}: el perfil de una red "
        "da todas sus palabras",
        "[red] needs {clave} = {{ es = \"...\", en = \"...\" }}: a network's profile gives "
        "all its words"),
    "config.sender": (
        "{clave} debe ser una dirección de correo, sola o con su nombre, como "
        "\"Secretaría <secretaria@example.org>\", sin acentos antes de la @ (se leyó {leido})",
        "{clave} must be an e-mail address, alone or with its name, such as "
        "\"Secretariat <secretariat@example.org>\", without accents before the @ (read "
        "{leido})"),
    "config.round_written": (
        "«{clave}» es la ronda {ronda} escrita de otro modo: escríbala {ronda}, como la "
        "nombran las órdenes (si no, esa ronda queda sin fecha de cierre)",
        "“{clave}” is round {ronda} written otherwise: write it {ronda}, as the commands name "
        "it (otherwise that round has no closing date)"),
    "config.round_name": (
        "«{clave}» no sirve como nombre de ronda (nombra sus carpetas): use hasta 40 letras, "
        "números, espacios, puntos o guiones, sin / ni \\, como 2027-T1 o «Extraordinaria "
        "2027»",
        "“{clave}” cannot be a round's name (it names the round's folders): use up to 40 "
        "letters, digits, spaces, dots or dashes, without / or \\, such as 2027-T1 or "
        "“Extraordinary 2027”"),
    "config.name_near": (
        "{clave}: {leido} no es ningún nombre de la red; ¿quiso decir «{sugerencia}»?",
        "{clave}: {leido} is no name of the network; did you mean “{sugerencia}”?"),
    "config.name": (
        "{clave}: {leido} no es ningún nombre de la red; los nombres son: {nombres}",
        "{clave}: {leido} is no name of the network; the names are: {nombres}"),
    "config.unknown_near": (
        "{clave} no es una clave de {lugar}; ¿quiso decir {sugerencia}?",
        "{clave} is not a key of {lugar}; did you mean {sugerencia}?"),
    "config.unknown": (
        "{clave} no es una clave de {lugar}; las claves son: {claves}",
        "{clave} is not a key of {lugar}; the keys are: {claves}"),
}
