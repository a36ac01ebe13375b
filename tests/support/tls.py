"""A throw-away CA and a server certificate for 127.0.0.1/localhost, for the test servers.

A separate CA (rather than one self-signed leaf) keeps the chain acceptable to strict
verifiers such as Python 3.13's default VERIFY_X509_STRICT. Uses the openssl CLI, which
every Dovecot installation pulls in, so no extra Python dependency.
"""

from __future__ import annotations

import secrets
import shutil
import subprocess
from pathlib import Path


def make_test_ca(directory: Path, ca_name: str = "mailbot test CA") -> Path:
    """Write ca.pem/ca.key and server.pem/server.key into `directory`; return ca.pem.

    Raises RuntimeError (with openssl's own message) when a certificate can't be made.
    """
    openssl = shutil.which("openssl")
    if openssl is None:
        raise RuntimeError("TLS tests need the openssl command line tool")
    directory.mkdir(parents=True, mode=0o700, exist_ok=True)
    ext = directory / "server-ext.cnf"
    ext.write_text(
        "basicConstraints = critical, CA:FALSE\n"
        "keyUsage = critical, digitalSignature\n"
        "extendedKeyUsage = serverAuth\n"
        "subjectAltName = IP:127.0.0.1, DNS:localhost\n"
        "subjectKeyIdentifier = hash\n"
        "authorityKeyIdentifier = keyid:always\n"
    )
    curve = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    d = directory
    commands = [
        [openssl, "req", "-x509", *curve, "-keyout", str(d / "ca.key"),
         "-out", str(d / "ca.pem"), "-days", "30", "-subj", f"/CN={ca_name}",
         "-addext", "basicConstraints=critical,CA:TRUE",
         "-addext", "keyUsage=critical,keyCertSign,cRLSign",
         "-addext", "subjectKeyIdentifier=hash"],
        [openssl, "req", "-new", *curve, "-keyout", str(d / "server.key"),
         "-out", str(d / "server.csr"), "-subj", "/CN=localhost"],
        [openssl, "x509", "-req", "-in", str(d / "server.csr"),
         "-CA", str(d / "ca.pem"), "-CAkey", str(d / "ca.key"),
         "-set_serial", str(secrets.randbits(63)), "-days", "30",
         "-extfile", str(ext), "-out", str(d / "server.pem")],
    ]  # fmt: skip
    for command in commands:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr}")
    return d / "ca.pem"
