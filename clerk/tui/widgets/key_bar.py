"""The keys of the current screen on the bottom line, drawn as one widget.

It shows what Textual's Footer shows, the same way (key, then what it does; the command
palette's key at the right; keys that cannot be used now dimmed; a click presses the
key). Footer mounts a widget per key and removes and remounts them all whenever the
bindings change, several times while the app starts: about 20 ms of a 250 ms start-up.
Here a change of bindings redraws one line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.screen import Screen


class Shown(NamedTuple):
    key: str  # what a click presses
    display: str
    description: str
    enabled: bool


class KeyBar(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .key-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-bar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._keys: list[Shown] = []
        self._palette: Shown | None = None
        self._spans: list[tuple[int, int, Shown]] = []  # cells each key occupies

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if not self.is_attached or screen is not self.screen:
            return
        keys: dict[str, Shown] = {}  # one per action, as Footer shows them
        palette = None
        palette_key = self.app.COMMAND_PALETTE_BINDING if self.app.ENABLE_COMMAND_PALETTE \
            else None
        for key, (_node, binding, enabled, _tooltip) in screen.active_bindings.items():
            shown = Shown(binding.key, self.app.get_key_display(binding),
                          binding.description, enabled)
            if key == palette_key:
                palette = shown
            elif binding.show and binding.action not in keys:
                keys[binding.action] = shown
        if list(keys.values()) != self._keys or palette != self._palette:
            self._keys, self._palette = list(keys.values()), palette
            self.refresh()

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        dim = Style(dim=True)
        width = self.size.width
        palette = Text()
        if self._palette is not None:
            palette.append("▏", Style(dim=True))
            palette.append(f"{self._palette.display} ", key_style)
            palette.append(f"{self._palette.description} ", description_style)
        room = max(0, width - palette.cell_len)
        line = Text(no_wrap=True, overflow="crop", end="")
        self._spans = []
        for shown in self._keys:
            start = line.cell_len
            part = Text.assemble((f" {shown.display} ", key_style),
                                 (f"{shown.description} ", description_style))
            if not shown.enabled:
                part.stylize(dim)
            line.append_text(part)
            self._spans.append((start, line.cell_len, shown))
        line.truncate(room, pad=True)
        if self._palette is not None:
            self._spans.append((room, width, self._palette))
            line.append_text(palette)
        return line

    def on_click(self, event: events.Click) -> None:
        for start, end, shown in self._spans:
            if start <= event.x < end:
                if shown.enabled:
                    self.app.simulate_key(shown.key)
                else:
                    self.app.bell()
                return
