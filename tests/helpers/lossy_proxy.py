"""A TCP proxy on loopback that can lose the server's answer.

With ``drop_responses`` set, a request reaches the real server and is
processed there, but the answer is thrown away and the connection closed:
exactly what a kiosk sees when the hall's network fails after the server
committed.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class LossyProxy:
    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.drop_responses = 0  # how many answers to lose, from now on
        self.dropped = 0
        self._lock = threading.Lock()

    def _take_drop(self) -> bool:
        with self._lock:
            if self.drop_responses > 0:
                self.drop_responses -= 1
                self.dropped += 1
                return True
            return False

    def handle(self, client: socket.socket) -> None:
        with client, socket.create_connection(("127.0.0.1", self.upstream_port)) as up:
            client.settimeout(5)
            up.settimeout(5)
            while True:
                try:
                    request = _read_http_message(client)
                except OSError:
                    return
                if not request:
                    return
                up.sendall(request)
                response = _read_http_message(up)
                if self._take_drop():
                    return  # the server did the work; the kiosk never hears of it
                client.sendall(response)


def _read_http_message(sock: socket.socket) -> bytes:
    """One HTTP/1.1 message with a Content-Length body (enough for JSON APIs)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


@contextmanager
def lossy_proxy(upstream_port: int) -> Iterator[tuple[LossyProxy, str]]:
    proxy = LossyProxy(upstream_port)
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.05)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=proxy.handle, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield proxy, f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(2)
        listener.close()
