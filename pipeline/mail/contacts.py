"""Who is written to: the contacts file's rows checked (a bad address, an unknown party
with a suggestion, a language or copy mark that cannot be read), each problem at its
cell; and the focal point who signed a returned template, a contact for that reporter's
feedback without being listed."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from email_validator import EmailNotValidError, validate_email
from openpyxl.utils.exceptions import InvalidFileException

from pipeline.model.submission import Submission
from pipeline.model.text import fold, one_line
from pipeline.normalize.matching import Matcher
from pipeline.read.contacts import MAX_CONTACT_ROWS, ContactRows, read_contact_rows
from pipeline.reference.data import Reference
from pipeline.words import word
from validation import Issue, make_issue
from validation.issues import Param

READABLE = (".xlsx", ".xlsm", ".csv")
YES = {"si", "s", "yes", "y", "x", "true", "1", "verdadero", "cc", "copia", "copy"}
NO = {"no", "n", "false", "0", "falso", ""}
LANGUAGES = {"es": "es", "espanol": "es", "spanish": "es", "castellano": "es",
             "en": "en", "ingles": "en", "english": "en"}


@dataclass(frozen=True)
class Contact:
    parte: str  # the party's name in the reference (a reporter, a responsible party)
    nombre: str
    correo: str  # as the validator normalized it
    idioma: str  # es | en
    copia: bool  # in copy rather than a main recipient


@dataclass(frozen=True)
class Contacts:
    people: tuple[Contact, ...]
    issues: tuple[Issue, ...]
    source: str  # the file's name, for the messages that point at it ("" when none)

    def of(self, parte: str) -> list[Contact]:
        return [c for c in self.people if c.parte == parte]


def load_contacts(path: Path | None, ref: Reference) -> Contacts:
    """The contacts of `path`, checked; none (no issue) when there is no file: the
    parties left without a contact say so where they are needed."""
    if path is None or not path.exists():
        return Contacts((), (), path.name if path else "")
    if path.suffix.lower() not in READABLE:
        issue = make_issue("contactos-ilegible", archivo=path.name,
                           motivo=("no es un libro .xlsx ni un .csv", "not an .xlsx workbook "
                                   "nor a .csv"))
        return Contacts((), (issue,), path.name)
    try:
        rows = read_contact_rows(path)
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile,
            InvalidFileException) as exc:  # an empty or damaged workbook
        issue = make_issue("contactos-ilegible", archivo=path.name,
                           motivo=one_line(str(exc)) or type(exc).__name__)
        return Contacts((), (issue,), path.name)
    return checked(rows, ref)


def checked(rows: ContactRows, ref: Reference) -> Contacts:
    """Each row a contact, or an issue at the cell that stops it from being one."""
    if rows.missing:
        return Contacts((), (make_issue("contactos-sin-columnas", archivo=rows.archivo,
                                        hoja=rows.hoja,
                                        vistos=", ".join(rows.titles_seen) or "—"),),
                        rows.archivo)
    matcher = Matcher(ref)
    people: list[Contact] = []
    issues: list[Issue] = []
    first_row: dict[tuple[str, str], int] = {}
    if rows.truncated:
        issues.append(make_issue("contactos-demasiados", archivo=rows.archivo, hoja=rows.hoja,
                                 maximo=str(MAX_CONTACT_ROWS)))
    for number, record in rows.rows:
        def at(code: str, key: str, n: int = number, r: dict[str, str] = record,
               **params: Param) -> None:
            letter = rows.columns.get(key, "")
            issues.append(make_issue(code, archivo=rows.archivo, hoja=rows.hoja, fila=n,
                                     celda=f"{letter}{n}" if letter else "", columna=key,
                                     valor=one_line(r.get(key, "")), **params))

        name, suggestion = _party(record.get("parte", ""), ref, matcher)
        address = record.get("correo", "")
        normalized, reason = valid_address(address) if address else (None, ("", ""))
        if not record.get("parte"):
            at("contacto-sin-parte", "parte")
        elif name is None:
            at("contacto-parte-desconocida", "parte", sugerencia=suggestion)
        elif not address:
            at("contacto-sin-correo", "correo")
        elif normalized is None:
            at("contacto-correo-invalido", "correo", motivo=reason)
        if name is None or normalized is None:
            continue
        language = _language(record.get("idioma", ""), name, ref)
        if language is None:
            language = ref.language_of(name)
            at("contacto-idioma-desconocido", "idioma",
               idioma=(word(f"language.{language}", "es"), word(f"language.{language}", "en")))
        copy = fold(record.get("copia", ""))
        if copy not in YES | NO:
            at("contacto-copia-invalida", "copia")
        key = (name, normalized.lower())
        if key in first_row:
            at("contacto-repetido", "correo", primera=str(first_row[key]))
            continue
        first_row[key] = number
        people.append(Contact(name, one_line(record.get("nombre", "")), normalized, language,
                              copy in YES))
    return Contacts(tuple(people), tuple(ref.in_network(i) for i in issues), rows.archivo)


def signers(submissions: Iterable[Submission], ref: Reference,
            ) -> tuple[list[Contact], list[Issue]]:
    """The focal points who signed the round's files (their submission block): each a
    main recipient of its reporter's feedback, in the reporter's language."""
    people, issues = [], []
    for sub in submissions:
        if not (sub.informante and sub.contacto_correo):
            continue
        normalized, reason = valid_address(sub.contacto_correo)
        if normalized is None:
            issues.append(make_issue("contacto-firmante-invalido", archivo=sub.archivo,
                                     valor=sub.contacto_correo, motivo=reason))
            continue
        people.append(Contact(sub.informante, one_line(sub.contacto_nombre), normalized,
                              ref.language_of(sub.informante), False))
    return people, issues


def valid_address(text: str) -> tuple[str | None, tuple[str, str]]:
    """The address as it should be written, or None and why (Spanish, English). Only its
    form is checked: no network is asked whether the domain exists."""
    try:  # (no accent before the @: few mail servers take one, and drafts cannot hold it)
        found = validate_email(text.strip(), check_deliverability=False,
                               allow_smtputf8=False)
    except EmailNotValidError as exc:
        reason = str(exc)
        if "@" not in text:
            return None, ("le falta la @", "it lacks the @")
        if not text.strip().rpartition("@")[0].isascii():
            return None, ("tiene un acento, una ñ u otra letra así antes de la @, que casi "
                          "ningún servidor de correo acepta: pida la dirección sin ella",
                          "it has an accented letter or ñ before the @, which almost no mail "
                          "server accepts: ask for the address without it")
        return None, ("revise lo que va antes y después de la @", reason)
    # (a domain with accents written as mail servers read it: ñandú.hn is xn--and-6ma2c.hn)
    return found.ascii_email or found.normalized, ("", "")


def _party(text: str, ref: Reference, matcher: Matcher) -> tuple[str | None, str]:
    """The party a contact's cell names (any name or alias), or None and a suggestion."""
    if not text:
        return None, ""
    reporter = ref.reporter_named(text)
    if reporter:
        return reporter, ""
    found = matcher.parties(text)
    if len(found) == 1 and found[0][1].value:
        return found[0][1].value, ""
    suggestion = next((m.suggestion for _, m in found if m.suggestion), "")
    return None, suggestion


def _language(text: str, parte: str, ref: Reference) -> str | None:
    """es or en; blank: the party's own; anything else: None (told)."""
    if not text.strip():
        return ref.language_of(parte)
    return LANGUAGES.get(fold(text))
