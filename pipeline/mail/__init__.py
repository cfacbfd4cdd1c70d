"""Reaching the people (issue 15): who is written to (contacts.py: the secretariat's
contacts and the focal points who signed a returned template), what each message says
(compose.py: reminders of overdue items, feedback on a round, the call for submissions;
bodies from the Jinja2 templates in templates/), the message as an RFC 5322 file that
opens as a draft (message.py), the drafts and their index written (drafts.py), and
sending them over SMTP with every outcome kept (send.py)."""
