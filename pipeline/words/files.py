"""The words of why a file of the round's folder is skipped or refused, each saying what
to do."""

from __future__ import annotations

from pipeline.words.entry import Entry

_SAVE_ES = "; ábralo en Excel o LibreOffice, guárdelo como libro de Excel (.xlsx) y envíelo"
_SAVE_EN = "; open it in Excel or LibreOffice, save it as an Excel workbook (.xlsx) and send it"
_ASK_ES = "; si trae la matriz, pida que la envíen como libro de Excel (.xlsx)"
_ASK_EN = "; if it holds the matrix, ask for it as an Excel workbook (.xlsx)"

WORDS: dict[str, Entry] = {
    # Why a file of the folder is skipped
    "skip.lock": ("es un archivo de bloqueo que Excel o LibreOffice crean mientras un libro "
                  "está abierto; no hace falta hacer nada",
                  "it is a lock file that Excel or LibreOffice create while a workbook is "
                  "open; nothing needs doing"),
    "skip.own_output": (
        "es un libro consolidado que Seguimiento escribió (una salida de una ronda), no una "
        "matriz devuelta; quítelo de la carpeta de archivos recibidos",
        "it is a consolidated workbook Seguimiento wrote (a round's output), not a returned "
        "matrix; remove it from the folder of returned files"),
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
    "skip.folder_unreadable": ("es una carpeta que no se puede abrir (permisos); si trae "
                               "matrices de esta ronda, cópielas a la carpeta misma",
                               "it is a folder that cannot be opened (permissions); if it "
                               "holds this round's matrices, copy them into the folder "
                               "itself"),
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
}
