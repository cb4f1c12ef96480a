"""A real HTTP server on loopback that answers with scripted faults.

For the failures the reference server never produces on purpose: HTML error
pages, cut-off bodies, huge bodies, slow answers, Retry-After. Each request
takes the next scripted ``Fault`` (the last one repeats); every request is
recorded, so a test can check what the client sent.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Fault:
    status: int = 200
    body: bytes = b"{}"
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "application/json"})
    delay_s: float = 0.0
    declared_length: int | None = None  # lie about Content-Length, then close: a cut-off body
    chunk_repeat: int = 1  # send ``body`` this many times (for huge bodies without the memory)

    @classmethod
    def json(cls, status: int, obj: object, **headers: str) -> Fault:
        ctype = "application/problem+json" if status >= 400 else "application/json"
        return cls(status, json.dumps(obj).encode(), {"Content-Type": ctype, **headers})


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


class FaultServer:
    def __init__(self) -> None:
        self.script: list[Fault] = [Fault()]
        self.requests: list[Recorded] = []
        self._lock = threading.Lock()

    def answer(self, *faults: Fault) -> None:
        with self._lock:
            self.script = list(faults)

    def _next(self) -> Fault:
        with self._lock:
            return self.script.pop(0) if len(self.script) > 1 else self.script[0]


@contextmanager
def fault_server() -> Iterator[tuple[FaultServer, str]]:
    state = FaultServer()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            state.requests.append(Recorded(self.command, self.path, dict(self.headers), body))
            fault = state._next()
            if fault.delay_s:
                time.sleep(fault.delay_s)
            total = len(fault.body) * fault.chunk_repeat
            try:
                self.send_response(fault.status)
                for k, v in fault.headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(fault.declared_length or total))
                if fault.declared_length:
                    self.send_header("Connection", "close")
                self.end_headers()
                for _ in range(fault.chunk_repeat):
                    self.wfile.write(fault.body)
                if fault.declared_length:
                    self.close_connection = True
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True

        do_GET = do_POST = do_DELETE = do_PUT = _handle

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield state, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
