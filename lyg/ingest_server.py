"""`python -m lyg ingest serve`: POST /incidents with a JSON array, per-record results in the reply.

Starlette and uvicorn come with Streamlit. A request needs `Authorization: Bearer TOKEN` (a token from
`python -m lyg user ingest-token`, kept hashed); bodies over MAX_BODY bytes and more than MAX_RECORDS records are refused
before parsing, and each token may make RATE requests per second (a burst of BURST), so one sender cannot starve the
readers on the same machine.
"""
from __future__ import annotations

import json
import threading
import time
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from lyg import live
from lyg.auth import accounts
from lyg.db import Database

MAX_BODY = 5_000_000
MAX_RECORDS = 10_000
RATE, BURST = 20.0, 40  # requests per second per token


class Bucket:
    """A token bucket: `rate` requests a second, up to `burst` at once."""

    def __init__(self, rate: float = RATE, burst: int = BURST):
        self.rate, self.burst, self.tokens, self.at = rate, burst, float(burst), time.monotonic()
        self.lock = threading.Lock()

    def take(self) -> bool:
        with self.lock:
            now = time.monotonic()
            self.tokens = min(self.burst, self.tokens + (now - self.at) * self.rate)
            self.at = now
            if self.tokens < 1:
                return False
            self.tokens -= 1
            return True


def app(db_path: Path, users_file: Path, bucket: Bucket | None = None) -> Starlette:
    db, bucket = Database(db_path), bucket or Bucket()

    async def incidents(request: Request) -> JSONResponse:
        token = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        if not accounts.ingest_token_ok(users_file, token):
            return JSONResponse({"error": "需要有效的接入令牌（Authorization: Bearer …）"}, status_code=401)
        if not bucket.take():
            return JSONResponse({"error": "请求过于频繁，请稍后重试"}, status_code=429, headers={"Retry-After": "1"})
        if int(request.headers.get("content-length") or 0) > MAX_BODY:
            return JSONResponse({"error": f"请求体超过 {MAX_BODY:,} 字节"}, status_code=413)
        body = await request.body()
        if len(body) > MAX_BODY:
            return JSONResponse({"error": f"请求体超过 {MAX_BODY:,} 字节"}, status_code=413)
        try:
            records = json.loads(body)
        except ValueError:
            return JSONResponse({"error": "请求体应为 JSON 数组"}, status_code=400)
        if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
            return JSONResponse({"error": "请求体应为由对象组成的 JSON 数组"}, status_code=400)
        if len(records) > MAX_RECORDS:
            return JSONResponse({"error": f"一次最多 {MAX_RECORDS:,} 条"}, status_code=413)
        report = live.ingest(db, records, "POST /incidents")
        return JSONResponse(report.as_json())

    async def health(request: Request) -> JSONResponse:
        return JSONResponse({"ok": True})

    return Starlette(routes=[Route("/incidents", incidents, methods=["POST"]), Route("/health", health)])


def serve(db_path: Path, users_file: Path, port: int, host: str = "127.0.0.1") -> None:
    import uvicorn
    uvicorn.run(app(db_path, users_file), host=host, port=port, log_level="warning")
