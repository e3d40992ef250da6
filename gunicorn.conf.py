"""gunicorn's settings for the portal (docs/deploy.md): `gunicorn -c gunicorn.conf.py`.

Threads rather than processes alone: a page waits mostly on the database and the search engine,
and threads share one process's caches. Every value can be overridden from the environment.
"""

import multiprocessing
import os

wsgi_app = "portal.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("GUNICORN_WORKERS", min(multiprocessing.cpu_count(), 4)))
threads = int(os.environ.get("GUNICORN_THREADS", 4))
worker_class = "gthread"
# A request that takes longer than this is a bug or an attack: the worker is replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
keepalive = 5
# Workers are replaced now and then, so a slow leak never grows into an outage.
max_requests = 2000
max_requests_jitter = 200
# The app is loaded once, before forking: workers share its memory and start fast.
preload_app = True
# The reverse proxy (nginx, docs/deploy.md) sets X-Forwarded-Proto; trust it only from itself.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# No access log by default: nginx keeps one, and URLs of buyers' private pages carry their
# signed link. Errors go to stderr for the service manager's journal.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
