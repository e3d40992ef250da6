"""The project's `background` django-tasks backend: one thread of the app process, off the
request path (settings `TASKS`). Any app may enqueue on it; search records searches with it.

Enough on a single app server: nothing waits for the task, and when the
queue is full (the database is slow) new tasks are dropped with a warning rather than piling up.
Tests use django-tasks' immediate backend instead.
"""

import logging
import queue
import threading

from django.db import close_old_connections
from django_tasks.backends.immediate import ImmediateBackend

logger = logging.getLogger(__name__)


class ThreadBackend(ImmediateBackend):
    supports_async_task = False

    def __init__(self, alias, params):
        super().__init__(alias, params)
        self._queue = queue.Queue(maxsize=params.get("OPTIONS", {}).get("max_queue", 1000))
        self._thread = None
        self._lock = threading.Lock()

    def _start(self):
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._work, name="tasks", daemon=True)
                self._thread.start()

    def _work(self):
        while True:
            task_result = self._queue.get()
            try:
                self._execute_task(task_result)
            finally:
                close_old_connections()
                self._queue.task_done()

    def enqueue(self, task, args, kwargs):
        self.validate_task(task)
        from django_tasks.base import TaskResult, TaskResultStatus
        from django_tasks.utils import get_random_id

        result = TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=None,
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )
        self._start()
        try:
            self._queue.put_nowait(result)
        except queue.Full:
            logger.warning("tasks: queue full, dropped %s", task.name)
        return result

    def join(self):
        """Wait until every queued task has run (benchmarks, shutdown)."""
        self._queue.join()
