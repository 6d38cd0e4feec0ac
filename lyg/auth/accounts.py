"""Local accounts in a JSON file outside the repository: bcrypt hashes, lock-out after repeated failures, the wall token.

The file holds no password and no token, only their hashes (bcrypt for passwords, SHA-256 for the long
random wall token, which is compared in constant time).
"""
from __future__ import annotations

import fcntl
import hashlib
import hmac
import json
import os
import secrets
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import bcrypt

from lyg.auth.roles import ROLE_PAGES
from lyg.i18n import Message

MAX_FAILURES = 5
LOCK_MINUTES = 15
MIN_PASSWORD = 10


class AuthError(ValueError):
    """A refusal with a message that is safe to show (it never contains the password or token); `message` renders
    in the reader's language, str() in Chinese."""

    def __init__(self, message):
        self.message = message
        super().__init__(str(message))


BCRYPT_ROUNDS = 12  # about 0.3 s per check here (the test suite lowers it for speed)
_DUMMY_HASH: dict[int, bytes] = {}


def _dummy_hash() -> bytes:
    """A hash at the accounts' own cost, so an unknown name takes as long as a known one."""
    if BCRYPT_ROUNDS not in _DUMMY_HASH:
        _DUMMY_HASH[BCRYPT_ROUNDS] = bcrypt.hashpw(secrets.token_bytes(16), bcrypt.gensalt(BCRYPT_ROUNDS))
    return _DUMMY_HASH[BCRYPT_ROUNDS]


@dataclass(frozen=True)
class Identity:
    name: str
    role: str
    demo: bool = False


@contextmanager
def _locked(path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"users": {}, "wall_token_sha256": None}
        try:
            yield data
        finally:  # a refused login is still counted
            tmp = path.with_name(path.name + ".tmp")
            tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
            os.chmod(tmp, 0o600)
            os.replace(tmp, path)


def add_user(path: Path, name: str, role: str, password: str) -> None:
    if role not in ROLE_PAGES or role == "wall":
        raise AuthError(f"角色应为 leader、analyst 或 admin，而不是 {role}")
    if len(password) < MIN_PASSWORD:
        raise AuthError(f"密码至少 {MIN_PASSWORD} 个字符")
    with _locked(path) as data:
        data["users"][name] = {"role": role, "hash": bcrypt.hashpw(password.encode(), bcrypt.gensalt(BCRYPT_ROUNDS)).decode(),
                               "failures": 0, "locked_until": None}


def unlock(path: Path, name: str) -> None:
    with _locked(path) as data:
        if name not in data["users"]:
            raise AuthError(f"没有用户 {name}")
        data["users"][name].update(failures=0, locked_until=None)


def verify(path: Path, name: str, password: str, now: datetime | None = None) -> Identity:
    """The user's identity, or AuthError; every failure counts toward the lock-out."""
    now = now or datetime.now()
    with _locked(path) as data:
        user = data["users"].get(name)
        if user is None:
            bcrypt.checkpw(password.encode(), _dummy_hash())  # the same time for unknown names: no guessing who exists
            raise AuthError(Message("auth.wrong"))
        if user["locked_until"] and now < datetime.fromisoformat(user["locked_until"]):
            raise AuthError(Message("auth.locked_until", n=MAX_FAILURES, until=user["locked_until"][11:16]))
        if not bcrypt.checkpw(password.encode(), user["hash"].encode()):
            user["failures"] += 1
            if user["failures"] >= MAX_FAILURES:
                user["locked_until"] = (now + timedelta(minutes=LOCK_MINUTES)).isoformat(timespec="seconds")
                user["failures"] = 0
                raise AuthError(Message("auth.locked_for", n=MAX_FAILURES, minutes=LOCK_MINUTES))
            raise AuthError(Message("auth.wrong"))
        user.update(failures=0, locked_until=None)
        return Identity(name, user["role"])


def new_wall_token(path: Path) -> str:
    """A new long random token (printed once); only its hash is kept. It grants the wall role only."""
    token = secrets.token_urlsafe(32)
    with _locked(path) as data:
        data["wall_token_sha256"] = hashlib.sha256(token.encode()).hexdigest()
    return token


def new_ingest_token(path: Path) -> str:
    """A new token for systems that post incidents (printed once, kept hashed); it grants ingest and nothing else."""
    token = secrets.token_urlsafe(32)
    with _locked(path) as data:
        data["ingest_token_sha256"] = hashlib.sha256(token.encode()).hexdigest()
    return token


def ingest_token_ok(path: Path, token: str) -> bool:
    stored = json.loads(path.read_text(encoding="utf-8")).get("ingest_token_sha256") if path.exists() else None
    given = hashlib.sha256((token or "").encode()).hexdigest()
    return bool(stored) and hmac.compare_digest(stored, given)


def verify_wall_token(path: Path, token: str) -> Identity:
    stored = json.loads(path.read_text(encoding="utf-8")).get("wall_token_sha256") if path.exists() else None
    given = hashlib.sha256((token or "").encode()).hexdigest()
    if not stored or not hmac.compare_digest(stored, given):
        raise AuthError(Message("auth.bad_token"))
    return Identity("大屏", "wall")


def role_of_email(path: Path, email: str) -> str | None:
    """For single sign-on: the role mapped to an e-mail address in the accounts file ("sso" section)."""
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8")).get("sso", {}).get(email)
