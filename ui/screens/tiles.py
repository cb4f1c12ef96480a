"""A screen of big tiles: home, the service hub, departments, life events."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from ui.context import ScreenDeps
from ui.screens.base import Screen
from ui.widgets.buttons import TextButton
from ui.widgets.paged import PagedGrid


class Tile(NamedTuple):
    key: str
    title: Callable[[], str]
    detail: Callable[[], str]
    action: Callable[[], None]
    role: str = "tile"
    #: a name in ui/icons/, shown above the title where the tile has room
    icon: str = ""


class HubTile(TextButton):
    """A tile of a one-page hub: its detail line shows where the tile has room for it.
    The title alone says what the tile does, so in 长辈版 every tile fits on the page
    (a long English title takes two lines) and none goes behind "Next page"."""

    def _title_height(self, width: int) -> int:
        layout = self.layout()
        assert layout is not None  # TextButton's column of labels
        m = layout.contentsMargins()
        return m.top() + m.bottom() + self.title.heightForWidth(max(1, width - m.left() - m.right()))

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return max(self._title_height(width), self.minimumHeight())

    def resizeEvent(self, event) -> None:  # noqa: N802
        layout = self.layout()
        if self.detail.text() and layout is not None:
            inner = max(1, self.width() - layout.contentsMargins().left()
                        - layout.contentsMargins().right())
            room = (self._title_height(self.width()) + layout.spacing()
                    + self.detail.heightForWidth(inner))
            if self.detail.isHidden() == (self.height() >= room):
                self.detail.setVisible(self.height() >= room)
                layout.activate()  # now, not on the next pass of the event loop
        super().resizeEvent(event)  # the icon, if any, takes what room is left


class TileScreen(Screen):
    """Tiles in a paged grid: up to 8 a page, 4 in 长辈版; 3/2/1 columns by room.

    A hub of a few tiles (``one_page``: home, the service guide) shows them all on one
    page in 长辈版 too, two or three across: every primary function in sight, none
    behind "Next page", also when a notice takes some of the height."""

    one_page = False

    def __init__(self, deps: ScreenDeps) -> None:
        super().__init__(deps)
        self.grid = PagedGrid(self)
        self.root.addWidget(self.grid, 1)
        self._tiles: list[Tile] = []

    def tiles(self) -> list[Tile]:
        raise NotImplementedError

    def set_tiles(self) -> None:
        self._tiles = self.tiles()
        self.grid.set_items([self._factory(t) for t in self._tiles])

    def _factory(self, tile: Tile) -> Callable[[], TextButton]:
        def make() -> TextButton:
            button = HubTile(tile.role) if self.one_page else TextButton(tile.role)
            button.setObjectName(f"tile-{tile.key}")
            button.set_texts(tile.title(), tile.detail())
            if tile.icon:
                button.set_icon(tile.icon)
            button.clicked.connect(lambda _checked=False: tile.action())
            return button

        return make

    def columns(self) -> int:
        p = self.deps.presentation
        if self.one_page and p.elderly:
            return 2 if p.portrait else 3
        if p.portrait:
            return 1 if p.elderly else 2
        return 2 if p.elderly else 3

    def apply_mode(self) -> None:
        super().apply_mode()
        s = self.deps.presentation.theme.sizes
        self.grid.configure(self.columns(), s.max_tiles, s.gap, fill=True,
                            paged=not self.one_page)

    def retranslate(self) -> None:
        self.set_tiles()

    def button(self, key: str) -> TextButton | None:
        """The tile button for a key, if it is on the current page (for tests)."""
        return next(
            (w for w in self.grid.items_on_page()
             if isinstance(w, TextButton) and w.objectName() == f"tile-{key}"),
            None,
        )
