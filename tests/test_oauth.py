"""Unit tests for mailbot.oauth.

Most tests inject a fake msal application through ``app_factory`` (a unit test of one
module; the fake mimics only ``acquire_token_for_client`` / ``remove_tokens_for_client``).
The ``real msal`` tests construct the genuine ``msal.ConfidentialClientApplication`` and
replace only the HTTP layer (``requests.Session.request``) with an in-process stand-in for
login.microsoftonline.com, so they need no network and check the exact credential msal
puts on the wire.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jwt
import msal
import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from mailbot import oauth
from mailbot.errors import AuthError, ConfigError
from mailbot.oauth import (
    M365AppOnlyTokenProvider,
    TokenProvider,
    TransientAuthError,
    xoauth2_b64,
    xoauth2_string,
)

TENANT = "contoso.onmicrosoft.com"
TENANT_GUID = "11111111-2222-3333-4444-555555555555"
CLIENT_ID = "00000000-0000-0000-0000-000000000001"
SECRET = "s3cr3t~VALUE.that-must-never-show_up"
SCOPE = "https://outlook.office365.com/.default"


# --- helpers -------------------------------------------------------------------------


class Clock:
    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


class FakeApp:
    """Stands in for msal.ConfidentialClientApplication: returns scripted results."""

    def __init__(self, results: list[Any]) -> None:
        self.results = list(results)
        self.acquire_calls: list[list[str]] = []
        self.remove_calls = 0

    def acquire_token_for_client(self, *, scopes: list[str]) -> Any:
        self.acquire_calls.append(scopes)
        result = self.results.pop(0)
        if isinstance(result, BaseException):
            raise result
        return result

    def remove_tokens_for_client(self) -> None:
        self.remove_calls += 1


class Factory:
    """Records how the provider builds its msal application."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls.append((args, kwargs))
        if isinstance(self.app, BaseException):
            raise self.app
        return self.app


def ok(token: str, expires_in: int = 3600, **extra: Any) -> dict[str, Any]:
    return {"access_token": token, "token_type": "Bearer", "expires_in": expires_in, **extra}


def provider(
    app: Any, clock: Clock | None = None, **kwargs: Any
) -> tuple[M365AppOnlyTokenProvider, Factory]:
    factory = Factory(app)
    kwargs.setdefault("client_secret", SECRET)
    p = M365AppOnlyTokenProvider(
        TENANT, CLIENT_ID, clock=clock or Clock(), app_factory=factory, **kwargs
    )
    return p, factory


def make_cert(key: Any = None, cn: str = "mailbot-test") -> tuple[Any, x509.Certificate]:
    key = key or rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=365))
        .sign(key, hashes.SHA256())
    )
    return key, cert


def key_pem(key: Any, password: bytes | None = None) -> bytes:
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(password)
        if password
        else serialization.NoEncryption()
    )
    return bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL, encryption
        )
    )


def cert_pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


@pytest.fixture(scope="module")
def rsa_pair() -> tuple[Any, x509.Certificate]:
    return make_cert()


@pytest.fixture
def pem_file(tmp_path: Path, rsa_pair: tuple[Any, x509.Certificate]) -> Path:
    key, cert = rsa_pair
    path = tmp_path / "mailbot.pem"
    path.write_bytes(key_pem(key) + cert_pem(cert))
    return path


# --- caching and refresh -------------------------------------------------------------


def test_token_is_cached_until_the_refresh_margin() -> None:
    clock = Clock()
    app = FakeApp([ok("tok-1", 3600)])
    p, factory = provider(app, clock)

    assert p.token() == "tok-1"
    clock.now += 3600 - 300 - 1  # one second before the margin starts
    assert p.token() == "tok-1"
    assert app.acquire_calls == [[SCOPE]]
    assert len(factory.calls) == 1


def test_token_is_refreshed_inside_the_margin_before_it_expires() -> None:
    clock = Clock()
    app = FakeApp([ok("tok-1", 3600), ok("tok-2", 3600, token_source="identity_provider")])
    p, _ = provider(app, clock, refresh_margin=600)

    assert p.token() == "tok-1"
    clock.now += 3600 - 600  # exactly at the margin: refresh, the old one is still valid
    assert p.token() == "tok-2"
    assert len(app.acquire_calls) == 2
    assert app.remove_calls == 0  # msal said the token is new; its cache was left alone
    clock.now += 3000 - 1
    assert p.token() == "tok-2"
    assert len(app.acquire_calls) == 2


class CachingFakeApp(FakeApp):
    """Mimics msal's own cache: serves its token until 5 minutes before expiry."""

    def __init__(self, clock: Clock, lifetime: int = 3600) -> None:
        super().__init__([])
        self.clock = clock
        self.lifetime = lifetime
        self.issued = 0
        self.cached: tuple[str, float] | None = None

    def acquire_token_for_client(self, *, scopes: list[str]) -> Any:
        self.acquire_calls.append(scopes)
        if self.cached is not None and self.cached[1] - self.clock.now >= 300:
            token, expires_at = self.cached
            return ok(token, int(expires_at - self.clock.now), token_source="cache")
        self.issued += 1
        self.cached = (f"tok-{self.issued}", self.clock.now + self.lifetime)
        return ok(self.cached[0], self.lifetime, token_source="identity_provider")

    def remove_tokens_for_client(self) -> None:
        super().remove_tokens_for_client()
        self.cached = None


def test_refresh_gets_past_msals_own_cache_when_our_margin_is_larger() -> None:
    clock = Clock()
    app = CachingFakeApp(clock)
    p, _ = provider(app, clock, refresh_margin=900)

    assert p.token() == "tok-1"
    clock.now += 3600 - 800  # inside our 900 s margin, outside msal's 300 s
    assert p.token() == "tok-2"
    assert app.remove_calls == 1
    assert app.issued == 2


def test_token_identical_to_the_old_one_forces_a_new_one_even_with_odd_expiry() -> None:
    # msal's clock and ours may disagree; the same token coming back is proof enough.
    clock = Clock()
    app = FakeApp([ok("tok-1", 3600), ok("tok-1", 3600), ok("tok-2", 3600)])
    p, _ = provider(app, clock)
    assert p.token() == "tok-1"
    clock.now += 3400
    assert p.token() == "tok-2"
    assert app.remove_calls == 1


def test_app_without_remove_tokens_for_client_is_rebuilt_for_a_fresh_cache() -> None:
    class OldApp:  # an msal without remove_tokens_for_client, always serving its cache
        def __init__(self, token: str) -> None:
            self.token = token

        def acquire_token_for_client(self, *, scopes: list[str]) -> Any:
            return ok(self.token, 3600)

    apps = iter([OldApp("tok-1"), OldApp("tok-2")])
    clock = Clock()
    p = M365AppOnlyTokenProvider(
        TENANT,
        CLIENT_ID,
        client_secret=SECRET,
        clock=clock,
        app_factory=lambda *a, **k: next(apps),
    )
    assert p.token() == "tok-1"
    clock.now += 3400
    assert p.token() == "tok-2"  # the first app served tok-1 again, so a new app was built


def test_failing_remove_tokens_for_client_falls_back_to_a_new_app() -> None:
    class BrokenRemove(FakeApp):
        def remove_tokens_for_client(self) -> None:
            raise requests.exceptions.ConnectionError("instance discovery failed")

    apps = iter([BrokenRemove([ok("tok-1"), ok("tok-1")]), FakeApp([ok("tok-2")])])
    clock = Clock()
    p = M365AppOnlyTokenProvider(
        TENANT, CLIENT_ID, client_secret=SECRET, clock=clock, app_factory=lambda *a, **k: next(apps)
    )
    assert p.token() == "tok-1"
    clock.now += 3400
    assert p.token() == "tok-2"


def test_short_lived_token_is_refreshed_at_half_life_not_on_every_call() -> None:
    clock = Clock()
    fresh = {"token_source": "identity_provider"}
    app = FakeApp([ok("tok-1", 200, **fresh), ok("tok-2", 200, **fresh)])
    p, _ = provider(app, clock, refresh_margin=300)
    assert p.token() == "tok-1"
    clock.now += 99
    assert p.token() == "tok-1"
    assert len(app.acquire_calls) == 1
    clock.now += 1
    assert p.token() == "tok-2"


def test_token_from_msal_cache_inside_the_margin_is_double_checked_once() -> None:
    app = FakeApp([ok("tok-1", 200, token_source="cache"), ok("tok-2", 3600)])
    p, _ = provider(app, refresh_margin=300)
    assert p.token() == "tok-2"
    assert app.remove_calls == 1


def test_missing_expires_in_uses_a_conservative_lifetime() -> None:
    clock = Clock()
    app = FakeApp([{"access_token": "tok-1"}, ok("tok-2", 3600)])
    p, _ = provider(app, clock)
    assert p.token() == "tok-1"
    clock.now += 300  # fallback lifetime 600 s minus the 300 s margin
    assert p.token() == "tok-2"


def test_transient_failure_during_early_refresh_keeps_the_still_valid_token() -> None:
    clock = Clock()
    app = FakeApp(
        [
            ok("tok-1", 3600),
            requests.exceptions.ConnectionError("connection reset"),
            requests.exceptions.ConnectionError("connection reset"),
        ]
    )
    p, _ = provider(app, clock)
    assert p.token() == "tok-1"
    clock.now += 3400  # 200 s left: refresh fails, old token still usable
    assert p.token() == "tok-1"
    clock.now += 150  # 50 s left: too little to log in with
    with pytest.raises(TransientAuthError):
        p.token()


def test_concurrent_callers_share_one_token_request() -> None:
    class SlowApp(FakeApp):
        def acquire_token_for_client(self, *, scopes: list[str]) -> Any:
            time.sleep(0.05)
            return super().acquire_token_for_client(scopes=scopes)

    app = SlowApp([ok("tok-1", 3600), ok("tok-extra", 3600)])
    p, factory = provider(app)
    results: list[str] = []
    threads = [threading.Thread(target=lambda: results.append(p.token())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == ["tok-1"] * 8
    assert len(app.acquire_calls) == 1
    assert len(factory.calls) == 1


def test_app_is_built_lazily_once_with_authority_and_secret() -> None:
    app = FakeApp([ok("tok-1")])
    p, factory = provider(app, client_secret=f"  {SECRET}\n")  # as read from a file
    assert factory.calls == []
    p.token()
    assert factory.calls == [
        (
            (CLIENT_ID,),
            {
                "authority": f"https://login.microsoftonline.com/{TENANT}",
                "client_credential": SECRET,
            },
        )
    ]
    assert p.authority == f"https://login.microsoftonline.com/{TENANT}"


def test_custom_authority_host_and_scopes() -> None:
    app = FakeApp([ok("tok-1")])
    p, factory = provider(
        app, authority_host="https://login.microsoftonline.us/", scopes="https://x/.default"
    )
    p.token()
    assert factory.calls[0][1]["authority"] == f"https://login.microsoftonline.us/{TENANT}"
    assert app.acquire_calls == [["https://x/.default"]]


def test_is_a_token_provider() -> None:
    p, _ = provider(FakeApp([]))
    assert isinstance(p, TokenProvider)


# --- errors --------------------------------------------------------------------------


def test_error_result_raises_auth_error_with_details_but_without_the_secret() -> None:
    result = {
        "error": "invalid_client",
        "error_description": (
            "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent "
            f"in the request is the client secret value ({SECRET}).\r\n"
            "Trace ID: t-1\r\nCorrelation ID: c-9\r\nTimestamp: 2026-01-01 00:00:00Z"
        ),
        "error_codes": [7000215],
        "correlation_id": "c-9",
    }
    p, _ = provider(FakeApp([result]))
    with pytest.raises(AuthError) as info:
        p.token()
    message = str(info.value)
    assert not isinstance(info.value, TransientAuthError)
    assert "invalid_client" in message
    assert "AADSTS7000215: Invalid client secret provided" in message
    assert "c-9" in message
    assert "Value, not its Secret ID" in message  # the hint
    assert SECRET not in message
    assert "\r" not in message and "\n" not in message


def test_error_result_adds_correlation_id_and_hint_for_unknown_app() -> None:
    result = {
        "error": "unauthorized_client",
        "error_description": "AADSTS700016: Application with identifier 'x' was not found",
        "correlation_id": "corr-42",
    }
    p, _ = provider(FakeApp([result]))
    with pytest.raises(AuthError, match=r"AADSTS700016.*corr-42.*client_id"):
        p.token()


def test_transient_oauth_error_code_is_a_transient_auth_error() -> None:
    p, _ = provider(FakeApp([{"error": "temporarily_unavailable"}]))
    with pytest.raises(TransientAuthError, match="temporarily_unavailable"):
        p.token()


def test_network_exception_from_msal_becomes_transient_auth_error() -> None:
    p, _ = provider(FakeApp([requests.exceptions.ConnectTimeout("timed out")]))
    with pytest.raises(TransientAuthError) as info:
        p.token()
    assert str(info.value).startswith("could not reach login.microsoftonline.com: ")
    assert "ConnectTimeout: timed out" in str(info.value)
    assert isinstance(info.value, AuthError)
    # msal's frames (whose locals hold the credential) are not chained into tracebacks.
    assert info.value.__cause__ is None and info.value.__suppress_context__


def test_other_exception_from_msal_becomes_auth_error_with_secret_redacted() -> None:
    p, _ = provider(FakeApp([ValueError(f"bad credential {SECRET}")]))
    with pytest.raises(AuthError) as info:
        p.token()
    assert not isinstance(info.value, TransientAuthError)
    assert "ValueError: bad credential <redacted>" in str(info.value)
    assert SECRET not in str(info.value)


def test_non_mapping_result_is_an_auth_error() -> None:
    p, _ = provider(FakeApp([None]))
    with pytest.raises(AuthError, match="returned no result"):
        p.token()


def test_failing_app_construction_is_reported_and_retried() -> None:
    factory_errors: list[Any] = [OSError("name resolution failed"), ValueError("no tenant")]
    app = FakeApp([ok("tok-1")])

    def factory(*args: Any, **kwargs: Any) -> Any:
        if factory_errors:
            raise factory_errors.pop(0)
        return app

    p = M365AppOnlyTokenProvider(TENANT, CLIENT_ID, client_secret=SECRET, app_factory=factory)
    with pytest.raises(TransientAuthError, match=r"could not reach login\.microsoftonline\.com"):
        p.token()
    with pytest.raises(AuthError, match=r"tenant 'contoso.onmicrosoft.com'.*no tenant"):
        p.token()
    assert p.token() == "tok-1"


# --- configuration -------------------------------------------------------------------


def test_neither_secret_nor_certificate_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="no credential configured"):
        M365AppOnlyTokenProvider(TENANT, CLIENT_ID)


def test_both_secret_and_certificate_is_a_config_error(pem_file: Path) -> None:
    with pytest.raises(ConfigError, match="not both"):
        M365AppOnlyTokenProvider(TENANT, CLIENT_ID, client_secret=SECRET, certificate_path=pem_file)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"client_secret": " \n"}, "client secret is empty"),
        ({"client_secret": SECRET, "certificate_thumbprint": "AB" * 20}, "only apply"),
        ({"client_secret": SECRET, "certificate_password": "pw"}, "only apply"),
        ({"client_secret": SECRET, "refresh_margin": -1.0}, "refresh_margin"),
        ({"client_secret": SECRET, "refresh_margin": float("nan")}, "refresh_margin"),
        ({"client_secret": SECRET, "authority_host": "http://login.example"}, "https"),
        ({"client_secret": SECRET, "authority_host": "https://h/tenant"}, "without a path"),
        ({"client_secret": SECRET, "scopes": ()}, "scopes"),
        ({"client_secret": SECRET, "scopes": ("",)}, "scopes"),
    ],
)
def test_invalid_settings_are_config_errors(kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(ConfigError, match=match) as info:
        M365AppOnlyTokenProvider(TENANT, CLIENT_ID, **kwargs)
    assert SECRET not in str(info.value)


@pytest.mark.parametrize("tenant", ["", "common", "Organizations", "a/b", "con toso"])
def test_unusable_tenants_are_config_errors(tenant: str) -> None:
    with pytest.raises(ConfigError, match="tenant"):
        M365AppOnlyTokenProvider(tenant, CLIENT_ID, client_secret=SECRET)


def test_empty_client_id_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="client_id"):
        M365AppOnlyTokenProvider(TENANT, " ", client_secret=SECRET)


# --- secrets stay hidden -------------------------------------------------------------


def test_repr_and_state_do_not_reveal_secret_or_token() -> None:
    p, _ = provider(FakeApp([ok("the-access-token")]))
    p.token()
    shown = [repr(p), str(p), repr(vars(p)), f"{p!r} {p}"]
    for text in shown:
        assert SECRET not in text
        assert "the-access-token" not in text
    assert "client secret" in repr(p)
    assert TENANT in repr(p) and CLIENT_ID in repr(p)


def test_certificate_provider_repr_hides_key_and_password(tmp_path: Path) -> None:
    key, cert = make_cert()
    path = tmp_path / "enc.pem"
    path.write_bytes(key_pem(key, b"hunter2-password") + cert_pem(cert))
    p = M365AppOnlyTokenProvider(
        TENANT, CLIENT_ID, certificate_path=path, certificate_password="hunter2-password"
    )
    text = repr(p) + repr(vars(p))
    assert "hunter2-password" not in text
    assert "PRIVATE KEY" not in text
    assert cert.fingerprint(hashes.SHA1()).hex().upper() in repr(p)


# --- certificates --------------------------------------------------------------------


def sha1_hex(cert: x509.Certificate) -> str:
    return hashlib.sha1(cert.public_bytes(serialization.Encoding.DER)).hexdigest().upper()


def credential_passed(path: Path, **kwargs: Any) -> Any:
    app = FakeApp([ok("tok")])
    p, factory = provider(app, client_secret=None, certificate_path=path, **kwargs)
    p.token()
    return factory.calls[0][1]["client_credential"]


def assert_is_key_of(private_key_pem: str, cert: x509.Certificate) -> None:
    loaded = serialization.load_pem_private_key(private_key_pem.encode(), None)
    assert isinstance(loaded, rsa.RSAPrivateKey)
    assert loaded.public_key().public_numbers() == cert.public_key().public_numbers()  # type: ignore[union-attr]


def test_certificate_with_current_msal_passes_public_certificate(
    pem_file: Path, rsa_pair: tuple[Any, x509.Certificate], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(oauth, "_msal_version", lambda: (1, 39, 0))
    _, cert = rsa_pair
    credential = credential_passed(pem_file)
    assert set(credential) == {"private_key", "public_certificate"}
    assert credential["public_certificate"] == cert_pem(cert).decode()
    assert_is_key_of(credential["private_key"], cert)


def test_certificate_with_old_msal_passes_computed_sha1_thumbprint(
    pem_file: Path, rsa_pair: tuple[Any, x509.Certificate], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(oauth, "_msal_version", lambda: (1, 28, 0))
    _, cert = rsa_pair
    credential = credential_passed(pem_file)
    assert set(credential) == {"private_key", "thumbprint"}
    assert credential["thumbprint"] == sha1_hex(cert)
    assert len(credential["thumbprint"]) == 40
    assert_is_key_of(credential["private_key"], cert)


def test_matching_thumbprint_in_any_format_is_accepted(
    pem_file: Path, rsa_pair: tuple[Any, x509.Certificate]
) -> None:
    _, cert = rsa_pair
    sha1 = sha1_hex(cert)
    colon_lower = ":".join(sha1[i : i + 2] for i in range(0, 40, 2)).lower()
    sha256 = cert.fingerprint(hashes.SHA256()).hex()
    for given in (sha1, colon_lower, sha256):
        M365AppOnlyTokenProvider(
            TENANT, CLIENT_ID, certificate_path=pem_file, certificate_thumbprint=given
        )


def test_wrong_thumbprint_is_a_config_error(pem_file: Path) -> None:
    with pytest.raises(ConfigError, match="does not match"):
        M365AppOnlyTokenProvider(
            TENANT, CLIENT_ID, certificate_path=pem_file, certificate_thumbprint="AB" * 20
        )
    with pytest.raises(ConfigError, match="not a hex"):
        M365AppOnlyTokenProvider(
            TENANT, CLIENT_ID, certificate_path=pem_file, certificate_thumbprint="xyz"
        )


def test_key_only_file_needs_a_sha1_thumbprint(
    tmp_path: Path, rsa_pair: tuple[Any, x509.Certificate]
) -> None:
    key, cert = rsa_pair
    path = tmp_path / "key.pem"
    path.write_bytes(key_pem(key))
    with pytest.raises(ConfigError, match="no certificate"):
        M365AppOnlyTokenProvider(TENANT, CLIENT_ID, certificate_path=path)
    credential = credential_passed(path, certificate_thumbprint=sha1_hex(cert).lower())
    assert credential["thumbprint"] == sha1_hex(cert)
    assert "public_certificate" not in credential


def test_certificate_of_another_key_is_a_config_error(tmp_path: Path) -> None:
    key, _ = make_cert()
    _, other_cert = make_cert()
    path = tmp_path / "mixed.pem"
    path.write_bytes(key_pem(key) + cert_pem(other_cert))
    with pytest.raises(ConfigError, match="belongs to its private key"):
        M365AppOnlyTokenProvider(TENANT, CLIENT_ID, certificate_path=path)


def test_chain_file_picks_the_certificate_of_the_key(
    tmp_path: Path, rsa_pair: tuple[Any, x509.Certificate]
) -> None:
    key, cert = rsa_pair
    _, intermediate = make_cert(cn="some CA")
    path = tmp_path / "chain.pem"
    path.write_bytes(cert_pem(intermediate) + key_pem(key) + cert_pem(cert))
    M365AppOnlyTokenProvider(
        TENANT, CLIENT_ID, certificate_path=path, certificate_thumbprint=sha1_hex(cert)
    )


def test_encrypted_key_needs_the_password(tmp_path: Path) -> None:
    key, cert = make_cert()
    path = tmp_path / "enc.pem"
    path.write_bytes(key_pem(key, b"pw-123") + cert_pem(cert))
    with pytest.raises(ConfigError, match="encrypted; set certificate_password"):
        M365AppOnlyTokenProvider(TENANT, CLIENT_ID, certificate_path=path)
    with pytest.raises(ConfigError, match="wrong certificate_password"):
        M365AppOnlyTokenProvider(
            TENANT, CLIENT_ID, certificate_path=path, certificate_password="nope"
        )
    credential = credential_passed(path, certificate_password="pw-123")
    assert_is_key_of(credential["private_key"], cert)  # handed to msal decrypted


def test_password_for_unencrypted_key_is_a_config_error(pem_file: Path) -> None:
    with pytest.raises(ConfigError, match="not encrypted"):
        M365AppOnlyTokenProvider(
            TENANT, CLIENT_ID, certificate_path=pem_file, certificate_password="pw"
        )


def test_pkcs12_file_is_accepted(
    tmp_path: Path, rsa_pair: tuple[Any, x509.Certificate], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(oauth, "_msal_version", lambda: (1, 28, 0))
    key, cert = rsa_pair
    path = tmp_path / "mailbot.pfx"
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"mailbot", key, cert, None, serialization.BestAvailableEncryption(b"pfx-pw")
        )
    )
    credential = credential_passed(path, certificate_password="pfx-pw")
    assert credential["thumbprint"] == sha1_hex(cert)
    assert_is_key_of(credential["private_key"], cert)


def test_unreadable_or_unusable_certificate_files_are_config_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read certificate file"):
        M365AppOnlyTokenProvider(TENANT, CLIENT_ID, certificate_path=tmp_path / "missing.pem")
    garbage = tmp_path / "garbage.bin"
    garbage.write_bytes(b"\x00not a certificate")
    with pytest.raises(ConfigError, match="neither PEM nor a PKCS#12"):
        M365AppOnlyTokenProvider(TENANT, CLIENT_ID, certificate_path=garbage)
    cert_only = tmp_path / "cert-only.pem"
    cert_only.write_bytes(cert_pem(make_cert()[1]))
    with pytest.raises(ConfigError, match="no usable private key"):
        M365AppOnlyTokenProvider(TENANT, CLIENT_ID, certificate_path=cert_only)


def test_non_rsa_key_is_a_config_error(tmp_path: Path) -> None:
    key, cert = make_cert(ec.generate_private_key(ec.SECP256R1()))
    path = tmp_path / "ec.pem"
    path.write_bytes(key_pem(key) + cert_pem(cert))
    with pytest.raises(ConfigError, match="not an RSA key"):
        M365AppOnlyTokenProvider(TENANT, CLIENT_ID, certificate_path=path)


# --- the real msal, with only its HTTP layer replaced --------------------------------


class FakeLogin:
    """In-process stand-in for login.microsoftonline.com, installed under msal's session."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str, dict[str, Any]]] = []
        self.token_responses: list[tuple[int, dict[str, Any]]] = []
        self.discovery_status = 200
        self.fail: BaseException | None = None
        self.issued = 0

    @property
    def token_endpoint(self) -> str:
        return f"https://login.microsoftonline.com/{TENANT_GUID}/oauth2/v2.0/token"

    def __call__(self, session: Any, method: str, url: str, **kwargs: Any) -> requests.Response:
        self.requests.append((method, url, kwargs))
        if self.fail is not None:
            raise self.fail
        path = urlsplit(url).path
        if method == "GET" and url == "https://login.microsoftonline.com/common/discovery/instance":
            # msal asks for the authority's aliases when it clears or misses its cache.
            aliases = ["login.microsoftonline.com", "login.windows.net", "sts.windows.net"]
            return self._response(200, {"api-version": "1.1", "metadata": [{"aliases": aliases}]})
        if method == "GET" and path == f"/{TENANT}/v2.0/.well-known/openid-configuration":
            base = f"https://login.microsoftonline.com/{TENANT_GUID}"
            return self._response(
                self.discovery_status,
                {
                    "issuer": f"{base}/v2.0",
                    "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                    "token_endpoint": self.token_endpoint,
                    "device_authorization_endpoint": f"{base}/oauth2/v2.0/devicecode",
                }
                if self.discovery_status == 200
                else {"error": "invalid_tenant"},
            )
        if method == "POST" and url == self.token_endpoint:
            if self.token_responses:
                return self._response(*self.token_responses.pop(0))
            self.issued += 1
            return self._response(
                200,
                {"token_type": "Bearer", "expires_in": 3599, "access_token": f"real-{self.issued}"},
            )
        raise AssertionError(f"unexpected request {method} {url}")

    @staticmethod
    def _response(status: int, body: dict[str, Any]) -> requests.Response:
        response = requests.Response()
        response.status_code = status
        response._content = json.dumps(body).encode()
        response.encoding = "utf-8"
        response.headers["Content-Type"] = "application/json"
        return response

    def posts(self) -> list[dict[str, Any]]:
        return [kw for method, _, kw in self.requests if method == "POST"]


@pytest.fixture
def login(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeLogin]:
    fake = FakeLogin()

    def request(session: requests.Session, method: str, url: str, **kwargs: Any) -> Any:
        return fake(session, method, url, **kwargs)

    monkeypatch.setattr(requests.Session, "request", request)
    yield fake


def test_real_msal_app_is_built_lazily_with_authority_and_secret(login: FakeLogin) -> None:
    p = M365AppOnlyTokenProvider(TENANT, CLIENT_ID, client_secret=SECRET)
    assert login.requests == []  # nothing on the wire until a token is wanted

    assert p.token() == "real-1"
    app = p._app
    assert isinstance(app, msal.ConfidentialClientApplication)
    assert app.client_id == CLIENT_ID
    assert app.authority.token_endpoint == login.token_endpoint
    method, url, kwargs = login.requests[0]
    assert (method, url) == (
        "GET",
        f"https://login.microsoftonline.com/{TENANT}/v2.0/.well-known/openid-configuration",
    )
    assert kwargs["timeout"] == oauth._HTTP_TIMEOUT_SECONDS
    (post,) = login.posts()
    assert post["data"]["grant_type"] == "client_credentials"
    assert post["data"]["client_id"] == CLIENT_ID
    assert post["data"]["client_secret"] == SECRET
    assert post["data"]["scope"].split() == [SCOPE]


def test_real_msal_signs_a_client_assertion_with_the_certificate(
    login: FakeLogin, pem_file: Path, rsa_pair: tuple[Any, x509.Certificate]
) -> None:
    _, cert = rsa_pair
    p = M365AppOnlyTokenProvider(TENANT, CLIENT_ID, certificate_path=pem_file)
    assert p.token() == "real-1"
    (post,) = login.posts()
    data = post["data"]
    assert "client_secret" not in data
    assert data["client_assertion_type"] == (
        "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
    )
    assertion = data["client_assertion"]
    header = jwt.get_unverified_header(assertion)
    der = cert.public_bytes(serialization.Encoding.DER)
    if oauth._msal_computes_sha256_thumbprint():
        assert header["alg"] == "PS256"
        assert header["x5t#S256"].rstrip("=") == base64.urlsafe_b64encode(
            hashlib.sha256(der).digest()
        ).decode().rstrip("=")
    else:
        assert header["alg"] == "RS256"
        assert base64.urlsafe_b64decode(header["x5t"] + "==").hex().upper() == sha1_hex(cert)
    claims = jwt.decode(
        assertion,
        key=cert.public_key(),  # type: ignore[arg-type]
        algorithms=[header["alg"]],
        audience=login.token_endpoint,
    )
    assert claims["iss"] == claims["sub"] == CLIENT_ID


def test_real_msal_cache_is_bypassed_when_we_refresh(login: FakeLogin) -> None:
    clock = Clock(time.time())
    p = M365AppOnlyTokenProvider(TENANT, CLIENT_ID, client_secret=SECRET, clock=clock)
    assert p.token() == "real-1"
    clock.now += 3400  # our margin says refresh; msal (on the real clock) has it cached
    assert p.token() == "real-2"
    assert len(login.posts()) == 2
    # ... because msal's cache was cleared (remove_tokens_for_client looks up aliases).
    assert any(url.endswith("/common/discovery/instance") for _, url, _ in login.requests)


def test_real_msal_error_response_becomes_auth_error(login: FakeLogin) -> None:
    login.token_responses.append(
        (
            401,
            {
                "error": "invalid_client",
                "error_description": "AADSTS7000215: Invalid client secret provided. "
                "Trace ID: t Correlation ID: abc-123 Timestamp: 2026-01-01 00:00:00Z",
                "error_codes": [7000215],
                "correlation_id": "abc-123",
            },
        )
    )
    p = M365AppOnlyTokenProvider(TENANT, CLIENT_ID, client_secret=SECRET)
    with pytest.raises(AuthError) as info:
        p.token()
    assert not isinstance(info.value, TransientAuthError)
    assert "invalid_client" in str(info.value) and "abc-123" in str(info.value)
    assert SECRET not in str(info.value)


def test_real_msal_unreachable_login_host_is_transient(login: FakeLogin) -> None:
    login.fail = requests.exceptions.ConnectionError("Name or service not known")
    p = M365AppOnlyTokenProvider(TENANT, CLIENT_ID, client_secret=SECRET)
    with pytest.raises(TransientAuthError, match=r"could not reach login\.microsoftonline\.com"):
        p.token()


def test_real_msal_server_error_is_transient(login: FakeLogin) -> None:
    login.token_responses.append((503, {"error": "busy"}))
    p = M365AppOnlyTokenProvider(TENANT, CLIENT_ID, client_secret=SECRET)
    with pytest.raises(TransientAuthError, match="HTTP Error: 503"):
        p.token()


def test_real_msal_server_error_during_discovery_is_transient(login: FakeLogin) -> None:
    login.discovery_status = 502
    p = M365AppOnlyTokenProvider(TENANT, CLIENT_ID, client_secret=SECRET)
    with pytest.raises(TransientAuthError, match="HTTP Error: 502"):
        p.token()


def test_real_msal_unknown_tenant_is_auth_error(login: FakeLogin) -> None:
    login.discovery_status = 400
    p = M365AppOnlyTokenProvider(TENANT, CLIENT_ID, client_secret=SECRET)
    with pytest.raises(AuthError, match="could not set up") as info:
        p.token()
    assert not isinstance(info.value, TransientAuthError)
    assert "tenant" in str(info.value)


# --- XOAUTH2 -------------------------------------------------------------------------


def test_xoauth2_string_is_exact() -> None:
    assert (
        xoauth2_string("utbildning@skaraborg.se", "tok.en")
        == "user=utbildning@skaraborg.se\x01auth=Bearer tok.en\x01\x01"
    )


def test_xoauth2_b64_matches_microsofts_documented_example() -> None:
    # From "Authenticate an IMAP, POP or SMTP connection using OAuth" (Microsoft Learn).
    assert xoauth2_b64(
        "test@contoso.onmicrosoft.com", "EwBAAl3BAAUFFpUAo7J3Ve0bjLBWZWCclRC3EoAA"
    ) == (
        "dXNlcj10ZXN0QGNvbnRvc28ub25taWNyb3NvZnQuY29tAWF1dGg9QmVhcmVy"
        "IEV3QkFBbDNCQUFVRkZwVUFvN0ozVmUwYmpMQldaV0NjbFJDM0VvQUEBAQ=="
    )


def test_xoauth2_rejects_the_separator_in_fields() -> None:
    with pytest.raises(ValueError):
        xoauth2_string("a\x01b", "t")
    with pytest.raises(ValueError):
        xoauth2_b64("a", "t\x01")


def test_xoauth2_b64_agrees_with_aiosmtplib_when_it_has_an_encoder() -> None:
    auth = pytest.importorskip("aiosmtplib.auth")
    encode = getattr(auth, "auth_xoauth2_encode", None)
    if encode is None:
        pytest.skip("this aiosmtplib has no XOAUTH2 encoder")
    assert encode("u@example.se", "tok").decode() == xoauth2_b64("u@example.se", "tok")
