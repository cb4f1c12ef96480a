"""What goes on a printed slip: lines of text in the resident's language.

A confirmed booking, a booking *request* (clearly not a confirmation) and a
queue ticket. ID numbers are masked (110105********1234), mobile numbers too;
times are the hall's local times with the date spelled out. The layout for
80 mm receipts and A4 is the UI's business (ui/printing.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from kiosk.rules import idnumber, phone
from kiosk.rules.typography import chinese_date, label_line


@dataclass(frozen=True, slots=True)
class Slip:
    title: str
    lines: tuple[tuple[str, str], ...]  # (label, value)
    notice: str = ""
    voucher: str = ""  # text for a QR code, empty when there must be none


def slip_text(slip: Slip) -> str:
    """The slip as plain text, for the "send to my phone" QR code (read by any phone camera)."""
    lines = [slip.title, *(label_line(k, v) for k, v in slip.lines)]
    if slip.notice:
        lines.append(slip.notice)
    return "\n".join(lines)


def local_when(start: datetime, timezone: str, lang: str) -> str:
    local = start.astimezone(ZoneInfo(timezone))
    if lang == "zh":
        return f"{chinese_date(local.date(), weekday=True)} {local:%H:%M}"
    return f"{local:%a %d %b %Y, %H:%M}"


def voucher_text(reference: str) -> str:
    """What the voucher QR holds: the kiosk reads it back to check in (issue 5)."""
    return f"SHK-BOOKING:{reference}"


def booking_slip(*, lang: str, confirmed: bool, hall: str, matter: str, start: datetime,
                 timezone: str, id_number: str, mobile: str, reference: str = "",
                 window: str = "", arrive: str = "", bring: tuple[str, ...] = ()) -> Slip:
    zh = lang == "zh"
    rows = []
    if confirmed:
        rows.append(("预约号" if zh else "Reference", reference))
    rows += [
        ("事项" if zh else "Service", matter),
        ("大厅" if zh else "Hall", hall),
        ("时间" if zh else "Time", local_when(start, timezone, lang)),
        ("身份证号" if zh else "ID number", idnumber.mask(id_number)),
        ("手机号" if zh else "Mobile",
         phone.mask(mobile) if mobile else ("未留" if zh else "not given")),
    ]
    if window:
        rows.append(("窗口" if zh else "Window", window))
    if arrive:
        rows.append(("签到" if zh else "Check in", arrive))
    if bring:
        rows.append(("请携带" if zh else "Bring", "、".join(bring) if zh else "; ".join(bring)))
    if confirmed:
        return Slip("预约成功" if zh else "Appointment confirmed", tuple(rows),
                    voucher=voucher_text(reference))
    if mobile:
        told = "确认结果将以短信通知您。" if zh else "You will get an SMS with the result."
    else:  # no number to send it to: the resident looks it up with their ID card
        told = ("确认结果请凭身份证在一体机「我的预约」中查看。" if zh else
                "Look the result up under My appointments on a kiosk, with your ID card.")
    notice = ("预约申请已保存，尚未确认。这不是预约凭证。" if zh else
              "Request saved - NOT yet confirmed. This is not an appointment. ") + told
    return Slip("预约申请（未确认）" if zh else "Booking request (not confirmed)", tuple(rows), notice)


def ticket_slip(*, lang: str, number: str, hall: str, matter: str, issued: datetime,
                timezone: str, priority: bool, window: str = "") -> Slip:
    zh = lang == "zh"
    rows = [
        ("事项" if zh else "Service", matter),
        ("大厅" if zh else "Hall", hall),
        ("取号时间" if zh else "Taken at", local_when(issued, timezone, lang)),
    ]
    if window:
        rows.append(("窗口" if zh else "Window", window))
    if priority:
        rows.append(("绿色通道" if zh else "Green channel", "优先办理" if zh else "priority"))
    return Slip(("排队号 " if zh else "Queue number ") + number, tuple(rows))
