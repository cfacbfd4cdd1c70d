"""What the product knows about a network (docs/contract.md §2): its words and rules, the
member countries, parties, groups, pillars and themes, statuses, the plan, the expected
reporters, closing dates and languages. A network's profile (redes/crm.toml,
redes/mecanismo.toml, or a workspace's red.toml: network.py) is the base; load.py merges a
user's file over it; data.py holds it (and gives each value's word in Spanish or English:
Reference.label).
"""
