"""Times on the wire: UTC, ISO 8601 (DESIGN.md §5).

The hall's time zone is applied for display only; everything sent, stored or
received is an aware UTC time written as ``2026-03-01T02:15:00Z``.
"""

from __future__ import annotations

from datetime import UTC, datetime


def utc_iso(moment: datetime) -> str:
    """``2026-03-01T02:15:00Z`` for an aware time."""
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def parse_time(text: str) -> datetime:
    """The aware time of ``2026-03-01T02:15:00Z`` (or ``+00:00``, or another offset)."""
    return datetime.fromisoformat(text.replace("Z", "+00:00"))
