"""`make bench`: build times, memory and rebuild times, ours against Hugo, Pelican, MkDocs.

For the default content and synthetic meetings of N sessions it prints and saves
(bench/results/<timestamp>.json):
- cold full builds, each a new process (median of --runs), pages, pages per second
  and the child's peak memory (its RSS from wait4): truly cold, with the Markdown
  cache (generator/markdown_store.py) deleted before each run, and warm-cache,
  a new process that finds the previous build's cache;
- in-process rebuilds the way the dev server does them (a persistent Builder and
  write.SiteSync): nothing changed, one note edited, one session moved;
- the peers' cold builds of the same sessions, and our time divided by theirs.
Run: .venv-bench/bin/python -m bench.run [--sizes default,1000,5000] [--runs 5]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import peers
from tools import edits, synthetic
from generator.site.build import Builder
from generator.content.pipeline import load_content
from generator.site.write import SiteSync

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"


def timed_process(command: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """Run a command to completion; returns (wall seconds, the child's peak RSS in MB)."""
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{command[0]} failed:\n{child.stderr.read().decode()[-2000:]}")
    child.stderr.close()
    return seconds, usage.ru_maxrss / 1024  # Linux reports KB


def count_files(folder: Path) -> tuple[int, int]:
    """(all files, HTML pages) under folder."""
    files = [p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")]
    return len(files), sum(p.suffix == ".html" for p in files)


def cold_builds(command: list[str], output: Path, runs: int, cache: Path | None = None) -> dict:
    """`cache`: a folder deleted before each run too."""
    times, peaks = [], []
    for _ in range(runs):
        shutil.rmtree(output, ignore_errors=True)
        if cache:
            shutil.rmtree(cache, ignore_errors=True)
        seconds, peak = timed_process(command)
        times.append(seconds)
        peaks.append(peak)
    files, pages = count_files(output)
    median = statistics.median(times)
    return {"seconds": median, "runs": times, "files": files, "pages": pages,
            "pages_per_second": pages / median, "peak_mb": max(peaks)}


def ours_cold(content: Path, work: Path, runs: int) -> tuple[dict, dict]:
    """(truly cold, warm-cache) new-process builds."""
    output, cache = work / "ours-cold", work / "ours-cache"
    command = [sys.executable, "-m", "generator", "build", "--content", str(content),
               "--templates", str(ROOT / "templates"), "--output", str(output),
               "--cache-dir", str(cache)]
    cold = cold_builds(command, output, runs, cache=cache)
    timed_process(command)  # leaves the cache a warm build finds
    return cold, cold_builds(command, output, runs)


def rebuilds(content: Path, work: Path, runs: int) -> dict:
    """What the dev server does after each save: Builder.rebuild(SiteSync)."""
    builder = Builder(content, ROOT / "templates")
    sync = SiteSync(work / "ours-live")

    def measure(edit=None) -> dict:
        if edit:
            edit()
        started = time.perf_counter()
        # As the dev server does after a content edit: compiled templates are kept.
        result = builder.rebuild(sync, templates_changed=False)
        return {"ms": (time.perf_counter() - started) * 1000, "written": result.written,
                "rendered": getattr(result, "rendered", result.files)}

    first = measure()
    unchanged = [measure() for _ in range(runs)]
    note = edits.note_of_a_session(content)
    edited = [measure(lambda n=n: edits.edit_note(note, n)) for n in range(runs)]
    moved = measure(lambda: edits.move_session(content))
    return {"first": first, "unchanged": _median(unchanged), "note_edit": _median(edited),
            "move_session": moved}


def _median(samples: list[dict]) -> dict:
    middle = sorted(samples, key=lambda s: s["ms"])[len(samples) // 2]
    return middle | {"runs_ms": [s["ms"] for s in samples]}


def peer_builds(content: Path, work: Path, runs: int, names: list[str]) -> dict:
    loaded = load_content(content)
    found = {}
    for name in names:
        command, output = peers.prepare(name, loaded, work / name)
        found[name] = cold_builds(command, output, runs)
    return found


def prepare_content(size: str, work: Path) -> Path:
    target = work / "content"
    if size == "default":
        shutil.copytree(ROOT / "content", target)
    else:
        synthetic.write(synthetic.generate(int(size)), target)
    return target


def run_size(size: str, args: argparse.Namespace) -> dict:
    # Work under bench/results (gitignored), not /tmp: here /tmp is a slower filesystem
    # whose write times vary by seconds between runs.
    args.work_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f".work-{size}-", dir=args.work_dir) as folder:
        work = Path(folder)
        content = prepare_content(size, work)
        print(f"\n== {size}: building ...", flush=True)
        cold, warm = ours_cold(content, work, args.runs)
        result = {"size": size, "ours": cold, "ours_warm_cache": warm}
        result["peers"] = peer_builds(content, work, args.peer_runs, args.peers)
        result["rebuild"] = rebuilds(content, work, args.runs)
    report_size(result)
    return result


def report_size(r: dict) -> None:
    ours, warm = r["ours"], r["ours_warm_cache"]
    print(f"ours    {_cold_line(ours)}")
    print(f"  warm Markdown cache, new process: {warm['seconds']:.2f} s")
    for name, peer in r["peers"].items():
        print(f"{name:7} {_cold_line(peer)}  ours/{name} = {ours['seconds'] / peer['seconds']:.2f}"
              f" (warm cache {warm['seconds'] / peer['seconds']:.2f})")
    for what, label in (("first", "first in-process build"), ("unchanged", "rebuild, no change"),
                        ("note_edit", "rebuild, one note edited"),
                        ("move_session", "rebuild, one session moved")):
        s = r["rebuild"][what]
        print(f"  {label:28} {s['ms']:8.1f} ms  rendered {s['rendered']:6d}  "
              f"written {s['written']:6d}")


def _cold_line(b: dict) -> str:
    return (f"cold {b['seconds']:7.2f} s  {b['files']:6d} files {b['pages']:6d} pages "
            f"{b['pages_per_second']:7.0f} pages/s  peak {b['peak_mb']:6.1f} MB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="default,1000,5000")
    parser.add_argument("--runs", type=int, default=5, help="cold builds and rebuilds per size")
    parser.add_argument("--peer-runs", type=int, default=3, help="cold builds per peer")
    parser.add_argument("--peers", default="hugo,pelican,mkdocs", help="'' for none")
    parser.add_argument("--work-dir", type=Path, default=RESULTS,
                        help="where sites are built (default bench/results); e.g. /dev/shm "
                             "to leave out a slow or erratic disk")
    args = parser.parse_args(argv)
    args.peers = [p for p in args.peers.split(",") if p]
    print(f"{platform.python_implementation()} {platform.python_version()}, "
          f"{os.cpu_count()} cores; median of {args.runs} (peers {args.peer_runs})")
    results = [run_size(size, args) for size in args.sizes.split(",")]
    report_scaling(results)
    RESULTS.mkdir(parents=True, exist_ok=True)
    target = RESULTS / f"{time.strftime('%Y%m%d-%H%M%S')}.json"
    target.write_text(json.dumps({"machine": {"cores": os.cpu_count(),
                                              "python": platform.python_version()},
                                  "commit": _commit(), "results": results}, indent=1))
    print(f"\nresults: {target.relative_to(ROOT)}")
    return 0


def report_scaling(results: list[dict]) -> None:
    sized = [r for r in results if r["size"] != "default"]
    if len(sized) >= 2:
        print("\nscaling (seconds per 1,000 sessions):", ", ".join(
            f"N={r['size']}: {r['ours']['seconds'] / int(r['size']) * 1000:.2f}" for r in sized))


def _commit() -> str:
    found = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                           capture_output=True, text=True)
    return found.stdout.strip()


if __name__ == "__main__":
    sys.exit(main())
