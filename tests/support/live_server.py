"""The real dev server (`python -m generator serve`) as a subprocess on a free loopback port."""
from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 20.0
WAIT = 10.0  # bound on every "see the change served" wait


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LiveServer:
    def __init__(self, content: Path, output: Path, templates: Path | None = None,
                 env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.output = output
        command = [sys.executable, "-m", "generator", "serve", "--content", str(content),
                   "--output", str(output), "--port", str(self.port)]
        if templates is not None:
            command += ["--templates", str(templates)]
        self.process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True,
                                        env={**os.environ, **(env or {})})
        self.lines: list[str] = []
        threading.Thread(target=self._read_output, daemon=True).start()
        self.wait_until(lambda: "Serving the site at" in self.terminal(), START_TIMEOUT,
                        "the server never said where it serves")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def _read_output(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line)

    def terminal(self) -> str:
        return "".join(self.lines)

    def get(self, path: str, headers: dict | None = None) -> tuple[int, str]:
        """A raw request: the path is sent exactly as given, never normalised."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        try:
            connection.request("GET", path, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.read().decode("utf-8", "replace")
        finally:
            connection.close()

    def wait_until(self, condition, timeout: float = WAIT, what: str = "condition") -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if self.process.poll() is not None:
                raise AssertionError(f"server exited ({self.process.returncode}):\n{self.terminal()}")
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}; terminal:\n{self.terminal()}")
            time.sleep(0.05)

    def wait_for_text(self, path: str, text: str, status: int = 200) -> str:
        """Polls a page until it carries `text` with `status`; returns the body."""
        seen = {}

        def served() -> bool:
            seen["status"], seen["body"] = self.get(path)
            return seen["status"] == status and text in seen["body"]

        self.wait_until(served, what=f"{text!r} with status {status} at {path}")
        return seen["body"]

    def builds(self) -> int:
        """Rebuilds the terminal reported so far (good or failed)."""
        return sum(1 for line in self.lines if " changed: " in line)

    def stop(self, sig: int = signal.SIGINT, timeout: float = 10) -> int:
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise


async def open_reload_socket(port: int, origin: str | None = None):
    """A WebSocket speaking livereload's handshake, as the browser client does."""
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    origin = origin or f"http://127.0.0.1:{port}"
    request = HTTPRequest(f"ws://127.0.0.1:{port}/livereload", headers={"Origin": origin})
    socket_ = await websocket_connect(request)
    socket_.write_message(json.dumps({"command": "hello",
                                      "protocols": ["http://livereload.com/protocols/official-7"]}))
    hello = json.loads(await socket_.read_message())
    assert hello["command"] == "hello"
    socket_.write_message(json.dumps({"command": "info", "url": f"http://127.0.0.1:{port}/",
                                      "plugins": {}}))
    return socket_
