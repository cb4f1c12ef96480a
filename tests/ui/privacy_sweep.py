"""The privacy sweep: after a resident's session has ended, search everywhere the kiosk
could still hold their name, ID number or mobile number.

``sweep(window, resident, ...)`` returns a list of ``Finding`` (empty when nothing is
left). It looks at

- every live widget: texts, placeholders, accessible names and descriptions, tool
  tips, window titles, string properties, a line edit's undo history, item-view
  models (display, tool-tip and accessible-text roles), label pixmaps (QR codes in
  them are decoded), and what the visible windows show (grabbed and decoded);
- the clipboard (both modes);
- Python state reachable from the window and from every widget and QObject child:
  strings, numbers, containers, dataclasses, plain objects, closures and default
  arguments of functions kept there (a background task's lambda, say), images
  (decoded), and compact JWS tokens (their payload decoded);
- files under the given folders (a temporary folder, a cache): bytes, UTF-8 and
  UTF-16, and a PDF's text (pdftotext); in ``masked_ok`` folders (printed slips)
  the masked forms are allowed, the full ones never;
- log text: never a full ID number, mobile number or name.

Where nothing may remain (widgets, state, clipboard) the masked forms count too
(110105********002X, 138****8000, 张*三): after the wipe the next resident must not
see even part of the last one's data.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import dataclasses
import functools
import json
import re
import shutil
import subprocess
import types
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QSignalBlocker, Qt
from PySide6.QtGui import QClipboard, QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from kiosk.rules import idnumber, phone
from kiosk.rules.names import mask_name

#: digit runs of the ID number (and of the mobile) at least this long count as leaks
MIN_RUN = 8
#: item-view roles searched
ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
         Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.EditRole,
         Qt.ItemDataRole.StatusTipRole, Qt.ItemDataRole.WhatsThisRole,
         Qt.ItemDataRole.AccessibleDescriptionRole)
#: how deep and how far the walk through Python state goes
MAX_DEPTH = 16
MAX_OBJECTS = 300_000

_SEPARATORS = re.compile(r"[\s\-‐‑–—·.,_/]+")
_JWS = re.compile(r"[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")


@dataclass(frozen=True)
class Resident:
    """What must not outlive the session: the sample values a test typed or scanned."""

    id_number: str
    mobile: str = ""
    names: tuple[str, ...] = ()
    #: other secrets, as (value, what it is): a certificate's number, a staff PIN
    others: tuple[tuple[str, str], ...] = ()

    def full_forms(self) -> dict[str, str]:
        """needle -> what it is; searched in upper case, separators removed."""
        found: dict[str, str] = {}
        idn = self.id_number.upper()
        found[idn] = "ID number"
        digits = re.sub(r"\D", "", idn)
        for i in range(len(digits) - MIN_RUN + 1):
            found.setdefault(digits[i:i + MIN_RUN], f"ID number digits ({MIN_RUN}-digit run)")
        if self.mobile:
            found[self.mobile] = "mobile number"
            for i in range(len(self.mobile) - MIN_RUN + 1):
                found.setdefault(self.mobile[i:i + MIN_RUN],
                                 f"mobile number digits ({MIN_RUN}-digit run)")
        for name in self.names:
            found[_norm(name)] = "name"
        for other, what in self.others:
            found[_norm(other)] = what
        return found

    def masked_forms(self) -> dict[str, str]:
        found = {idnumber.mask(self.id_number).upper(): "masked ID number"}
        if self.mobile:
            found[phone.mask(self.mobile)] = "masked mobile number"
        for name in self.names:
            found[_norm(mask_name(name))] = "masked name"
        return found


@dataclass(frozen=True)
class Finding:
    where: str
    what: str
    excerpt: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what} in {self.excerpt!r}"


def _norm(text: str) -> str:
    return _SEPARATORS.sub("", text).upper()


@dataclass
class _Search:
    resident: Resident
    findings: list[Finding] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.full = self.resident.full_forms()
        self.strict = {**self.full, **self.resident.masked_forms()}

    def text(self, where: str, text: str, masked_ok: bool = False) -> None:
        if not text:
            return
        needles = self.full if masked_ok else self.strict
        flat = _norm(text)
        hits = [what for needle, what in needles.items() if needle in flat or needle in text]
        for what in dict.fromkeys(hits):  # one finding per kind
            self.findings.append(Finding(where, what, text[:160]))
        for token in _JWS.findall(text):
            for part in token.split(".")[:2]:
                decoded = _b64(part)
                if decoded:
                    self.text(f"{where} (inside a JWS)", decoded, masked_ok)

    def image(self, where: str, image: QImage | QPixmap) -> None:
        for text in decode_qr(image):
            self.text(f"{where} (QR code)", text)


def _b64(part: str) -> str:
    try:
        raw = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
    except (binascii.Error, ValueError):
        return ""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return ""
    try:  # "\u5f20..." escapes: the text as the resident would read it
        return json.dumps(json.loads(text), ensure_ascii=False)
    except ValueError:
        return text


def decode_qr(image: QImage | QPixmap) -> list[str]:
    """The texts of the QR codes in an image (kiosk.ecert.scanning's decoder, reading the
    QImage as the kiosk's camera path does)."""
    from kiosk.ecert.scanning.decode import decode
    from ui.camera.frames import QImageFrame

    if isinstance(image, QPixmap):
        image = image.toImage()
    if image.isNull() or image.width() < 21 or image.height() < 21:
        return []
    image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    return list(decode(QImageFrame(image)).texts)


# -- widgets ------------------------------------------------------------------------


def describe(widget: QObject) -> str:
    """``ClassName#objectName`` and the screen (or window) it is on."""
    name = f"{type(widget).__name__}" + (f"#{widget.objectName()}" if widget.objectName() else "")
    parent = widget.parent() if isinstance(widget, QObject) else None
    while parent is not None:
        screen = getattr(parent, "name", None)
        if isinstance(screen, str) and isinstance(parent, QWidget) and hasattr(parent, "reset"):
            return f"{name} on {type(parent).__name__}({screen})"
        parent = parent.parent()
    return name


def _widget_texts(w: QWidget) -> Iterator[tuple[str, str]]:
    yield "accessibleName", w.accessibleName()
    yield "accessibleDescription", w.accessibleDescription()
    yield "toolTip", w.toolTip()
    yield "statusTip", w.statusTip()
    yield "whatsThis", w.whatsThis()
    yield "windowTitle", w.windowTitle()
    for prop in w.dynamicPropertyNames():
        name = bytes(prop).decode()
        try:
            value = w.property(name)
        except RuntimeError:  # Qt's own (_q_…) properties of types PySide cannot convert
            continue
        if isinstance(value, str):
            yield f"property {name}", value
    if isinstance(w, QLineEdit):
        yield "text", w.text()
        yield "placeholderText", w.placeholderText()
        yield from (("undo history", t) for t in _undo_history(w))
    elif isinstance(w, QLabel | QAbstractButton):  # a TextButton's labels are QLabels
        yield "text", w.text()
    elif isinstance(w, QTextEdit | QPlainTextEdit):
        yield "text", w.toPlainText()
        yield "placeholderText", w.placeholderText()
        yield "undo history", "yes" if w.document().isUndoAvailable() else ""


def _undo_history(edit: QLineEdit) -> list[str]:
    """Every text the line edit's undo history can bring back (then redone to now).
    Read-only fields keep a history too: ``clear()`` is undoable, ``setText`` is not."""
    texts: list[str] = []
    read_only = edit.isReadOnly()
    blocker = QSignalBlocker(edit)
    try:
        edit.setReadOnly(False)
        steps = 0
        while edit.isUndoAvailable() and steps < 200:
            edit.undo()
            steps += 1
            texts.append(edit.text())
        for _ in range(steps):
            edit.redo()
    finally:
        edit.setReadOnly(read_only)
        blocker.unblock()
    return texts


def _model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None,
                 depth: int = 0) -> Iterator[tuple[str, str]]:
    parent = parent if parent is not None else QModelIndex()
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            for role in ROLES:
                value = model.data(index, role)
                if value is not None and not isinstance(value, QObject):
                    yield f"model[{row},{column}] {role.name}", str(value)
            if depth < 4 and model.hasChildren(index):
                yield from _model_texts(model, index, depth + 1)


def sweep_widgets(search: _Search) -> None:
    for w in QApplication.allWidgets():
        where = describe(w)
        for what, text in _widget_texts(w):
            search.text(f"{where} {what}", text)
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            for what, text in _model_texts(w.model()):
                search.text(f"{where} {what}", text)
        if isinstance(w, QLabel) and not w.pixmap().isNull():
            search.image(f"{where} pixmap", w.pixmap())
    for top in QApplication.topLevelWidgets():
        if top.isVisible():
            search.image(f"what {describe(top)} shows", top.grab())


def sweep_clipboard(search: _Search) -> None:
    board = QGuiApplication.clipboard()
    for mode in (QClipboard.Mode.Clipboard, QClipboard.Mode.Selection):
        search.text(f"clipboard ({mode.name})", board.text(mode))


# -- Python state ---------------------------------------------------------------------

_ATOMS = (bool, type(None), float, complex, Enum, date, datetime, time, timedelta, Path)


class _Walk:
    """Breadth first, so that each object is reached by its shortest path (and the
    depth limit cuts only what is really far away)."""

    def __init__(self, search: _Search) -> None:
        self.search = search
        #: id -> the object, kept alive so that no id is reused by a later object
        self.seen: dict[int, object] = {}
        self.queue: deque[tuple[object, str, int]] = deque()

    def add(self, value: object, where: str, depth: int = 0) -> None:
        self.queue.append((value, where, depth))

    def run(self) -> None:
        while self.queue and len(self.seen) < MAX_OBJECTS:
            value, where, depth = self.queue.popleft()
            self.visit(value, where, depth)

    def visit(self, value: object, where: str, depth: int) -> None:
        if isinstance(value, _ATOMS) and not isinstance(value, str):
            return
        if isinstance(value, str | int):
            self.search.text(where, str(value))
            return
        if isinstance(value, bytes | bytearray | memoryview):
            self.search.text(where, bytes(value).decode("utf-8", "replace"))
            return
        if depth > MAX_DEPTH or id(value) in self.seen:
            return
        self.seen[id(value)] = value
        if isinstance(value, QImage | QPixmap):
            self.search.image(where, value)
            return
        if isinstance(value, types.ModuleType | type):
            return  # modules and classes hold no session
        if isinstance(value, QWidget) and depth > 0:
            return  # swept on its own: every widget is
        for name, item in self.parts(value):
            self.add(item, f"{where}{name}", depth + 1)

    @staticmethod
    def parts(value: object) -> list[tuple[str, object]]:
        """What ``value`` holds, as (how it is reached, the part)."""
        try:
            if isinstance(value, dict):
                return [p for k, v in list(value.items()) for p in (("[key]", k), (f"[{k!r}]", v))]
            if isinstance(value, list | tuple | set | frozenset | deque):
                return [(f"[{i}]", item) for i, item in enumerate(list(value))]
        except RuntimeError:  # changed by another thread meanwhile
            return []
        if isinstance(value, types.FunctionType):
            cells = []
            for name, cell in zip(value.__code__.co_freevars, value.__closure__ or (), strict=False):
                try:
                    cells.append((f"<closure {name}>", cell.cell_contents))
                except ValueError:  # an empty cell
                    continue
            return [*cells, ("<defaults>", value.__defaults__ or ()),
                    ("<kwdefaults>", value.__kwdefaults__ or {})]
        if isinstance(value, types.MethodType):
            return [("<self>", value.__self__)]
        if isinstance(value, functools.partial):
            return [("<func>", value.func), ("<args>", value.args), ("<keywords>", value.keywords)]
        attrs: dict[str, object] = {}
        if dataclasses.is_dataclass(value):
            attrs.update((f.name, getattr(value, f.name, None)) for f in dataclasses.fields(value))
        with contextlib.suppress(TypeError):  # no __dict__
            attrs.update(vars(value))
        for cls in type(value).__mro__:
            slots = getattr(cls, "__slots__", ())
            for slot in (slots,) if isinstance(slots, str) else slots:
                if slot not in attrs and not slot.startswith("__") and hasattr(value, slot):
                    attrs[slot] = getattr(value, slot, None)
        return [(f".{name}", v) for name, v in attrs.items()]


def sweep_state(search: _Search, window: QWidget, extra: Mapping[str, object] = {}) -> None:
    walk = _Walk(search)
    walk.add(getattr(window, "session", None), "window.session")
    for name, value in extra.items():
        walk.add(value, name)
    objects: list[QObject] = [window, *window.findChildren(QObject)]
    objects += [w for w in QApplication.allWidgets() if w not in objects]
    for obj in objects:
        walk.add(obj, describe(obj))
    walk.run()


# -- files and logs -------------------------------------------------------------------


def file_texts(path: Path) -> Iterator[str]:
    raw = path.read_bytes()
    yield raw.decode("latin-1")
    yield raw.decode("utf-8", "replace")
    for codec in ("utf-16-le", "utf-16-be"):
        yield raw[: len(raw) // 2 * 2].decode(codec, "replace")
    if raw.startswith(b"%PDF") and shutil.which("pdftotext"):
        yield subprocess.run(["pdftotext", str(path), "-"], capture_output=True,
                             text=True, check=False).stdout


def sweep_files(search: _Search, folders: Iterable[Path], masked_ok: bool) -> list[Path]:
    seen = []
    for folder in folders:
        if not Path(folder).exists():
            continue
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():
                seen.append(path)
                for text in file_texts(path):
                    search.text(f"file {path}", text, masked_ok=masked_ok)
    return seen


def sweep(window: QWidget, resident: Resident, *, temp_folders: Iterable[Path] = (),
          slip_folders: Iterable[Path] = (), logs: Iterable[tuple[str, str]] = (),
          extra: Mapping[str, object] = {}) -> list[Finding]:
    """Everything that still holds the resident's data; empty when the wipe was complete.

    ``temp_folders``: files there may hold nothing of the resident, masked or not.
    ``slip_folders``: printed slips, which may hold the masked forms only.
    ``logs``: (where, text) pairs; a log may hold the masked forms only.
    ``extra``: more Python state to walk (name -> object)."""
    search = _Search(resident)
    sweep_widgets(search)
    sweep_clipboard(search)
    sweep_state(search, window, extra)
    sweep_files(search, temp_folders, masked_ok=False)
    sweep_files(search, slip_folders, masked_ok=True)
    for where, text in logs:
        search.text(where, text, masked_ok=True)
    return _deduplicated(search.findings)


def _deduplicated(findings: list[Finding]) -> list[Finding]:
    """One finding per place and kind (the file's several decodings say the same)."""
    return list({(f.where, f.what): f for f in findings}.values())
