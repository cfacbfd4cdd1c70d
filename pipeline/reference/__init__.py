"""What the product knows about the CRM (docs/contract.md §2): the member countries, parties,
working groups, pillars and themes, statuses, the plan, the expected reporters, closing dates and
languages. referencia.toml is the embedded default; load.py merges a user's file over it;
data.py holds it (and gives each value's word in Spanish or English: Reference.label).
"""
