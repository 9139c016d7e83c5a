"""Resident and proportional memory of a process and every process under it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any


def memory(pid: int) -> dict[str, Any]:
    """RSS and PSS (MiB) of a process and all its descendants."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    todo, seen = [pid], []
    while todo:
        current = todo.pop()
        seen.append(current)
        todo.extend(children.get(current, []))
    rss = pss = 0
    each_process = []
    for each in seen:
        try:
            rollup = (Path("/proc") / str(each) / "smaps_rollup").read_text()
            command = (Path("/proc") / str(each) / "cmdline").read_bytes()
        except OSError:
            continue
        one_rss = int(re.search(r"^Rss:\s+(\d+)", rollup, re.M).group(1))  # type: ignore[union-attr]
        one_pss = int(re.search(r"^Pss:\s+(\d+)", rollup, re.M).group(1))  # type: ignore[union-attr]
        rss, pss = rss + one_rss, pss + one_pss
        name = command.replace(b"\0", b" ").decode(errors="replace")[:100]
        each_process.append({"command": name, "rss_mb": one_rss / 1024, "pss_mb": one_pss / 1024})
    return {
        "processes": len(seen),
        "rss_mb": rss / 1024,
        "pss_mb": pss / 1024,
        "each": each_process,
    }
