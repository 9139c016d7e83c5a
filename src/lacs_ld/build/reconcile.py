"""The reconciliation report: what was read, minted, merged, disputed and rejected, and why."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Reconciliation:
    """Counts and findings of one build; printed by the CLI and checked by the tests."""

    rows_read: Counter[str] = field(default_factory=Counter)
    minted: Counter[str] = field(default_factory=Counter)
    merged: Counter[str] = field(default_factory=Counter)
    rejected: Counter[str] = field(default_factory=Counter)
    disagreements: list[str] = field(default_factory=list)
    unmatched_names: list[str] = field(default_factory=list)
    notes: Counter[str] = field(default_factory=Counter)
    details: list[str] = field(default_factory=list)

    def reject(self, source: str, reason: str, detail: str = "") -> None:
        """Count a source row that produced no resource, with the reason."""
        self.rejected[f"{source}: {reason}"] += 1
        if detail:
            self.details.append(f"rejected {source}: {reason}: {detail}")

    def disagree(self, message: str) -> None:
        """Record a value on which sources differ; the higher-ranked (official) value was kept."""
        self.disagreements.append(message)

    def unmatched(self, source: str, name: str) -> None:
        """Record an authority name or code that no crosswalk entry matched."""
        entry = f"{source}: {name}"
        if entry not in self.unmatched_names:
            self.unmatched_names.append(entry)

    def format(self, verbose: bool = False) -> str:
        """The report as plain text, one section per kind of finding."""
        lines = ["Reconciliation", ""]

        def section(title: str, counts: Counter[str]) -> None:
            lines.append(f"{title} ({sum(counts.values())})")
            lines.extend(f"  {counts[key]:6d}  {key}" for key in sorted(counts))
            lines.append("")

        section("Rows read per source file", self.rows_read)
        section("Resources minted per class", self.minted)
        section("Rows merged into an event another row had already minted", self.merged)
        section("Rows (or values) rejected, and why", self.rejected)
        section("Other counts", self.notes)
        lines.append(f"Disagreements, higher-ranked source kept ({len(self.disagreements)})")
        lines.extend(f"  {message}" for message in self.disagreements)
        lines.append("")
        lines.append(f"Unmatched authority names or codes ({len(self.unmatched_names)})")
        lines.extend(f"  {name}" for name in self.unmatched_names)
        if verbose:
            lines.append("")
            lines.append(f"Details ({len(self.details)})")
            lines.extend(f"  {detail}" for detail in self.details)
        return "\n".join(lines) + "\n"

    def __str__(self) -> str:
        """The printed report, so `print(report)` and `str(report)` read well."""
        return self.format()
