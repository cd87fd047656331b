"""Debian's nginx (tools/system-deps.sh installs it) as a subprocess on a free loopback
port, configured with the README's location block (docs/examples/nginx.conf), its
pid file, logs and temporary folders all in one test folder. Used by tests only.
"""
from __future__ import annotations

import os
import socket
import subprocess
import time
from pathlib import Path

NGINX = "/usr/sbin/nginx"
EXAMPLE = Path(__file__).resolve().parents[2] / "docs/examples/nginx.conf"
# What the example names, replaced by the test's own sub-path and folder.
EXAMPLE_PREFIX = "/meetings/2022/"
EXAMPLE_FOLDER = "/var/www/agenda/"
START_TIMEOUT = 10.0

CONFIG = """\
daemon off;
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
{user}
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {work}/client_body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
{location}
    }}
}}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def location_block(prefix: str, folder: Path) -> str:
    """The README's example with the test's sub-path and folder in it."""
    lines = [line for line in EXAMPLE.read_text(encoding="utf-8").splitlines()
             if not line.lstrip().startswith("#")]
    text = "\n".join(lines)
    assert text.count(EXAMPLE_PREFIX) == 2 and text.count(EXAMPLE_FOLDER) == 1, \
        "docs/examples/nginx.conf no longer has the shape this test fills in"
    return text.replace(EXAMPLE_PREFIX, prefix).replace(EXAMPLE_FOLDER, f"{folder}/")


class Nginx:
    """nginx serving `folder` at http://127.0.0.1:PORT/PREFIX; `stop()` ends it."""

    def __init__(self, work: Path, folder: Path, prefix: str, port: int) -> None:
        if not Path(NGINX).is_file():
            raise RuntimeError(f"{NGINX} is missing; run tools/system-deps.sh (make test does)")
        self.work, self.port = work, port
        work.mkdir(parents=True, exist_ok=True)
        # As root, nginx's workers would run as `nobody`, who cannot read pytest's
        # private temporary folders: keep them as the user running the tests.
        user = "user root root;" if os.geteuid() == 0 else ""
        config = work / "nginx.conf"
        config.write_text(CONFIG.format(work=work, user=user, port=port,
                                        location=location_block(prefix, folder)),
                          encoding="utf-8")
        self.process = subprocess.Popen(
            [NGINX, "-p", f"{work}/", "-c", str(config), "-e", str(work / "error.log")],
            stdout=subprocess.DEVNULL, stderr=open(work / "stderr.log", "wb"))
        self._wait_until_listening()

    def _wait_until_listening(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx exited: {self.log()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"nginx did not listen on port {self.port}: {self.log()}")

    def log(self) -> str:
        return "".join(path.read_text(errors="replace") for path in
                       (self.work / "stderr.log", self.work / "error.log") if path.exists())

    def stop(self) -> None:
        """SIGTERM: nginx's fast shutdown, master and worker."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
