"""The words of messages: what the command line says, why Seguimiento cannot go on, and
why a file is skipped or refused (each saying what to do)."""

from __future__ import annotations

from pipeline.words.entry import Entry

_SAVE_ES = "; ábralo en Excel o LibreOffice, guárdelo como libro de Excel (.xlsx) y envíelo"
_SAVE_EN = "; open it in Excel or LibreOffice, save it as an Excel workbook (.xlsx) and send it"
_ASK_ES = "; si trae la matriz, pida que la envíen como libro de Excel (.xlsx)"
_ASK_EN = "; if it holds the matrix, ask for it as an Excel workbook (.xlsx)"

WORDS: dict[str, Entry] = {
    # The end-of-run line and the command line's other words
    "cli.consolidated": ("Consolidado {ronda}: {actividades} de {informantes}{others}; "
                         "{vencidas}, {por_vencer} por vencer, {sin_responsable} sin "
                         "responsable, {impreciso} con plazo impreciso{observed}; {errores}, "
                         "{advertencias} -> {out}",
                         "Consolidated {ronda}: {actividades} from {informantes}{others}; "
                         "{vencidas}, {por_vencer} due soon, {sin_responsable} without "
                         "responsible party, {impreciso} with vague deadline{observed}; "
                         "{errores}, "
                         "{advertencias} -> {out}"),
    "n.activities": (("{n} actividad", "{n} actividades"), ("{n} activity", "{n} activities")),
    "n.of_reporters": (("{received} de {n} informante", "{received} de {n} informantes"),
                       ("{received} of {n} reporter", "{received} of {n} reporters")),
    "log.issues": (("{n} problema", "{n} problemas"), ("{n} issue", "{n} issues")),
    "n.overdue": (("{n} vencida", "{n} vencidas"), ("{n} overdue", "{n} overdue")),
    "n.overdue_distinct": ((" ({n} actividad distinta)", " ({n} actividades distintas)"),
                           (" ({n} distinct activity)", " ({n} distinct activities)")),
    "n.errors": (("{n} error", "{n} errores"), ("{n} error", "{n} errors")),
    "n.warnings": (("{n} advertencia", "{n} advertencias"), ("{n} warning", "{n} warnings")),
    "n.files": (("{n} archivo", "{n} archivos"), ("{n} file", "{n} files")),
    "n.templates": (("{n} plantilla en {out}", "{n} plantillas en {out}"),
                    ("{n} template in {out}", "{n} templates in {out}")),
    "n.parties": (("{n} parte responsable con pendientes", "{n} partes responsables con "
                   "pendientes"),
                  ("{n} responsible party with pending items", "{n} responsible parties "
                   "with pending items")),
    "cli.observed": ("; ítems observados: {observados}, con una valoración distinta a la "
                     "oficial: {difieren}",
                     "; items observed: {observados}, with a view that differs from the "
                     "official status: {difieren}"),
    "cli.unlisted": ((" (y {n} archivo de un informante que no está en la lista de la ronda: "
                      "véase problemas.csv)", " (y {n} archivos de informantes que no están en "
                      "la lista de la ronda: véase problemas.csv)"),
                     (" (and {n} file from a reporter not on the round's list: see "
                      "problemas.csv)", " (and {n} files from reporters not on the round's "
                      "list: see problemas.csv)")),
    "cli.no_matrix": ((" ({n} archivo sin matriz: véase problemas.csv)",
                       " ({n} archivos sin matriz: véase problemas.csv)"),
                      (" ({n} file with no matrix: see problemas.csv)",
                       " ({n} files with no matrix: see problemas.csv)")),
    "cli.columns_taken": ("{where}: columnas {columns}{template}",
                          "{where}: columns {columns}{template}"),
    "cli.columns_also": (("; {n} más con su título de la plantilla",
                          "; {n} más con sus títulos de la plantilla"),
                         ("; {n} more under its template title",
                          "; {n} more under their template titles")),
    "cli.columns_template": ("{where}: columnas con los títulos de la plantilla",
                             "{where}: columns under the template's titles"),
    "cli.empty_folder": ("No hay ningún libro de cálculo en la carpeta {folder}: revise que sea "
                         "la correcta; todos los informantes figuran como no recibidos.",
                         "There is no spreadsheet in the folder {folder}: check that it is "
                         "the right one; every reporter is shown as not received."),
    "cli.validated": ("{files}, {actividades}: {errores}, {advertencias}.",
                      "{files}, {actividades}: {errores}, {advertencias}."),
    "cli.overdue": ("{vencidas}; {partes}{unidentified} -> {out}",
                    "{vencidas}; {partes}{unidentified} -> {out}"),
    "cli.unidentified": (
        ("; {n} parte responsable no reconocida (véase {file})",
         "; {n} partes responsables no reconocidas (véase {file})"),
        ("; {n} responsible party not recognized (see {file})",
         "; {n} responsible parties not recognized (see {file})")),
    "cli.templates_no_history": (
        "No hay historial con qué llenar las plantillas: van en blanco (consolide primero una "
        "ronda para que lleven las actividades de cada informante).",
        "There is no history to prefill the templates from: they are blank (consolidate a "
        "round first for them to carry each reporter's activities)."),
    "cli.templates_blank": (
        ("{n} plantilla va en blanco: ese informante no tiene actividades guardadas: {names}.",
         "{n} plantillas van en blanco: esos informantes no tienen actividades guardadas: "
         "{names}."),
        ("{n} template is blank: that reporter has no stored activities: {names}.",
         "{n} templates are blank: those reporters have no stored activities: {names}.")),
    "cli.initialized": (
        "Carpeta de seguimiento creada en {folder}: revise seguimiento.toml (el plan vigente) "
        "y ponga los archivos devueltos en recibidos/<ronda>/.",
        "Follow-up workspace created in {folder}: check seguimiento.toml (the plan in force) "
        "and put the returned files in recibidos/<round>/."),
    "reported_by": (" (informadas por: {names})", " (reported by: {names})"),
    "cli.bad_date": (
        "«{value}» no es una fecha; escríbala como 2026-11-30 o 30/11/2026",
        "“{value}” is not a date; write it as 2026-11-30 or 30/11/2026"),
    "cli.date_out_of_range": (
        "«{value}» está fuera de las fechas que se pueden contar ({first} a {last}); "
        "escriba una fecha real, como 2026-11-30",
        "“{value}” is outside the dates that can be counted ({first} to {last}); write a "
        "real date, such as 2026-11-30"),
    "cli.init_existing": (
        "{folder} ya era una carpeta de seguimiento: su configuración y su historial quedaron "
        "como estaban (se crearon las subcarpetas que faltaban).",
        "{folder} was a follow-up workspace already: its configuration and history were left "
        "as they were (missing subfolders were created)."),
    "cli.no_rounds": ("No hay rondas guardadas en {path}.", "No rounds stored in {path}."),
    "cli.reading": ("Leyendo", "Reading"),
    "cli.writing": ("Escribiendo", "Writing"),
    "cli.need_reporter": ("Indique --reporter NOMBRE o --all.", "Give --reporter NAME or --all."),
    "cli.need_source": ("Indique una carpeta o --from-history.",
                        "Give a folder or --from-history."),
    "log.read": ("{archivos} archivos leídos, {filas} filas",
                 "{archivos} files read, {filas} rows"),
    "log.written": ("ronda {ronda} de {entrada} escrita en {salida}, guardada en {historial}",
                    "round {ronda} from {entrada} written to {salida}, stored in {historial}"),
    "cli.interrupted": ("Interrumpido (Ctrl-C). Nada quedó a medias: lo que la orden ya había "
                        "terminado queda hecho y el resto no se hizo; vuelva a ejecutarla "
                        "para completarla.",
                        "Interrupted (Ctrl-C). Nothing was left half done: what the command "
                        "had finished stays done and the rest was not done; run it again to "
                        "complete it."),
    "cli.internal": ("Error interno de Seguimiento (no es culpa de sus archivos). Los detalles "
                     "están en {log}; envíelo a quien mantiene la herramienta.",
                     "Internal error in Seguimiento (not caused by your files). The details "
                     "are in {log}; send it to whoever maintains the tool."),
    # Why Seguimiento cannot go on (SeguimientoError and its family), then ": <what>"
    "error.SeguimientoError": ("Seguimiento no pudo terminar", "Seguimiento could not finish"),
    "error.InputFolderMissing": (
        "La carpeta de entrada no existe o no es una carpeta; revise su nombre (entre "
        "comillas si tiene espacios)",
        "The input folder does not exist or is not a folder; check its name (in quotes if it "
        "has spaces)"),
    "error.InputFileMissing": ("No se encontró el archivo; revise su nombre y su carpeta",
                               "File not found; check its name and folder"),
    "error.OutputNotWritable": (
        "No se puede escribir en la carpeta de salida; elija otra con --out o revise sus "
        "permisos", "The output folder cannot be written; choose another with --out or check "
        "its permissions"),
    "error.OutputInsideInput": (
        "La salida va dentro de la carpeta de los archivos recibidos, y Seguimiento nunca "
        "escribe allí (sus resultados se leerían como archivos de la ronda); elija otra "
        "carpeta con --out",
        "The output goes into the folder of the returned files, and Seguimiento never writes "
        "there (its outputs would be read as files of the round); choose another folder with "
        "--out"),
    "error.OutputLocked": (
        "Otra ejecución está escribiendo en esta carpeta de salida; espere a que termine y "
        "vuelva a ejecutar", "Another run is writing to this output folder; wait for it to "
        "finish and run again"),
    "error.InsideWorkspace": (
        "Esa carpeta ya está dentro de una carpeta de seguimiento, y otra dentro de ella la "
        "ocultaría a toda orden ejecutada allí; elija una carpeta fuera de ella",
        "That folder is inside a workspace already, and another inside it would hide it "
        "from every command run there; choose a folder outside it"),
    "error.MailNotConfigured": (
        "Para --send hace falta el servidor de correo y quién envía: indique [correo] "
        "servidor y remitente (o usuario) en seguimiento.toml; sin --send se escriben los "
        "borradores",
        "--send needs the mail server and who sends: set [correo] servidor and remitente (or "
        "usuario) in seguimiento.toml; without --send the drafts are written"),
    "error.MailPasswordMissing": (
        "[correo] indica un usuario pero la variable SEGUIMIENTO_SMTP_PASSWORD no está "
        "definida; defínala en el entorno (nunca en un archivo) y vuelva a ejecutar",
        "[correo] names a user but the SEGUIMIENTO_SMTP_PASSWORD variable is not set; set it "
        "in the environment (never in a file) and run again"),
    "error.MailNeedsHistory": (
        "--send guarda lo enviado en el historial para no enviar nada dos veces; ejecútelo "
        "en una carpeta de seguimiento o indique --history",
        "--send keeps what it sent in the history so that nothing is sent twice; run it in "
        "a workspace or give --history"),
    "error.NoClosingDate": (
        "La convocatoria necesita la fecha de cierre de la ronda; indíquela en "
        "seguimiento.toml ([cierres]) o con --closing-date",
        "The call for submissions needs the round's closing date; set it in "
        "seguimiento.toml ([cierres]) or give --closing-date"),
    "error.RoundClosed": (
        "La ronda ya cerró: no tiene sentido convocar a enviar; si se prorrogó, indique la "
        "nueva fecha de cierre ([cierres] o --closing-date)",
        "The round has already closed: there is no point calling for submissions; if it "
        "was extended, set the new closing date ([cierres] or --closing-date)"),
    "error.ConfigError": (
        "El archivo de configuración no se puede usar; corríjalo (véase «Configuration» en el "
        "README)", "The configuration file cannot be used; correct it (see Configuration in "
        "the README)"),
    "error.UnknownReporter": (
        "Informante desconocido; use un país, un grupo u otro informante del perfil de la red "
        "(red.toml)",
        "Unknown reporter; use a country, a group or another reporter of the network's "
        "profile (red.toml)"),
    "error.HistoryError": (
        "No se puede usar la base de historial; verifique que se pueda escribir en la carpeta "
        "de salida", "The history database cannot be used; check that the output folder can "
        "be written"),
    "history.broken_link": ("enlace roto", "broken link"),
    "history.not_a_file": ("no es un archivo", "not a file"),
    "history.empty": ("archivo vacío", "empty file"),
    "history.no_version": ("sin versión", "no version"),
    "history.tables": ("tablas: {tablas}", "tables: {tablas}"),
    "history.unnamed_round": ("una ronda sin nombre", "a round without a name"),
    "history.copy": ("; copia: {copia}", "; copy: {copia}"),
    "error.HistoryDamaged": (
        "El historial está dañado y no se usó ni se cambió: ponga en su lugar la copia "
        "guardada antes de la última ronda (historial.sqlite.antes-<ronda>, a su lado; "
        "cópiela con el nombre historial.sqlite), o aparte el archivo dañado para empezar "
        "un historial nuevo, y vuelva a ejecutar",
        "The history is damaged and was neither used nor changed: put back the copy kept "
        "before the last round (historial.sqlite.antes-<round>, beside it; copy it to the "
        "name historial.sqlite), or move the damaged file aside to start a new history, "
        "and run again"),
    "error.NoRoundsForYear": (
        "No hay rondas guardadas de ese año; consolide primero sus rondas (o indique "
        "--history)", "No stored round for that year; consolidate its rounds first (or give "
        "--history)"),
    "error.NoWorkspace": (
        "No se encontró ninguna carpeta de seguimiento (una carpeta con seguimiento.toml) "
        "aquí ni en las carpetas superiores; cree una con «seguimiento init CARPETA» y "
        "ejecute las órdenes dentro de ella, o indíquela con --workspace CARPETA o la "
        "variable SEGUIMIENTO_WORKSPACE",
        "No follow-up workspace (a folder with a seguimiento.toml) was found here or in the "
        "folders above; create one with `seguimiento init FOLDER` and run the commands "
        "inside it, or name it with --workspace FOLDER or the SEGUIMIENTO_WORKSPACE "
        "variable"),
    "error.NotAWorkspace": (
        "La carpeta indicada no es una carpeta de seguimiento (no tiene seguimiento.toml); "
        "créela con «seguimiento init» o revise el nombre",
        "The folder named is not a follow-up workspace (it has no seguimiento.toml); create "
        "it with `seguimiento init` or check the name"),
    "error.NotAFolder": (
        "Ese nombre es de un archivo, no de una carpeta; elija el nombre de una carpeta",
        "That name is a file, not a folder; choose a folder's name"),
    "error.RoundFolderMissing": (
        "No hay carpeta de archivos recibidos para la ronda; ponga los archivos devueltos "
        "en ella, o indique otra carpeta o --round",
        "There is no folder of returned files for the round; put the returned files in it, "
        "or give another folder or --round"),
    "error.BadRound": (
        "La ronda no está escrita como año-trimestre; escríbala así: 2027-T1",
        "The round is not written as year-quarter; write it like this: 2027-T1"),
    "error.DiskFull": (
        "El disco está lleno y no se pudieron escribir los resultados; los anteriores y el "
        "historial quedaron como estaban. Libere espacio (o elija otra carpeta con --out) y "
        "vuelva a ejecutar", "The disk is full, so the outputs could not be written; the "
        "previous outputs and the history are as they were. Free some space (or choose another "
        "folder with --out) and run again"),
    # Why a file of the folder is skipped
    "skip.lock": ("es un archivo de bloqueo que Excel o LibreOffice crean mientras un libro "
                  "está abierto; no hace falta hacer nada",
                  "it is a lock file that Excel or LibreOffice create while a workbook is "
                  "open; nothing needs doing"),
    "skip.hidden": ("es un archivo oculto o del sistema; no hace falta hacer nada",
                    "it is a hidden or system file; nothing needs doing"),
    "skip.pdf": ("es un documento PDF" + _ASK_ES, "it is a PDF document" + _ASK_EN),
    "skip.word": ("es un documento de Word" + _ASK_ES, "it is a Word document" + _ASK_EN),
    "skip.text_document": ("es un documento de texto" + _ASK_ES,
                           "it is a text document" + _ASK_EN),
    "skip.text": ("es un archivo de texto" + _ASK_ES, "it is a text file" + _ASK_EN),
    "skip.image": ("es una imagen" + _ASK_ES, "it is an image" + _ASK_EN),
    "skip.zip": ("es un archivo comprimido; descomprímalo en la carpeta",
                 "it is a compressed archive; unpack it into the folder"),
    "skip.other": ("no es una hoja de cálculo ({kind})" + _ASK_ES,
                   "it is not a spreadsheet ({kind})" + _ASK_EN),
    "skip.no_extension": ("sin extensión", "no extension"),
    "skip.dangling": ("es un acceso directo (enlace) a un archivo que ya no existe; copie el "
                      "archivo mismo en la carpeta",
                      "it is a shortcut (link) to a file that no longer exists; copy the file "
                      "itself into the folder"),
    "skip.loop": ("es un acceso directo (enlace) que apunta a sí mismo; copie el archivo mismo "
                  "en la carpeta", "it is a shortcut (link) that points to itself; copy the "
                  "file itself into the folder"),
    "skip.unreadable": ("no se puede abrir (permisos); copie el archivo de nuevo en la carpeta",
                        "it cannot be opened (permissions); copy the file into the folder "
                        "again"),
    "skip.folder": ("es una carpeta sin hojas de cálculo (solo se leen los archivos de la "
                    "carpeta misma); no hace falta hacer nada",
                    "it is a folder with no spreadsheet (only the folder's own files are "
                    "read); nothing needs doing"),
    "skip.folder_with": ("es una carpeta; sus hojas de cálculo ({n}) no se leen: solo se leen "
                         "los archivos de la carpeta misma. Si son de esta ronda, muévalas a "
                         "la carpeta", "it is a folder; its spreadsheets ({n}) are not read: "
                         "only the folder's own files are. If they are this round's, move "
                         "them into the folder itself"),
    "skip.special": ("no es un archivo común sino una tubería, un dispositivo o un socket; no "
                     "hace falta hacer nada", "it is not an ordinary file but a pipe, a device "
                     "or a socket; nothing needs doing"),
    # Why a file is refused (archivo-ilegible)
    "refuse.cannot_open": ("no se pudo abrir ({why})", "it could not be opened ({why})"),
    "refuse.too_large": ("pesa más de {mb} MB", "it is larger than {mb} MB"),
    "refuse.bomb": ("se descomprime a un tamaño excesivo (posible archivo malicioso)",
                    "it decompresses to an excessive size (possibly a malicious file)"),
    "refuse.password": ("está protegido con contraseña; quite la contraseña y envíelo de nuevo",
                        "it is password-protected; remove the password and send it again"),
    "refuse.not_a_workbook": ("no es un libro de Excel ni de LibreOffice",
                              "it is not an Excel or LibreOffice workbook"),
    "refuse.damaged_zip": ("está dañado o no es un libro de Excel",
                           "it is damaged or not an Excel workbook"),
    "refuse.old_excel": ("está guardado en un formato de Excel muy antiguo (Excel 2, 3, 4 o 95)"
                         + _SAVE_ES, "it is saved in a very old Excel format (Excel 2, 3, 4 "
                         "or 95)" + _SAVE_EN),
    "refuse.codepage": ("usa una codificación de caracteres antigua que no se puede leer"
                        + _SAVE_ES, "it uses an old character encoding that cannot be read"
                        + _SAVE_EN),
    "refuse.damaged_ods": ("el archivo de LibreOffice (.ods) está dañado" + _SAVE_ES,
                           "the LibreOffice file (.ods) is damaged" + _SAVE_EN),
    "refuse.truncated": ("está dañado o incompleto (quizás se cortó al copiarlo o enviarlo); "
                         "pida que lo envíen de nuevo", "it is damaged or incomplete (perhaps "
                         "cut off when copied or sent); ask for it to be sent again"),
    "refuse.too_many_cells": ("declara muchas más celdas de las que tiene (dañado o malicioso)"
                              + _SAVE_ES, "it declares far more cells than it holds (damaged "
                              "or malicious)" + _SAVE_EN),
    "refuse.macro_sheet": ("tiene una hoja de macros de Excel 4 y sus demás hojas tampoco se "
                           "pudieron leer" + _SAVE_ES, "it has an Excel 4 macro sheet and its "
                           "other sheets could not be read either" + _SAVE_EN),
    "refuse.damaged": ("está dañado o no se puede leer" + _SAVE_ES,
                       "it is damaged or cannot be read" + _SAVE_EN),
    "refuse.timeout": ("se tardó más de {seconds} segundos en leerse (posiblemente un archivo "
                       "dañado o malicioso)" + _SAVE_ES + " de nuevo",
                       "it took longer than {seconds} seconds to read (possibly a damaged or "
                       "malicious file)" + _SAVE_EN + " again"),
    "refuse.memory": ("necesita más memoria de la permitida para leerse (puede tener una celda "
                      "con datos muy lejos de la matriz, o estar dañado); ábralo, borre las "
                      "filas y columnas vacías tras la matriz (Ctrl+Fin muestra la última "
                      "celda usada), guárdelo y envíelo de nuevo",
                      "it needs more memory than allowed to be read (it may hold a cell far "
                      "away from the matrix, or be damaged); open it, delete the empty rows "
                      "and columns after the matrix (Ctrl+End shows the last cell in use), "
                      "save it and send it again"),
    "refuse.crashed": ("el lector de hojas de cálculo se detuvo con este archivo (posiblemente "
                       "dañado)" + _SAVE_ES + " de nuevo", "the spreadsheet reader stopped on "
                       "this file (possibly damaged)" + _SAVE_EN + " again"),
    "replaced": ("reemplazado por «{kept}», más reciente", "replaced by “{kept}”, a later file"),
    "other_round": ("el archivo es de la ronda {ronda_archivo}, no de {ronda}",
                    "the file is round {ronda_archivo}'s, not {ronda}'s"),
    "not_updated": ("igual a lo enviado en {anterior}: sin actualizar",
                    "the same as sent in {anterior}: not updated"),
    "found_titles": (" Se encontraron {titles}, pero una matriz necesita la descripción de la "
                     "actividad y al menos dos columnas más (parte responsable, plazo, estado, "
                     "indicadores...).", " Found {titles}, but a matrix needs the activity "
                     "description and at least two more columns (responsible party, deadline, "
                     "status, indicators...)."),
    "no_matrix": ("no se encontró ninguna matriz", "no matrix was found"),
    "found_titles_at": (" Títulos encontrados en la hoja «{hoja}», fila {fila}: {titles}.",
                        " Titles found in sheet “{hoja}”, row {fila}: {titles}."),
    "where.template": ("la plantilla", "template"),
    "where.filename": ("el nombre del archivo", "file name"),
    "quoted": ("«{text}»", "“{text}”"),
}
