"""Time per keystroke of the programme page's search, in headless Chromium.

Builds the synthetic meeting (bench/synthetic.py, 1,000 sessions by default),
opens its programme page from disk and types queries one character at a time.
For each keystroke it measures the input handler with the style and layout it
causes (forced synchronously), and the time until the next frame. Target: under
50 ms per keystroke at 1,000 items. A benchmark, not a test:

    .venv/bin/python -m bench.programme_keystroke [--sessions 1000] [--runs 3]
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from tools import synthetic
from generator.site.build import Builder

QUERIES = ("data", "migration statistics", "kofi", "zzz", "a")
CHROMIUM = "/usr/bin/chromium"

TYPE = """async (query) => {
  const input = document.querySelector('#filter-q');
  const nextFrame = () => new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)));
  const handled = [], framed = [];
  input.value = '';
  input.dispatchEvent(new Event('input', {bubbles: true}));
  await nextFrame();
  for (const character of query) {
    const start = performance.now();
    input.value += character;
    input.dispatchEvent(new Event('input', {bubbles: true}));
    document.body.offsetHeight;             // the style and layout the keystroke causes
    handled.push(performance.now() - start);
    await nextFrame();                      // and until the browser could paint it
    framed.push(performance.now() - start);
  }
  return {handled, framed, shown: document.querySelectorAll('.programme-entry:not([hidden])').length};
}"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory() as work:
        content = synthetic.write(synthetic.generate(args.sessions), Path(work) / "content")
        output = Path(work) / "out"
        Builder(content).build(output)
        page_file = output / "programme" / "index.html"
        items = page_file.read_text(encoding="utf-8").count('class="programme-entry')
        print(f"{items} items; programme page {page_file.stat().st_size / 1e6:.2f} MB, "
              f"data/search.js {(output / 'data/search.js').stat().st_size / 1e6:.2f} MB, "
              f"data/events.js {(output / 'data/events.js').stat().st_size / 1e6:.2f} MB")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                                 args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(page_file.as_uri())
            handled, framed = [], []
            for _ in range(args.runs):
                for query in QUERIES:
                    result = page.evaluate(TYPE, query)
                    handled += result["handled"]
                    framed += result["framed"]
                    print(f"  {query!r:24} {result['shown']:5} shown, " + " ".join(f"{t:.0f}" for t in result["framed"]) + ", per keystroke "
                          f"{statistics.mean(result['handled']):6.1f} ms handled, "
                          f"{statistics.mean(result['framed']):6.1f} ms to the next frame")
            browser.close()
    for name, times in (("handler + style + layout", handled), ("to the next frame", framed)):
        ordered = sorted(times)
        print(f"{name:26} median {statistics.median(ordered):5.1f} ms, "
              f"95th percentile {ordered[int(len(ordered) * 0.95) - 1]:5.1f} ms, "
              f"max {ordered[-1]:5.1f} ms over {len(ordered)} keystrokes")
    verdict = "under" if statistics.median(framed) < 50 else "OVER"
    print(f"target: under 50 ms per keystroke at {args.sessions} sessions: {verdict}")


if __name__ == "__main__":
    main()
