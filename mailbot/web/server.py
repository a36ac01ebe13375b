"""Serving the desk with uvicorn: in the foreground (`mailbot web`) or in a thread of
the daemon (`mailbot run` with `[web] enabled = true`)."""

from __future__ import annotations

import logging
import threading
from datetime import date

import uvicorn

from mailbot.app import App

log = logging.getLogger(__name__)


def _config(
    mailbot: App, host: str | None, port: int | None, day: date | None = None
) -> uvicorn.Config:
    from mailbot.web.app import create_app

    web = mailbot.settings.web
    allowed = ",".join(web.forwarded_allow_ips)
    return uvicorn.Config(
        create_app(mailbot, day=day),
        host=host or web.host,
        port=port or web.port,
        # Behind a TLS proxy: believe X-Forwarded-For/-Proto from the proxy only.
        proxy_headers=bool(allowed),
        forwarded_allow_ips=allowed or "",
        server_header=False,
        log_config=None,  # mailbot's logging (with its redaction) is already set up
        access_log=False,
        lifespan="off",
    )


def serve(
    mailbot: App, host: str | None = None, port: int | None = None, day: date | None = None
) -> None:
    """Run the desk until SIGTERM or Ctrl-C."""
    server = uvicorn.Server(_config(mailbot, host, port, day))
    server.run()


class DeskServer:
    """The desk in a thread beside the daemon's work."""

    def __init__(self, mailbot: App) -> None:
        self.server = uvicorn.Server(_config(mailbot, None, None))
        self.thread = threading.Thread(target=self.server.run, name="desk", daemon=True)

    def start(self) -> None:
        web = self.server.config
        log.info("the desk: http://%s:%d/", web.host, web.port)
        self.thread.start()

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
