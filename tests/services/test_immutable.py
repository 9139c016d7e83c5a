"""A release id names one content for good: changed data under the same id is refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lacs_ld.errors import PublishError
from lacs_ld.services.build import build
from lacs_ld.services.publish import current
from lacs_ld.settings import Settings
from tests.conftest import make_settings


def rename_birmingham(data: Path) -> None:
    """A valid change to the data: one label edited."""
    target = data / "generated" / "authorities.ttl"
    text = target.read_text()
    assert '"Birmingham" ;' in text
    target.write_text(text.replace('"Birmingham" ;', '"Birmingham City" ;', 1))


def test_changed_data_under_an_existing_release_id_is_refused(
    own_state: Settings, data_copy: Path
) -> None:
    before = current(own_state)
    rename_birmingham(data_copy)
    with pytest.raises(PublishError) as caught:
        build(make_settings(own_state.state_dir, data_dir=data_copy))
    assert f"release {before.release} is already published with different content" in (
        caught.value.message
    )
    assert "data/release.json" in caught.value.message
    assert current(own_state).key == before.key
    assert sorted(p.name for p in (own_state.state_dir / "snapshots").iterdir()) == [before.key]


def test_changed_data_under_a_new_release_id_is_published(
    own_state: Settings, data_copy: Path
) -> None:
    before = current(own_state)
    rename_birmingham(data_copy)
    (data_copy / "release.json").write_text(
        json.dumps({"version": "1.0.1", "issued": "2026-12-01"})
    )
    snapshot = build(make_settings(own_state.state_dir, data_dir=data_copy))
    assert snapshot.release == "1.0.1-2026-12-01" != before.release
    assert snapshot.damaged() == []
