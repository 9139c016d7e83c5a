"""The committed data/generated files are exactly what the build makes from sources/."""

from __future__ import annotations

from .support import REPO, Built


def test_build_reproduces_committed_generated_data_byte_for_byte(built: Built) -> None:
    fresh = built.data_dir / "generated"
    committed = REPO / "data" / "generated"
    fresh_names = sorted(p.name for p in fresh.glob("*.ttl"))
    assert fresh_names == sorted(p.name for p in committed.glob("*.ttl"))
    for name in fresh_names:
        assert (fresh / name).read_bytes() == (committed / name).read_bytes(), (
            f"data/generated/{name} is stale: rebuild with lacs-ld build-data"
        )


def test_generated_turtle_has_no_base_blank_nodes_or_absolute_project_iris(built: Built) -> None:
    for path in (built.data_dir / "generated").glob("*.ttl"):
        text = path.read_text(encoding="utf-8")
        assert "@base" not in text
        assert "_:" not in text
        assert "urn:lacs-base:" not in text
        assert "@prefix lacs: <def/lacs#> ." in text


def test_reconciliation_prints_as_its_readable_report(built: Built) -> None:
    text = str(built.report)
    assert text.startswith("Reconciliation\n")
    assert "Resources minted per class" in text
    assert f"{built.report.minted['lacs:Inspection']:6d}  lacs:Inspection" in text
