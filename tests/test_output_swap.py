"""A failed or interrupted build never loses the previous output (issue 14, section 4).

Every file-system step of the output swap is made to fail in turn (tests/faults.py):
with an error, with a Ctrl-C before or just after the step, and with the process
killed on the spot. The previous output, dot-entries a deploy keeps included, must
stay byte-identical until the new site is in place, and the next build must
recover and leave nothing behind.
"""
from __future__ import annotations

import os
import shutil
import threading
import traceback

import pytest

from support import TEMPLATES, edit, english_content
from support.faults import FileSystemSteps, ctrl_c, disk_error, power_cut
from generator.cli import main
from generator.errors import OutputError
from generator.site.build import Builder
from generator.site.swap import MARKER, output_lock, recover_now
from generator.site import swap
from generator.site.write import write_site

# What a deploy keeps in the output folder: folders, nested files, an empty folder, a file.
KEPT = {".git/HEAD": b"ref: refs/heads/gh-pages\n", ".git/refs/tags/": None,
        ".github/workflows/deploy.yml": b"on: push\n", ".nojekyll": b"",
        ".well-known/security.txt": b"Contact: mailto:security@example.org\n"}
NEW_TITLE = "short_title: Rebuilt Meeting"
# The swap does the same for any number of pages: a slice of the real site keeps these
# tests, which swap a few hundred times, quick.
SLICE = ("index.html", "404.html", "agenda.json", "days", "static", MARKER)


def in_slice(path: str) -> bool:
    return path.split("/")[0] in SLICE


def tree(folder) -> dict[str, bytes | None]:
    """Every file (its bytes) and folder (None) under `folder`, dot-entries included."""
    return {p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() else None)
            for p in sorted(folder.rglob("*"))}


def leftovers(output) -> list[str]:
    return sorted(p.name for p in output.parent.iterdir()
                  if p.name.startswith(f".{output.name}.") and p.name != f".{output.name}")


def add_kept_entries(output) -> None:
    for path, data in KEPT.items():
        target = output / path
        if data is None:
            target.mkdir(parents=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)


@pytest.fixture(scope="module")
def new_files(tmp_path_factory) -> list[tuple[str, bytes]]:
    """The files of the next build: the default meeting under another title."""
    root = tmp_path_factory.mktemp("next")
    content = english_content(root / "content")
    edit(content / "meeting.yaml", "short_title: Migration Statistics Technical Meeting 2022",
         NEW_TITLE)
    Builder(content, TEMPLATES).build(root / "output")
    return [(path, data) for path, data in tree(root / "output").items()
            if data is not None and path != MARKER and in_slice(path)]


@pytest.fixture
def make_previous(site, tmp_path):
    """Makes a previous output (the default site plus KEPT) in a folder of its own."""
    def make(name: str):
        output = shutil.copytree(site, tmp_path / name / "out", ignore=lambda folder, names: [
            name for name in names if folder == str(site) and not in_slice(name)])
        add_kept_entries(output)
        return output
    return make


def expected_new(new_files) -> dict[str, bytes | None]:
    """The tree a successful build leaves: its files, the marker and the kept entries."""
    scratch = {path: data for path, data in new_files}
    scratch[MARKER] = swap.MARKER_TEXT.encode()
    scratch.update(KEPT)
    for path in list(scratch):  # every parent folder of a file
        parts = path.rstrip("/").split("/")
        for depth in range(1, len(parts)):
            scratch.setdefault("/".join(parts[:depth]), None)
    return {path.rstrip("/"): data for path, data in sorted(scratch.items())}


def files_then(files, arm):
    """The build's files; arms the fault counter once they are all written, so the
    steps counted are those of the swap."""
    yield from files
    arm()


def swap_steps(make_previous, new_files) -> tuple[int, int]:
    """(steps of a swap, the step that puts the new site in place), from a clean run."""
    output = make_previous("dry-run")
    with pytest.MonkeyPatch.context() as patch:
        steps = FileSystemSteps(patch)
        write_site(files_then(new_files, steps.arm), output)
    commit = next(number for number, (name, args) in enumerate(steps.steps, 1)
                  if name == "rename" and os.fspath(args[1]) == os.fspath(output))
    assert len(steps.steps) >= len({p.split("/")[0] for p in KEPT}) + 3  # kept, old, new, tidy
    return len(steps.steps), commit


@pytest.mark.parametrize("fault, after", [(disk_error, False), (ctrl_c, False), (ctrl_c, True)],
                         ids=["error", "ctrl-c-before-the-step", "ctrl-c-just-after-the-step"])
def test_a_fault_at_any_step_of_the_swap_loses_nothing(make_previous, new_files, fault, after):
    count, commit = swap_steps(make_previous, new_files)
    for step in range(1, count + 1):
        output = make_previous(f"fault-at-{step}")
        previous = tree(output)
        in_place = step > commit or (step == commit and after)
        with pytest.MonkeyPatch.context() as patch:
            steps = FileSystemSteps(patch, fail_at=step, fault=fault, after=after)
            if fault is disk_error and in_place:
                write_site(files_then(new_files, steps.arm), output)  # only tidying failed
            else:
                with pytest.raises(OSError if fault is disk_error else KeyboardInterrupt):
                    write_site(files_then(new_files, steps.arm), output)
        assert tree(output) == (expected_new(new_files) if in_place else previous), step
        if not in_place:
            assert leftovers(output) == [], step
        write_site(new_files, output)
        assert tree(output) == expected_new(new_files) and leftovers(output) == [], step


def crash(action) -> int:
    """Runs `action` in a forked child that is killed by a power_cut; its exit code."""
    pid = os.fork()
    if pid == 0:
        try:
            action()
        except BaseException:
            traceback.print_exc()
            os._exit(1)
        os._exit(0)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


def test_a_crash_at_any_step_of_the_swap_is_recovered_by_the_next_build(make_previous,
                                                                          new_files):
    count, commit = swap_steps(make_previous, new_files)
    for step in range(1, count + 1):
        output = make_previous(f"crash-at-{step}")
        previous = tree(output)

        def build_and_crash():
            with pytest.MonkeyPatch.context() as patch:
                steps = FileSystemSteps(patch, fail_at=step, fault=power_cut)
                write_site(files_then(new_files, steps.arm), output)

        assert crash(build_and_crash) == 70, step
        recovered = shutil.copytree(output.parent, output.parent.with_name(f"recovered-{step}"),
                                    symlinks=True) / "out"
        recover_now(recovered)  # what `agenda serve` does first; nothing was lost
        assert tree(recovered) == (expected_new(new_files) if step > commit else previous), step
        assert leftovers(recovered) == [], step
        write_site(new_files, output)  # the next build recovers by itself
        assert tree(output) == expected_new(new_files) and leftovers(output) == [], step


def test_a_crash_during_recovery_is_recovered_in_turn(make_previous, new_files):
    count, commit = swap_steps(make_previous, new_files)
    for step in range(1, count + 1):
        crashed = make_previous(f"crashed-at-{step}")
        previous = tree(crashed)

        def build_and_crash():
            with pytest.MonkeyPatch.context() as patch:
                steps = FileSystemSteps(patch, fail_at=step, fault=power_cut)
                write_site(files_then(new_files, steps.arm), crashed)

        assert crash(build_and_crash) == 70
        recovery_step = 1
        while True:
            output = shutil.copytree(crashed.parent, crashed.parent.with_name(
                f"recovery-{step}-{recovery_step}"), symlinks=True) / "out"

            def recover_and_crash():
                with pytest.MonkeyPatch.context() as patch:
                    steps = FileSystemSteps(patch, fail_at=recovery_step, fault=power_cut)
                    steps.arm()
                    recover_now(output)

            if crash(recover_and_crash) == 0:
                break  # the recovery has fewer steps: all were tried
            recover_now(output)
            assert tree(output) == (expected_new(new_files) if step > commit else previous)
            assert leftovers(output) == [], (step, recovery_step)
            recovery_step += 1


def test_a_crash_while_the_site_is_written_leaves_a_staging_folder_the_next_build_deletes(
        make_previous, new_files):
    output = make_previous("out")
    previous = tree(output)

    def half_the_files():
        yield from new_files[:len(new_files) // 2]
        power_cut()

    assert crash(lambda: write_site(half_the_files(), output)) == 70
    assert tree(output) == previous and len(leftovers(output)) == 1
    write_site(new_files, output)
    assert tree(output) == expected_new(new_files) and leftovers(output) == []


def test_a_build_waits_while_another_writes_beside_the_same_output(make_previous, new_files):
    output = make_previous("out")
    previous = tree(output)
    finished = threading.Event()
    second = threading.Thread(target=lambda: (write_site(new_files, output), finished.set()))
    with output_lock(output):
        second.start()
        assert not finished.wait(0.3)  # it waits for the lock: no recovery of our staging
        assert tree(output) == previous
    second.join(30)
    assert finished.is_set() and tree(output) == expected_new(new_files)


def test_ctrl_c_during_agenda_build_exits_130_and_keeps_the_previous_output(
        make_previous, content, monkeypatch):
    output = make_previous("out")
    previous = tree(output)
    edit(content / "meeting.yaml", "short_title: Migration Statistics Technical Meeting 2022",
         NEW_TITLE)
    steps = FileSystemSteps(monkeypatch, fail_at=len({p.split("/")[0] for p in KEPT}) + 1,
                            fault=ctrl_c)  # when the old output is moved aside
    real_swap = swap.swap_in
    monkeypatch.setattr(swap, "swap_in", lambda *args: (steps.arm(), real_swap(*args)))
    monkeypatch.setattr("generator.site.write.swap_in", swap.swap_in)
    assert main(["build", "--content", str(content), "--output", str(output)]) == 130
    assert steps.steps[steps.fail_at - 1] == ("rename", (output, swap.old_folder(output)))
    assert tree(output) == previous and leftovers(output) == []


def test_agenda_build_recovers_an_output_a_crash_left_aside(make_previous, content):
    output = make_previous("out")
    # What a crash between moving the old output aside and the new one in leaves:
    # no output, the old site beside it, the kept entries in the staging folder.
    staging = output.parent / ".out.staging-999999"
    staging.mkdir()
    for name in {p.split("/")[0] for p in KEPT}:
        os.rename(output / name, staging / name)
    os.rename(output, output.parent / ".out.old-999999")
    assert main(["build", "--content", str(content), "--output", str(output)]) == 0
    built = tree(output)
    assert all(built[path.rstrip("/")] == data for path, data in KEPT.items())
    assert "index.html" in built and leftovers(output) == []


def test_the_site_itself_may_not_write_a_dot_entry_at_the_top(make_previous, new_files):
    # Recovery takes every dot-entry in a staging folder for one of the output's own.
    output = make_previous("out")
    previous = tree(output)
    with pytest.raises(OutputError, match="the site may not write .nojekyll: names starting"):
        write_site([*new_files, (".nojekyll", b"")], output)
    assert tree(output) == previous and leftovers(output) == []


def test_a_half_written_page_a_killed_dev_server_left_is_not_kept(make_previous, new_files):
    output = make_previous("out")
    (output / ".index.html.tmp").write_text("<!DOCTYPE html><html><head><title>Half")
    write_site(new_files, output)
    assert tree(output) == expected_new(new_files)
