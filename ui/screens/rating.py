"""好差评 on the kiosk, after a journey that ended well (a walk-in number, a check-in, a
booking): five faces; for 不满意 / 非常不满意 the reasons, a comment and, only if the
resident wishes, a phone number for the follow-up call.

    navigator.go("rating", matter="M001", ticket_id="T…")   # or booking_id="B…"

The rating goes to the outbox (``kiosk.queue.rating.submit``) and the screen says the
truth: "sent" once the platform has it, else "saved, it will be sent" (it is, when the
network is back). One rating per matter and visit: the panel sends once, the session ends
with the rating (Done), and the platform keeps one per visit (a second: ``already_rated``,
said as such).
"""

from __future__ import annotations

from typing import Any

from kiosk.booking.draft import OutcomeState
from kiosk.queue.rating import Rating, submit
from ui.context import ScreenDeps
from ui.i18n import translate
from ui.rating.panel import RatingChoice, RatingPanel
from ui.screens.steps import Step
from ui.workers.outcome_watch import OutcomeWatch

#: how long the thank-you waits for the platform before it says "saved, will be sent"
SENT_WAIT_MS = 4000


def recogniser_opener(model: str):
    """The handwriting recogniser's opener when one is installed, else None (typing only)."""
    from kiosk.handwriting.recognizer import handwriting_available, open_recognizer

    return (lambda: open_recognizer(model)) if handwriting_available(model) else None


def make_rating(choice: RatingChoice, matter: str, visit: dict[str, str],
                window: str | None = None) -> Rating:
    """The core's rating from what the resident chose; ``visit``: ticket_id or booking_id."""
    return Rating(matter=matter, level=choice.level, reasons=choice.reasons,
                  comment=choice.comment or None, window=window,
                  phone=choice.phone or None, follow_up_consent=bool(choice.phone), **visit)


def thanks_words(state: OutcomeState | None, reason: str = "") -> tuple[str, str, str]:
    """(tone, heading, body) of the thank-you, for what became of the rating."""
    heading = translate("Rating", "Thank you for your rating")
    if state is OutcomeState.CONFIRMED:
        return "success", heading, translate("Rating", "It has reached the service centre.")
    if state is OutcomeState.REFUSED:
        if reason == "already_rated":
            return "warning", translate("Rating", "Already rated"), translate(
                "Rating", "This service was already rated for this visit; one rating is kept.")
        return "failure", translate("Rating", "Your rating was not accepted"), translate(
            "Rating", "Please tell staff at the desk what you think.")
    if state is OutcomeState.LATE:
        return "success", heading, translate(
            "Rating", "Saved on this kiosk. The network is down just now; it will be sent by "
            "itself when it is back. You need not rate again.")
    return "success", heading, translate("Rating", "Saved. Sending…")


class RatingScreen(Step):
    name = "rating"

    def __init__(self, deps: ScreenDeps) -> None:
        super().__init__(deps)
        self.panel = RatingPanel(lambda: self.lang, recogniser_opener(deps.settings.handwriting_model),
                                 self)
        self.root.addWidget(self.panel, 1)
        self.panel.submitted.connect(self._submit)
        self.panel.closed.connect(self._close)
        self.panel.page_changed.connect(self._titles)
        self.watch = OutcomeWatch(self)
        self.watch.changed.connect(self._answered)
        self.matter = ""
        self.visit: dict[str, str] = {}
        self.retranslate()

    def enter(self, matter: str = "", ticket_id: str = "", booking_id: str = "",
              **_kw: Any) -> None:
        self.watch.stop()
        self.matter = matter
        self.visit = {"ticket_id": ticket_id} if ticket_id else {"booking_id": booking_id}
        self.panel.start(self.matter_name(matter) if matter else "")
        self._titles()

    def _submit(self, choice: RatingChoice) -> None:
        box = self.outbox()
        if box is None:
            self.panel.show_thanks("warning", translate("Rating", "Not saved"), translate(
                "Rating", "This kiosk is not connected: please tell staff at the desk."))
            return
        try:
            rating = make_rating(choice, self.matter, self.visit)
        except ValueError:
            self.panel.show_thanks("failure", translate("Rating", "Your rating was not accepted"),
                                   translate("Rating", "Please tell staff at the desk what you think."))
            return
        item = submit(box, rating, self.now())
        central = self.deps.central()
        if central is not None:
            central.urge()
        self.panel.show_thanks(*thanks_words(None))
        self.watch.watch(self.outbox, item.id, SENT_WAIT_MS)

    def _answered(self, result) -> None:
        if result.state is not OutcomeState.WAITING:
            self.panel.show_thanks(*thanks_words(result.state, result.reason or ""))

    def _close(self) -> None:
        self.watch.stop()
        self.deps.navigator.finish()

    def _titles(self) -> None:
        self.title.setText(self.panel.heading())  # read aloud on the thank-you too
        # the thank-you's panel says it: the title is not said twice on the screen
        self.title.setVisible(self.panel.page() != "thanks")
        self.instruction.setText(self.panel.prompt())
        self.instruction.setVisible(bool(self.panel.prompt()))

    def is_outcome(self) -> bool:
        return True  # Back from a rating goes home: the journey before it is over

    def apply_mode(self) -> None:
        super().apply_mode()
        p = self.deps.presentation
        self.panel.set_metrics(p.theme.sizes, p.elderly, p.portrait)

    def hideEvent(self, event) -> None:  # noqa: N802
        self.watch.stop()
        super().hideEvent(event)

    def reset(self) -> None:
        self.watch.stop()
        self.panel.clear()
        self.matter, self.visit = "", {}

    def retranslate(self) -> None:
        self.panel.retranslate()
        self._titles()


