"""The coordinator's desk: a server-rendered web application in Swedish (Starlette,
the Jinja2 templates in templates/web/, no JavaScript at all).

Every handler reads through mailbot/desk.py and decides through review.py, the
outbox and desk.py: no query and no rule lives here. Security, in one place:

- every page but /login and /publicerat/... needs a login (a signed session cookie,
  HttpOnly, SameSite=Strict, ended after `web.session_idle_hours` without a request);
- every POST carries the session's CSRF token (`csrf` form field) or is refused (403);
- wrong passwords are counted per user name and per client address (`LoginThrottle`):
  after `web.login_attempts` the login answers 429 until the window has passed;
- every response carries a Content-Security-Policy without any script, framing
  refused, no referrer, no sniffing; mail text is escaped by Jinja2 (autoescape) and
  mail HTML is never rendered (its text only); files are downloads
  (`Content-Disposition: attachment`, a safe name), never shown inline.
"""

from __future__ import annotations

import hmac
import logging
import re
import secrets
import time
from collections.abc import Callable, Mapping
from datetime import date, datetime
from datetime import time as dtime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from starlette.applications import Starlette
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mailbot import desk, review, users
from mailbot.app import App
from mailbot.outbox.render import swedish_filters
from mailbot.redact import REDACTOR
from mailbot.registry.engine import STOCKHOLM
from mailbot.review import KINDS, Corrections, ReviewError
from mailbot.statedir import private_file
from mailbot.verdict import MemberRead, Verdict

log = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent / "static"
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-content-type-options", b"nosniff"),
    (b"cross-origin-opener-policy", b"same-origin"),
)
PUBLIC_PREFIXES = ("/login", "/publicerat", "/static/")
KIND_SV = {
    "member_list": "medlemsförteckning",
    "meeting_dates": "mötesdatum",
    "protocol": "protokoll",
    "agenda": "kallelse/dagordning",
    "report": "rapport",
}


def session_secret(app: App) -> str:
    """`web.secret`, else one generated once into <state>/web-secret (mode 0600)."""
    configured = app.settings.web.secret
    if configured is not None and configured.get_secret_value():
        return configured.get_secret_value()
    path = app.settings.state_dir / "web-secret"
    if not path.is_file() or not path.read_text(encoding="ascii").strip():
        private_file(path)
        path.write_text(secrets.token_urlsafe(48), encoding="ascii")
    secret = path.read_text(encoding="ascii").strip()
    REDACTOR.add(secret)
    return secret


class Guard:
    """Pure ASGI middleware: security headers on every response; the idle timeout; a
    login for every page but the public ones (a redirect to /login)."""

    def __init__(
        self,
        app: ASGIApp,
        idle_s: float,
        clock: Callable[[], float],
        known: Callable[[str], bool],
    ) -> None:
        self.app, self.idle_s, self.clock, self.known = app, idle_s, clock, known

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.lower() not in {name for name, _ in SECURITY_HEADERS}
                ]
                message["headers"] = headers + list(SECURITY_HEADERS)
                if not scope["path"].startswith(("/publicerat", "/static/")):
                    message["headers"].append((b"cache-control", b"no-store"))
            await send(message)

        session: dict[str, Any] = scope.get("session", {})
        now = self.clock()
        if session.get("user") and (
            now - float(session.get("seen", 0)) > self.idle_s or not self.known(session["user"])
        ):
            session.clear()  # idle too long, or the user was removed
        if session.get("user"):
            session["seen"] = now
        path: str = scope["path"]
        if not session.get("user") and not path.startswith(PUBLIC_PREFIXES):
            target = path if scope.get("method") == "GET" else "/"
            response = RedirectResponse(f"/login?next={quote(target)}", status_code=303)
            await response(scope, receive, with_headers)
            return
        await self.app(scope, receive, with_headers)


def create_app(
    mailbot: App, *, clock: Callable[[], float] = time.time, day: date | None = None
) -> Starlette:
    """The desk as an ASGI application; `day`: judge the networks as of that day
    (`mailbot web --today`, for a look back and for tests), else today in Sweden."""
    settings = mailbot.settings.web
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(mailbot.settings.templates_path / "web")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(swedish_filters())
    env.filters.update(
        slag=lambda kind: KIND_SV.get(kind, kind),
        roll=lambda role: desk.ROLE_SV.get(role, role),
        fas=lambda phase: desk.PHASE_SV.get(phase, phase),
        mejlstatus=lambda state: desk.MESSAGE_STATE_SV.get(state, state),
        utskickstatus=lambda state: desk.OUTBOX_STATE_SV.get(state, state),
        klockslag=lambda moment: moment.astimezone(STOCKHOLM).strftime("%Y-%m-%d %H.%M"),
        storlek=_size,
    )
    throttle = users.LoginThrottle(settings.login_attempts, settings.login_window_minutes * 60)
    names = {n.slug: n.name for n in mailbot.networks}

    def today() -> date:
        return day or datetime.fromtimestamp(clock(), STOCKHOLM).date()

    def page(
        request: Request, name: str, context: Mapping[str, Any], status: int = 200
    ) -> HTMLResponse:
        template = env.get_template(name)
        body = template.render(
            {
                "user": request.session.get("user"),
                "csrf": request.session.get("csrf", ""),
                "path": request.url.path,
                "names": names,
                "flash": request.session.pop("flash", None),
                **context,
            }
        )
        return HTMLResponse(body, status_code=status)

    def actor(request: Request) -> str:
        return f"{request.session['user']} (skrivbordet)"

    def done(request: Request, to: str, message: str) -> RedirectResponse:
        request.session["flash"] = message
        return RedirectResponse(to, status_code=303)

    async def form_of(request: Request) -> FormData:
        """The POST's form, after its CSRF token is checked (403 otherwise)."""
        length = int(request.headers.get("content-length") or 0)
        if length > mailbot.settings.web.max_form_bytes:
            raise HTTPException(413, "Formuläret är för stort.")
        form = await request.form(max_files=0, max_fields=2000)
        sent = str(form.get("csrf") or request.headers.get("x-csrf-token") or "")
        wanted = str(request.session.get("csrf") or "")
        if not wanted or not hmac.compare_digest(sent.encode(), wanted.encode()):
            raise HTTPException(403, "Formuläret saknar en giltig säkerhetskod (CSRF).")
        return form

    # -- login ---------------------------------------------------------------------

    async def login(request: Request) -> Response:
        wanted = request.query_params.get("next") or "/"
        if not wanted.startswith("/") or wanted.startswith("//"):
            wanted = "/"
        if request.method == "GET":
            request.session.setdefault("csrf", secrets.token_urlsafe(32))
            return page(request, "login.html", {"next": wanted, "error": None})
        form = await form_of(request)
        name = str(form.get("name") or "")[:100]
        password = str(form.get("password") or "")[:1000]
        client = request.client.host if request.client else "?"
        keys = (f"user:{name.lower()}", f"ip:{client}")
        wait = throttle.wait_s(*keys)
        if wait > 0:
            minutes = max(1, int(wait // 60) + 1)
            error = f"För många felaktiga försök. Försök igen om {minutes} minuter."
            log.warning("desk: login for %r from %s refused: too many attempts", name, client)
            return page(request, "login.html", {"next": wanted, "error": error}, 429)
        if not users.check_password(mailbot.engine, name, password):
            throttle.failed(*keys)
            log.warning("desk: wrong password for %r from %s", name, client)
            error = "Fel användarnamn eller lösenord."
            return page(request, "login.html", {"next": wanted, "error": error}, 401)
        throttle.succeeded(keys[0])
        request.session.clear()
        request.session.update(
            user=name, csrf=secrets.token_urlsafe(32), seen=clock(), flash=f"Välkommen, {name}."
        )
        log.info("desk: %s logged in from %s", name, client)
        return RedirectResponse(wanted, status_code=303)

    async def logout(request: Request) -> Response:
        await form_of(request)
        request.session.clear()
        return RedirectResponse("/login", status_code=303)

    # -- pages ---------------------------------------------------------------------

    async def overview(request: Request) -> Response:
        return page(request, "overview.html", {"o": desk.overview(mailbot, today())})

    async def network(request: Request) -> Response:
        slug = request.path_params["slug"]
        try:
            found = desk.network_page(mailbot, slug, today())
        except desk.DeskError as exc:
            raise HTTPException(404, exc.swedish) from None
        return page(request, "network.html", {"n": found})

    async def review_list(request: Request) -> Response:
        return page(
            request, "review_list.html", {"items": desk.review_queue(mailbot.engine, names)}
        )

    async def review_one(request: Request) -> Response:
        message_id = int(request.path_params["id"])
        try:
            found = desk.message_view(mailbot, message_id)
        except desk.DeskError as exc:
            raise HTTPException(404, exc.swedish) from None
        return page(
            request,
            "review.html",
            {"m": found, "v": found.verdict, "kinds": KINDS, "networks": mailbot.networks},
        )

    async def review_apply(request: Request) -> Response:
        message_id = int(request.path_params["id"])
        form = await form_of(request)
        try:
            corrections = _corrections(form, desk.verdict_of(mailbot.engine, message_id))
            outcome = review.apply(
                mailbot.engine,
                message_id,
                actor(request),
                corrections,
                networks=[n.slug for n in mailbot.networks],
            )
        except (ReviewError, desk.DeskError) as exc:
            return done(request, f"/granska/{message_id}", f"Inte registrerat: {exc.swedish}")
        log.info("desk: %s", outcome.sentence)
        return done(request, f"/granska/{message_id}", f"Mejl nr {message_id} är registrerat.")

    async def review_dismiss(request: Request) -> Response:
        message_id = int(request.path_params["id"])
        form = await form_of(request)
        reason = str(form.get("reason") or "").strip()[:500] or "avvisat på skrivbordet"
        try:
            review.dismiss(mailbot.engine, message_id, actor(request), reason)
        except ReviewError as exc:
            return done(request, f"/granska/{message_id}", f"Inte avvisat: {exc.swedish}")
        return done(request, "/granska", f"Mejl nr {message_id} är avvisat: {reason}.")

    async def review_revert(request: Request) -> Response:
        message_id = int(request.path_params["id"])
        form = await form_of(request)
        reason = str(form.get("reason") or "").strip()[:500] or "återställt på skrivbordet"
        try:
            outcome = review.revert(mailbot.engine, message_id, actor(request), reason)
        except ReviewError as exc:
            return done(request, f"/granska/{message_id}", f"Inte återställt: {exc.swedish}")
        extra = (
            f" {len(outcome.withdrawn)} planerade utskick återkallades."
            if outcome.withdrawn
            else ""
        )
        return done(
            request, f"/granska/{message_id}", f"Mejl nr {message_id} är återställt.{extra}"
        )

    async def file(request: Request) -> Response:
        message_id = int(request.path_params["id"])
        position = int(request.path_params["position"])
        return _download(mailbot, message_id, position, public=False)

    async def outbox(request: Request) -> Response:
        return page(
            request,
            "outbox.html",
            {"ob": desk.outbox_view(mailbot.engine), "networks": mailbot.networks},
        )

    async def outbox_retry(request: Request) -> Response:
        row_id = int(request.path_params["id"])
        await form_of(request)
        try:
            mailbot.outbox.retry(row_id, actor(request))
        except (LookupError, ValueError) as exc:
            log.info("desk: retry of %s refused: %s", row_id, exc)
            return done(request, "/utskick", f"Utskick nr {row_id} kan inte skickas om.")
        return done(request, "/utskick", f"Utskick nr {row_id} skickas igen vid nästa körning.")

    async def outbox_pause(request: Request) -> Response:
        form = await form_of(request)
        person = str(form.get("person") or "").strip()[:320] or None
        topic = str(form.get("topic") or "").strip()[:500] or None
        network_slug = str(form.get("network") or "").strip() or None
        if network_slug is not None and network_slug not in names:
            network_slug = None
        try:
            desk.pause(
                mailbot.engine,
                actor(request),
                network=network_slug,
                person=person,
                topic=topic,
                reason=str(form.get("reason") or ""),
            )
        except desk.DeskError as exc:
            return done(request, "/utskick", exc.swedish)
        what = person or topic or ""
        return done(request, "/utskick", f"Påminnelser pausade: {what}.")

    async def outbox_lift(request: Request) -> Response:
        pause_id = int(request.path_params["id"])
        await form_of(request)
        try:
            desk.lift_pause(mailbot.engine, pause_id, actor(request))
        except desk.DeskError as exc:
            return done(request, "/utskick", exc.swedish)
        return done(request, "/utskick", "Pausen är hävd.")

    async def publish(request: Request) -> Response:
        message_id = int(request.path_params["id"])
        position = int(request.path_params["position"])
        form = await form_of(request)
        back = str(form.get("back") or "/")
        back = back if back.startswith("/") and not back.startswith("//") else "/"
        try:
            if form.get("withdraw"):
                desk.withdraw(mailbot.engine, message_id, position, actor(request))
                return done(request, back, "Filen är inte längre publicerad.")
            line = desk.publish(mailbot, message_id, position, actor(request))
        except desk.DeskError as exc:
            return done(request, back, exc.swedish)
        return done(request, back, f"Publicerat på /publicerat/{line.network}.")

    # -- public --------------------------------------------------------------------

    async def public_index(request: Request) -> Response:
        lines = desk.published(mailbot.engine)
        return page(request, "published.html", {"lines": lines, "network": None})

    async def public_network(request: Request) -> Response:
        slug = request.path_params["slug"]
        if slug not in names:
            raise HTTPException(404, "Nätverket finns inte.")
        lines = desk.published(mailbot.engine, slug)
        return page(request, "published.html", {"lines": lines, "network": slug})

    async def public_feed(request: Request) -> Response:
        slug = request.path_params["slug"]
        if slug not in names:
            raise HTTPException(404, "Nätverket finns inte.")
        lines = desk.published(mailbot.engine, slug)
        base = mailbot.settings.web.public_url.rstrip("/") or str(request.base_url).rstrip("/")
        updated = max((line.published_at for line in lines), default=None)
        body = env.get_template("published.atom").render(
            lines=lines,
            network=slug,
            names=names,
            base=base,
            updated=(updated or datetime(2020, 1, 1, tzinfo=STOCKHOLM)).isoformat(),
        )
        return Response(body, media_type="application/atom+xml; charset=utf-8")

    async def public_file(request: Request) -> Response:
        message_id = int(request.path_params["id"])
        position = int(request.path_params["position"])
        return _download(mailbot, message_id, position, public=True)

    async def not_found(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        detail = exc.detail if isinstance(exc, HTTPException) else "Något gick fel."
        return page(request, "error.html", {"status": status, "detail": detail}, status)

    routes = [
        Route("/login", login, methods=["GET", "POST"]),
        Route("/logga-ut", logout, methods=["POST"]),
        Route("/", overview),
        Route("/natverk/{slug:str}", network),
        Route("/granska", review_list),
        Route("/granska/{id:int}", review_one),
        Route("/granska/{id:int}/registrera", review_apply, methods=["POST"]),
        Route("/granska/{id:int}/avvisa", review_dismiss, methods=["POST"]),
        Route("/granska/{id:int}/aterstall", review_revert, methods=["POST"]),
        Route("/mejl/{id:int}/fil/{position:int}", file),
        Route("/mejl/{id:int}/fil/{position:int}/publicera", publish, methods=["POST"]),
        Route("/utskick", outbox),
        Route("/utskick/{id:int}/skicka-igen", outbox_retry, methods=["POST"]),
        Route("/utskick/paus", outbox_pause, methods=["POST"]),
        Route("/utskick/paus/{id:int}/hav", outbox_lift, methods=["POST"]),
        Route("/publicerat", public_index),
        Route("/publicerat/{slug:str}", public_network),
        Route("/publicerat/{slug:str}/flode.atom", public_feed),
        Route("/publicerat/fil/{id:int}/{position:int}/{name:str}", public_file),
        Mount("/static", app=StaticFiles(directory=str(STATIC)), name="static"),
    ]
    idle_s = settings.session_idle_hours * 3600
    middleware = [
        Middleware(
            SessionMiddleware,
            secret_key=session_secret(mailbot),
            session_cookie="mailbot_desk",
            max_age=int(idle_s),
            same_site="strict",
            https_only=settings.secure_cookies,
        ),
        Middleware(
            Guard, idle_s=idle_s, clock=clock, known=lambda name: users.exists(mailbot.engine, name)
        ),
    ]
    return Starlette(
        routes=routes,
        middleware=middleware,
        exception_handlers={HTTPException: not_found, Exception: not_found},
    )


def _download(mailbot: App, message_id: int, position: int, *, public: bool) -> Response:
    try:
        found = desk.download(mailbot, message_id, position, public=public)
    except desk.DeskError as exc:
        raise HTTPException(404, exc.swedish) from None
    ascii_name = found.filename.encode("ascii", "replace").decode().replace("?", "_")
    disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(found.filename)}"
    return Response(
        found.data,
        media_type=found.content_type,
        headers={"Content-Disposition": disposition, "X-Download-Options": "noopen"},
    )


def _size(value: int) -> str:
    if value >= 1_048_576:
        return f"{value / 1_048_576:.1f} MB".replace(".", ",")
    if value >= 1024:
        return f"{value // 1024} kB"
    return f"{value} byte"


def _date(value: str, what: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise desk.DeskError(
            f"{what}: {value!r} is not a date", f"{what}: {value!r} är inget datum (ÅÅÅÅ-MM-DD)."
        ) from None


def _time(value: str) -> dtime | None:
    """'9', '9.00', '09:30' -> a time; '' -> None."""
    value = value.strip()
    if not value:
        return None
    found = re.fullmatch(r"(\d{1,2})(?:[:.](\d{2}))?", value)
    if found is None or int(found.group(1)) > 23 or int(found.group(2) or 0) > 59:
        raise desk.DeskError(f"{value!r} is not a time", f"{value!r} är ingen tid (TT.MM).")
    return dtime(int(found.group(1)), int(found.group(2) or 0))


def _corrections(form: FormData, read: Verdict) -> Corrections:
    """The apply form as corrections: the network and kinds, each meeting read (its
    date as it is, dropped or not, its time and place), a meeting added, the protocol's
    date and attendees, and the member list (one person a line)."""
    network = str(form.get("network") or "") or None
    kinds = tuple(str(k) for k in form.getlist("kind") if str(k) in KINDS) or None
    moved: list[tuple[date, date]] = []
    dropped: list[date] = []
    details: list[tuple[date, dtime | None, dtime | None, str | None]] = []
    for i in range(int(str(form.get("meetings") or 0))):
        as_read = str(form.get(f"read_{i}") or "")
        if not as_read:
            continue
        old = _date(as_read, "Mötesdatum")
        new = _date(str(form.get(f"date_{i}") or as_read), "Mötesdatum")
        if form.get(f"drop_{i}"):
            dropped.append(old)
            continue
        if new != old:
            moved.append((old, new))
        start = _time(str(form.get(f"start_{i}") or ""))
        end = _time(str(form.get(f"end_{i}") or ""))
        place = str(form.get(f"place_{i}") or "").strip()[:200] or None
        was = next((m for m in read.meetings if m.date == old), None)
        if was is None or (was.start, was.end, was.place) != (start, end, place):
            details.append((new, start, end, place))
    added = tuple(
        _date(v, "Ny träff") for v in str(form.get("add_meeting") or "").split() if v.strip()
    )
    protocol = str(form.get("protocol_date") or "").strip()
    attendees = _lines(str(form["attendees"])) if "attendees" in form else None
    if attendees is not None and read.protocol and list(attendees) == read.protocol.attendees:
        attendees = None  # as read
    members = _members(str(form["members"])) if "members" in form else None
    if members is not None and list(members) == read.members:
        members = None
    return Corrections(
        network=network,
        kinds=kinds,
        meeting_dates=tuple(moved),
        drop_meetings=tuple(dropped),
        add_meetings=added,
        protocol_date=_date(protocol, "Protokollets datum") if protocol else None,
        meeting_details=tuple(details),
        attendees=attendees,
        members=members,
    )


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip()[:200] for line in text.splitlines() if line.strip())[:500]


def _members(text: str) -> tuple[MemberRead, ...]:
    """'Namn; roll; kommun; e-post' a line (the order the page shows)."""
    roles = {v: k for k, v in desk.ROLE_SV.items()} | {k: k for k in desk.ROLE_SV}
    found = []
    for line in _lines(text):
        parts = [p.strip() for p in line.split(";")] + ["", "", ""]
        role = roles.get(parts[1].lower(), "ledamot")
        found.append(
            MemberRead(
                name=parts[0],
                role=role,
                municipality=parts[2] or None,
                email=parts[3].lower() or None,
            )
        )
    return tuple(found)
