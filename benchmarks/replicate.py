"""Deterministic larger datasets: the bundled data repeated under renamed IRIs.

Copy 0 is the bundled data as it is. Copy k (k >= 1) holds every file of `data/generated/`
again with each authority code `E{tt}00{nnnn}` renamed `E{tt}{kk}{nnnn}` and each report's
file number suffixed with `kk`; the codes keep the shapes' pattern and every authority,
inspection, judgement, report and quote IRI becomes new. The
curated guidance and documents are not repeated, so the quotes of every copy link to the same
clauses (their incoming links grow with the factor, as they would with more inspections).

Run: python benchmarks/replicate.py FACTOR OUT_DIR
"""

from __future__ import annotations

import hashlib
import re
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CODE = re.compile(r"E(06|07|08|09|10|11)00([0-9]{4})")
# A report belongs to one inspection (a shape says so): each copy's inspections get their own.
REPORT = re.compile(r"(<https://files\.ofsted\.gov\.uk/v1/file/)([0-9]+)>")
MARKER = ".replica"


def _renamed(text: str, copy: int) -> str:
    text = CODE.sub(lambda m: f"E{m.group(1)}{copy:02d}{m.group(2)}", text)
    return REPORT.sub(lambda m: f"{m.group(1)}{m.group(2)}{copy:02d}>", text)


def replicate(factor: int, out: Path, source: Path = REPO / "data") -> Path:
    """Write `factor` copies of `source` into `out` (reused when already written from it)."""
    if not 1 <= factor <= 99:
        raise ValueError("the factor is a whole number from 1 to 99")
    files = sorted(source.rglob("*"))
    digest = hashlib.sha256(str(factor).encode() + Path(__file__).read_bytes())
    for path in files:
        if path.is_file():
            digest.update(str(path.relative_to(source)).encode() + b"\n" + path.read_bytes())
    stamp = digest.hexdigest()
    if (out / MARKER).is_file() and (out / MARKER).read_text() == stamp:
        return out
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(source, out)
    generated = sorted((source / "generated").glob("*.ttl"))
    for copy in range(1, factor):
        for path in generated:
            text = path.read_text(encoding="utf-8")
            target = out / "generated" / f"{path.stem}-copy{copy:02d}.ttl"
            target.write_text(_renamed(text, copy), encoding="utf-8")
    (out / MARKER).write_text(stamp)
    return out


if __name__ == "__main__":
    print(replicate(int(sys.argv[1]), Path(sys.argv[2])))
