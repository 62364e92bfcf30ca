"""Worker processes that one Ctrl-C stops at once, all of them, with no traceback and no orphan.

A terminal's Ctrl-C goes to every process of the foreground group: left to
itself, each worker raises KeyboardInterrupt wherever it is (inside
WeasyPrint, or waiting on its queue), prints a traceback, and the executor's
shutdown then waits for work that will never report.  So workers ignore
SIGINT, and the process that started them decides: on any exception
(KeyboardInterrupt included) it kills them and waits for them to be gone, and
for any child of theirs it adopted (it is their subreaper, so a killed
worker's child is re-parented to it, not to init, which may reap it late).  A
killed worker leaves every output either old or new (writes are atomic); the
caller says which files are complete.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing import resource_tracker, util
from pathlib import Path


@contextmanager
def ctrl_c_held() -> Iterator[None]:
    """Ctrl-C held back for the block, and delivered at its end: a process started inside it (a worker, the
    resource tracker) is born with Ctrl-C held, so that none dies of it half-started, with a traceback."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _started(initializer: Callable[..., None] | None, *initargs) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops us: see the module's note
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # held since birth; one pending is dropped
    if initializer is not None:
        initializer(*initargs)


class _Pool(ProcessPoolExecutor):
    def submit(self, *args, **kwargs):
        with ctrl_c_held():  # the call that starts the workers (the first) starts them with Ctrl-C held
            return super().submit(*args, **kwargs)


@contextmanager
def worker_pool(
    workers: int, start: str, initializer: Callable[..., None] | None = None, initargs: tuple = ()
) -> Iterator[ProcessPoolExecutor]:
    """A process pool (``start``: "fork" or "spawn") whose workers are killed if the block is left by an
    exception, and whose work not yet started is dropped in any case."""
    _adopt_orphans()
    with ctrl_c_held():
        pool = _Pool(
            workers,
            mp_context=multiprocessing.get_context(start),
            initializer=_started,
            initargs=(initializer, *initargs),
        )
    try:
        yield pool
    except BaseException:  # Ctrl-C, or a generator closed early (GeneratorExit): nothing more is wanted
        _kill(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _kill(pool: ProcessPoolExecutor) -> None:
    """Every worker killed and waited for.  A worker is killed once it has no child of its own: one still
    importing WeasyPrint runs ldconfig and gcc to find its libraries, and a worker killed under them would
    leave them to finish as no one's children.  Those take milliseconds, so this waits at most
    ``CHILDREN_WAIT`` seconds for them before killing regardless."""
    # ProcessPoolExecutor has no public way to stop running work before Python 3.14 (kill_workers); its
    # process table is the one handle on them.
    processes = [p for p in (getattr(pool, "_processes", None) or {}).values() if p.is_alive()]
    before = _own_children()
    deadline = time.monotonic() + CHILDREN_WAIT
    while processes:
        waiting = []
        for process in processes:
            if _has_children(process.pid) and time.monotonic() < deadline:
                waiting.append(process)
            else:
                process.kill()
                process.join(timeout=5)
        processes = waiting
        if processes:
            time.sleep(0.01)
    _reap_orphans(before, deadline)


def _adopt_orphans() -> None:
    """This process made the subreaper of what it starts (Linux): a child a killed worker leaves behind is
    re-parented here, not to init, so that this process can wait for it before it exits."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # not Linux: orphans go to init, as everywhere else


PR_SET_CHILD_SUBREAPER = 36


def _own_children() -> set[int]:
    children: set[int] = set()
    for task in Path("/proc/self/task").glob("*"):
        try:
            children |= {int(pid) for pid in (task / "children").read_text().split()}
        except OSError:
            continue
    return children


def _reap_orphans(before: set[int], deadline: float) -> None:
    """Wait for the children the killed workers left (adopted here: they were not this process's children
    before), each until ``deadline``, then kill it; none is left a zombie or running after this process."""
    while orphans := _own_children() - before:
        for pid in orphans:
            try:
                if time.monotonic() >= deadline:
                    os.kill(pid, signal.SIGKILL)
                    os.waitpid(pid, 0)
                else:
                    os.waitpid(pid, os.WNOHANG)
            except (ChildProcessError, ProcessLookupError):
                continue
        time.sleep(0.01)


CHILDREN_WAIT = 2.0


def _has_children(pid: int) -> bool:
    try:
        return bool(Path(f"/proc/{pid}/task/{pid}/children").read_text().split())
    except OSError:  # no /proc (not Linux), or the process is gone: nothing to wait for
        return False


def _stop_resource_tracker() -> None:
    """The resource tracker a spawned pool started would end only after this process, as a child no one
    waits for: ended and waited for instead, after every semaphore's own clean-up has run (so it finds
    nothing left to unlink)."""
    if resource_tracker._resource_tracker._pid is not None:  # started by this process (a worker only shares it)
        resource_tracker._resource_tracker._stop()


# Run by multiprocessing's exit handler after the finalizers of priority 0 (semaphores, queues).
util.Finalize(None, _stop_resource_tracker, exitpriority=-1)
