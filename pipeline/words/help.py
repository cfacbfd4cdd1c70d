"""The command line's help, in Spanish and English: each command's text (with an example)
and each option's. `help.<command>` is a command's, `help.<command>.<option>` an option's
for that command, `help.option.<option>` an option shared by several."""

from __future__ import annotations

from pipeline.words.entry import Entry

WORDS: dict[str, Entry] = {
    "help.seguimiento": (
        "Seguimiento: seguimiento de los acuerdos y actividades del plan de una red (su "
        "perfil: seguimiento init --red).\n\nLos puntos focales llenan la plantilla de "
        "Excel; la Secretaría pone los archivos devueltos en una carpeta y ejecuta "
        "«seguimiento consolidate» antes de cada reunión trimestral.",
        "Seguimiento: follow-up of the agreements and activities of a network's plan (its "
        "profile: seguimiento init --network).\n\nFocal points fill the Excel template; the "
        "secretariat drops the returned files in a folder and runs `seguimiento "
        "consolidate` before each quarterly meeting."),
    "help.consolidate": (
        "Consolida las matrices devueltas de CARPETA [por omisión: recibidos/<ronda>/ de la "
        "carpeta de seguimiento].\n\nEscribe consolidado.xlsx, las tablas CSV y un libro de "
        "retroalimentación por informante en resultados/<ronda>/ de la carpeta de "
        "seguimiento (o en --out), y guarda la ronda en su historial.\n\n"
        "Ejemplo: seguimiento consolidate --round 2027-T1",
        "Consolidate the returned matrices of FOLDER [default: the workspace's "
        "recibidos/<round>/].\n\nWrites consolidado.xlsx, the CSV tables and a feedback "
        "workbook per reporter into the workspace's resultados/<round>/ (or --out), and "
        "stores the round in its history.\n\nExample: seguimiento consolidate --round "
        "2027-T1"),
    "help.validate": (
        "Revisa los archivos devueltos a medida que llegan; muestra cada problema con su "
        "celda.\n\nRUTAS son archivos o carpetas. Termina con 1 si un archivo tiene errores."
        "\n\nEjemplo: seguimiento validate \"Informante.xlsx\"",
        "Check returned files as they arrive; print every problem with its cell.\n\nPATHS "
        "are files or folders. Exits with 1 when a file has errors.\n\nExample: seguimiento "
        "validate \"Reporter.xlsx\""),
    "help.template": (
        "Genera la plantilla de Excel que llenan los puntos focales, con las actividades de "
        "cada informante de la última ronda guardada en el historial, en plantillas/<ronda>/ "
        "de la carpeta de seguimiento (o en --out).\n\nEjemplo: seguimiento template --all "
        "--round 2027-T1",
        "Generate the Excel template for focal points to fill, prefilled with each "
        "reporter's items of the latest round stored in the history, into the workspace's "
        "plantillas/<round>/ (or --out).\n\nExample: seguimiento template --all --round "
        "2027-T1"),
    "help.overdue": (
        "Escribe, para cada parte responsable, sus actividades vencidas y por vencer con un "
        "mensaje listo para enviar por correo, y una lista de todas (todos). Para cron y "
        "temporizadores de systemd: no pregunta nada y no escribe nada salvo en una terminal "
        "o con --verbose.\n\nCódigo de salida: 0 nada vencido, 1 hay vencidas (listas "
        "escritas), 3 no se pudo ejecutar, 4 un defecto.\n\nEjemplo: seguimiento overdue "
        "--from-history --format md",
        "Write, for every responsible party, its overdue and due-soon items with a message "
        "ready to e-mail, plus one combined list (todos). For cron and systemd timers: no "
        "prompts, prints nothing unless on a terminal or --verbose.\n\nExit code: 0 nothing "
        "is overdue, 1 something is overdue (lists written), 3 could not run, 4 a defect."
        "\n\nExample: seguimiento overdue --from-history --format md"),
    "help.report": (
        "Redacta el informe anual del plan vigente con las rondas "
        "guardadas de un año: informe_anual_AAAA.xlsx, .md y .html (imprimible, con "
        "gráficos), en informes/ de la carpeta de seguimiento (o en --out).\n\nEjemplo: "
        "seguimiento report --year 2027",
        "Draft the annual report of the plan in force from the stored rounds of "
        "a year: informe_anual_YYYY.xlsx, .md and .html (printable, charts included), into "
        "the workspace's informes/ (or --out).\n\nExample: seguimiento report --year 2027"),
    "help.history": (
        "Muestra las rondas guardadas con sus cifras principales.\n\nEjemplo: seguimiento "
        "history --workspace seguimiento-crm",
        "List the stored rounds with their headline figures.\n\nExample: seguimiento history "
        "--workspace seguimiento-crm"),
    "help.init": (
        "Crea una carpeta de seguimiento en CARPETA: la configuración comentada "
        "(seguimiento.toml), su descripción (LEEME.md) y las carpetas de cada cosa. Si ya "
        "lo es, la deja como está.\n\n"
        "Ejemplo: seguimiento init seguimiento-crm",
        "Create a follow-up workspace in FOLDER: the commented configuration "
        "(seguimiento.toml), its description (LEEME.md) and a folder for each thing. One "
        "that is a workspace already is left as it is.\n\n"
        "Example: seguimiento init seguimiento-crm"),
    "help.init.red": (
        "La red que se sigue: crm, mecanismo o un perfil .toml propio; se copia a la "
        "carpeta como red.toml, donde puede editarse [por omisión: crm].",
        "The network followed: crm, mecanismo or a profile .toml of your own; it is copied "
        "into the workspace as red.toml, where it can be edited [default: crm]."),
    "help.option.workspace": (
        "La carpeta de seguimiento [por omisión: SEGUIMIENTO_WORKSPACE, o la carpeta con "
        "seguimiento.toml donde se está o más arriba].",
        "The follow-up workspace [default: SEGUIMIENTO_WORKSPACE, or the folder with a "
        "seguimiento.toml here or above]."),
    "help.option.version": ("Muestra la versión y termina.", "Show the version and exit."),
    "help.metavar.options": ("[OPCIONES]", "[OPTIONS]"),
    "help.metavar.input_dir": ("[CARPETA]", "[FOLDER]"),
    "help.metavar.paths": ("RUTAS...", "PATHS..."),
    "help.metavar.folder": ("CARPETA", "FOLDER"),
    "help.metavar.file": ("ARCHIVO", "FILE"),
    "help.metavar.path": ("RUTA", "PATH"),
    "help.metavar.date": ("FECHA", "DATE"),
    "help.metavar.text": ("TEXTO", "TEXT"),
    "help.metavar.ronda": ("RONDA", "ROUND"),
    "help.metavar.year": ("AÑO", "YEAR"),
    "help.metavar.reporters": ("INFORMANTE", "REPORTER"),
    "help.metavar.command": ("ORDEN [ARGUMENTOS]...", "COMMAND [ARGS]..."),
    "help.option.lang": ("Idioma de los mensajes y resultados.",
                         "Language of messages and outputs."),
    "help.option.config": ("Archivo TOML que cambia o amplía los datos de referencia.",
                           "TOML file overriding or extending the reference data."),
    "help.option.verbose": ("Muestra los detalles en la terminal.",
                            "Log details to the terminal."),
    "help.option.history": ("Base de historial [por omisión: historial.sqlite de la carpeta "
                            "de seguimiento, o en --out].", "History database [default: the "
                            "workspace's historial.sqlite, or in --out]."),
    "help.option.log_file": ("Escribe un registro detallado en este archivo.",
                             "Write a detailed log to this file."),
    "help.option.as_of": ("Fecha a la que se juzgan los plazos, 2026-11-30 o 30/11/2026 [por "
                          "omisión: hoy].", "Date at which deadlines are judged, 2026-11-30 or "
                          "30/11/2026 [default: today]."),
    "help.consolidate.out_dir": ("Escribe los resultados directamente en esta carpeta [por "
                                 "omisión: resultados/<ronda>/ de la carpeta de seguimiento].",
                                 "Write the outputs straight into this folder [default: the "
                                 "workspace's resultados/<round>/]."),
    "help.consolidate.ronda": ("La ronda, p. ej. 2026-T4 [por omisión: el trimestre de "
                               "--as-of]; es también la de los archivos que no dicen la suya.",
                               "The round, e.g. 2026-T4 [default: the quarter of --as-of]; "
                               "also that of files that do not say theirs."),
    "help.consolidate.closing_date": ("Fecha de cierre de la ronda: los archivos posteriores "
                                      "llegaron tarde.", "Closing date of the round: files "
                                      "dated after it are late."),
    "help.consolidate.public": ("Escribe también la edición pública, para publicar o "
                                "compartir fuera de la red (consolidado_publico.xlsx y "
                                "publico/*.csv): sin filas reservadas ni datos personales.",
                                "Also write the public edition, to publish or share outside "
                                "the network (consolidado_publico.xlsx and publico/*.csv): "
                                "no restricted rows, no personal data."),
    "help.template.reporters": ("Informante (país, grupo u otro informante del perfil de la red); "
                                "repítala para varios.", "Reporter (country, group or another "
                                "reporter of the network's profile); repeat for several."),
    "help.template.all_reporters": ("Una plantilla por cada informante esperado.",
                                    "One template per expected reporter."),
    "help.template.ronda": ("Ronda de la plantilla [por omisión: este trimestre].",
                            "Round the template is for [default: this quarter]."),
    "help.template.lang": ("Idioma de la plantilla [por omisión: el del informante].",
                           "Language of the template [default: the reporter's own]."),
    "help.template.out_dir": ("Carpeta de las plantillas [por omisión: plantillas/<ronda>/ "
                              "de la carpeta de seguimiento].", "Folder for the templates "
                              "[default: the workspace's plantillas/<round>/]."),
    "help.overdue.from_history": ("Usa la última ronda guardada de cada informante en lugar "
                                  "de leer una carpeta.", "Use each reporter's latest stored "
                                  "round instead of reading a folder."),
    "help.overdue.out_dir": ("Carpeta de las listas [por omisión: recordatorios/<fecha>/ de "
                             "la carpeta de seguimiento].", "Folder for the lists [default: "
                             "the workspace's recordatorios/<as-of>/]."),
    "help.overdue.fmt": ("Formato de las listas.", "File format of the lists."),
    "help.overdue.lang": ("Idioma de todas las listas [por omisión: el de cada parte].",
                          "Language of every list [default: each party's own]."),
    "help.report.year": ("Año del informe, p. ej. 2027.", "Year of the report, e.g. 2027."),
    "help.report.out_dir": ("Carpeta del informe [por omisión: informes/ de la carpeta de "
                            "seguimiento].", "Folder for the report [default: the "
                            "workspace's informes/]."),
    "help.report.public": ("La edición pública, para publicar o compartir fuera de la red: "
                           "sin filas reservadas ni datos personales.", "The public edition, "
                           "to publish or share outside the network: no restricted rows, no "
                           "personal data."),
}
