"""Render a full build on two or more cores.

Rendering is pure Python and holds the GIL, so threads would not help: forked
workers each render every n-th output and stream the bytes back through a pipe;
the parent renders its own share meanwhile and hands everything to the writer
as it arrives, so no process keeps the whole site in memory. Small sites, and
systems without fork, render in one process.
"""
from __future__ import annotations

import contextlib
import gc
import os
import signal
import struct
import traceback
from functools import partial
from typing import Callable, Iterator, Sequence

from ..errors import RenderError

try:
    import fcntl
except ImportError:  # Windows: no fork either, so workers_for() keeps one process
    fcntl = None

MIN_OUTPUTS = 400          # below this, forking costs more than it saves
HEADER = struct.Struct("!II")
FAILED = 0xFFFFFFFF        # path length that marks an error report instead of a file
PIPE_BYTES = 1 << 20       # Linux's default limit for an unprivileged pipe


def workers_for(count: int) -> int:
    if count < MIN_OUTPUTS or not hasattr(os, "fork"):
        return 1
    return min(os.cpu_count() or 1, 4)


def render_all(outputs: Sequence, render: Callable[[object], bytes],
               workers: int | None = None,
               finish: Callable[[int, int], None] | None = None) -> Iterator[tuple[str, bytes]]:
    """(path, bytes) of every output, in no particular order.

    `finish(n, workers)` runs in each process (n = 0 for this one) once its share
    is rendered, e.g. to save what that process cached."""
    workers = workers_for(len(outputs)) if workers is None else workers
    finish = finish or (lambda slot, slots: None)
    if workers < 2:
        for output in outputs:
            yield output.path, render(output)
        finish(0, 1)
        return
    # Objects made so far are shared with the workers; frozen, the collector never
    # touches them, so their memory pages stay shared instead of being copied.
    gc.freeze()
    children = [_fork(outputs[n::workers], render, partial(finish, n, workers))
                for n in range(1, workers)]
    try:
        for output in outputs[0::workers]:
            yield output.path, render(output)
            for child in children:
                yield from child.ready()
        finish(0, workers)
        for child in children:
            yield from child.rest()
    finally:
        for child in children:
            child.close()
        gc.unfreeze()


class _Child:
    def __init__(self, pid: int, fd: int) -> None:
        self.pid, self.fd = pid, fd
        self.buffer = bytearray()
        self.done = False
        os.set_blocking(fd, False)

    def ready(self) -> Iterator[tuple[str, bytes]]:
        """Files the worker has sent so far, without waiting."""
        while not self.done:
            try:
                chunk = os.read(self.fd, 1 << 20)
            except BlockingIOError:
                break
            self._take(chunk)
        yield from self._frames()

    def rest(self) -> Iterator[tuple[str, bytes]]:
        os.set_blocking(self.fd, True)
        while not self.done:
            self._take(os.read(self.fd, 1 << 20))
            yield from self._frames()
        yield from self._frames()
        _, status = os.waitpid(self.pid, 0)
        self.pid = 0
        if os.waitstatus_to_exitcode(status) != 0:
            raise RenderError("a rendering worker stopped unexpectedly")

    def _take(self, chunk: bytes) -> None:
        if chunk:
            self.buffer += chunk
        else:
            self.done = True

    def _frames(self) -> Iterator[tuple[str, bytes]]:
        while len(self.buffer) >= HEADER.size:
            path_length, size = HEADER.unpack_from(self.buffer)
            start = HEADER.size + (0 if path_length == FAILED else path_length)
            if len(self.buffer) < start + size:
                return
            data = bytes(self.buffer[start:start + size])
            if path_length == FAILED:
                raise RenderError(data.decode("utf-8"))
            path = self.buffer[HEADER.size:start].decode("utf-8")
            del self.buffer[:start + size]
            yield path, data

    def close(self) -> None:
        if self.pid:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
            self.pid = 0
        os.close(self.fd)


def _fork(share: Sequence, render: Callable[[object], bytes],
          finish: Callable[[], None]) -> _Child:
    read_end, write_end = os.pipe()
    _widen(write_end)
    pid = os.fork()
    if pid:
        os.close(write_end)
        return _Child(pid, read_end)
    os.close(read_end)
    code = 0
    try:
        with os.fdopen(write_end, "wb", buffering=1 << 20) as pipe:
            try:
                for output in share:
                    data = render(output)
                    path = output.path.encode("utf-8")
                    pipe.write(HEADER.pack(len(path), len(data)) + path)
                    pipe.write(data)
                finish()
            except Exception as exc:  # reported by the parent, with the worker's message
                text = str(exc) if isinstance(exc, RenderError) else traceback.format_exc()
                message = text.encode("utf-8")
                pipe.write(HEADER.pack(FAILED, len(message)) + message)
    except BaseException:
        code = 1
    finally:
        os._exit(code)


def _widen(pipe: int) -> None:
    """Let a worker run ahead while the parent renders a slow page: the worker writes
    through a 1 MiB buffer, and a flush waits until the pipe has room for all of it,
    which with the default 64 KiB means until the parent has read it in 16 goes, and
    the parent reads only between its own pages. A 1 MiB pipe takes a whole flush."""
    resize = getattr(fcntl, "F_SETPIPE_SZ", None)  # Linux only
    if resize is not None:
        with contextlib.suppress(OSError):  # a lower system limit only costs speed
            fcntl.fcntl(pipe, resize, PIPE_BYTES)
