"""The words of messages: what the command line says and why Seguimiento cannot go on
(each saying what to do); why a file is skipped or refused is in pipeline.words.files."""

from __future__ import annotations

from pipeline.words.entry import Entry

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
    "cli.init_kept_network": (
        "Conserva su propia red (red.toml): --red {red} no se aplicó. Para seguir otra red, "
        "cree otra carpeta con «seguimiento init CARPETA --red {red}».",
        "It keeps its own network (red.toml): --red {red} was not applied. To follow another "
        "network, make another folder with “seguimiento init FOLDER --red {red}”."),
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
    "history.round_values": ("la fecha o las cifras de la ronda {ronda} no se pueden leer",
                             "the date or the figures of round {ronda} cannot be read"),
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
    "os.read_only": ("el disco o la carpeta es de solo lectura",
                     "the disk or folder is read-only"),
    "os.denied": ("sin permiso para escribir ahí", "no permission to write there"),
    "os.not_a_folder": ("una parte de la ruta es un archivo, no una carpeta",
                        "a part of the path is a file, not a folder"),
    "os.too_long": ("el nombre o la ruta es demasiado largo", "the name or path is too long"),
    "os.missing": ("una carpeta de la ruta no existe", "a folder of the path does not exist"),
    "error.MailIndexNotWritten": (
        "Los mensajes se enviaron y quedaron registrados en el historial, pero su índice no "
        "se pudo escribir (disco lleno, o carpeta en la que no se puede escribir); libere "
        "espacio o elija otra carpeta con --out y ejecute la misma orden otra vez, sin "
        "--again: no envía nada dos veces y escribe el índice",
        "The messages were sent and are recorded in the history, but their index could not "
        "be written (a full disk, or a folder that cannot be written); free some space or "
        "choose another folder with --out, and run the same command again, without --again: "
        "it sends nothing twice and writes the index"),
    "error.mail_index": (("{n} mensaje enviado; su índice va en {out}",
                          "{n} mensajes enviados; su índice va en {out}"),
                         ("{n} message sent; its index goes in {out}",
                          "{n} messages sent; their index goes in {out}")),
    "error.DiskFull": (
        "El disco está lleno y no se pudieron escribir los resultados; los anteriores y el "
        "historial quedaron como estaban. Libere espacio (o elija otra carpeta con --out) y "
        "vuelva a ejecutar", "The disk is full, so the outputs could not be written; the "
        "previous outputs and the history are as they were. Free some space (or choose another "
        "folder with --out) and run again"),
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
