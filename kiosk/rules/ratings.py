"""好差评: the five rating levels, the reasons for a bad rating, and what a rating says.

One code for the kiosk (which builds the rating) and the central server (which stores
it and opens a follow-up case for a bad one). The levels and the rule "every bad rating
is followed up" are the national ones: 国务院办公厅《关于建立政务服务"好差评"制度提高
政务服务水平的意见》(国办发〔2019〕51号) — five levels, 非常满意 to 非常不满意, one
rating per matter and per visit, 差评 followed up and corrected.

The wire values never change (they are stored): a level is ``very_satisfied`` …
``very_dissatisfied``; a reason is a short code. Words come with the data (Chinese and
English), like catalogue texts, so the screens need no Qt translator for them.

The satisfaction rate is (非常满意 + 满意 + 基本满意) / all ratings. 51号文 names the
five levels but not this formula; counting 基本满意 as satisfied, as provincial 好评率
reports do, is this project's assumption (docs/queue.md).

    payload = rating_payload({"ticket_id": "…", "matter": "M001", "level": "dissatisfied",
                              "reasons": ["long_wait"], "comment": "等了很久"})
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kiosk.rules import phone as phone_rules
from kiosk.rules.catalogue import Text

COMMENT_MAX = 200
REASONS_MAX = 8


class Level(enum.Enum):
    """The five levels, best first; the value is the stable wire value."""

    VERY_SATISFIED = "very_satisfied"
    SATISFIED = "satisfied"
    BASICALLY_SATISFIED = "basically_satisfied"
    DISSATISFIED = "dissatisfied"
    VERY_DISSATISFIED = "very_dissatisfied"

    @property
    def words(self) -> Text:
        return _LEVEL_WORDS[self]

    @property
    def bad(self) -> bool:
        """A 差评: it asks for reasons and opens a follow-up case."""
        return self in BAD_LEVELS

    @property
    def score(self) -> int:
        """5 (非常满意) … 1 (非常不满意), for averages in reports."""
        return 5 - list(Level).index(self)


_LEVEL_WORDS = {
    Level.VERY_SATISFIED: Text("非常满意", "Very satisfied"),
    Level.SATISFIED: Text("满意", "Satisfied"),
    Level.BASICALLY_SATISFIED: Text("基本满意", "Fairly satisfied"),
    Level.DISSATISFIED: Text("不满意", "Dissatisfied"),
    Level.VERY_DISSATISFIED: Text("非常不满意", "Very dissatisfied"),
}
BAD_LEVELS = frozenset({Level.DISSATISFIED, Level.VERY_DISSATISFIED})
SATISFIED_LEVELS = frozenset({Level.VERY_SATISFIED, Level.SATISFIED, Level.BASICALLY_SATISFIED})


@dataclass(frozen=True, slots=True)
class Reason:
    code: str
    words: Text


#: the reasons a resident may pick for 不满意 / 非常不满意, in the order shown
REASONS: tuple[Reason, ...] = (
    Reason("long_wait", Text("等候时间长", "Waited too long")),
    Reason("attitude", Text("服务态度不好", "Unfriendly service")),
    Reason("unclear_guide", Text("办事指南说不清、不准确", "The guide was unclear or wrong")),
    Reason("more_materials", Text("要求补交材料或多跑", "Asked for more papers or another trip")),
    Reason("over_time_limit", Text("超过承诺时限", "Took longer than promised")),
    Reason("not_done", Text("事情没办成", "Could not get it done")),
    Reason("system_fault", Text("系统或设备故障", "A system or device failed")),
    Reason("fees", Text("收费不合理", "Unfair fees")),
    Reason("facilities", Text("环境设施不便", "Hall facilities were inconvenient")),
    Reason("other", Text("其他", "Other")),
)
REASON_CODES = frozenset(r.code for r in REASONS)


def reason(code: str) -> Reason:
    """The reason for ``code``; ``KeyError`` for an unknown one."""
    for item in REASONS:
        if item.code == code:
            return item
    raise KeyError(code)


def rating_payload(raw: Mapping[str, Any]) -> dict[str, Any]:
    """The submission payload of a rating, checked and normalised; ``ValueError`` says why.

    Members: exactly one of ``ticket_id`` / ``booking_id`` (the visit), ``matter``,
    ``level``, ``reasons`` (codes; only, and at least one, for a bad level), optional
    ``comment`` (≤ 200 characters), optional ``window``, optional ``phone`` (a mainland
    mobile number, only with ``follow_up_consent`` true: the resident chose to be called).
    """
    known = {"ticket_id", "booking_id", "matter", "level", "reasons", "comment", "window",
             "phone", "follow_up_consent"}
    extra = set(raw) - known
    if extra:
        raise ValueError(f"unknown members {sorted(extra)}")
    visit = {k: raw.get(k) for k in ("ticket_id", "booking_id") if raw.get(k) is not None}
    if len(visit) != 1:
        raise ValueError("a rating names exactly one visit: ticket_id or booking_id")
    (visit_kind, visit_ref), = visit.items()
    out: dict[str, Any] = {visit_kind: _short(visit_ref, visit_kind, 64)}
    out["matter"] = _short(raw.get("matter"), "matter", 64)
    try:
        level = Level(raw.get("level"))
    except ValueError:
        raise ValueError(f"level must be one of {[lv.value for lv in Level]}") from None
    out["level"] = level.value
    reasons = raw.get("reasons") or []
    if not isinstance(reasons, list) or not all(isinstance(r, str) for r in reasons):
        raise ValueError("reasons is a list of reason codes")
    unknown = sorted(set(reasons) - REASON_CODES)
    if unknown:
        raise ValueError(f"unknown reasons {unknown}")
    if len(set(reasons)) != len(reasons) or len(reasons) > REASONS_MAX:
        raise ValueError("reasons are distinct, at most 8")
    if reasons and not level.bad:
        raise ValueError("reasons are given only for 不满意 or 非常不满意")
    if level.bad and not reasons:
        raise ValueError("a bad rating names at least one reason")
    out["reasons"] = list(reasons)
    comment = raw.get("comment")
    if comment is not None:
        if not isinstance(comment, str) or len(comment.strip()) > COMMENT_MAX:
            raise ValueError(f"comment is text of at most {COMMENT_MAX} characters")
        if comment.strip():
            out["comment"] = comment.strip()
    if raw.get("window") is not None:
        out["window"] = _short(raw["window"], "window", 16)
    consent = raw.get("follow_up_consent", False)
    if not isinstance(consent, bool):
        raise ValueError("follow_up_consent is true or false")
    number = raw.get("phone")
    if number is not None:
        if not consent:
            raise ValueError("a phone number is kept only when the resident asks to be called")
        if not isinstance(number, str):
            raise ValueError("phone is a mainland mobile number")
        out["phone"] = phone_rules.validate(number)  # PhoneError is a ValueError
        out["follow_up_consent"] = True
    return out


def satisfaction_rate(counts: Mapping[Level, int]) -> float | None:
    """(非常满意 + 满意 + 基本满意) / all; None when there is no rating."""
    total = sum(counts.values())
    if total == 0:
        return None
    return sum(n for level, n in counts.items() if level in SATISFIED_LEVELS) / total


def _short(value: Any, name: str, limit: int) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        raise ValueError(f"{name} is text of 1 to {limit} characters")
    return value.strip()
