"""Screenshot pages of a running app in headless Chromium: python tools/screenshot.py BASE_URL OUT_DIR path..."""
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--use-gl=angle", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"]


def main(base: str, out: str, paths: list[str], height: int = 1080) -> None:
    Path(out).mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1920, "height": height})
        for path in paths:
            page.goto(base + path)
            page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=60000)
            page.wait_for_timeout(3000)
            name = path.strip("/").replace("/", "_").replace("?", "_").replace("=", "-") or "home"
            page.screenshot(path=f"{out}/{name}.png", full_page=True)
            print("saved", f"{out}/{name}.png")
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:], int(__import__("os").environ.get("SHOT_HEIGHT", "1080")))
