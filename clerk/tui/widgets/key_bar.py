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

from clerk.tui.keys import BY_ID, display_key

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
        self._more: Shown | None = None  # the help key, shown when not every key fits
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
        hidden = getattr(screen, "hidden_in_key_bar", None)
        rank: dict[str, int] = {}  # the registry's order (a remapped key moves to the end)
        more = None
        for key, (_node, binding, enabled, _tooltip) in screen.active_bindings.items():
            shown = Shown(binding.key, display_key(binding.key), binding.description, enabled)
            if key == palette_key:
                palette = shown
            elif binding.action == "app.help" and more is None:
                more = Shown(binding.key, shown.display, "more", True)
            elif binding.show and binding.action not in keys and not (
                    hidden is not None and hidden(binding.action)):
                keys[binding.action] = shown
                rank[binding.action] = BY_ID[binding.id].footer if binding.id in BY_ID \
                    else len(rank) + 100
        ordered = [keys[action] for action in sorted(keys, key=lambda a: rank[a])]
        if (ordered, palette, more) != (self._keys, self._palette, self._more):
            self._keys, self._palette, self._more = ordered, palette, more
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
        parts = []
        for shown in self._keys:
            part = Text.assemble((f" {shown.display} ", key_style),
                                 (f"{shown.description} ", description_style))
            if not shown.enabled:
                part.stylize(dim)
            parts.append((part, shown))
        if sum(part.cell_len for part, _ in parts) > room and self._more is not None:
            # Not every key fits: whole keys, in the bar's order, then where the rest are.
            more = Text.assemble(("⋯", dim), (f" {self._more.display} ", key_style),
                                 ("more ", description_style))
            fitting = []
            used = more.cell_len
            for part, shown in parts:
                if used + part.cell_len > room:
                    break
                fitting.append((part, shown))
                used += part.cell_len
            parts = [*fitting, (more, self._more)]
        for part, shown in parts:
            start = line.cell_len
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
