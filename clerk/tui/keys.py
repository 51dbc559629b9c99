"""The one registry of actions: id, key, description and where it applies.

Footer bindings, the command palette, the help screen and the clerk's keymap override
(`keys.toml`, applied with `App.set_keymap`) are all built from `ACTIONS`, so a key is
declared once. Ids are stable: they are what a clerk writes in `keys.toml`.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from textual.binding import Binding, BindingType
from textual.widgets import Input

SCOPES = {
    "app": "Everywhere",
    "register": "Register",
    "decision": "Decision",
    "meeting": "Meeting",
    "form": "Forms",
    "profile": "Council profile",
    "dates": "Date calculator",
}


@dataclass(frozen=True)
class Action:
    id: str  # "decision.decide": what keys.toml names
    key: str  # Textual key name(s), comma separated
    action: str  # the action string Textual runs, e.g. "move('decide')"
    description: str
    scope: str
    show: bool = True
    priority: bool = False
    # Where the footer puts it, lowest first: at 80 columns only about five keys fit, so
    # the steps that move a decision on come before the occasional edits and Back.
    footer: int = 50


def _move(move_id: str, key: str, description: str, footer: int = 50) -> Action:
    return Action(f"decision.{move_id}", key, f"move('{move_id}')", description, "decision",
                  footer=footer)


ACTIONS: tuple[Action, ...] = (
    Action("app.help", "f1,question_mark", "app.help", "Help: every key", "app"),
    Action("app.quit", "ctrl+q", "app.quit", "Quit", "app"),
    # The register: the filter box always has the focus, so actions use ctrl keys.
    Action("register.open", "enter", "open_selected", "Open", "register", priority=True),
    Action("register.new", "ctrl+n", "new_decision", "New decision", "register"),
    Action("register.stage", "ctrl+t", "cycle_stage", "Stage filter", "register"),
    Action("register.sort", "ctrl+o", "toggle_sort", "Sort by due", "register"),
    Action("register.meeting", "ctrl+g", "meeting", "Meeting", "register"),
    Action("register.plan", "ctrl+r", "print_plan", "Print plan", "register"),
    Action("register.profile", "ctrl+l", "profile", "Council", "register"),
    Action("register.dates", "ctrl+y", "dates", "Date calculator", "register"),
    Action("register.down", "down", "cursor(1)", "Next row", "register", False, True),
    Action("register.up", "up", "cursor(-1)", "Previous row", "register", False, True),
    Action("register.page_down", "pagedown", "cursor(20)", "Page down", "register", False, True),
    Action("register.page_up", "pageup", "cursor(-20)", "Page up", "register", False, True),
    # A decision: one letter per lifecycle step, listed (help, Steps panel) in lifecycle
    # order. Refused steps are hidden from the footer, so the few it has room for are the
    # ones that apply now, the steps that move the decision on first.
    Action("decision.back", "escape", "back", "Back", "decision", footer=99),
    _move("plan", "p", "Plan entry", 20),
    _move("key", "k", "Key decision", 21),
    _move("review-key", "y", "Review key departure", 43),
    _move("comment", "c", "Comment", 22),
    _move("consultation", "w", "Consultation window", 40),
    Action("decision.respond", "a", "respond", "Respond to comment", "decision", footer=23),
    _move("exception", "g", "General exception", 45),
    _move("urgency", "u", "Special urgency", 46),
    _move("private", "v", "Private", 47),
    _move("private-urgency", "z", "Private urgency", 47),
    _move("reasons-notice", "h", "Reasons notice", 44),
    _move("decide", "d", "Record decision", 10),
    _move("publish", "b", "Publish record", 11),
    _move("call-in", "i", "Call-in", 15),
    _move("call-in-outcome", "o", "Call-in outcome", 12),
    _move("exempt", "x", "Exempt from call-in", 48),
    _move("implement", "m", "Implement", 14),
    _move("refer", "r", "Refer to Council", 16),
    _move("council", "l", "Council outcome", 13),
    _move("scrutiny-key-view", "s", "Scrutiny key view", 42),
    _move("key-view-report", "j", "Reg 18 report", 42),
    _move("report", "e", "Edit report", 41),
    _move("details", "t", "Title and maker", 49),
    _move("correct", "f", "Correct an error", 49),
    Action("decision.print", "n", "print_notice", "Print notice", "decision", footer=30),
    Action("decision.tab_next", "right", "tab(1)", "Next tab", "decision", False),
    Action("decision.tab_prev", "left", "tab(-1)", "Previous tab", "decision", False),
    # The meeting view.
    Action("meeting.back", "escape", "back", "Back", "meeting"),
    Action("meeting.down", "down,j", "cursor(1)", "Next item", "meeting", False),
    Action("meeting.up", "up,k", "cursor(-1)", "Previous item", "meeting", False),
    Action("meeting.date", "a", "change_date", "Another date", "meeting"),
    Action("meeting.decide", "d", "item('decide')", "Decision", "meeting"),
    Action("meeting.comment", "c", "item('comment')", "Comment", "meeting"),
    Action("meeting.call_in_outcome", "o", "item('call-in-outcome')", "Call-in outcome",
           "meeting"),
    Action("meeting.council", "l", "item('council')", "Council outcome", "meeting"),
    Action("meeting.open", "enter", "open_item", "Open", "meeting"),
    # Forms and the council profile.
    Action("form.save", "ctrl+s", "save", "Save", "form", priority=True),
    Action("form.cancel", "escape", "cancel", "Cancel", "form"),
    Action("form.draft", "f2", "keep_draft", "Keep as draft", "form", priority=True),
    Action("profile.back", "escape", "back", "Back", "profile"),
    Action("profile.edit", "e", "edit", "Edit", "profile"),
    Action("dates.close", "escape", "close", "Close", "dates"),
)

BY_ID = {action.id: action for action in ACTIONS}
MOVE_ACTIONS = {a.action[6:-2]: a for a in ACTIONS if a.action.startswith("move(")}


# Keys that answer on every screen, modal ones (the welcome, forms, dialogs) included:
# Textual stops at a modal screen's own bindings unless a binding has priority. `?` is not
# among them: in a text box it is typed (F1 is the help key there).
EVERYWHERE = ("f1", "ctrl+q")


def bindings(scope: str) -> list[BindingType]:
    """The bindings of one scope in footer order, each carrying its registry id."""
    out: list[BindingType] = []
    for a in sorted(in_scope(scope), key=lambda a: a.footer):
        keys = [k.strip() for k in a.key.split(",")]
        always = [k for k in keys if k in EVERYWHERE]
        rest = [k for k in keys if k not in EVERYWHERE]
        if always:
            out.append(Binding(",".join(always), a.action, a.description, show=a.show,
                               priority=True, id=a.id))
        if rest:
            out.append(Binding(",".join(rest), a.action, a.description,
                               show=a.show and not always, priority=a.priority, id=a.id))
    return out


# For modal screens with no text box: `?` opens the help there too.
MODAL_HELP = Binding("question_mark", "app.help", "Help", show=False)


def in_scope(scope: str) -> list[Action]:
    return [a for a in ACTIONS if a.scope == scope]


def load_keymap(path: Path | None) -> tuple[dict[str, str], list[str]]:
    """Read `keys.toml` (`"decision.decide" = "D"`); returns the keymap and any problems.
    A remap that would clash (a key the filter box or a form's fields take as typing, or
    one key for two actions on the same screen) is reported and left out."""
    if path is None or not path.exists():
        return {}, []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        return {}, [f"{path} could not be read ({error}); default keys are used."]
    table = data.get("keys", data)
    keymap: dict[str, str] = {}
    problems = []
    for action_id, key in table.items():
        if action_id not in BY_ID:
            problems.append(f"{path}: no action {action_id!r} (see the help screen for ids).")
        elif not isinstance(key, str) or not key.strip():
            problems.append(f"{path}: the key for {action_id!r} must be text, e.g. \"D\".")
        else:
            keymap[action_id] = key.strip()
    for action_id, problem in clashes(keymap).items():
        problems.append(f"{path}: {problem}; {action_id} keeps "
                        f"{display_key(BY_ID[action_id].key)}.")
        keymap.pop(action_id, None)
    return keymap, problems


# Screens where a text box has the focus: a letter or a box's own key typed there edits
# the text, so an action cannot be moved onto one.
TYPING_SCOPES = ("register", "form", "dates")
TEXT_BOX_KEYS = frozenset(
    one.strip() for binding in Input.BINDINGS
    for one in (binding.key if isinstance(binding, Binding) else binding[0]).split(","))


def _typing_key(key: str) -> bool:
    return len(key) == 1 or key in ("space", "tab", "shift+tab") or key in TEXT_BOX_KEYS \
        or key.startswith("shift+") and len(key) == 7


def clashes(keymap: dict[str, str]) -> dict[str, str]:
    """Each remapped action id whose new key cannot work, with why."""
    out: dict[str, str] = {}
    for action_id, key in keymap.items():
        action = BY_ID[action_id]
        scopes = TYPING_SCOPES if action.scope == "app" else (action.scope,)
        typed = [k for k in key.split(",") if _typing_key(k.strip())]
        if typed and any(scope in TYPING_SCOPES for scope in scopes) and not action.priority:
            where = "the filter box" if "register" in scopes else "a form's fields"
            out[action_id] = (f"{display_key(key)} for {action_id} is a key {where} "
                              "uses for typing or editing; choose an unused ctrl key or a "
                              "function key (e.g. f5)")
            continue
        for other in ACTIONS:
            if other.id == action_id or other.id in out:
                continue
            if not (other.scope == action.scope or "app" in (other.scope, action.scope)):
                continue
            theirs = {k.strip() for k in effective_key(other, keymap).split(",")}
            both = theirs & {k.strip() for k in key.split(",")}
            if both:
                out[action_id] = (f"{display_key(','.join(sorted(both)))} is given to both "
                                  f"{action_id} and {other.id}")
                break
    return out


def shown(action_id: str, keymap: dict[str, str]) -> str:
    """The key of an action as the clerk sees it, after their keymap: "d", "^g"."""
    return display_key(effective_key(BY_ID[action_id], keymap))


def effective_key(action: Action, keymap: dict[str, str]) -> str:
    return keymap.get(action.id, action.key)


def display_key(key: str) -> str:
    """'ctrl+n' -> '^n', 'question_mark' -> '?': what the help screen prints."""
    names = {"question_mark": "?", "escape": "Esc", "enter": "Enter", "pagedown": "PgDn",
             "pageup": "PgUp"}
    parts = []
    for one in key.split(","):
        one = one.strip()
        if one.startswith("ctrl+"):
            parts.append("^" + one[5:])
        elif one[:1] == "f" and one[1:].isdigit():
            parts.append(one.upper())
        else:
            parts.append(names.get(one, one))
    return " ".join(parts)
