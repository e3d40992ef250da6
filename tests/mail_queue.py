"""Runs the durable mail queue's worker in a test, as `manage.py db_worker --backend mail` does."""

from unittest import mock

from inquiries.mail import drain_queue

# Between tasks the worker closes connections it deems stale, as a long-running process should.
# Inside a test's transaction the connection is not in autocommit, which Django takes for stale:
# on PostgreSQL it would close the test's own connection (SQLite's in-memory one survives).
KEEP_CONNECTION = "django_tasks_db.management.commands.db_worker.close_old_connections"


def run_mail_queue():
    with mock.patch(KEEP_CONNECTION):
        drain_queue()
