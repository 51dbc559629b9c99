"""Drive a terminal app in a real pseudo-terminal and time what appears on its screen.

The app is spawned on the slave side of a pty of a fixed size (TIOCSWINSZ) with
TERM=xterm-256color; we read the master side, strip escape sequences and look for a
known piece of text. Times are wall-clock from just before the spawn (start-up) or just
before a key is written (keystroke) to the read that completed the text. The text found
is searched in the stripped output received *after* that moment, so an earlier frame
cannot satisfy a later wait.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Sequence
from dataclasses import dataclass

COLUMNS, LINES = 120, 40
# CSI ... final byte, OSC ... BEL/ST, two-byte ESC sequences, DCS/APC strings.
_ANSI = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]"
    rb"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"
    rb"|\x1b[PX^_][^\x1b]*\x1b\\"
    rb"|\x1b[@-Z\\-_]"
    rb"|\x1b[()][0-9A-Za-z]"
)


def strip(raw: bytes) -> str:
    return _ANSI.sub(b"", raw).decode("utf-8", "replace")


class Timeout(Exception):
    pass


@dataclass
class Spawned:
    process: subprocess.Popen[bytes]
    master: int
    started: float


class TerminalApp:
    """One app process on a pty. Use as a context manager; it is killed on exit."""

    def __init__(self, argv: Sequence[str], env: dict[str, str] | None = None,
                 columns: int = COLUMNS, lines: int = LINES) -> None:
        self.argv = list(argv)
        self.env = {**os.environ, **(env or {}), "TERM": "xterm-256color",
                    "COLUMNS": str(columns), "LINES": str(lines)}
        self.env.pop("TEXTUAL", None)
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        self.columns, self.lines = columns, lines
        self.buffer = b""  # raw output not yet consumed by a wait
        self.started = 0.0
        self.process: subprocess.Popen[bytes] | None = None
        self.master = -1

    def __enter__(self) -> TerminalApp:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ,
                    struct.pack("HHHH", self.lines, self.columns, 0, 0))
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            self.argv, stdin=slave, stdout=slave, stderr=slave, env=self.env,
            start_new_session=True, close_fds=True,
        )
        os.close(slave)
        self.master = master
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ---- reading -----------------------------------------------------------------------

    def _read(self, deadline: float) -> bytes:
        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            return b""
        ready, _, _ = select.select([self.master], [], [], remaining)
        if not ready:
            return b""
        try:
            return os.read(self.master, 1 << 16)
        except OSError:  # the app exited
            return b""

    def wait_for(self, text: str, since: float, timeout: float = 60.0) -> float:
        """Seconds from `since` until `text` appears in the output read from now on."""
        deadline = time.perf_counter() + timeout
        seen = b""
        while True:
            chunk = self._read(deadline)
            now = time.perf_counter()
            if not chunk:
                if now >= deadline or (self.process and self.process.poll() is not None):
                    tail = strip(seen)[-600:]
                    raise Timeout(f"{text!r} did not appear within {timeout:.0f}s "
                                  f"({self.argv[-1]}); last output: {tail!r}")
                continue
            seen += chunk
            self._answer_queries(chunk)
            # escape sequences may straddle reads: strip the whole tail each time
            if text in strip(seen[-262_144:]):
                return now - since

    def settle(self, quiet: float = 0.25, timeout: float = 30.0) -> None:
        """Read until the app has written nothing for `quiet` seconds."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            chunk = self._read(min(deadline, time.perf_counter() + quiet))
            if not chunk:
                return
            self._answer_queries(chunk)

    def _answer_queries(self, chunk: bytes) -> None:
        # Textual asks the terminal about a few features; a real terminal answers or
        # ignores. We ignore, as many terminals do; nothing needs answering.
        return

    # ---- writing -----------------------------------------------------------------------

    def type(self, keys: str) -> float:
        """Write keys; returns the moment just before the write."""
        moment = time.perf_counter()
        os.write(self.master, keys.encode())
        return moment

    # ---- ending ------------------------------------------------------------------------

    def peak_rss_bytes(self) -> int:
        """The process's high-water resident set (VmHWM), while it is still running."""
        assert self.process is not None
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
        return 0

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait()
        if self.master >= 0:
            os.close(self.master)
            self.master = -1
