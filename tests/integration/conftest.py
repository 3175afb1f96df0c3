"""A real Celery worker process on the configured broker (the filesystem
broker by default, Redis or RabbitMQ in CI) and the test database."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def worker_database_url() -> str:
    """DATABASE_URL of the test database pytest-django created."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    user = db["USER"] or ""
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{user}{password}@{db['HOST']}{port}/{db['NAME']}"


class Worker:
    def __init__(
        self, log: Path, *, queues: str = "", concurrency: int = 1, **extra_env: str
    ) -> None:
        """`queues` is the worker's -Q (comma-separated names); empty serves
        every queue, as `make run` does."""
        self.log = log
        env = {
            **os.environ,
            "DATABASE_URL": worker_database_url(),
            "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
            "CELERY_TASK_DEFAULT_QUEUE": settings.CELERY_TASK_DEFAULT_QUEUE,
            # Tests serve the pages workers fetch from 127.0.0.1.
            "FETCH_ALLOW_PRIVATE_URLS": "true",
            **extra_env,
        }
        self._log_file = log.open("w")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "factcheck",
                "worker",
                "--loglevel",
                "info",
                "--concurrency",
                str(concurrency),
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                *(["--queues", queues] if queues else []),
            ],
            cwd=ROOT,
            env=env,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so kill() takes the pool too
        )

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_ready(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if "ready." in self.output():
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        pytest.fail(f"worker did not start:\n{self.output()}")

    def kill(self) -> None:
        """SIGKILL the worker and its pool processes, as an OOM killer or a
        pulled plug would: no shutdown, no acknowledgements."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log_file.close()


class Gunicorn:
    """The app under gunicorn (sync workers) on the test database: what
    production runs, with persistent database connections per worker."""

    def __init__(self, log: Path, *, workers: int = 2, **extra_env: str) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        self._log_file = log.open("w")
        env = {
            **os.environ,
            "DATABASE_URL": worker_database_url(),
            "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
            "CELERY_TASK_DEFAULT_QUEUE": settings.CELERY_TASK_DEFAULT_QUEUE,
            **extra_env,
        }
        self.process = subprocess.Popen(
            [
                str(Path(sys.executable).with_name("gunicorn")),
                "factcheck.wsgi",
                "--workers",
                str(workers),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_ready(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.2)
        pytest.fail(f"gunicorn did not start:\n{self.log.read_text(errors='replace')}")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self._log_file.close()


@pytest.fixture
def worker(transactional_db, tmp_path) -> Iterator[Worker]:
    w = Worker(tmp_path / "worker.log")
    try:
        w.wait_ready()
        yield w
    finally:
        w.stop()


def wait_for(predicate, *, timeout: float, worker: Worker, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        if worker.process.poll() is not None:
            pytest.fail(f"worker exited while waiting for {what}:\n{worker.output()}")
        time.sleep(0.25)
    pytest.fail(f"timed out waiting for {what}; worker log:\n{worker.output()}")
