"""Take the screenshots of the theme gallery (demo_docs/guide/themes.md).

::

    .venv/bin/pip install -e ".[themes,test]"     # the themes, Playwright
    .venv/bin/python tools/theme_gallery.py         # needs Debian's chromium and pngquant

builds the demo site in each supported theme (into a temporary folder), opens its
trailer episode in Chromium in the theme's light and dark scheme (the reader's system
preference, as tests/test_themes.py does), lets a turn play, and writes
``demo_docs/_static/themes/<theme>-<scheme>.png``: the episode header and the transcript, 960 x 900,
reduced to at most 64 colours by pngquant and recompressed by optipng when they are
installed. Run it again after a change to podcast.css that shows.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from test_themes import IMMATERIAL_CONF, THEMES, tab  # noqa: E402

GALLERY = ROOT / "demo_docs" / "_static" / "themes"
PAGE = "episodes/000-trailer.html"
WIDTH, HEIGHT = 960, 900
# the episode header near the top of the window (below a sticky theme header), the
# transcript below it
SCROLL = """() => window.scrollTo(0, document.querySelector(".podcast-episode")
  .getBoundingClientRect().top + window.scrollY - 90)"""


def build(theme: str, work: Path) -> Path:
    """The demo site in *theme*; its output folder."""
    source = work / f"src-{theme}"
    shutil.copytree(ROOT / "demo_docs", source, ignore=shutil.ignore_patterns("_build"))
    if theme == "sphinx_immaterial":
        conf = source / "conf.py"
        conf.write_text(conf.read_text(encoding="utf-8") + IMMATERIAL_CONF, encoding="utf-8")
    outdir = work / theme
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", f"-Dhtml_theme={theme}"]
    subprocess.run([*command, str(source), str(outdir)], check=True)
    return outdir


def optimise(png: Path) -> None:
    if shutil.which("pngquant"):
        subprocess.run(["pngquant", "--force", "--ext", ".png", "64", str(png)], check=True)
    if shutil.which("optipng"):
        subprocess.run(["optipng", "-quiet", "-o5", str(png)], check=True)


def main() -> None:
    from conftest import CHROMIUM_ARGS, serving
    from playwright.sync_api import sync_playwright
    from test_listening_browser import RangesOnly

    GALLERY.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        for theme in THEMES:
            build(theme, work)
        with serving(work, RangesOnly) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS
            )
            for theme in THEMES.values():
                for scheme in ("light", "dark") if theme.switch else ("light",):
                    with tab(browser, f"{base}/{theme.name}", scheme, WIDTH, HEIGHT) as reader:
                        page = reader.open(PAGE)
                        page.locator(".podcast-turn[data-start='2'] a.podcast-time").click()
                        page.evaluate("() => document.querySelector('audio').pause()")
                        page.evaluate(SCROLL)
                        page.mouse.move(0, 0)
                        target = GALLERY / f"{theme.name}-{scheme}.png"
                        page.screenshot(path=target)
                        optimise(target)
                        print(target.relative_to(ROOT), target.stat().st_size, "bytes")
            browser.close()


if __name__ == "__main__":
    main()
