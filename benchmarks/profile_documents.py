"""Where a request's time goes: cProfile over repeated in-process requests to one URL.

Run: python benchmarks/profile_documents.py /doc/authority/E08000025.ttl [--revalidate]
(serves the snapshot last published into LACS_LD_STATE_DIR, e.g. by benchmarks/run.py:
LACS_LD_STATE_DIR=var/bench/state LACS_LD_BASE_URI=http://127.0.0.1:5077/).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time

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
    started = time.perf_counter()
    for _ in range(200):
        client.get(args.path, headers=headers)
    print(f"{(time.perf_counter() - started) / 200 * 1000:.3f} ms a request (test client)")
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(args.requests):
        client.get(args.path, headers=headers)
    profile.disable()
    pstats.Stats(profile).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
