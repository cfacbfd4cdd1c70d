"""The history of the rounds: an embedded SQLite database (history.py holds every SQL
statement): storing a round in one transaction (its items, observations, indicators,
submissions and signers), the previous round's items, the stored rounds' figures, each
reporter's latest items and signers; the history checked whenever it is opened and copied
before a round is stored (integrity.py); the e-mails sent, as an outbox (outbox.py: each
message's intent committed before it goes, its outcome after); and the lock the operating
system releases when its holder dies (lock.py: flock, msvcrt on Windows), for whatever one
run at a time must do.
"""
