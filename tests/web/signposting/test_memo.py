"""Values are worked out once per snapshot and forgotten when another is served."""

from __future__ import annotations

from lacs_ld.web.signposting.memo import SnapshotMemo


def test_a_value_is_computed_once_per_snapshot() -> None:
    memo = SnapshotMemo()
    calls: list[str] = []

    def compute() -> str:
        calls.append("x")
        return f"value {len(calls)}"

    assert memo.get("a", "name", compute) == "value 1"
    assert memo.get("a", "name", compute) == "value 1"
    assert memo.get("b", "name", compute) == "value 2"
    assert len(calls) == 2


def test_too_many_values_start_afresh() -> None:
    memo = SnapshotMemo(limit=2)
    for n in range(5):
        memo.get("a", str(n), lambda n=n: n)  # type: ignore[misc]
    assert memo.get("a", "4", lambda: -1) == 4
    assert memo.get("a", "0", lambda: -1) == -1
