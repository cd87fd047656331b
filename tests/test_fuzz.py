"""Property-based fuzzing of the default content: whatever an organiser's editor or a
hostile contributor does to it, `check` and `build` answer with our own errors only,
quickly, agree with each other, and a failed build leaves the output as it was.

Each example makes one to three mutations of the real default content: delete,
duplicate or swap lines, change a line's indentation, put a random or odd scalar
or a YAML tag in a value, truncate a file, insert random bytes. `make test` runs a
fixed small budget (the same examples every run); `make fuzz` runs 10,000 random
ones (AGENDA_FUZZ_EXAMPLES sets the number).
"""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from support import CONTENT, TEMPLATES
from generator.errors import AgendaError, ContentError
from generator.site.build import Builder

# make test runs 15 (each checks and builds the three editions); `make fuzz` 10,000.
EXAMPLES = int(os.environ.get("AGENDA_FUZZ_EXAMPLES", "15"))
LONG_RUN = "AGENDA_FUZZ_EXAMPLES" in os.environ
# The most one check or one build may take, in processor time: the default content
# builds in one process (parallel.py forks only from 400 outputs), and a hang (an
# alias bomb, a runaway loop) burns processor time, while other work on a shared
# machine only stretches the wall clock. The default meeting builds three editions
# (en, fr, ar) in about 1.2 s; a hang takes a minute.
SECONDS = 4.0
FILES = ("meeting.yaml", "people.yaml", "schedule.yaml", "notes/session-5.md",
         "notes/session-1.md")
# Values organisers and attackers write: YAML 1.1 oddities, tags, aliases, dates and
# times out of range, markup, addresses with other schemes, flow collections.
ODD_SCALARS = [
    "0x_", "0b_", "0o7", "1_000", "-.inf", ".nan", "~", "null", "", "yes", "no", "on",
    "9:30", "25:61", "16.30", "2022-02-30", "1800-01-01", "9999-12-31", "0000-01-01",
    "2022-06-20 25:00", "!!int abc", "!!timestamp x", "!!float []", "!!binary aGk=",
    "!!python/object/apply:os.system [true]", "!!set {a}", "!foo bar", "&a x", "*a",
    "*undefined", "[", "{", "]", "}", "[a, [b, {c: d}]]", "{a: 1, a: 2}", "'", '"', "|",
    ">", "- x", "? x", "x: y: z", "@session-1", "@nowhere", "[x](@nowhere)",
    "<script>alert(1)</script>", "javascript:alert(1)", "data:text/html,x",
    "<img src=x onerror=alert(1)>", "# comment", "%", "\t", "\u00e9t\u00e9", "\U0001f600",
    "x" * 300, "1" * 5000, "-1", "1e999", "../../etc/passwd", "/etc/hostname",
    "photos/none.png", "session-1", "unsd", "francesca-grum", "true", "false",
]
TAGS = ["!!int", "!!str", "!!float", "!!bool", "!!null", "!!timestamp", "!!map", "!!seq",
        "!!binary", "!!python/name:os.system", "!local", "!!merge", "!!omap"]

line_number = st.integers(min_value=0, max_value=10_000)
scalar = st.one_of(st.sampled_from(ODD_SCALARS), st.text(max_size=30),
                   st.integers().map(str), st.floats().map(str))
mutation = st.one_of(
    st.tuples(st.just("delete"), line_number),
    st.tuples(st.just("duplicate"), line_number),
    st.tuples(st.just("swap"), line_number, line_number),
    st.tuples(st.just("indent"), line_number, st.integers(min_value=-6, max_value=6)),
    st.tuples(st.just("scalar"), line_number, scalar),
    st.tuples(st.just("tag"), line_number, st.sampled_from(TAGS)),
    st.tuples(st.just("truncate"), st.floats(min_value=0, max_value=1)),
    st.tuples(st.just("bytes"), st.floats(min_value=0, max_value=1),
              st.binary(min_size=1, max_size=8)),
)
edits = st.lists(st.tuples(st.sampled_from(FILES), mutation), min_size=1, max_size=3)


def mutate(text: bytes, change: tuple) -> bytes:
    kind, *args = change
    if kind == "truncate":
        return text[: int(len(text) * args[0])]
    if kind == "bytes":
        at = int(len(text) * args[0])
        return text[:at] + args[1] + text[at:]
    lines = text.decode("utf-8", "surrogateescape").split("\n")
    at = args[0] % len(lines)
    if kind == "delete":
        del lines[at]
    elif kind == "duplicate":
        lines.insert(at, lines[at])
    elif kind == "swap":
        other = args[1] % len(lines)
        lines[at], lines[other] = lines[other], lines[at]
    elif kind == "indent":
        stripped = lines[at].lstrip(" ")
        lines[at] = " " * max(0, len(lines[at]) - len(stripped) + args[1]) + stripped
    elif kind in ("scalar", "tag"):
        key, colon, value = lines[at].partition(": ")
        if not colon:
            key, colon, value = lines[at].partition("- ")
        new = args[1] if kind == "scalar" else f"{args[1]} {value}"
        lines[at] = f"{key}{colon or ': '}{new}"
    return "\n".join(lines).encode("utf-8", "surrogateescape")


def outcome(run) -> tuple[str, object, float]:
    """("ok", warnings) or ("error", message), with the seconds it took; any exception
    other than ours propagates, and fails the example with its traceback."""
    started = time.process_time()
    try:
        result = ("ok", tuple(str(w) for w in run()))
    except ContentError as exc:
        result = ("error", exc.report())
    except AgendaError as exc:
        result = ("error", str(exc))
    return (*result, time.process_time() - started)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    root = tmp_path_factory.mktemp("fuzz")
    content = shutil.copytree(CONTENT, root / "content")
    output = root / "output"
    Builder(content, TEMPLATES).build(output)
    (output / ".git").mkdir()  # a deploy's own entry, kept by every build
    (output / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n")
    return content, output


def check(content: Path):
    """What `agenda check` does: load, validate and plan."""
    builder = Builder(content, TEMPLATES)
    loaded = builder.check()
    builder.plan(loaded)
    return loaded.warnings


def build(content: Path, output: Path):
    return Builder(content, TEMPLATES).build(output).warnings


@settings(max_examples=EXAMPLES, deadline=None, derandomize=not LONG_RUN, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
          print_blob=True)
@given(changes=edits)
def test_mutated_content_is_checked_and_built_alike_quickly_and_safely(workspace, changes):
    content, output = workspace
    originals = {name: (content / name).read_bytes() for name, _ in changes}
    try:
        for name, change in changes:
            path = content / name
            path.write_bytes(mutate(path.read_bytes(), change))
        before = snapshot(output)
        checked = outcome(lambda: check(content))
        built = outcome(lambda: build(content, output))
        assert checked[2] < SECONDS and built[2] < SECONDS, (checked[2], built[2])
        assert checked[:2] == built[:2]
        if built[0] == "error":
            assert snapshot(output) == before
        assert (output / ".git" / "HEAD").is_file()
    finally:
        for name, data in originals.items():
            (content / name).write_bytes(data)
