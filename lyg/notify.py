"""Alerts that come to the reader: each new alert sent once to the configured webhooks (generic JSON, the DingTalk robot,
the WeCom robot), with a link to the view that explains it. Run by cron or a systemd timer, or in a loop.

An alert is identified by its rule and subject (an indicator, a department, a project, a zone and season …). It is sent
again only when it becomes more severe. What went where and when is appended to a sent-log (JSON Lines); the log names
the webhook, never its address or secret."""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from lyg.alerts import Alert, all_alerts
from lyg.db import Database
from lyg.i18n import ZH, Translator

KINDS = ("json", "dingtalk", "wecom")
VIEW_PATHS = {"overview": ""}  # a domain's page is served at /<domain>; the overview at the root


class NotifyError(ValueError):
    """A webhook configured wrongly (the message names it and the rule)."""


@dataclass(frozen=True)
class Webhook:
    name: str
    kind: str
    url: str
    secret: str = ""  # DingTalk's signing secret (加签), when the robot has one

    @classmethod
    def from_settings(cls, raw: dict, position: int) -> Webhook:
        name = str(raw.get("name") or f"webhook-{position}")
        kind, url = str(raw.get("kind", "json")), str(raw.get("url", ""))
        if kind not in KINDS:
            raise NotifyError(f"webhooks 第 {position} 项（{name}）：kind 应为 {'、'.join(KINDS)} 之一，而不是 {kind}")
        if not url.startswith(("http://", "https://")):
            raise NotifyError(f"webhooks 第 {position} 项（{name}）：url 应以 http:// 或 https:// 开头")
        return cls(name, kind, url, str(raw.get("secret", "")))

    def signed_url(self, now_ms: int) -> str:
        """DingTalk's 加签: timestamp and an HMAC-SHA256 of "timestamp\\nsecret", added to the address at send time."""
        if self.kind != "dingtalk" or not self.secret:
            return self.url
        digest = hmac.new(self.secret.encode(), f"{now_ms}\n{self.secret}".encode(), hashlib.sha256).digest()
        sign = urllib.parse.quote_plus(base64.b64encode(digest))
        return f"{self.url}{'&' if '?' in self.url else '?'}timestamp={now_ms}&sign={sign}"


def view_link(public_url: str, alert: Alert) -> str:
    """The address of the view that explains the alert, or '' when no public address is configured."""
    if not public_url:
        return ""
    path = VIEW_PATHS.get(alert.domain, alert.domain)
    query = urllib.parse.urlencode(alert.query, doseq=True)
    return f"{public_url.rstrip('/')}/{path}" + (f"?{query}" if query else "")


def message(hook: Webhook, alert: Alert, link: str, tr: Translator = ZH) -> dict:
    """The request body in the webhook's format. Sample-based alerts say so in the message itself."""
    severity = tr(alert.severity_key)
    sample = f"（{tr('mark.sample')}）" if alert.illustrative else ""
    if hook.kind == "json":
        return {"rule": alert.rule, "subject": alert.subject, "severity": alert.severity, "severity_text": severity,
                "domain": alert.domain, "district": alert.district, "text": alert.text, "illustrative": alert.illustrative,
                "link": link}
    title = tr("notify.title", severity=severity)
    body = f"### {title}\n\n{alert.text}{sample}" + (f"\n\n[{tr('notify.open')}]({link})" if link else "")
    if hook.kind == "dingtalk":
        return {"msgtype": "markdown", "markdown": {"title": title, "text": body}}
    return {"msgtype": "markdown", "markdown": {"content": body}}


@dataclass
class Delivery:
    ok: bool
    status: int | None  # the HTTP status of the last try, None when nothing answered
    tries: int
    error: str = ""


def deliver(hook: Webhook, body: dict, attempts: int = 4, backoff: float = 1.0, timeout: float = 10.0,
            sleep: Callable[[float], None] = time.sleep) -> Delivery:
    """POST the body; retry with exponential backoff on a refused connection, a timeout, 429 or 5xx. DingTalk and WeCom
    answer 200 with an errcode, which is checked too. Errors keep the status and the reply's first words, not the URL."""
    data = json.dumps(body, ensure_ascii=False).encode()
    status, error = None, ""
    for attempt in range(1, attempts + 1):
        request = urllib.request.Request(hook.signed_url(int(time.time() * 1000)), data=data, method="POST",
                                         headers={"Content-Type": "application/json; charset=utf-8"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as reply:
                status, text = reply.status, reply.read(2000).decode(errors="replace")
            code = _errcode(text)
            if code in (None, 0):
                return Delivery(True, status, attempt)
            error = f"errcode {code}"
            retry = False  # the robot refused the message itself (bad token, bad format): the same body will not pass
        except urllib.error.HTTPError as exc:
            status, error = exc.code, f"HTTP {exc.code}"
            retry = exc.code == 429 or exc.code >= 500
        except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
            status, error = None, type(getattr(exc, "reason", exc)).__name__
            retry = True
        if not retry or attempt == attempts:
            return Delivery(False, status, attempt, error)
        sleep(backoff * 2 ** (attempt - 1))
    return Delivery(False, status, attempts, error)


def _errcode(text: str) -> int | None:
    try:
        reply = json.loads(text)
    except ValueError:
        return None
    return reply.get("errcode") if isinstance(reply, dict) else None


class SentLog:
    """Append-only JSON Lines: one line per delivery attempted (sent or failed)."""

    def __init__(self, path: Path):
        self.path = path

    def entries(self) -> list[dict]:
        if not self.path.exists():
            return []
        return [json.loads(line) for line in self.path.read_text(encoding="utf-8").splitlines() if line.strip()]

    def sent(self) -> dict[tuple[str, str, str], int]:
        """(webhook, rule, subject) -> the most severe level delivered (1 is the most severe)."""
        best: dict[tuple[str, str, str], int] = {}
        for e in self.entries():
            if e.get("ok"):
                key = (e["webhook"], e["rule"], e["subject"])
                best[key] = min(best.get(key, e["severity"]), e["severity"])
        return best

    def append(self, entry: dict) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as out:
            out.write(json.dumps(entry, ensure_ascii=False) + "\n")


@dataclass
class Report:
    sent: int = 0
    already: int = 0  # sent before, no more severe now
    failed: list[str] = field(default_factory=list)  # "webhook: rule subject: error"

    def as_json(self) -> dict:
        return {"sent": self.sent, "already_sent": self.already, "failed": self.failed}


def _entry(hook: Webhook, rule: str, subject: str, severity: int, illustrative: bool, outcome: Delivery) -> dict:
    """One sent-log line: where (by name, never the address), what, and how it went."""
    return {"at": datetime.now().isoformat(timespec="seconds"), "webhook": hook.name, "kind": hook.kind, "rule": rule,
            "subject": subject, "severity": severity, "illustrative": illustrative, "ok": outcome.ok, "status": outcome.status,
            "tries": outcome.tries, "error": outcome.error}


def notify_once(db: Database, hooks: list[Webhook], log: SentLog, public_url: str = "", tr: Translator = ZH,
                **delivery) -> Report:
    """Send every alert not yet delivered to each webhook (or delivered at a lower severity); log each attempt."""
    report, sent = Report(), log.sent()
    for alert in all_alerts(db, "", tr):
        rule, subject = alert.rule or alert.domain, alert.subject or alert.text
        link = view_link(public_url, alert)
        for hook in hooks:
            before = sent.get((hook.name, rule, subject))
            if before is not None and before <= alert.severity:
                report.already += 1
                continue
            outcome = deliver(hook, message(hook, alert, link, tr), **delivery)
            log.append(_entry(hook, rule, subject, alert.severity, alert.illustrative, outcome))
            if outcome.ok:
                report.sent += 1
                sent[(hook.name, rule, subject)] = alert.severity
            else:
                report.failed.append(f"{hook.name}: {rule} {subject}: {outcome.error}")
    return report


def hooks_from_settings(raw: tuple[dict, ...]) -> list[Webhook]:
    hooks = [Webhook.from_settings(h, i) for i, h in enumerate(raw, 1)]
    names = [h.name for h in hooks]
    if len(set(names)) != len(names):
        raise NotifyError(f"webhooks 的 name 应各不相同：{'、'.join(names)}")
    return hooks


def brief_message(hook: Webhook, brief, link: str, attachment: bytes | None, tr: Translator = ZH) -> dict:
    """The daily brief: its headline figures as lines, the link to the overview, and (generic JSON only, the one
    receiver that takes a file) the .docx itself."""
    lines = [f"- {h.title}{'（' + tr('mark.sample') + '）' if h.illustrative else ''}：{h.value}，{h.status_text}" for h in brief.headlines]
    title = brief.title
    if hook.kind == "json":
        body = {"kind": "brief", "title": title, "as_of": f"{brief.as_of:%Y-%m-%d}", "lines": lines, "link": link}
        if attachment is not None:
            body["file"] = {"name": f"{title}.docx", "base64": base64.b64encode(attachment).decode(),
                            "mime": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
        return body
    text = f"### {title}\n\n{tr('app.as_of', date=f'{brief.as_of:%Y-%m-%d}')}\n\n" + "\n".join(lines) \
        + (f"\n\n[{tr('notify.open_overview')}]({link})" if link else "")
    if hook.kind == "dingtalk":
        return {"msgtype": "markdown", "markdown": {"title": title, "text": text}}
    return {"msgtype": "markdown", "markdown": {"content": text}}


def send_brief(db: Database, hooks: list[Webhook], log: SentLog, public_url: str = "", tr: Translator = ZH,
               **delivery) -> Report:
    """The day's brief, once per data date and webhook."""
    from lyg.brief import compose, render  # the charts need Chromium: loaded only when a brief is sent
    brief, report, sent = compose(db, None, "", tr), Report(), log.sent()
    subject, attachment = f"{brief.as_of:%Y-%m-%d}", None
    for hook in hooks:
        if (hook.name, "brief", subject) in sent:
            report.already += 1
            continue
        if hook.kind == "json" and attachment is None:
            attachment = render(brief, "docx")
        outcome = deliver(hook, brief_message(hook, brief, public_url.rstrip("/") + "/" if public_url else "", attachment, tr), **delivery)
        log.append(_entry(hook, "brief", subject, 0, brief.has_sample, outcome))
        if outcome.ok:
            report.sent += 1
        else:
            report.failed.append(f"{hook.name}: brief {subject}: {outcome.error}")
    return report
