"""`python -m lacs_ld.build --sources sources --data data`: build data, print the report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lacs_ld.build import build_data


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, build, print the reconciliation; exit 0 on success."""
    parser = argparse.ArgumentParser(prog="python -m lacs_ld.build", description=__doc__)
    parser.add_argument("--sources", type=Path, required=True, help="folder holding data-sources/")
    parser.add_argument(
        "--data", type=Path, default=Path("data"), help="the data/ folder to write into"
    )
    parser.add_argument("--verbose", action="store_true", help="also list every rejected row")
    args = parser.parse_args(argv)
    report = build_data(args.sources, args.data)
    sys.stdout.write(report.format(verbose=args.verbose))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
