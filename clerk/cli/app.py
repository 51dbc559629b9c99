"""Opening the app from the command line: the register locked for as long as it is open."""

from __future__ import annotations

from clerk.cli.common import Context


def open_app(ctx: Context) -> None:
    from clerk.domain.council import load_profile
    from clerk.paths import default_council_path
    from clerk.store.register import Register
    from clerk.tui.factory import make_app

    create = not ctx.path.exists()
    council = load_profile(default_council_path()) if create else None
    register = Register.open(ctx.path, write=True, create=create, council=council)
    try:
        make_app(register).run()
    finally:
        register.close()
