"""Seguimiento: follow-up of a network's agreements and plan activities from the Excel
matrices focal points return.

The folders are the pipeline, in the order a consolidation runs:

- cli/: the command line, thin: each command parses, calls its job, prints, exits.
- jobs/: one module per command (consolidate, validate, template, overdue, report,
  history): the library's API; runs the stages in order and returns a result.
- read/: the first stage, the only one that reads files: every file of the folder read
  (or skipped, or refused with a reason) in isolated worker processes, into raw rows with
  their cell addresses.
- normalize/: raw values into clean, matched values (statuses, pillars, parties,
  deadlines), with suggestions for what is unknown.
- analyse/: the round: ids, checks across rows and files, flags, tables, changes since the
  previous round, overdue items, the public edition.
- store/: the history database (all SQL).
- write/: the last stage, the only one that writes files: the consolidated workbook, the
  CSV tables, feedback workbooks, overdue lists, each set whole or not at all.
- report/: the annual report. template/: the template focal points fill.
- model/: the run's data and what every stage shares (options, result, submissions,
  columns, text, value conversion, errors). words/: every word a person reads, in Spanish
  and English. reference/: what the product knows about a network, its profile (countries,
  parties, pillars, statuses, the plan), overridable by the user.

Imports only run down this list (a stage never imports a command; model, words and
reference import no stage), with no cycle: tests/test_architecture.py checks it.
`validation` (beside this package) holds the issue catalogue and the pandera schema and
never imports `pipeline`.
"""

__version__ = "0.1.0"
TEMPLATE_VERSION = "1"
