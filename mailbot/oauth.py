"""OAuth2 access tokens for IMAP and SMTP, and the SASL XOAUTH2 strings that carry them.

Microsoft 365 no longer accepts passwords for IMAP/SMTP on most tenants, so mailbot signs
in to the shared mailbox *as an application* ("app-only", the OAuth2 client credentials
grant): it proves its identity to Microsoft Entra ID with a client secret or, better, a
certificate, receives a short-lived access token, and hands that token to the mail server
in a SASL XOAUTH2 exchange.  No person's account or refresh token is involved.

Everything that touches a secret lives here so that the rest of mailbot only ever sees
:class:`TokenProvider`, whose :meth:`~TokenProvider.token` returns a string that is good
for at least a few minutes.  The operator-facing guide is ``docs/microsoft365.md``.

Secret hygiene: operators see our exception messages and a daemon's tracebacks end up in
logs (typer/rich even print local variables), so secrets (client secret, private key,
key password, access tokens) are kept in :class:`_Secret` wrappers whose ``repr`` is
redacted, are only unwrapped inside call expressions (never bound to a local name), and
exceptions raised by msal are replaced (``from None``) by our own redacted messages, so
that msal's frames, whose locals do hold the credential, are not printed.
"""

from __future__ import annotations

import base64
import logging
import math
import re
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Protocol, runtime_checkable
from urllib.parse import urlsplit

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12

from mailbot.errors import AuthError, ConfigError, TransientAuthError
from mailbot.redact import REDACTOR

__all__ = [
    "DEFAULT_AUTHORITY_HOST",
    "EXCHANGE_ONLINE_SCOPE",
    "M365AppOnlyTokenProvider",
    "TokenProvider",
    "TransientAuthError",
    "xoauth2_b64",
    "xoauth2_string",
]

log = logging.getLogger(__name__)

DEFAULT_AUTHORITY_HOST: Final = "https://login.microsoftonline.com"
#: The Exchange Online resource with ``/.default``: "every application permission the
#: admin consented to" (IMAP.AccessAsApp, SMTP.SendAsApp).  Client credentials cannot ask
#: for individual scopes, and this is the value Microsoft documents for IMAP/POP/SMTP.
EXCHANGE_ONLINE_SCOPE: Final = "https://outlook.office365.com/.default"

# msal's own HTTP timeout defaults to None (wait forever).  A hung request would hold our
# lock and stall every mailbox operation, so the default factory bounds it.
_HTTP_TIMEOUT_SECONDS: Final = 30.0
# If a refresh fails because the login service is unreachable, the old token is still
# handed out while it has at least this much life left (enough to log in with it).
_MIN_USABLE_SECONDS: Final = 60.0
# Used only if a token response lacks a usable ``expires_in`` (Entra always sends one).
_FALLBACK_LIFETIME_SECONDS: Final = 600.0
# msal >= 1.35 computes the SHA-256 thumbprint itself from ``public_certificate`` and signs
# the client assertion with PS256/x5t#S256; older versions only take a SHA-1 thumbprint.
_MSAL_SHA256_THUMBPRINT_VERSION: Final = (1, 35)
# OAuth2 error codes (RFC 6749 5.2) that say "try again later" rather than "you are wrong".
_TRANSIENT_OAUTH_ERRORS: Final = frozenset({"temporarily_unavailable", "server_error"})
_NON_TENANTS: Final = frozenset({"common", "organizations", "consumers"})

# Short operator hints for the Entra ID (AADSTS) codes people actually run into here.
_AADSTS_HINTS: Final[Mapping[int, str]] = {
    90002: "the tenant does not exist; check [oauth2] tenant (domain or directory GUID)",
    500011: "Exchange Online is not known in this tenant; check the tenant and the scope",
    700016: "no application with this client_id in this tenant; check [oauth2] client_id "
    "and tenant",
    700024: "the signed client assertion is outside its validity window; check the clock "
    "of this host (NTP)",
    700027: "the certificate is not registered on the app; upload its public part under "
    "Certificates & secrets",
    7000215: "wrong client secret; use the secret's Value, not its Secret ID",
    7000222: "the client secret has expired; create a new one and update the secret file",
}


@runtime_checkable
class TokenProvider(Protocol):
    """Source of OAuth2 bearer tokens for one mailbox login.

    Contract, so that IMAP/SMTP code can call :meth:`token` before every login without
    thinking about expiry:

    * returns an access token that is valid right now and for a while longer; the provider
      caches and refreshes it itself (before it expires, not after a failed login);
    * is safe to call from several threads at once (one refresh, not a stampede);
    * raises :class:`~mailbot.errors.AuthError` (possibly :class:`TransientAuthError`)
      when no token can be had; the message is fit for an operator and holds no secret.
    """

    def token(self) -> str:
        """Return a currently valid access token (see the class docstring)."""
        ...


class _Secret:
    """A string that will not print itself: ``repr``/``str`` are redacted.

    Protects against the usual leaks (log lines formatting an object, ``repr`` of a
    containing object, tracebacks that show locals), not against someone with a debugger.
    """

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        """The secret itself; call it inside the expression that needs it, never store it."""
        return self._value

    def __repr__(self) -> str:
        return "<redacted>"

    __str__ = __repr__


@dataclass(frozen=True, repr=False)
class _Credential:
    """How we prove the app's identity to Entra ID, in the form msal wants it.

    ``description`` is safe to show; everything secret is a :class:`_Secret`.
    """

    description: str
    client_secret: _Secret | None = None
    private_key_pem: _Secret | None = None
    certificate_pem: str | None = None
    sha1_thumbprint: str | None = None
    extra_secrets: tuple[_Secret, ...] = ()

    def for_msal(self) -> str | dict[str, str]:
        """The ``client_credential`` argument for ``msal.ConfidentialClientApplication``."""
        if self.client_secret is not None:
            return self.client_secret.reveal()
        assert self.private_key_pem is not None
        if self.certificate_pem is not None and _msal_computes_sha256_thumbprint():
            # Preferred: msal derives the SHA-256 thumbprint (x5t#S256, PS256) itself.
            return {
                "private_key": self.private_key_pem.reveal(),
                "public_certificate": self.certificate_pem,
            }
        # Older msal, or a key file without its certificate: the SHA-1 thumbprint form,
        # which msal documents as deprecated but Entra ID still accepts.
        assert self.sha1_thumbprint is not None
        return {"private_key": self.private_key_pem.reveal(), "thumbprint": self.sha1_thumbprint}

    def secret_values(self) -> list[str]:
        """Every secret string, so that messages can be scrubbed of them."""
        wrapped = [self.client_secret, self.private_key_pem, *self.extra_secrets]
        return [w.reveal() for w in wrapped if w is not None and w.reveal()]

    def __repr__(self) -> str:
        return f"<credential: {self.description}>"


@dataclass(frozen=True)
class _CachedToken:
    token: _Secret
    expires_at: float
    refresh_at: float


def _msal_version() -> tuple[int, ...]:
    import msal

    parts: list[int] = []
    for piece in str(getattr(msal, "__version__", "0")).split(".")[:3]:
        digits = re.match(r"\d+", piece)
        parts.append(int(digits.group()) if digits else 0)
    return tuple(parts)


def _msal_computes_sha256_thumbprint() -> bool:
    return _msal_version() >= _MSAL_SHA256_THUMBPRINT_VERSION


def _default_app_factory(client_id: str, *, authority: str, client_credential: Any) -> Any:
    """Build the real msal application.

    Note that msal contacts the authority already here (OpenID discovery of the tenant),
    which is why the provider creates the app lazily, inside its error handling.
    """
    import msal  # only for Microsoft 365 (19 MB of memory everywhere else)

    return msal.ConfidentialClientApplication(
        client_id,
        authority=authority,
        client_credential=client_credential,
        timeout=_HTTP_TIMEOUT_SECONDS,
    )


class M365AppOnlyTokenProvider:
    """App-only (client credentials) tokens for Exchange Online IMAP/SMTP, via msal.

    Give exactly one credential: ``client_secret``, or ``certificate_path`` (preferred:
    nothing reusable travels over the wire and it cannot be pasted into the wrong field).
    The certificate file is PEM holding the RSA private key and, ideally, the certificate
    (then the thumbprint is computed and ``certificate_thumbprint`` is only a cross-check);
    a PKCS#12 (.pfx/.p12) file is accepted too.  ``certificate_password`` decrypts an
    encrypted key.  The file is read once, here, so mistakes surface at start-up as
    :class:`~mailbot.errors.ConfigError`; replacing the file needs a restart.

    Tokens are cached until ``refresh_margin`` seconds before they expire.  msal keeps its
    own cache and would hand back the same token until about 5 minutes before expiry, so
    when a refresh returns the token we already had (or one inside our margin) we clear
    msal's app-token cache (``remove_tokens_for_client``, msal's documented way; its
    ``acquire_token_for_client`` refuses ``force_refresh``) and ask again.

    ``clock`` and ``app_factory`` exist for tests: the factory is called as
    ``app_factory(client_id, authority=..., client_credential=...)`` and must return an
    object with msal's ``acquire_token_for_client(scopes=...)`` and
    ``remove_tokens_for_client()``.
    """

    def __init__(
        self,
        tenant: str,
        client_id: str,
        *,
        client_secret: str | None = None,
        certificate_path: Path | None = None,
        certificate_thumbprint: str | None = None,
        certificate_password: str | None = None,
        authority_host: str = DEFAULT_AUTHORITY_HOST,
        scopes: Sequence[str] = (EXCHANGE_ONLINE_SCOPE,),
        refresh_margin: float = 300.0,
        clock: Callable[[], float] = time.time,
        app_factory: Callable[..., Any] | None = None,
    ) -> None:
        self._tenant = _check_tenant(tenant)
        self._client_id = client_id.strip()
        if not self._client_id:
            raise ConfigError("oauth2: client_id is empty (the app's Application (client) ID)")
        self._authority_host, self._login_host = _check_authority_host(authority_host)
        self._authority = f"{self._authority_host}/{self._tenant}"
        self._scopes = _check_scopes(scopes)
        if not (math.isfinite(refresh_margin) and refresh_margin >= 0):
            raise ConfigError(f"oauth2: refresh_margin must be >= 0 seconds, not {refresh_margin}")
        self._refresh_margin = float(refresh_margin)
        self._credential = _make_credential(
            client_secret=client_secret,
            certificate_path=certificate_path,
            certificate_thumbprint=certificate_thumbprint,
            certificate_password=certificate_password,
        )
        self._clock = clock
        self._app_factory: Callable[..., Any] = app_factory or _default_app_factory
        self._lock = threading.Lock()
        self._app: Any = None
        self._cached: _CachedToken | None = None

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(tenant={self._tenant!r}, client_id={self._client_id!r}, "
            f"credential={self._credential.description!r})"
        )

    @property
    def authority(self) -> str:
        """The Entra ID authority URL the tokens come from (for logs and diagnostics)."""
        return self._authority

    def token(self) -> str:
        """Return a valid access token, from the cache or freshly acquired.

        Raises :class:`TransientAuthError` if the login service is unreachable and no
        usable cached token is left, :class:`AuthError` if Entra ID refuses.
        """
        with self._lock:
            now = self._clock()
            cached = self._cached
            if cached is not None and now < cached.refresh_at:
                return cached.token.reveal()
            try:
                fresh = self._acquire_fresh(now, previous=cached)
            except TransientAuthError as exc:
                if cached is not None and now < cached.expires_at - _MIN_USABLE_SECONDS:
                    log.warning(
                        "could not refresh the access token early, using the current one "
                        "(valid for %.0f more seconds): %s",
                        cached.expires_at - now,
                        exc,
                    )
                    return cached.token.reveal()
                raise
            self._cached = fresh
            return fresh.token.reveal()

    # -- internals (all called with the lock held) ------------------------------------

    def _acquire_fresh(self, now: float, *, previous: _CachedToken | None) -> _CachedToken:
        result = self._request_token()
        if self._is_stale(result, previous):
            log.debug("msal returned its cached token inside our refresh margin; forcing a new one")
            self._drop_msal_cache()
            result = self._request_token()
        lifetime = _lifetime(result.get("expires_in"))
        if lifetime is None:
            log.warning(
                "token response has no usable expires_in; assuming %.0f s",
                _FALLBACK_LIFETIME_SECONDS,
            )
            lifetime = _FALLBACK_LIFETIME_SECONDS
        margin = self._refresh_margin
        if lifetime <= margin:
            # Refreshing "margin seconds before expiry" would mean refreshing on every call.
            log.warning(
                "access token lifetime %.0f s is not longer than refresh_margin %.0f s; "
                "refreshing at half its lifetime instead",
                lifetime,
                margin,
            )
            margin = lifetime / 2
        log.info("acquired an access token from %s, valid for %.0f s", self._login_host, lifetime)
        REDACTOR.add(str(result["access_token"]))  # masked in every log line from now on
        return _CachedToken(
            token=_Secret(str(result["access_token"])),
            expires_at=now + lifetime,
            refresh_at=now + lifetime - margin,
        )

    def _is_stale(self, result: Mapping[str, Any], previous: _CachedToken | None) -> bool:
        """Did msal answer from its own cache with a token we consider too old?"""
        if previous is not None and result["access_token"] == previous.token.reveal():
            return True
        if result.get("token_source") == "identity_provider":
            return False  # msal says it is brand new; nothing fresher can be had.
        lifetime = _lifetime(result.get("expires_in"))
        return lifetime is not None and lifetime <= self._refresh_margin

    def _drop_msal_cache(self) -> None:
        remove = getattr(self._app, "remove_tokens_for_client", None)
        try:
            if callable(remove):
                # Note: msal may look up the authority's aliases online here (once per app).
                remove()
                return
        except Exception as exc:
            log.debug("remove_tokens_for_client failed (%s); building a new msal app", exc)
        # A new application starts with an empty cache; errors building it are reported
        # by _get_app like any other.
        self._app = None

    def _get_app(self) -> Any:
        if self._app is None:
            try:
                self._app = self._app_factory(
                    self._client_id,
                    authority=self._authority,
                    client_credential=self._credential.for_msal(),
                )
            except Exception as exc:
                if _is_transient(exc):
                    raise TransientAuthError(
                        f"could not reach {self._login_host}: {self._describe(exc)}"
                    ) from None
                raise AuthError(
                    f"could not set up the Microsoft identity client for tenant "
                    f"{self._tenant!r} at {self._login_host}: {self._describe(exc)}"
                ) from None
        return self._app

    def _request_token(self) -> Mapping[str, Any]:
        app = self._get_app()
        try:
            result = app.acquire_token_for_client(scopes=list(self._scopes))
        except Exception as exc:
            if _is_transient(exc):
                raise TransientAuthError(
                    f"could not reach {self._login_host}: {self._describe(exc)}"
                ) from None
            raise AuthError(
                f"token request to {self._login_host} failed: {self._describe(exc)}"
            ) from None
        if not isinstance(result, Mapping):
            raise AuthError(f"token request to {self._login_host} returned no result")
        if not result.get("access_token"):
            raise self._error_from_result(result)
        return result

    def _error_from_result(self, result: Mapping[str, Any]) -> AuthError:
        error = str(result.get("error") or "no_access_token")
        description = " ".join(str(result.get("error_description") or "").split())
        correlation_id = str(result.get("correlation_id") or "")
        message = f"Microsoft Entra ID refused the token request: {error}"
        if description:
            message += f": {description}"
        if correlation_id and correlation_id not in description:
            message += f" (correlation id {correlation_id})"
        for code in _aadsts_codes(result, description):
            hint = _AADSTS_HINTS.get(code)
            if hint:
                message += f". Hint: {hint}"
                break
        message = self._redact(message)
        if error in _TRANSIENT_OAUTH_ERRORS:
            return TransientAuthError(message)
        return AuthError(message)

    def _describe(self, exc: BaseException) -> str:
        text = " ".join(str(exc).split()) or "(no details)"
        return self._redact(f"{type(exc).__name__}: {text}")

    def _redact(self, text: str) -> str:
        for value in self._credential.secret_values():
            text = text.replace(value, "<redacted>")
        return _PEM_PRIVATE_KEY.sub("<redacted private key>", text)


_PEM_PRIVATE_KEY: Final = re.compile(
    r"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?-----END [A-Z ]*PRIVATE KEY-----", re.DOTALL
)


def _is_transient(exc: BaseException) -> bool:
    """Could retrying later help?  Network failures and 5xx/429 answers, yes.

    requests' exceptions are OSErrors; msal reports HTTP 5xx (and 429) of its throttled
    client as ``MsalServiceError("HTTP Error: 503")``.
    """
    if isinstance(exc, OSError):
        return True
    from msal.exceptions import MsalServiceError  # only for Microsoft 365

    if isinstance(exc, MsalServiceError):
        status = re.search(r"HTTP Error: (\d{3})", str(exc))
        return status is not None and (status.group(1).startswith("5") or status.group(1) == "429")
    return False


def _lifetime(expires_in: object) -> float | None:
    """Seconds a token lives, from a token response's ``expires_in`` (None if unusable)."""
    if isinstance(expires_in, bool) or not isinstance(expires_in, int | float | str):
        return None
    try:
        seconds = float(expires_in)
    except ValueError:
        return None
    return max(seconds, 0.0) if math.isfinite(seconds) else None


def _aadsts_codes(result: Mapping[str, Any], description: str) -> list[int]:
    codes = [c for c in result.get("error_codes") or () if isinstance(c, int)]
    codes += [int(m) for m in re.findall(r"AADSTS(\d+)", description)]
    return codes


def _check_tenant(tenant: str) -> str:
    tenant = tenant.strip()
    if not tenant or "/" in tenant or any(ch.isspace() for ch in tenant):
        raise ConfigError(
            f"oauth2: tenant {tenant!r} is not a tenant; use the directory (tenant) ID GUID "
            "or a domain such as contoso.onmicrosoft.com"
        )
    if tenant.lower() in _NON_TENANTS:
        raise ConfigError(
            f"oauth2: tenant {tenant!r} cannot be used for app-only sign-in; use your own "
            "tenant's directory (tenant) ID or domain"
        )
    return tenant


def _check_authority_host(authority_host: str) -> tuple[str, str]:
    host = authority_host.strip().rstrip("/")
    parts = urlsplit(host)
    if parts.scheme != "https" or not parts.hostname or parts.path not in ("", "/"):
        raise ConfigError(
            f"oauth2: authority_host must be an https URL without a path, such as "
            f"{DEFAULT_AUTHORITY_HOST}, not {authority_host!r}"
        )
    return host, parts.hostname


def _check_scopes(scopes: Sequence[str]) -> tuple[str, ...]:
    # A bare string is a Sequence[str] too; treat it as one scope, not as its characters.
    checked = (scopes,) if isinstance(scopes, str) else tuple(scopes)
    if not checked or not all(isinstance(s, str) and s.strip() for s in checked):
        raise ConfigError(f"oauth2: scopes must be non-empty strings, not {scopes!r}")
    return tuple(s.strip() for s in checked)


def _make_credential(
    *,
    client_secret: str | None,
    certificate_path: Path | None,
    certificate_thumbprint: str | None,
    certificate_password: str | None,
) -> _Credential:
    if client_secret is not None and certificate_path is not None:
        raise ConfigError(
            "oauth2: give either a client secret or a certificate, not both "
            "(remove client_secret_file / MAILBOT_OAUTH2__CLIENT_SECRET or certificate_file)"
        )
    if client_secret is not None:
        if certificate_thumbprint is not None or certificate_password is not None:
            raise ConfigError(
                "oauth2: certificate_thumbprint/certificate_password only apply to a certificate"
            )
        # Strip: secret files usually end with a newline, which Entra would reject.
        secret = client_secret.strip()
        if not secret:
            raise ConfigError("oauth2: the client secret is empty")
        return _Credential(description="client secret", client_secret=_Secret(secret))
    if certificate_path is not None:
        return _load_certificate(
            Path(certificate_path), certificate_thumbprint, certificate_password
        )
    raise ConfigError(
        "oauth2: no credential configured; set client_secret_file (or the environment "
        "variable MAILBOT_OAUTH2__CLIENT_SECRET) or certificate_file (preferred)"
    )


def _load_certificate(path: Path, thumbprint: str | None, password: str | None) -> _Credential:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"oauth2: cannot read certificate file {path}: {exc.strerror}") from None
    password_bytes = password.encode("utf-8") if password else None
    key: object
    certificates: list[x509.Certificate]
    if b"-----BEGIN" in data:
        try:
            key = serialization.load_pem_private_key(data, password_bytes)
        except TypeError:  # cryptography: password missing, or given for a plain key
            if password_bytes is None:
                raise ConfigError(
                    f"oauth2: the private key in {path} is encrypted; set certificate_password"
                ) from None
            raise ConfigError(
                f"oauth2: certificate_password is set but the private key in {path} is not "
                "encrypted"
            ) from None
        except ValueError:
            raise ConfigError(
                f"oauth2: no usable private key in {path} (or a wrong certificate_password); "
                "the file must hold the PEM private key and the certificate"
            ) from None
        try:
            certificates = x509.load_pem_x509_certificates(data)
        except ValueError:
            certificates = []
    else:
        try:
            loaded_key, leaf, extra = pkcs12.load_key_and_certificates(data, password_bytes)
        except ValueError:
            raise ConfigError(
                f"oauth2: {path} is neither PEM nor a PKCS#12 file it can open "
                "(wrong certificate_password?)"
            ) from None
        if loaded_key is None:
            raise ConfigError(f"oauth2: the PKCS#12 file {path} holds no private key")
        key = loaded_key
        certificates = ([leaf] if leaf is not None else []) + list(extra)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ConfigError(
            f"oauth2: the private key in {path} is not an RSA key; Entra ID certificate "
            "credentials need RSA"
        )
    private_key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode("ascii")
    public_key = _spki(key.public_key())
    matching = [c for c in certificates if _spki(c.public_key()) == public_key]
    if certificates and not matching:
        raise ConfigError(f"oauth2: no certificate in {path} belongs to its private key")
    given = _normalise_thumbprint(thumbprint) if thumbprint is not None else None
    extra_secrets = (_Secret(password),) if password else ()
    if matching:
        certificate = matching[0]
        # SHA-1 here is an identifier (what the Entra portal shows), not a security measure.
        sha1 = certificate.fingerprint(hashes.SHA1()).hex().upper()
        sha256 = certificate.fingerprint(hashes.SHA256()).hex().upper()
        if given is not None and given not in (sha1, sha256):
            raise ConfigError(
                f"oauth2: certificate_thumbprint {thumbprint!r} does not match the certificate "
                f"in {path} (its SHA-1 thumbprint is {sha1})"
            )
        return _Credential(
            description=f"certificate {path} (thumbprint {sha1})",
            private_key_pem=_Secret(private_key_pem),
            certificate_pem=certificate.public_bytes(serialization.Encoding.PEM).decode("ascii"),
            sha1_thumbprint=sha1,
            extra_secrets=extra_secrets,
        )
    if given is None or len(given) != 40:
        raise ConfigError(
            f"oauth2: {path} holds a private key but no certificate; add the certificate to "
            "the file or set certificate_thumbprint to its SHA-1 thumbprint (the 'Thumbprint' "
            "shown under Certificates & secrets)"
        )
    return _Credential(
        description=f"certificate key {path} (thumbprint {given})",
        private_key_pem=_Secret(private_key_pem),
        sha1_thumbprint=given,
        extra_secrets=extra_secrets,
    )


def _spki(public_key: Any) -> bytes:
    return bytes(
        public_key.public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )


def _normalise_thumbprint(thumbprint: str) -> str:
    cleaned = re.sub(r"[\s:]", "", thumbprint).upper()
    if not re.fullmatch(r"[0-9A-F]{40}|[0-9A-F]{64}", cleaned):
        raise ConfigError(
            f"oauth2: certificate_thumbprint {thumbprint!r} is not a hex SHA-1 (40 digits) "
            "or SHA-256 (64 digits) thumbprint"
        )
    return cleaned


def xoauth2_string(user: str, token: str) -> str:
    """The SASL XOAUTH2 initial client response, *not* base64-encoded.

    ``"user=" + user + "\\x01auth=Bearer " + token + "\\x01\\x01"``.  For a Microsoft 365
    shared mailbox with an app-only token, ``user`` is the shared mailbox's address.

    You rarely need the raw form: imapclient's ``IMAPClient.oauth2_login(user, token)``
    builds exactly this string itself (and imaplib base64-encodes it), so IMAP code should
    pass the token, not this string.  SMTP ``AUTH XOAUTH2`` wants it base64-encoded; see
    :func:`xoauth2_b64`.  The raw form is here for that, and for tools and libraries that
    do their own encoding.
    """
    if "\x01" in user or "\x01" in token:
        raise ValueError("XOAUTH2 user and token must not contain \\x01")
    return f"user={user}\x01auth=Bearer {token}\x01\x01"


def xoauth2_b64(user: str, token: str) -> str:
    """:func:`xoauth2_string` base64-encoded, as SMTP ``AUTH XOAUTH2 <arg>`` expects.

    With aiosmtplib: ``await smtp.execute_command(b"AUTH", b"XOAUTH2",
    xoauth2_b64(user, token).encode("ascii"))`` and expect reply code 235.  Recent
    aiosmtplib releases (5.x) also offer ``SMTP.auth_xoauth2(user, token)`` and an
    ``oauth_token_generator`` argument that encode it themselves; older ones (3.x/4.x,
    which mailbot's ``aiosmtplib>=3.0`` still allows) do not.
    """
    encoded = base64.b64encode(xoauth2_string(user, token).encode("utf-8")).decode("ascii")
    REDACTOR.add(encoded)
    return encoded
