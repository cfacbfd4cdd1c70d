"""The words of the e-mails (issue 15): subjects, bodies, the index of what was prepared
and sent, and the command line's lines about them."""

from __future__ import annotations

from pipeline.words.entry import Entry

WORDS: dict[str, Entry] = {
    # Subjects
    "mail.subject.vencidos": ("Seguimiento {red_corta}: compromisos pendientes de {party} al "
                              "{as_of}",
                              "{red_corta} follow-up: pending commitments of {party} as of "
                              "{as_of}"),
    "mail.subject.retroalimentacion": (
        "Seguimiento {red_corta}, ronda {ronda}: revisión de la matriz de {party}",
        "{red_corta} follow-up, round {ronda}: review of the matrix from {party}"),
    "mail.subject.convocatoria": (
        "Seguimiento {red_corta}: envíe su matriz de la ronda {ronda} antes del {closing}",
        "{red_corta} follow-up: please send your matrix for round {ronda} by {closing}"),
    # Reminders (the greeting, items and signature are the reminder lists' own)
    "mail.overdue.attached": ("La lista adjunta tiene todos, con el informante y el archivo "
                              "de cada uno.",
                              "The attached list holds all of them, with the reporter and "
                              "file of each."),
    "mail.overdue.more": (("… y {n} más en la lista adjunta.",
                           "… y {n} más en la lista adjunta."),
                          ("… and {n} more in the attached list.",
                           "… and {n} more in the attached list.")),
    "mail.overdue.escalated": (
        "Con copia a {parties}: hay compromisos vencidos hace más de {days} días.",
        "Copied to {parties}: some commitments are more than {days} days overdue."),
    # Feedback
    "mail.feedback.thanks": ("Gracias por enviar la matriz de seguimiento de la ronda {ronda}.",
                             "Thank you for sending the monitoring matrix for round {ronda}."),
    "mail.feedback.found": ("Al revisarla encontramos {errors} y {warnings}.",
                            "Reviewing it we found {errors} and {warnings}."),
    "mail.feedback.clean": ("Al revisarla no encontramos ningún problema. ¡Gracias!",
                            "Reviewing it we found no problem at all. Thank you!"),
    "mail.feedback.what": ("Lo que hay que corregir:", "What needs correcting:"),
    "mail.feedback.more": (("… y {n} más en el archivo adjunto.",
                            "… y {n} más en el archivo adjunto."),
                           ("… and {n} more in the attached file.",
                            "… and {n} more in the attached file.")),
    "mail.feedback.ask": (
        "El archivo adjunto los lista todos y marca cada celda con su explicación. Le "
        "pedimos corregirlos en su matriz y enviarla de nuevo antes del {by}.",
        "The attached file lists them all and marks each cell with its explanation. Please "
        "correct them in your matrix and send it again by {by}."),
    "mail.feedback.warnings_only": (
        "Las advertencias no impiden consolidar su matriz; revíselas cuando pueda. El "
        "archivo adjunto marca cada celda con su explicación.",
        "Warnings do not stop your matrix from being consolidated; please review them when "
        "you can. The attached file marks each cell with its explanation."),
    # Call for submissions
    "mail.call.intro": ("La ronda {ronda} de seguimiento cierra el {closing} y aún no hemos "
                        "recibido la matriz de {party}.",
                        "Round {ronda} of the follow-up closes on {closing} and we have not "
                        "yet received the matrix of {party}."),
    "mail.call.prefilled": (
        "Adjuntamos su plantilla, llena con las actividades de su último envío: actualice el "
        "estado y el avance de cada una, añada las nuevas y devuélvala por correo antes del "
        "{closing}.",
        "Attached is your template, filled with the activities of your last submission: "
        "update the status and progress of each, add any new ones and send it back by "
        "e-mail by {closing}."),
    "mail.call.blank": (
        "Adjuntamos la plantilla de la ronda: llénela con las actividades a su cargo y "
        "devuélvala por correo antes del {closing}.",
        "Attached is the round's template: fill it with the activities in your charge and "
        "send it back by e-mail by {closing}."),
    "mail.call.observer": (
        "Como observador, su plantilla trae también la hoja «{hoja}», con los ítems de las "
        "demás partes: anote en ella lo que observa de cada uno (su estado, la evidencia y "
        "su observación).",
        "As an observer, your template also has the sheet “{hoja}”, with the other parties' "
        "items: write there what you observe of each (its status, the evidence and your "
        "observation)."),
    "mail.call.help": ("La primera hoja de la plantilla explica cómo llenarla.",
                       "The template's first sheet explains how to fill it."),
    # The index
    "language.es": ("español", "Spanish"),
    "language.en": ("inglés", "English"),
    "sheet.indice": ("Índice", "Index"),
    "sheet.problemas_contactos": ("Contactos con problemas", "Contact problems"),
    "column.mensaje_archivo": ("Borrador", "Draft"),
    "column.tipo_mensaje": ("Mensaje", "Message"),
    "column.destinatario": ("Para quién", "For"),
    "column.idioma": ("Idioma", "Language"),
    "column.para": ("Para", "To"),
    "column.copia": ("Copia", "Cc"),
    "column.asunto": ("Asunto", "Subject"),
    "column.adjunto": ("Adjunto", "Attachment"),
    "column.resultado": ("Resultado", "Outcome"),
    "column.momento": ("Enviado a las", "Sent at"),
    "mail.kind.vencidos": ("recordatorio", "reminder"),
    "mail.kind.retroalimentacion": ("retroalimentación", "feedback"),
    "mail.kind.convocatoria": ("convocatoria", "call for submissions"),
    "mail.state.preparado": ("borrador listo", "draft ready"),
    "mail.state.enviado": ("enviado", "sent"),
    "mail.state.rechazado": ("rechazado", "refused"),
    "mail.state.no_enviado": ("no enviado", "not sent"),
    "mail.state.ya_enviado": ("ya enviado hoy", "already sent today"),
    "mail.state.desconocido": ("¿enviado? (revisar)", "sent? (check)"),
    "mail.state.enviando": ("enviándose", "being sent"),
    "mail.state.sin_contacto": ("sin contacto", "no contact"),
    "mail.reason.sin_contacto": ("nadie en los contactos recibe sus mensajes: añada una fila "
                                 "en {file}",
                                 "nobody in the contacts receives its messages: add a row to "
                                 "{file}"),
    "mail.reason.ya_enviado": ("se envió hoy a las {time}; --again lo envía otra vez",
                               "sent today at {time}; --again sends it again"),
    "mail.reason.desconocido_antes": (
        "una ejecución se interrumpió a las {time} cuando el servidor ya tenía este mensaje "
        "y no se sabe si llegó: revise su carpeta de enviados (o pregunte a {to}) por "
        "«{subject}»; no se vuelve a enviar sin --again",
        "a run was interrupted at {time} while the server had this message, and whether it "
        "arrived is not known: check your sent folder (or ask {to}) for “{subject}”; it is "
        "not sent again without --again"),
    "mail.reason.rechazado_antes": (
        "el servidor lo rechazó a las {time} ({why}); no se reintenta hoy a las mismas "
        "direcciones: corrija el contacto, o use --again",
        "the server refused it at {time} ({why}); it is not tried again today to the same "
        "addresses: correct the contact, or use --again"),
    "mail.reason.sin_respuesta": (
        "el servidor recibió el mensaje pero no respondió ({why}): puede haber llegado; "
        "revise su carpeta de enviados antes de enviarlo otra vez con --again",
        "the server took the message but never answered ({why}): it may have arrived; check "
        "your sent folder before sending it again with --again"),
    "mail.reason.interrumpido.desconocido": (
        "interrumpido mientras el servidor tenía el mensaje: puede haber llegado; revise su "
        "carpeta de enviados antes de enviarlo otra vez con --again",
        "interrupted while the server had the message: it may have arrived; check your sent "
        "folder before sending it again with --again"),
    "mail.reason.interrumpido.no_enviado": (
        "interrumpido antes de que el mensaje saliera; la próxima ejecución lo envía",
        "interrupted before the message went; the next run sends it"),
    "mail.reason.temporal": ("el servidor no lo aceptó por ahora ({why}); se reintenta en la "
                             "próxima ejecución",
                             "the server did not take it for now ({why}); the next run tries "
                             "again"),
    "mail.reason.parcial": ("no lo aceptó para {addresses}: {why}",
                            "refused for {addresses}: {why}"),
    "mail.reason.solo_copias": ("; solo lo recibieron quienes iban en copia ({addresses})",
                                "; only those in copy received it ({addresses})"),
    "mail.reason.reintento": ("; se reintenta en la próxima ejecución",
                              "; the next run tries again"),
    "mail.reason.cortado": ("el servidor cortó la conexión ({why}); se reintenta en la "
                            "próxima ejecución",
                            "the server dropped the connection ({why}); the next run tries "
                            "again"),
    "mail.reason.sin_servidor": ("no se pudo conectar con {server} ({why})",
                                 "could not connect to {server} ({why})"),
    "mail.reason.sin_starttls": (
        "el servidor {server} no ofrece STARTTLS: en [correo] de seguimiento.toml ponga "
        "seguridad = \"ssl\" (con su puerto, a menudo 465) o la que indique quien administra "
        "el correo",
        "the server {server} does not offer STARTTLS: in [correo] of seguimiento.toml set "
        "seguridad = \"ssl\" (with its port, often 465) or what the mail administrator says"),
    "mail.reason.sin_auth": (
        "el servidor {server} no ofrece iniciar sesión: en [correo] de seguimiento.toml deje "
        "usuario vacío, o pregunte a quien administra el correo qué servidor usar",
        "the server {server} offers no login: in [correo] of seguimiento.toml leave usuario "
        "empty, or ask the mail administrator which server to use"),
    "mail.reason.acceso": ("el servidor no aceptó el usuario y la contraseña ({why})",
                           "the server did not accept the user and password ({why})"),
    # The command line
    "cli.mail_prepared": (("{n} borrador de correo en {out}", "{n} borradores de correo en {out}"),
                          ("{n} e-mail draft in {out}", "{n} e-mail drafts in {out}")),
    "cli.mail_sent": ("{sent} enviados, {failed} no enviados, {skipped} ya enviados hoy, "
                      "{unknown} sin saber si llegaron (ver {index})",
                      "{sent} sent, {failed} not sent, {skipped} already sent today, "
                      "{unknown} not known to have arrived (see {index})"),
    "cli.mail_unknown": (
        "Revise su carpeta de enviados: no se sabe si llegó «{subject}» para {to} (a las "
        "{time}). No se vuelve a enviar hoy; si no está, envíelo con --again.",
        "Check your sent folder: whether “{subject}” to {to} arrived is not known (at "
        "{time}). It is not sent again today; if it is not there, send it with --again."),
    "cli.mail_waiting": (
        "Otra ejecución (proceso {pid}) está enviando correo con este historial; se espera a "
        "que termine.",
        "Another run (process {pid}) is sending e-mail with this history; waiting for it to "
        "finish."),
    "cli.mail_no_contact": (("{n} sin contacto: {names}", "{n} sin contacto: {names}"),
                            ("{n} without contact: {names}", "{n} without contact: {names}")),
    "cli.mail_nothing": ("No hay a quién escribir: {why}", "Nobody to write to: {why}"),
    "cli.mail_nothing.vencidos": ("nada vencido ni por vencer al {as_of}",
                                  "nothing overdue or due soon as of {as_of}"),
    "cli.mail_nothing.retroalimentacion": ("ningún informante envió archivos en {folder}",
                                           "no reporter sent files in {folder}"),
    "cli.mail_nothing.convocatoria": ("todos los informantes esperados ya enviaron",
                                      "every expected reporter has sent already"),
    "cli.mail_no_contacts_file": (
        "No hay archivo de contactos ({path}): ningún mensaje tiene destinatario salvo los "
        "firmantes de las matrices. «seguimiento init» lo crea; llénelo.",
        "There is no contacts file ({path}): no message has a recipient but the matrices' "
        "signers. “seguimiento init” creates it; fill it in."),
}

WORDS |= {
    # The contacts workbook `init` writes
    "contacts.title": ("Contactos: {titulo_red}", "Contacts: {titulo_red}"),
    "contacts.sheet": ("Contactos", "Contacts"),
    "contacts.lists": ("Listas", "Lists"),
    "contacts.guide": ("Instrucciones", "Instructions"),
    "contacts.column.parte": ("Parte", "Party"),
    "contacts.column.nombre": ("Nombre", "Name"),
    "contacts.column.correo": ("Correo", "E-mail"),
    "contacts.column.idioma": ("Idioma", "Language"),
    "contacts.column.copia": ("Copia", "Copy"),
    "contacts.hint.parte": ("El país, grupo de trabajo u organización de esta persona (elija "
                            "de la lista o escriba otro nombre que se conozca).",
                            "This person's country, working group or organization (choose "
                            "from the list or write another known name)."),
    "contacts.hint.nombre": ("Nombre y apellido, como irá en el saludo del correo.",
                             "First and last name, as the e-mail will address them."),
    "contacts.hint.correo": ("Una dirección por fila, p. ej. punto.focal@cancilleria.gob.gt.",
                             "One address per row, e.g. focal.point@foreign.gov.bz."),
    "contacts.hint.idioma": ("es o en: el idioma de sus mensajes (vacío: el de su parte).",
                             "es or en: the language of their messages (blank: their "
                             "party's)."),
    "contacts.hint.copia": ("Sí: recibe los mensajes en copia. No o vacío: es destinatario "
                            "principal.",
                            "Yes: gets the messages in copy. No or blank: a main "
                            "recipient."),
    "contacts.instructions": (
        "Una fila por persona que recibe los correos del seguimiento (recordatorios de "
        "vencidos, retroalimentación de cada ronda y convocatoria a enviar la matriz).\n"
        "Parte: el país, grupo u organización ({partes}...). Una "
        "persona de varias partes va en una fila por parte.\n"
        "Nombre: como irá en el correo. Correo: una dirección por fila.\n"
        "Idioma: es o en (vacío: el de su parte). Copia: Sí si la persona va en copia; "
        "vacío o No si es destinataria principal.\n"
        "Los contactos de {escalados} reciben en copia los recordatorios con "
        "actividades vencidas hace más de 30 días (se cambia en seguimiento.toml, "
        "[correo]).\n"
        "Quien firmó una matriz devuelta recibe la retroalimentación de esa matriz aunque "
        "no esté aquí.\n"
        "Son datos personales: este archivo nunca entra en la edición pública.",
        "One row per person who receives the follow-up's e-mails (overdue reminders, each "
        "round's feedback and the call to send the matrix).\n"
        "Party: the country, group or organization ({partes}...). A "
        "person of several parties takes one row per party.\n"
        "Name: as the e-mail will address them. E-mail: one address per row.\n"
        "Language: es or en (blank: their party's). Copy: Yes if the person is in copy; "
        "blank or No for a main recipient.\n"
        "The contacts of {escalados} are copied on reminders with items more than 30 "
        "days overdue (changed in seguimiento.toml, [correo]).\n"
        "Whoever signed a returned matrix receives that matrix's feedback even when not "
        "listed here.\n"
        "This is personal data: this file never enters the public edition."),
}
