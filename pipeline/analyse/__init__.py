"""From the normalized rows to the round (round.py, the one function that decides what a
round is): ids and the checks across rows and files (keys.py), the flags at the as-of date
(flags.py), the output tables (tables.py), the changes since the previous round and the
trend (changes.py), an observer's views of the others' items (observations.py; the items
they may name, item_index.py), who has what overdue (overdue.py), the public edition
(public.py) and what it redacts (redact.py). Functions of data: no file, no printing.
"""
