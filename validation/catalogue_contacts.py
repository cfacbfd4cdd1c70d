"""The issues of the contacts file and of who is written to (issue 15): each says what is
wrong with the row and what to do, at its cell."""

from __future__ import annotations

from validation.entry import ERROR, INFO, WARNING, Entry

CONTACT_ENTRIES: dict[str, Entry] = {
    "contactos-sin-columnas": Entry(
        ERROR,
        "No se encontraron los títulos de los contactos (hace falta al menos Parte y Correo; "
        "se vio: {vistos}). Use el archivo que escribe «seguimiento init» o ponga esos títulos "
        "en la primera fila.",
        "The contacts' titles were not found (Party and E-mail at least are needed; seen: "
        "{vistos}). Use the file “seguimiento init” writes or put those titles in the first "
        "row.",
    ),
    "contactos-ilegible": Entry(
        ERROR,
        "No se pudo leer el archivo de contactos ({motivo}). Guárdelo como libro de Excel "
        "(.xlsx) o CSV y vuelva a intentarlo.",
        "The contacts file could not be read ({motivo}). Save it as an Excel workbook (.xlsx) "
        "or CSV and try again.",
    ),
    "contactos-demasiados": Entry(
        WARNING,
        "El archivo de contactos tiene más de {maximo} filas: solo se leyeron las primeras.",
        "The contacts file has more than {maximo} rows: only the first were read.",
    ),
    "contacto-sin-parte": Entry(
        ERROR,
        "Este contacto no dice de qué parte es. Escriba la parte o el informante (p. ej. "
        "{partes}) o borre la fila.",
        "This contact does not say which party it belongs to. Write the party or reporter "
        "(e.g. {partes}) or delete the row.",
    ),
    "contacto-parte-desconocida": Entry(
        ERROR,
        "«{valor}» no es una parte conocida: este contacto no recibirá mensajes. Escriba el "
        "nombre como en los datos de referencia o añada la parte en seguimiento.toml.",
        "“{valor}” is not a known party: this contact will get no messages. Write the name "
        "as in the reference data or add the party in seguimiento.toml.",
    ),
    "contacto-sin-correo": Entry(
        ERROR,
        "Este contacto no tiene dirección de correo: no recibirá mensajes. Escríbala o borre "
        "la fila.",
        "This contact has no e-mail address: it will get no messages. Write it or delete the "
        "row.",
    ),
    "contacto-correo-invalido": Entry(
        ERROR,
        "«{valor}» no es una dirección de correo válida ({motivo}): este contacto no recibirá "
        "mensajes. Corríjala.",
        "“{valor}” is not a valid e-mail address ({motivo}): this contact will get no "
        "messages. Correct it.",
    ),
    "contacto-idioma-desconocido": Entry(
        WARNING,
        "«{valor}» no es un idioma que se conozca: se escribe a este contacto en {idioma}. "
        "Escriba es o en.",
        "“{valor}” is not a known language: this contact is written to in {idioma}. Write es "
        "or en.",
    ),
    "contacto-copia-invalida": Entry(
        WARNING,
        "«{valor}» no es Sí ni No: este contacto va como destinatario principal. Escriba Sí "
        "(en copia) o No.",
        "“{valor}” is neither Yes nor No: this contact is a main recipient. Write Yes (in "
        "copy) or No.",
    ),
    "contacto-repetido": Entry(
        INFO,
        "Esta dirección ya figura para la misma parte en la fila {primera}: se usa una vez.",
        "This address is already listed for the same party in row {primera}: it is used once.",
    ),
    "contacto-firmante-invalido": Entry(
        WARNING,
        "La dirección «{valor}» escrita en el bloque de envío no es válida ({motivo}): el "
        "mensaje de retroalimentación no se le envía. Añada el contacto en contactos.xlsx.",
        "The address “{valor}” written in the submission block is not valid ({motivo}): the "
        "feedback message is not sent to it. Add the contact to contactos.xlsx.",
    ),
    "parte-sin-contacto": Entry(
        WARNING,
        "Nadie en los contactos recibe los mensajes de {parte}: no se preparó su mensaje. "
        "Añada una fila con su parte, nombre y correo.",
        "Nobody in the contacts receives the messages for {parte}: its message was not "
        "prepared. Add a row with its party, name and e-mail.",
    ),
}
