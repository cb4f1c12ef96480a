"""The wire shapes of docs/api.md as pydantic models: validation in, OpenAPI out.

Strings that reach the database are bounded and must be storable (no NUL, no lone
surrogates: PostgreSQL and UTF-8 refuse both); times must carry an offset (naive ones
are refused) and are normalised to UTC; years are held to 2000..2100 so that no
date arithmetic can overflow.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    field_validator,
)

MIN_YEAR, MAX_YEAR = 2000, 2100


def _storable(value: str) -> str:
    if "\x00" in value:
        raise ValueError("NUL characters are not allowed")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError("not valid Unicode text") from exc
    return value


def _utc(value: datetime) -> datetime:
    try:
        moment = value.astimezone(UTC)
    except (OverflowError, ValueError) as exc:
        raise ValueError("time out of range") from exc
    if not MIN_YEAR <= moment.year <= MAX_YEAR:
        raise ValueError(f"time out of range: years {MIN_YEAR}..{MAX_YEAR}")
    return moment


def _day_in_range(value: date) -> date:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValueError(f"date out of range: years {MIN_YEAR}..{MAX_YEAR}")
    return value


#: for path parameters too: PostgreSQL cannot even compare text holding a NUL
STORABLE = AfterValidator(_storable)
Text40 = Annotated[str, Field(min_length=1, max_length=40), AfterValidator(_storable)]
Text64 = Annotated[str, Field(min_length=1, max_length=64), AfterValidator(_storable)]
Text100 = Annotated[str, Field(min_length=1, max_length=100), AfterValidator(_storable)]
Text200 = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_storable)]
PAYLOAD_MAX_BYTES = 64 * 1024


Code = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.\-]+$")]
#: what a device is enrolled as (``central.auth.ROLES``): a resident's kiosk, a window
#: terminal, a hall display; the queue's routes check it (403 ``wrong_device_role``)
DeviceRole = Literal["kiosk", "window", "display"]
UtcTime = Annotated[AwareDatetime, AfterValidator(_utc)]
LocalDate = Annotated[date, AfterValidator(_day_in_range)]
#: an id the server made (booking, hold): bounded and storable, so never a 500 on lookup
Uuid = Annotated[str, Field(min_length=1, max_length=64), AfterValidator(_storable)]
#: the two members of a document signed with the platform key (central/signing.py)
KeyId = Annotated[str, Field(description="which key signed the document: the first 16 hex "
                                         "digits of the SHA-256 of the raw public key")]
Signature = Annotated[str, Field(description="Ed25519 over the canonical JSON of the document "
                                             "without this member "
                                             "(kiosk/rules/signed_document.py); base64url, "
                                             "no padding")]


class Model(BaseModel):
    model_config = ConfigDict(extra="ignore")


# --- health, devices -----------------------------------------------------------


class Health(Model):
    status: Literal["ok"]
    time: datetime
    version: str


class Ready(Model):
    status: Literal["ready"]
    time: datetime
    version: str
    #: the database schema's revision (``kiosk-central migrate``)
    schema_revision: str
    #: the reference data version served (``kiosk-central reference show``)
    reference_version: int = 0
    #: halls whose calendar runs out soon or has (``central.calendars``): publish a newer one
    calendar_warnings: list[str] = []


class EnrolmentIn(Model):
    enrolment_code: Text64
    label: Text200


class EnrolmentOut(Model):
    device_id: str
    token: str
    hall_code: str
    role: DeviceRole = Field(description="what the device is enrolled as (its code's role): "
                                         "the queue's routes it may call (docs/queue.md)")
    staff_list_key: str = Field(description="the platform key (Ed25519, base64url of its 32 "
                                            "bytes) that signs the staff list, the trust list, "
                                            "the catalogue and the halls: the kiosk pins it "
                                            "(named for the first document it signed)")


class OutboxState(Model):
    pending: int = Field(ge=0, le=10**9)
    dead: int = Field(ge=0, le=10**9)
    #: how long the oldest pending item has waited, by the kiosk's own clock (an age, not
    #: a time: the kiosk's clock may be wrong); absent: none waits, or an older kiosk
    oldest_pending_seconds: int | None = Field(default=None, ge=0, le=10**9)


class HeartbeatIn(Model):
    version: Text64
    sent_at: UtcTime
    outbox: OutboxState
    camera: JsonValue = None
    printer: JsonValue = None


class HeartbeatOut(Model):
    server_time: datetime


# --- reference data --------------------------------------------------------------


class Bilingual(Model):
    zh: str
    en: str


class OpeningPeriodOut(Model):
    weekday: int
    opens: str
    closes: str


class CalendarOut(Model):
    closed: list[date]
    working_days: list[date]


class RulesOut(Model):
    slot_minutes: int
    booking_window_days: int
    min_notice_minutes: int
    hold_seconds: int
    checkin_before_minutes: int
    checkin_after_minutes: int
    default_capacity: int
    capacity: dict[str, int]


class HallOut(Model):
    code: str
    name: Bilingual
    timezone: str
    opening_hours: list[OpeningPeriodOut]
    calendar: CalendarOut
    rules: RulesOut
    #: the last day the calendar is right: no day after it is open for booking
    valid_until: date | None = None


class HallsOut(Model):
    version: str
    halls: list[HallOut]
    key_id: KeyId
    signature: Signature


class Jwk(Model):
    kty: Literal["OKP"]
    crv: Literal["Ed25519"]
    x: str
    kid: str


class IssuerOut(Model):
    issuer_id: str
    name: Bilingual
    cert_types: list[str]
    jwk: Jwk


class TrustListOut(Model):
    issued_at: datetime
    issuers: list[IssuerOut]
    key_id: KeyId
    signature: Signature


# --- availability and slots --------------------------------------------------------


class DayOut(Model):
    date: date
    open: bool
    capacity: int
    remaining: int


class AvailabilityOut(Model):
    hall: str
    matter: str
    timezone: str
    days: list[DayOut]


class SlotOut(Model):
    start: datetime
    end: datetime
    capacity: int
    remaining: int


class SlotsOut(Model):
    hall: str
    matter: str
    date: date
    timezone: str
    open: bool
    slots: list[SlotOut]


# --- holds, bookings, tickets -------------------------------------------------------


class HoldIn(Model):
    hall: Code
    matter: Code
    start: UtcTime


class HoldOut(Model):
    hold_id: str
    hall: str
    matter: str
    start: datetime
    end: datetime
    expires_at: datetime


class PersonIn(Model):
    id_number: Text40
    #: optional: without one the booking cannot be cancelled at a kiosk (``no_phone_given``)
    phone: Text40 | None = None
    name: Text100 | None = None


class BookingIn(Model):
    hall: Code
    matter: Code
    start: UtcTime
    hold_id: Uuid | None = None
    person: PersonIn
    requested_at: UtcTime


class PersonOut(Model):
    id_masked: str
    #: null when the resident gave no phone number
    phone_masked: str | None


class TicketOut(Model):
    ticket_id: str
    number: str
    hall: str
    matter: str
    category: str
    priority: bool
    issued_at: datetime


class BookingOut(Model):
    booking_id: str
    reference: str
    status: Literal["confirmed", "cancelled", "checked_in"]
    hall: str
    matter: str
    start: datetime
    end: datetime
    timezone: str
    person: PersonOut
    created_at: datetime
    ticket: TicketOut | None


class CancelIn(Model):
    """The phone number given at booking, as the resident types it again."""

    phone: Text40


class LookupIn(Model):
    id_number: Text40


class LookupOut(Model):
    bookings: list[BookingOut]


class CheckInOut(Model):
    booking: BookingOut
    ticket: TicketOut


class TicketIn(Model):
    hall: Code
    matter: Code
    priority: bool = False


# --- submissions ------------------------------------------------------------------


class Identity(Model):
    resident: Text200 | None = None
    staff: Text200 | None = None


class SubmissionIn(Model):
    kind: Literal["rating", "message", "audit"]
    created_at: UtcTime
    identity: Identity
    payload: dict[str, JsonValue]

    @field_validator("payload")
    @classmethod
    def _bounded(cls, value: dict[str, JsonValue]) -> dict[str, JsonValue]:
        size = len(json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass"))
        if size > PAYLOAD_MAX_BYTES:  # UTF-8 bytes, not \\uXXXX escapes
            raise ValueError(f"payload larger than {PAYLOAD_MAX_BYTES} bytes")
        return value


class RatingOut(Model):
    rating_id: str
    level: str
    case_id: int | None = Field(description="the follow-up case a bad rating opened")


class SubmissionOut(Model):
    submission_id: str
    received_at: datetime
    rating: RatingOut | None = Field(None, description="kind rating: what was kept")


# --- opaque e-certificate tokens --------------------------------------------------


class TokenVerifyIn(Model):
    token: Annotated[str, Field(min_length=8, max_length=512), AfterValidator(_storable)]


class CertificateOut(Model):
    ctype: str
    name: str
    idn: str
    cno: str
    issuer: str
    vfrom: str | None = None
    vuntil: str | None = None
    status: str


class TokenVerifyOut(Model):
    verdict: Literal["valid", "expired", "already_used", "revoked", "unknown"]
    checked_at: datetime
    certificate: CertificateOut | None


# --- staff accounts and their audit trail ---------------------------------------------

#: a staff number: 1 to 16 ASCII letters and digits
StaffNumber = Annotated[str, Field(min_length=1, max_length=16, pattern=r"^[A-Za-z0-9]{1,16}$")]
StaffRole = Literal["assistant", "administrator"]


class PinHashOut(Model):
    """``scrypt(PIN)`` with its parameters: the wire form of ``kiosk.rules.pin_hash.PinHash``."""

    alg: Literal["scrypt"]
    n: int = Field(ge=2**12, le=2**20, description="a power of two")
    r: int = Field(ge=1, le=32)
    p: int = Field(ge=1, le=16)
    salt: str = Field(description="base64, 8 to 64 bytes")
    hash: str = Field(description="base64, 32 bytes")


class StaffOut(Model):
    number: StaffNumber
    name: str
    role: StaffRole
    pin: PinHashOut


class StaffListOut(Model):
    issued_at: datetime
    staff: list[StaffOut]
    key_id: KeyId
    signature: Signature


class StaffListKeyOut(Model):
    key: str = Field(description="the platform key (Ed25519) that signs the staff list, the "
                                 "trust list, the catalogue and the halls: base64url of its "
                                 "32 bytes, no padding")
    key_id: str


class AuditEventOut(Model):
    submission_id: str
    device_id: str
    created_at: datetime
    received_at: datetime
    staff: str | None
    resident: str | None
    payload: dict[str, JsonValue]


class AuditEventsOut(Model):
    events: list[AuditEventOut]


# --- operators: staff accounts, devices, enrolment codes --------------------------------


class StaffAccountIn(Model):
    number: StaffNumber
    name: Text40
    role: StaffRole
    hall: Code
    pin: str = Field(min_length=6, max_length=8, pattern=r"^[0-9]{6,8}$",
                     description="6 to 8 ASCII digits; only scrypt(PIN) is stored")


class StaffPinIn(Model):
    pin: str = Field(min_length=6, max_length=8, pattern=r"^[0-9]{6,8}$")


class StaffAccountOut(Model):
    number: str
    name: str
    role: str
    hall: str | None = Field(description="null: made before accounts had halls; served to no device")
    active: bool
    updated_at: datetime


class StaffAccountsOut(Model):
    accounts: list[StaffAccountOut]


class DeviceOut(Model):
    device_id: str
    hall: str | None
    role: DeviceRole
    label: str
    enrolled_at: datetime
    last_seen_at: datetime | None
    revoked_at: datetime | None


class DevicesOut(Model):
    devices: list[DeviceOut]


class EnrolmentCodeIn(Model):
    hall: Code
    expires_in_hours: int = Field(default=24, ge=1, le=30 * 24)
    role: DeviceRole = Field(default="kiosk", description="what the device that enrols with "
                                                          "the code will be")


class EnrolmentCodeOut(Model):
    code: str
    hall: str
    role: DeviceRole
    expires_at: datetime


# --- help requests (a resident calls staff) ---------------------------------------------


class _Strict(Model):
    """A body that refuses members it does not name (422 ``validation_failed``): a help
    request must never carry personal data, not even ignored."""

    model_config = ConfigDict(extra="forbid")


#: a kiosk screen's name (``ui/screen_stack.py``): lower-case letters, digits and _
ScreenName = Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[a-z][a-z0-9_]{0,39}$")]
HelpState = Literal["open", "acknowledged", "closed", "cancelled"]


class HelpRequestIn(_Strict):
    screen: ScreenName = Field(description="the screen the resident was on")
    location: Text100 | None = Field(default=None, description="where the kiosk stands, as "
                                     "staff are told (e.g. 一楼大厅 3号机); default: the "
                                     "device's enrolment label")
    requested_at: UtcTime = Field(description="the kiosk's clock when the resident called")


class HelpStaffIn(_Strict):
    staff: StaffNumber = Field(description="an active staff account of the device's hall")


class StaffRefOut(Model):
    number: str
    name: str


class HelpRequestOut(Model):
    help_id: str
    hall: str
    device_id: str
    screen: str
    location: str
    requested_at: datetime
    received_at: datetime
    state: HelpState
    acknowledged_by: StaffRefOut | None
    acknowledged_at: datetime | None
    closed_by: StaffRefOut | None
    ended_at: datetime | None = Field(description="when it was closed or cancelled")
    raised_count: int = Field(ge=0, description="how often it was raised again: once for "
                              "every raise_after_s it waited unacknowledged")
    raised_at: datetime | None = Field(description="when it was last raised again")


class HelpRequestsOut(Model):
    raise_after_s: int
    requests: list[HelpRequestOut]
