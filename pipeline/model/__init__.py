"""The run's data and what every stage shares, below them all: a consolidation's options
and result (run.py), a submission (submission.py), the matrix columns (columns.py) and
the words trackers title them with (titles.py), how text is cleaned and compared
(text.py), how a value becomes text for each place it goes (values.py), the errors that
stop a command (errors.py), the timing of stages (timing.py), the processes a run forks
dying with it (children.py).
Imports nothing of the stages.
"""
