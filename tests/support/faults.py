"""Injected file-system faults: fail the k-th file-system step a piece of code takes.

`FileSystemSteps` wraps the real os and shutil functions that change folders
(each call is one step; a call made inside another, such as rmtree's own
unlinks, is part of that step) and, once armed, counts them: the k-th step can
raise an error or a KeyboardInterrupt before or after it is done, or end the
process on the spot as a power cut would (in a forked child).
"""
from __future__ import annotations

import errno
import os
import shutil
from typing import Callable

STEP_FUNCTIONS = ((os, "rename"), (os, "replace"), (os, "mkdir"), (os, "rmdir"),
                  (os, "unlink"), (shutil, "rmtree"), (shutil, "move"))


def disk_error() -> None:
    raise OSError(errno.EIO, "injected input/output error")


def ctrl_c() -> None:
    raise KeyboardInterrupt


def power_cut() -> None:
    os._exit(70)  # no cleanup, no finally blocks: as if the machine stopped


class FileSystemSteps:
    def __init__(self, monkeypatch, fail_at: int | None = None,
                 fault: Callable[[], None] = disk_error, after: bool = False) -> None:
        self.fail_at, self.fault, self.after = fail_at, fault, after
        self.armed = False
        self.steps: list[tuple[str, tuple]] = []  # (function, arguments) of each counted step
        self._depth = 0
        for module, name in STEP_FUNCTIONS:
            monkeypatch.setattr(module, name, self._wrap(name, getattr(module, name)))

    def arm(self) -> None:
        self.armed = True

    def _wrap(self, name: str, real):
        def step(*args, **kwargs):
            counted = self.armed and self._depth == 0
            if counted:
                self.steps.append((name, args))
            failing = counted and len(self.steps) == self.fail_at
            if failing and not self.after:
                self.fault()
            self._depth += 1
            try:
                result = real(*args, **kwargs)
            finally:
                self._depth -= 1
            if failing:
                self.fault()  # the step was done, then the signal or error arrived
            return result
        return step
