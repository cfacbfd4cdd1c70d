"""Validation: the issue catalogue, the issue record and the pandera schemas.

This package never imports `pipeline`: it knows column names and codes, not files.
"""

from validation.issues import Issue, make_issue

__all__ = ["Issue", "make_issue"]
