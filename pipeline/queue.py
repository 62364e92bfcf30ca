"""A work queue over several machines: one task per document, kept in a team's PostgreSQL database by
Procrastinate, taken by workers on any machine that reaches it.

- ``enqueue`` puts a task per document on the queue (the same task already waiting is not queued twice;
  the same document by a run with other options is another task);
- ``work`` takes tasks one at a time and hands each to the caller's ``handle`` (which translates the
  document with the shared memory and writes its outputs where the task says); with ``burst`` it returns
  when no task is left;
- a worker sends a heartbeat every ``HEARTBEAT_SECONDS``; the task of a worker silent for
  ``STALLED_SECONDS`` (killed, its machine gone) goes back on the queue, and another worker takes it.  The
  document is then done once: memory units are keyed (a second write of one adds nothing) and outputs are
  written whole or not at all;
- ``status`` counts the tasks queued, running, done and failed, with the error of each failure not done
  since (kept in ``zhen_queue_failures``: Procrastinate keeps that a job failed, not why).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass

import psycopg

from foundation.errors import UserError
from translate.memory.location import shown

QUEUE = "documents"
TASK = "translate_document"
HEARTBEAT_SECONDS = 2.0
STALLED_SECONDS = 10.0  # five heartbeats missed: the worker is gone
SCHEMA_LOCK = 7_220_029
_FAILURES = """
CREATE TABLE IF NOT EXISTS zhen_queue_failures (
  job_id bigint PRIMARY KEY,
  document text NOT NULL,
  error text NOT NULL,
  failed_at timestamptz NOT NULL DEFAULT now()
)
"""


def _app(location: str):
    import procrastinate  # loaded only where a queue is used

    return procrastinate.App(connector=procrastinate.PsycopgConnector(conninfo=location))


def _unreachable(location: str, error: Exception) -> UserError:
    reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return UserError(f"the queue at {shown(location)} cannot be reached ({reason}): start the server or check the "
                     "address and PGPASSWORD/~/.pgpass")  # fmt: skip


def prepare(location: str) -> None:
    """Procrastinate's tables and ours, made once (under a lock: two machines may start at once)."""
    try:
        with psycopg.connect(location, connect_timeout=10) as connection, connection.transaction():
            connection.execute("SELECT pg_advisory_xact_lock(%s)", [SCHEMA_LOCK])
            made = connection.execute("SELECT to_regclass('procrastinate_jobs')").fetchone()[0]
            if made is None:
                connection.execute(_app(location).schema_manager.get_schema())  # no parameters: % as written
            connection.execute(_FAILURES)
    except psycopg.OperationalError as error:
        raise _unreachable(location, error) from error


def enqueue(location: str, tasks: list[dict]) -> int:
    """Put each task on the queue (its ``document`` names it); how many were queued (one already waiting
    to be done is not queued again)."""
    from procrastinate.exceptions import AlreadyEnqueued

    prepare(location)
    app = _app(location)
    queued = 0
    with app.open():
        for arguments in tasks:
            try:
                lock = _task_key(arguments)  # the same document by the same run: once; by another run, again
                app.configure_task(name=TASK, queue=QUEUE, queueing_lock=lock).defer(**arguments)
                queued += 1
            except AlreadyEnqueued:
                continue
    return queued


def _task_key(arguments: dict) -> str:
    return hashlib.sha256(json.dumps(arguments, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def work(location: str, handle: Callable[[dict], None], burst: bool = False, name: str = "") -> None:
    """Take tasks and ``handle`` each (its arguments as enqueued) until stopped (Ctrl-C), or with ``burst``
    until none is left (none waiting, and none whose worker has gone silent)."""
    prepare(location)
    app = _app(location)
    name = name or f"{socket.gethostname()}-{os.getpid()}"
    # Procrastinate logs a failed job with its traceback; ``handle``'s caller says it in one line instead.
    logging.getLogger("procrastinate").addHandler(logging.NullHandler())
    logging.getLogger("procrastinate").propagate = False

    @app.task(name=TASK, queue=QUEUE, pass_context=True)
    def translate_document(context, **arguments) -> None:
        try:
            handle(arguments)
        except Exception as error:
            _record_failure(location, context.job.id, arguments.get("document", ""), error)
            raise

    options = {
        "queues": [QUEUE],
        "name": name,
        "concurrency": 1,  # a document takes the CPUs it is given: one at a time per worker
        "update_heartbeat_interval": HEARTBEAT_SECONDS,
        "stalled_worker_timeout": STALLED_SECONDS,
        "install_signal_handlers": True,
    }

    async def run() -> None:
        async with app.open_async():
            if burst:
                while True:
                    await _requeue_stalled(app)
                    await app.run_worker_async(wait=False, **options)
                    if not await _stalled(app) and not await _waiting(app):
                        return
            else:
                watch = asyncio.create_task(_watch_stalled(app))
                try:
                    await app.run_worker_async(wait=True, **options)
                finally:
                    watch.cancel()

    asyncio.run(run())


async def _stalled(app) -> list:
    return list(await app.job_manager.get_stalled_jobs(queue=QUEUE, seconds_since_heartbeat=STALLED_SECONDS))


async def _waiting(app) -> bool:
    return bool(list(await app.job_manager.list_jobs_async(queue=QUEUE, status="todo")))


async def _requeue_stalled(app) -> None:
    """The tasks of workers gone silent, back on the queue."""
    for job in await _stalled(app):
        await app.job_manager.retry_job(job)


async def _watch_stalled(app) -> None:
    while True:
        await _requeue_stalled(app)
        await asyncio.sleep(STALLED_SECONDS / 2)


def _record_failure(location: str, job_id: int, document: str, error: Exception) -> None:
    message = (str(error).strip().splitlines() or [type(error).__name__])[0][:2000]
    try:
        with psycopg.connect(location, connect_timeout=10) as connection:
            connection.execute(
                "INSERT INTO zhen_queue_failures (job_id, document, error) VALUES (%s, %s, %s) "
                "ON CONFLICT (job_id) DO UPDATE SET error = excluded.error, failed_at = now()",
                [job_id, document, message],
            )
    except psycopg.Error:
        pass  # the job is marked failed all the same; only its reason is lost


@dataclass(frozen=True)
class Failed:
    job: int
    document: str
    error: str


@dataclass(frozen=True)
class Status:
    counts: dict[str, int]  # queued, running, done, failed (and cancelled or aborted, if any)
    failures: list[Failed]


_SHOWN_STATUS = {"todo": "queued", "doing": "running", "succeeded": "done", "failed": "failed"}


def status(location: str) -> Status:
    prepare(location)
    try:
        with psycopg.connect(location, connect_timeout=10) as connection:
            rows = connection.execute(
                "SELECT status::text, count(*) FROM procrastinate_jobs WHERE queue_name = %s GROUP BY status",
                [QUEUE],
            ).fetchall()
            failures = connection.execute(
                "SELECT j.id, coalesce(f.document, j.args->>'document'), coalesce(f.error, 'no reason recorded') "
                "FROM procrastinate_jobs j LEFT JOIN zhen_queue_failures f ON f.job_id = j.id "
                "WHERE j.queue_name = %s AND j.status = 'failed' AND NOT EXISTS (SELECT 1 FROM procrastinate_jobs d "
                "WHERE d.queue_name = j.queue_name AND d.status = 'succeeded' AND d.id > j.id "
                "AND d.args->>'document' = j.args->>'document') ORDER BY j.id",
                [QUEUE],
            ).fetchall()
    except psycopg.OperationalError as error:
        raise _unreachable(location, error) from error
    counts = {shown_as: 0 for shown_as in _SHOWN_STATUS.values()}
    for state, count in rows:
        counts[_SHOWN_STATUS.get(state, state)] = count
    counts["failed"] = len(failures)  # a document failed and done since is done, not failed
    return Status(counts, [Failed(*row) for row in failures])
