"""Runs the durable mail queue's worker in a test, as `manage.py db_worker --backend mail` does."""

from unittest import mock

from django.core.management import call_command

# Between tasks the worker closes connections it deems stale, as a long-running process should.
# Inside a test's transaction the connection is not in autocommit, which Django takes for stale:
# on PostgreSQL it would close the test's own connection (SQLite's in-memory one survives).
KEEP_CONNECTION = "django_tasks_db.management.commands.db_worker.close_old_connections"


def run_mail_queue():
    with mock.patch(KEEP_CONNECTION):
        # As options on the command line: the command's argparse checks its `--backend` there.
        call_command(
            "db_worker",
            "--backend=mail",
            "--queue-name=*",
            "--batch",
            "--no-startup-delay",
            "--no-reload",
            "--interval=0",
            verbosity=0,
        )
