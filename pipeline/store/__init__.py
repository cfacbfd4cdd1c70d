"""The history of the rounds: an embedded SQLite database (history.py: its schema and the
rounds — storing a round in one transaction, the previous round's items, the stored
rounds' figures, each reporter's latest items and signers); the e-mails sent, as an outbox
(outbox.py: each message's intent committed before it goes, its outcome after); and the
lock the operating system releases (lock.py: flock, msvcrt on Windows) that keeps two runs
from acting at once on what must happen once.
"""
