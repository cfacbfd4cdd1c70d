"""Raw cell values into clean, matched values (docs/contract.md §3.3): statuses, pillars, themes,
groups and parties matched against the reference with a suggestion when unknown (matching.py),
deadlines read into due dates (deadlines.py), the matrix normalized a distinct value at a
time (matrix.py). Frames in, frames out: no file, no printing.
"""
