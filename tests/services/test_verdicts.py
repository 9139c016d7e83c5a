"""Server processes share one check of a snapshot's files, and never trust it past a rewrite."""

from __future__ import annotations

from lacs_ld.services import verdicts
from lacs_ld.services.publish import Publication, build, current
from lacs_ld.settings import Settings
from lacs_ld.store import open_store
from tests.conftest import served, truncate

FOUND = ["dataset.nq (checksum differs)"]


def test_a_recent_verdict_on_unchanged_files_is_taken_without_hashing(
    own_state: Settings,
) -> None:
    snapshot = served(own_state)
    # A verdict no hash of these intact files could give: taking it proves nothing was hashed.
    verdicts.record(own_state.state_dir, snapshot, verdicts.fingerprint(snapshot), FOUND)
    assert verdicts.check(own_state.state_dir, snapshot, trust_for=600) == FOUND
    assert verdicts.check(own_state.state_dir, snapshot, trust_for=0) == []
    assert verdicts.check(own_state.state_dir, snapshot, trust_for=600) == []


def test_a_rewritten_file_is_hashed_again_despite_a_recent_verdict(own_state: Settings) -> None:
    snapshot = served(own_state)
    assert verdicts.check(own_state.state_dir, snapshot, trust_for=0) == []
    truncate(snapshot.dataset)
    assert verdicts.check(own_state.state_dir, snapshot, trust_for=600) == FOUND


def test_siblings_share_the_periodic_check_and_its_finding(own_state: Settings) -> None:
    snapshot = current(own_state)
    verdict = own_state.state_dir / verdicts.FOLDER / f"{snapshot.key}.json"
    assert verdict.is_file()
    store = open_store(own_state)
    first, second = Publication(own_state, store), Publication(own_state, store)
    try:
        for publication in (first, second):
            publication.snapshot, publication.verified = snapshot, True
        verdicts.record(own_state.state_dir, snapshot, verdicts.fingerprint(snapshot), FOUND)
        assert first.check() is False
        assert second.check() is False
    finally:
        store.close()


def test_a_start_hashes_the_snapshot_whatever_a_verdict_says(own_state: Settings) -> None:
    snapshot = served(own_state)
    truncate(snapshot.dataset)
    # A verdict calling the damaged files intact, as a check made before the disk rotted would.
    verdicts.record(own_state.state_dir, snapshot, verdicts.fingerprint(snapshot), [])
    rebuilt = build(own_state)
    assert rebuilt.key == snapshot.key
    assert rebuilt.damaged() == []
    assert rebuilt.dataset.read_bytes().count(b"\n") == snapshot.triples
