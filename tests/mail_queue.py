"""Runs the durable mail queue's worker in a test, as `manage.py db_worker --backend mail` does."""

from django.core.management import call_command


def run_mail_queue():
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
