"""What each message says and to whom: a reminder to each responsible party with overdue
or due-soon items, the feedback on a round to each reporter, the call for submissions to
each expected reporter that has not sent. Each party's contacts are written to in their
language (one message per language when they differ); those marked Copy go in copy, and
for a reminder with items overdue longer than the configured days, the escalation
parties' contacts too (the profile's [correo] escalar_a). A party nobody in the
contacts receives is left out and said so."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

import pandas as pd

from pipeline.analyse.indicator_lines import MEASURED, measured_lines
from pipeline.analyse.overdue import OBSERVED, Reminders, observed_lines
from pipeline.mail.contacts import Contact, Contacts
from pipeline.mail.message import Body, Draft
from pipeline.model.values import iso_day
from pipeline.reference.data import Reference
from pipeline.words import plural, word
from pipeline.write.filenames import file_stems
from validation import Issue

ITEMS_SHOWN = 15  # a reminder's body shows this many items; the list attached has all
PROBLEMS_SHOWN = 10
Attach = Callable[[str, str], tuple[str, bytes]]  # (party, language) -> (file name, bytes)


@dataclass(frozen=True)
class LeftOut:
    """A party that would have been written to, had anyone been its contact."""

    kind: str
    ronda: str
    parte: str


def reminder_drafts(reminders: Reminders, ref: Reference, contacts: Contacts,
                    attach: Attach) -> tuple[list[Draft], list[LeftOut]]:
    day = reminders.as_of.isoformat()
    settings = ref.correo
    drafts, left = [], []
    for party, items in reminders.by_party.items():
        people = contacts.of(party)
        if not people:
            left.append(LeftOut("vencidos", day, party))
            continue
        late = items["dias_vencido"].fillna(0).astype(int).gt(settings.dias_para_escalar)
        escalated = [c for name in settings.escalar_a if name != party and late.any()
                     for c in contacts.of(name)]
        for lang, (to, cc) in by_language(people).items():
            extra = tuple(c for c in escalated if c.correo not in {p.correo for p in to + cc})
            label = ref.label("parte", party, lang)
            copied = dict.fromkeys(c.parte for c in extra)  # the parties copied, in order
            body = _reminder_body(party, items, reminders.as_of, lang, ref,
                                  [ref.label("parte", n, lang) for n in copied])
            drafts.append(Draft(
                "vencidos", day, party, lang, tuple(to), tuple(cc) + _unique(extra),
                word("mail.subject.vencidos", lang, party=label, as_of=day,
                     **ref.red.placeholders(lang)), body,
                attach(party, lang), sender=settings.remitente, as_of=reminders.as_of))
    return _named(drafts), left


def feedback_drafts(ronda: str, as_of: dt.date, ref: Reference, contacts: Contacts,
                    signers: list[Contact], issues: dict[str, list[Issue]],
                    counts: dict[str, tuple[int, int]], attach: Attach,
                    ) -> tuple[list[Draft], list[LeftOut]]:
    """`issues` and `counts` (errors, warnings) by reporter, for the reporters whose
    feedback workbook `attach` gives."""
    by = iso_day(as_of + dt.timedelta(days=ref.correo.dias_para_corregir))
    drafts, left = [], []
    for reporter in sorted(counts):
        listed = contacts.of(reporter)
        known = {c.correo.lower() for c in listed}
        people = listed + [s for s in signers if s.parte == reporter
                           and s.correo.lower() not in known]
        if not people:
            left.append(LeftOut("retroalimentacion", ronda, reporter))
            continue
        errors, warnings = counts[reporter]
        for lang, (to, cc) in by_language(people).items():
            label = ref.label("parte", reporter, lang)
            body = _feedback_body(label, ronda, errors, warnings, issues.get(reporter, []),
                                  by, lang, ref.correo.signature(lang))
            drafts.append(Draft(
                "retroalimentacion", ronda, reporter, lang, tuple(to), tuple(cc),
                word("mail.subject.retroalimentacion", lang, ronda=ronda, party=label,
                     **ref.red.placeholders(lang)), body,
                attach(reporter, lang), sender=ref.correo.remitente, as_of=as_of))
    return _named(drafts), left


def call_drafts(ronda: str, closing: dt.date, as_of: dt.date, ref: Reference,
                contacts: Contacts, signers: list[Contact], missing: Iterable[str],
                blank: set[str], attach: Attach) -> tuple[list[Draft], list[LeftOut]]:
    """To each expected reporter that has not sent: its template, the closing date. A
    reporter nobody in the contacts book reads is written to at the address of whoever
    signed its last matrix (`signers`)."""
    drafts, left = [], []
    closes = iso_day(closing)
    for reporter in missing:
        people = contacts.of(reporter) or [s for s in signers if s.parte == reporter]
        if not people:
            left.append(LeftOut("convocatoria", ronda, reporter))
            continue
        for lang, (to, cc) in by_language(people).items():
            label = ref.label("parte", reporter, lang)
            how = "mail.call.blank" if reporter in blank else "mail.call.prefilled"
            observes = (word("mail.call.observer", lang, hoja=word("sheet.observaciones", lang)),
                        ) if reporter in ref.observadores and reporter not in blank else ()
            body = Body(lang, word("reminder.greeting", lang, party=label),
                        (word("mail.call.intro", lang, ronda=ronda, closing=closes,
                              party=label), word(how, lang, closing=closes), *observes,
                         word("mail.call.help", lang)),
                        signature=ref.correo.signature(lang))
            drafts.append(Draft(
                "convocatoria", ronda, reporter, lang, tuple(to), tuple(cc),
                word("mail.subject.convocatoria", lang, ronda=ronda, closing=closes,
                     **ref.red.placeholders(lang)), body,
                attach(reporter, lang), sender=ref.correo.remitente, as_of=as_of))
    return _named(drafts), left


def by_language(people: list[Contact]) -> dict[str, tuple[list[Contact], list[Contact]]]:
    """Main recipients and copies by language. Copies go with the main recipients of
    their language, else with the first; a party with copies only has them as main."""
    mains = [c for c in people if not c.copia] or list(people)
    copies = [c for c in people if c.copia and c not in mains]
    groups: dict[str, tuple[list[Contact], list[Contact]]] = {}
    for person in mains:
        groups.setdefault(person.idioma, ([], []))[0].append(person)
    first = next(iter(groups))
    for person in copies:
        groups.get(person.idioma, groups[first])[1].append(person)
    return groups


def _unique(people: Iterable[Contact]) -> tuple[Contact, ...]:
    seen: dict[str, Contact] = {}
    for person in people:
        seen.setdefault(person.correo.lower(), person)
    return tuple(seen.values())


def _named(drafts: list[Draft]) -> list[Draft]:
    """Each draft its file name: the party's, and the language where a party has two."""
    stems = file_stems({d.parte for d in drafts})
    several = {d.parte for d in drafts if sum(e.parte == d.parte for e in drafts) > 1}
    return [replace(d, stem=stems[d.parte] + (f" ({d.lang})" if d.parte in several else ""))
            for d in drafts]


def _reminder_body(party: str, items: pd.DataFrame, as_of: dt.date, lang: str,
                   ref: Reference, escalated: list[str]) -> Body:
    overdue = int(items["situacion"].eq("vencido").sum())
    soon = len(items) - overdue
    intro = word("reminder.intro", lang, as_of=as_of.isoformat(), **ref.red.placeholders(lang),
                 overdue=plural("reminder.overdue", lang, overdue),
                 soon=plural("reminder.soon", lang, soon, window=ref.dias_por_vencer))
    rows, notes = [], []
    for r in items.head(ITEMS_SHOWN).to_dict("records"):
        late = r["dias_vencido"]
        days = plural("reminder.days", lang, int(late)) if r["situacion"] == "vencido" and \
            pd.notna(late) else word(f"situation.{r['situacion']}", lang)
        rows.append((str(r["actividad"]), iso_day(r["fecha_limite"]), days,
                     ref.label("parte", str(r["informante"]), lang)))
        notes.append((*observed_lines(r.get(OBSERVED) or (), lang, ref),
                      *measured_lines(r.get(MEASURED) or (), lang)))
    more = plural("mail.overdue.more", lang, len(items) - ITEMS_SHOWN) \
        if len(items) > ITEMS_SHOWN else ""
    after = [word("reminder.ask", lang), word("mail.overdue.attached", lang)]
    if escalated:
        after.append(word("mail.overdue.escalated", lang, parties=", ".join(escalated),
                          days=ref.correo.dias_para_escalar))
    headers = tuple(word(f"column.{c}", lang) for c in ("actividad", "fecha_limite",
                                                        "situacion", "informante"))
    return Body(lang, word("reminder.greeting", lang, party=ref.label("parte", party, lang)),
                (intro,), headers, tuple(rows), more, tuple(after),
                ref.correo.signature(lang), notes=tuple(notes))


def _feedback_body(label: str, ronda: str, errors: int, warnings: int,
                   issues: list[Issue], by: str, lang: str, signature: str) -> Body:
    thanks = word("mail.feedback.thanks", lang, ronda=ronda)
    if not errors and not warnings:
        return Body(lang, word("reminder.greeting", lang, party=label),
                    (thanks, word("mail.feedback.clean", lang)),
                    signature=signature)
    found = word("mail.feedback.found", lang, errors=plural("n.errors", lang, errors),
                 warnings=plural("n.warnings", lang, warnings))
    order = {"error": 0, "advertencia": 1}
    shown = sorted((i for i in issues if i.severity in order),
                   key=lambda i: order[i.severity])
    rows = tuple((i.severity_label(lang), i.where(), i.message(lang))
                 for i in shown[:PROBLEMS_SHOWN])
    more = plural("mail.feedback.more", lang, len(shown) - PROBLEMS_SHOWN) \
        if len(shown) > PROBLEMS_SHOWN else ""
    ask = word("mail.feedback.ask" if errors else "mail.feedback.warnings_only", lang, by=by)
    headers = tuple(word(f"column.{c}", lang) for c in ("severidad", "celda", "mensaje"))
    return Body(lang, word("reminder.greeting", lang, party=label),
                (thanks, found, word("mail.feedback.what", lang)), headers, rows, more,
                (ask,), signature)
