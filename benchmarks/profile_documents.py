"""Where a request's time goes: cProfile over repeated in-process requests to one URL.

Each request is one call of the WSGI application on a copy of one environ, as gunicorn makes
it, so the profile holds Flask's and lacs-ld's work, not a test client's.

Run: python benchmarks/profile_documents.py /doc/authority/E08000025.ttl [--revalidate]
(serves the snapshot last published into LACS_LD_STATE_DIR, e.g. by benchmarks/run.py:
LACS_LD_STATE_DIR=var/bench/state LACS_LD_BASE_URI=http://127.0.0.1:5077/).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from typing import Any

from werkzeug.test import EnvironBuilder

from lacs_ld.app import create_app
from lacs_ld.settings import Settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path")
    parser.add_argument("--revalidate", action="store_true", help="send the ETag: 304s")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--accept", default="")
    args = parser.parse_args()
    app = create_app(Settings.load(), load_current=True)
    client = app.test_client()
    headers = {"Accept": args.accept} if args.accept else {}
    first = client.get(args.path, headers=headers)
    print(first.status_code, len(first.data), "bytes")
    if args.revalidate:
        headers["If-None-Match"] = first.headers["ETag"]
    path, _, query = args.path.partition("?")
    environ = EnvironBuilder(path=path, query_string=query, headers=headers).get_environ()
    environ["RAW_URI"] = args.path

    def start_response(status: str, headers: list[tuple[str, str]], *_: Any) -> None:
        return None

    def one() -> None:
        for _chunk in app(dict(environ), start_response):
            pass

    batches = []
    for _ in range(6):  # the quickest batch: the one the machine's other work disturbed least
        started = time.perf_counter()
        for _ in range(200):
            one()
        batches.append((time.perf_counter() - started) / 200 * 1e6)
    print(f"{min(batches):.0f} us a request (WSGI call, quickest of 6 batches of 200)")
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(args.requests):
        one()
    profile.disable()
    pstats.Stats(profile).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
