"""The history of the rounds: an embedded SQLite database (history.py holds every SQL
statement): storing a round in one transaction, the previous round's items, the stored
rounds' figures, each reporter's latest items; the history checked whenever it is opened
and copied before a round is stored (integrity.py); a lock the operating system releases
when its holder dies (lock.py), for whatever one run at a time must do.
"""
