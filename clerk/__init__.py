"""clerk: the register of executive decisions."""

__version__ = "0.1.0"
