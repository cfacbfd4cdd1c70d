"""One module per command, the library's API under the command line: consolidate,
validate, template, overdue, report, history. Each runs the stages in order (read ->
normalize -> analyse -> store -> write) and returns what the command prints; none prints
or exits.
"""
