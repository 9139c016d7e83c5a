"""Publishers on one state folder take turns; pruning never removes the current or previous."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from lacs_ld.services import statelock
from lacs_ld.services.build import build
from lacs_ld.services.publish import promote
from lacs_ld.services.snapshot import Snapshot
from lacs_ld.settings import Settings
from tests.conftest import make_settings


def test_two_publishers_at_once_both_get_the_same_complete_snapshot(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "state")
    built: list[Snapshot] = []
    failures: list[BaseException] = []

    def publish() -> None:
        try:
            built.append(build(settings))
        except BaseException as exc:  # reported below
            failures.append(exc)

    threads = [threading.Thread(target=publish) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert built[0].key == built[1].key
    assert built[0].damaged() == []
    assert not list((settings.state_dir / "snapshots").glob(".staging-*"))


def test_the_lock_waits_for_the_holder(tmp_path: Path) -> None:
    entered = threading.Event()
    order: list[str] = []

    def second() -> None:
        with statelock.publishing(tmp_path):
            order.append("second")

    with statelock.publishing(tmp_path):
        thread = threading.Thread(target=second)
        thread.start()
        entered.wait(0.5)
        order.append("first")
    thread.join()
    assert order == ["first", "second"]


def test_pruning_keeps_current_previous_and_the_newest(own_state: Settings) -> None:
    home = own_state.state_dir / "snapshots"
    served = Snapshot.load(home / (own_state.state_dir / "current").read_text().strip())
    for age, name in enumerate(["old-5", "old-4", "old-3", "old-2", "old-1", "previous-key"]):
        folder = home / name
        folder.mkdir()
        os.utime(folder, (1_000_000 + age, 1_000_000 + age))
    os.utime(home / "previous-key", (1, 1))  # the oldest of all, yet protected
    (own_state.state_dir / "current").write_text("previous-key\n")
    promote(own_state, served)
    left = sorted(p.name for p in home.iterdir())
    assert served.key in left and "previous-key" in left
    assert (own_state.state_dir / "previous").read_text().strip() == "previous-key"
    assert len(left) == 2 + statelock.KEEP
    assert "old-5" not in left
