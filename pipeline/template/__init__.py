"""The standard template a focal point fills (docs/contract.md §3.1): instructions, the matrix with
its submission block, dropdowns, protection, hidden metadata, prefilled with the reporter's
items (workbook.py).
"""
