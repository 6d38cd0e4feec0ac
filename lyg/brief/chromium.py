"""The local Chromium that prints the PDF and renders the charts (Debian's package; LYG_CHROMIUM overrides)."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from lyg.brief.compose import BriefError


def chromium_path() -> str:
    found = os.environ.get("LYG_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        raise BriefError("找不到 Chromium：PDF 简报和图表由本机 Chromium 生成（apt-get install chromium fonts-noto-cjk），"
                         "或设置 LYG_CHROMIUM 为其路径")
    return found


def print_pdf(html: str, timeout: float = 60) -> bytes:
    """The page printed to A4 by headless Chromium, every request outside the file refused: fonts are embedded."""
    with tempfile.TemporaryDirectory() as scratch:
        page, pdf = Path(scratch) / "brief.html", Path(scratch) / "brief.pdf"
        page.write_text(html, encoding="utf-8")
        command = [chromium_path(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                   "--disable-background-networking", "--disable-component-update", "--no-pdf-header-footer",
                   f"--user-data-dir={scratch}/profile", "--host-resolver-rules=MAP * ~NOTFOUND",
                   f"--print-to-pdf={pdf}", page.as_uri()]
        done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        if not pdf.exists() or pdf.stat().st_size == 0:
            raise BriefError(f"Chromium 未能生成 PDF（退出码 {done.returncode}）：{done.stderr.decode(errors='replace')[-400:]}")
        return pdf.read_bytes()
