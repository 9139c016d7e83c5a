"""`python -m lacs_ld` is the `lacs-ld` command."""

from lacs_ld.cli import main

if __name__ == "__main__":
    main()
