"""A local webhook receiver for tests: answers with a programmable list of
status codes (then 200), optionally after a delay, verifies signatures
independently of claims.webhooks, and records every request. Also a server
that resets every connection, as a crashed receiver behind a proxy does."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def verify(secret: str, headers: dict[str, str], body: bytes) -> bool:
    key = base64.b64decode(secret.split("_", 1)[1])
    signed = f"{headers['webhook-id']}.{headers['webhook-timestamp']}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    return any(
        sig.startswith("v1,") and hmac.compare_digest(sig[3:], expected)
        for sig in headers["webhook-signature"].split()
    )


@dataclass
class Received:
    event_id: str
    status: int
    signature_ok: bool
    payload: dict


@dataclass
class Receiver:
    secret: str = ""
    script: list[int] = field(default_factory=list)
    received: list[Received] = field(default_factory=list)
    delay: float = 0.0  # seconds to wait before answering (a slow CMS)
    first_answer: int | None = None  # the status of each event's first request

    def start(self) -> str:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                headers = {k.lower(): v for k, v in self.headers.items()}
                status = receiver.script.pop(0) if receiver.script else 200
                seen = any(r.event_id == headers["webhook-id"] for r in receiver.received)
                if receiver.first_answer is not None and not seen:
                    status = receiver.first_answer
                receiver.received.append(
                    Received(
                        headers["webhook-id"],
                        status,
                        verify(receiver.secret, headers, body),
                        json.loads(body),
                    )
                )
                if receiver.delay:
                    time.sleep(receiver.delay)
                try:
                    self.send_response(status)
                    self.send_header("Content-Length", "2")
                    self.end_headers()
                    self.wfile.write(b"ok")
                except OSError:  # the sender gave up waiting (read timeout)
                    pass

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}/hooks"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def delivered_ids(self) -> list[str]:
        """Event ids the receiver acknowledged with a 2xx (what it acted on)."""
        return [r.event_id for r in self.received if 200 <= r.status < 300]


class ResettingServer:
    """Accepts each connection and resets it at once (TCP RST)."""

    def __init__(self) -> None:
        self.connections = 0
        self._sock = socket.create_server(("127.0.0.1", 0))
        self._sock.settimeout(0.2)
        self._running = True
        threading.Thread(target=self._serve, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._sock.getsockname()[1]}/hooks"

    def _serve(self) -> None:
        while self._running:
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            # Linger 0: close() sends RST instead of FIN.
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            conn.close()

    def stop(self) -> None:
        self._running = False
        self._sock.close()
