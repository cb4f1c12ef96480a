"""A screen of big tiles: home, the service hub, departments, life events."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ui.context import ScreenDeps
from ui.screens.base import Screen
from ui.widgets.buttons import TextButton
from ui.widgets.paged import PagedGrid


@dataclass(frozen=True)
class Tile:
    key: str
    title: Callable[[], str]
    detail: Callable[[], str]
    action: Callable[[], None]
    role: str = "tile"


class TileScreen(Screen):
    """Tiles in a paged grid: up to 8 a page, 4 in 长辈版; 3/2/1 columns by room."""

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
            button = TextButton(tile.role)
            button.setObjectName(f"tile-{tile.key}")
            button.set_texts(tile.title(), tile.detail())
            button.clicked.connect(lambda _checked=False: tile.action())
            return button

        return make

    def columns(self) -> int:
        p = self.deps.presentation
        if p.portrait:
            return 1 if p.elderly else 2
        return 2 if p.elderly else 3

    def apply_mode(self) -> None:
        super().apply_mode()
        s = self.deps.presentation.theme.sizes
        self.grid.configure(self.columns(), s.max_tiles, s.gap, fill=True)

    def retranslate(self) -> None:
        self.set_tiles()

    def button(self, key: str) -> TextButton | None:
        """The tile button for a key, if it is on the current page (for tests)."""
        return next(
            (w for w in self.grid.items_on_page()
             if isinstance(w, TextButton) and w.objectName() == f"tile-{key}"),
            None,
        )
