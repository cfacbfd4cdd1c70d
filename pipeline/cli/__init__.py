"""The command line, thin: each command (pipeline.cli.commands) parses its options, makes
one call to its command module in pipeline.jobs, prints the result and exits with a
documented code; pipeline.cli.terminal chooses the language, keeps the log, shows
progress on a terminal and turns failures into messages.

Exit codes: 0 done; 1 `validate` found errors, `overdue` found something overdue; 2 wrong
usage; 3 could not run (no input folder, output not writable, the disk full, another run
writing); 4 a defect in Seguimiento itself (the message says where the log is).

Heavy libraries (pandas, pandera, xlsxwriter) are imported inside the commands, so
`seguimiento --help` answers at once.
"""

from pipeline.cli.commands import cli, main
from pipeline.cli.mail import mail

cli.add_command(mail)

__all__ = ["cli", "main"]
