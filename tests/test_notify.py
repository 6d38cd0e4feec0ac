"""Notifications against a real HTTP receiver on loopback: delivery in the three formats, once per rule and subject,
a retry after a 500, a receiver that is down, DingTalk signing, and secrets kept out of the log and the terminal."""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import subprocess
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from lyg import alerts, notify
from lyg.config import PROJECT_ROOT as ROOT
from tests.browser import free_port

SECRET, TOKEN = "SECdingtalk-signing-secret", "robot-access-token-123"


class Receiver:
    """Records every POST; answers 500 to the first `failures` requests, then 200 with errcode 0."""

    def __init__(self, failures: int = 0):
        self.requests: list[tuple[str, dict]] = []
        self.failures = failures
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # the http.server hook
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                receiver.requests.append((self.path, body))
                failing = receiver.failures > 0
                receiver.failures -= 1
                reply = b'{"errcode":0,"errmsg":"ok"}'
                self.send_response(500 if failing else 200)
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def bodies(self, path: str) -> list[dict]:
        return [b for p, b in self.requests if urllib.parse.urlparse(p).path == path]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    r.close()


def _hooks(base: str) -> list[notify.Webhook]:
    return notify.hooks_from_settings((
        {"name": "cc", "kind": "json", "url": f"{base}/json"},
        {"name": "ding", "kind": "dingtalk", "url": f"{base}/ding?access_token={TOKEN}", "secret": SECRET},
        {"name": "wecom", "kind": "wecom", "url": f"{base}/wecom?key={TOKEN}"},
    ))


def _no_wait(seconds: float) -> None:
    pass


def test_each_alert_goes_once_to_every_webhook_in_its_format_with_a_link(db, receiver, tmp_path):
    found = alerts.all_alerts(db)
    log = notify.SentLog(tmp_path / "sent.jsonl")
    report = notify.notify_once(db, _hooks(receiver.base), log, "http://dashboard.example", sleep=_no_wait)
    assert report.sent == 3 * len(found) and not report.failed
    generic, ding, wecom = receiver.bodies("/json"), receiver.bodies("/ding"), receiver.bodies("/wecom")
    assert [b["text"] for b in generic] == [a.text for a in found]
    first = found[0]
    assert generic[0]["rule"] == first.rule and generic[0]["subject"] == first.subject
    assert generic[0]["link"] == notify.view_link("http://dashboard.example", first)
    assert generic[0]["link"].startswith(f"http://dashboard.example/{first.domain}")
    assert all(b["msgtype"] == "markdown" and b["markdown"]["title"].startswith("【") for b in ding)
    assert all(b["msgtype"] == "markdown" and "content" in b["markdown"] for b in wecom)
    assert first.text in ding[0]["markdown"]["text"] and "[查看详情](http://dashboard.example/" in wecom[0]["markdown"]["content"]
    if first.illustrative:  # a sample-based alert says so in the message itself
        assert "（示例）" in ding[0]["markdown"]["text"] and generic[0]["illustrative"] is True

    again = notify.notify_once(db, _hooks(receiver.base), log, "http://dashboard.example", sleep=_no_wait)
    assert again.sent == 0 and again.already == 3 * len(found)
    assert len(receiver.requests) == 3 * len(found)


def test_dingtalk_messages_are_signed_and_no_secret_reaches_the_log(db, receiver, tmp_path):
    log = notify.SentLog(tmp_path / "sent.jsonl")
    notify.notify_once(db, _hooks(receiver.base)[1:2], log, sleep=_no_wait)
    path = next(p for p, _ in receiver.requests)
    query = urllib.parse.parse_qs(urllib.parse.urlparse(path).query)
    timestamp = query["timestamp"][0]
    expected = base64.b64encode(hmac.new(SECRET.encode(), f"{timestamp}\n{SECRET}".encode(), hashlib.sha256).digest()).decode()
    assert query["sign"] == [expected] and query["access_token"] == [TOKEN]
    written = log.path.read_text(encoding="utf-8")
    assert SECRET not in written and TOKEN not in written and receiver.base not in written


def test_a_500_is_retried_with_backoff_then_delivered(receiver):
    receiver.failures = 2
    waits: list[float] = []
    outcome = notify.deliver(_hooks(receiver.base)[0], {"text": "测试"}, attempts=4, backoff=0.5, sleep=waits.append)
    assert outcome.ok and outcome.tries == 3 and waits == [0.5, 1.0]
    assert len(receiver.requests) == 3


def test_a_receiver_that_is_down_is_logged_as_failed_and_tried_again_next_run(db, tmp_path):
    port = free_port()  # nothing listens here
    hook = notify.hooks_from_settings(({"name": "cc", "kind": "json", "url": f"http://127.0.0.1:{port}/json"},))
    log = notify.SentLog(tmp_path / "sent.jsonl")
    waits: list[float] = []
    report = notify.notify_once(db, hook, log, attempts=3, backoff=0.1, sleep=waits.append)
    found = alerts.all_alerts(db)
    assert report.sent == 0 and len(report.failed) == len(found)
    assert all(not e["ok"] and e["tries"] == 3 for e in log.entries())
    later = Receiver()
    try:
        hook = notify.hooks_from_settings(({"name": "cc", "kind": "json", "url": f"{later.base}/json"},))
        assert notify.notify_once(db, hook, log, sleep=_no_wait).sent == len(found)  # failures are not remembered as sent
    finally:
        later.close()


def test_a_more_severe_alert_is_sent_again_a_milder_one_is_not(db, receiver, tmp_path):
    first = alerts.all_alerts(db)[0]
    log = notify.SentLog(tmp_path / "sent.jsonl")
    log.append({"webhook": "cc", "rule": first.rule, "subject": first.subject, "severity": first.severity + 1, "ok": True})
    notify.notify_once(db, _hooks(receiver.base)[:1], log, sleep=_no_wait)
    assert first.text in [b["text"] for b in receiver.bodies("/json")]  # escalated: sent again


def test_a_wrong_webhook_is_refused_by_name():
    with pytest.raises(notify.NotifyError, match="第 1 项（x）：kind"):
        notify.hooks_from_settings(({"name": "x", "kind": "slack", "url": "http://a"},))
    with pytest.raises(notify.NotifyError, match="各不相同"):
        notify.hooks_from_settings(({"name": "a", "url": "http://a"}, {"name": "a", "url": "http://b"}))


def test_the_command_sends_from_the_environment_settings_and_the_daily_brief_once(app_env, receiver, tmp_path):
    hooks = [{"name": "cc", "kind": "json", "url": f"{receiver.base}/json"},
             {"name": "ding", "kind": "dingtalk", "url": f"{receiver.base}/ding?access_token={TOKEN}", "secret": SECRET}]
    env = {**os.environ, "LYG_WEBHOOKS": json.dumps(hooks), "LYG_PUBLIC_URL": "http://dashboard.example"}
    command = [sys.executable, "-m", "lyg", "notify", "--brief", "--sent-log", str(tmp_path / "sent.jsonl")]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    first = json.loads(done.stdout.splitlines()[-1])
    assert first["sent"] > 2 and not first["failed"]
    assert SECRET not in done.stdout + done.stderr and TOKEN not in done.stdout + done.stderr
    briefs = [b for b in receiver.bodies("/json") if b.get("kind") == "brief"]
    assert len(briefs) == 1 and briefs[0]["file"]["name"].endswith(".docx") and base64.b64decode(briefs[0]["file"]["base64"])[:2] == b"PK"
    assert any("态势简报" in b["markdown"]["title"] for b in receiver.bodies("/ding"))
    again = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert json.loads(again.stdout.splitlines()[-1])["sent"] == 0
