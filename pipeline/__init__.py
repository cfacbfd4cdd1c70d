"""Seguimiento: follow-up of CRM agreements and plan activities from returned Excel matrices.

The package never imports the command line; `pipeline.cli` is the only module that does.
"""

__version__ = "0.1.0"
TEMPLATE_VERSION = "1"
