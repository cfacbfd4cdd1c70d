"""`python -m pipeline` is the same as the `seguimiento` command."""

from pipeline.cli import main

main()
