"""The coordinator's desk (issue 12): `create_app` builds it, `serve` runs it."""

from mailbot.web.server import DeskServer, serve

__all__ = ["DeskServer", "serve"]
