"""The history of the rounds: an embedded SQLite database (history.py holds every SQL
statement): storing a round in one transaction, the previous round's items, the stored
rounds' figures, each reporter's latest items.
"""
