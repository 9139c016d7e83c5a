"""The `lacs-ld` command (`lacs_ld.cli:main`, also `python -m lacs_ld`)."""

from lacs_ld.cli.commands import main

__all__ = ["main"]
