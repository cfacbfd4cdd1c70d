"""The help of `seguimiento mail` and its commands, in Spanish and English."""

from __future__ import annotations

from pipeline.words.entry import Entry

_SHARED_EXIT_ES = ("\n\nCódigo de salida: 0 todo preparado (y enviado), 1 algo requiere atención "
                   "(una parte sin contacto, un contacto con error, un mensaje rechazado o no "
                   "enviado), 2 uso o configuración incorrectos, 3 no se pudo ejecutar o no se "
                   "pudo conectar con el servidor.")
_SHARED_EXIT_EN = ("\n\nExit code: 0 everything prepared (and sent), 1 something needs "
                   "attention (a party without a contact, a contact with an error, a message "
                   "refused or not sent), 2 wrong usage or configuration, 3 could not run or "
                   "could not reach the server.")

WORDS: dict[str, Entry] = {
    "help.mail": (
        "Prepara los correos del seguimiento como borradores (.eml, se abren en Outlook o "
        "Thunderbird listos para enviar) con un índice de lo preparado; con --send los envía "
        "por el servidor de [correo]. Los destinatarios salen de contactos.xlsx de la carpeta "
        "de seguimiento (o --contacts).",
        "Prepare the follow-up's e-mails as drafts (.eml, which open in Outlook or "
        "Thunderbird ready to send) with an index of what was prepared; with --send, send "
        "them through the [correo] server. Recipients come from the workspace's "
        "contactos.xlsx (or --contacts)."),
    "help.mail.overdue": (
        "A cada parte responsable con actividades vencidas o por vencer: un mensaje en el "
        "idioma de sus contactos con las actividades y su lista adjunta; las vencidas hace "
        "más de [correo] dias_para_escalar días ponen en copia a [correo] escalar_a. Lee el "
        "historial (hasta la ronda --round con --from-history), la carpeta de archivos "
        "devueltos indicada o, con --round, la de esa ronda (recibidos/<ronda>/). Apto para "
        "cron." +
        _SHARED_EXIT_ES + "\n\nEjemplo: seguimiento mail overdue --send",
        "To each responsible party with overdue or due-soon items: a message in its "
        "contacts' language with the items and its list attached; items overdue more than "
        "[correo] dias_para_escalar days copy [correo] escalar_a. Reads the history (up "
        "to the round --round with --from-history), the folder of returned files given or, "
        "with --round, that round's (recibidos/<round>/). Suitable for cron." + _SHARED_EXIT_EN +
        "\n\nExample: seguimiento mail overdue --send"),
    "help.mail.feedback": (
        "A cada informante de la ronda: su libro de retroalimentación adjunto, cuántos "
        "errores y advertencias tiene, qué corregir y para cuándo. También escribe al punto "
        "focal que firmó la matriz." + _SHARED_EXIT_ES +
        "\n\nEjemplo: seguimiento mail feedback --round 2027-T1",
        "To each reporter of the round: its feedback workbook attached, how many errors and "
        "warnings it has, what to correct and by when. Also writes to the focal point who "
        "signed the matrix." + _SHARED_EXIT_EN +
        "\n\nExample: seguimiento mail feedback --round 2027-T1"),
    "help.mail.call": (
        "Antes del cierre de una ronda: a cada informante esperado que aún no envió, su "
        "plantilla de la ronda (llena con su último envío) y la fecha de cierre. Quien ya "
        "envió no recibe nada." + _SHARED_EXIT_ES +
        "\n\nEjemplo: seguimiento mail call --round 2027-T1",
        "Before a round closes: to each expected reporter that has not sent yet, its "
        "template for the round (filled with its last submission) and the closing date. "
        "Reporters who already sent get nothing." + _SHARED_EXIT_EN +
        "\n\nExample: seguimiento mail call --round 2027-T1"),
    "help.option.contacts": ("Archivo de contactos (.xlsx o .csv) [por omisión: "
                             "contactos.xlsx de la carpeta de seguimiento].",
                             "Contacts file (.xlsx or .csv) [default: the workspace's "
                             "contactos.xlsx]."),
    "help.option.send": ("Envía los mensajes por el servidor de [correo] (la contraseña, de "
                         "SEGUIMIENTO_SMTP_PASSWORD); sin esta opción solo se preparan.",
                         "Send the messages through the [correo] server (the password from "
                         "SEGUIMIENTO_SMTP_PASSWORD); without it they are only prepared."),
    "help.option.again": ("Envía también lo que ya se envió hoy a la misma parte, lo que "
                          "quizás llegó (interrumpido: revise su carpeta de enviados) y lo "
                          "que el servidor rechazó.",
                          "Also send what was already sent today to the same party, what "
                          "may have arrived (interrupted: check your sent folder) and what "
                          "the server refused."),
    "help.option.out_dir": ("Carpeta de los borradores [por omisión: correo/<fecha>/ de la "
                            "carpeta de seguimiento].",
                            "Folder for the drafts [default: the workspace's correo/<date>/]."),
    "help.option.from_history": ("Toma las actividades del historial [por omisión].",
                                 "Take the items from the history [the default]."),
    "help.option.ronda": ("La ronda, p. ej. 2027-T1 [por omisión: el trimestre de la fecha "
                          "de corte].", "The round, e.g. 2027-T1 [default: the as-of date's "
                          "quarter]."),
    "help.option.closing_date": ("Fecha de cierre de la ronda [por omisión: la de [cierres]].",
                                 "The round's closing date [default: the one in [cierres]]."),
}
