# The two commands of the README are `make start` and `make test`; the rest are their steps.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
SEARCH_PORT ?= 9200

# The site and the mail worker together (inquiries' mail waits in the database for the worker);
# Ctrl-C stops both.
SERVE_WITH_MAIL = trap 'kill 0' EXIT INT TERM; \
	$(PY) manage.py db_worker --backend=mail --queue-name='*' --no-reload & \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

.PHONY: start install test lint check serve search-node production

start: install  ## install, migrate, load the demo content and serve on http://127.0.0.1:8000
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_data
	$(PY) manage.py ensure_admin --url http://127.0.0.1:$(PORT)
	$(SERVE_WITH_MAIL)

install: $(VENV)/.installed  ## create the virtual environment with every dependency

$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $@

test: install  ## run the whole test suite (starts its own OpenSearch node: needs Java and Maven)
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m ruff check .
	$(VENV)/bin/lint-imports
	$(PY) -m pytest

# The production settings on this machine, over plain HTTP (no TLS here, so no HSTS, no secure
# cookies); everything else as on the public server. docs/deploy.md runs the same for the public.
LOCAL_PRODUCTION = DJANGO_SETTINGS_MODULE=portal.settings.production \
	SECRET_KEY="$${SECRET_KEY:-local-production-only-$$(hostname)}" \
	WAGTAILADMIN_BASE_URL="$${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$(PORT)}" \
	SECURE_SSL_REDIRECT=0 SECURE_COOKIES=0 SECURE_HSTS_SECONDS=0 SERVE_MEDIA=1 PORT=$(PORT)

production: install  ## the production settings under gunicorn on http://127.0.0.1:8000, with the mail worker
	$(LOCAL_PRODUCTION) $(PY) manage.py collectstatic --noinput -v0
	$(LOCAL_PRODUCTION) $(PY) manage.py migrate --noinput -v0
	trap 'kill 0' EXIT INT TERM; \
	$(LOCAL_PRODUCTION) $(PY) manage.py db_worker --backend=mail --queue-name='*' --no-reload & \
	$(LOCAL_PRODUCTION) $(VENV)/bin/gunicorn -c gunicorn.conf.py

serve: install  ## serve without reloading the demo content
	$(SERVE_WITH_MAIL)

search-node: install  ## build and run a local OpenSearch node on :9200 (Java 17, Maven); Ctrl-C stops it
	$(PY) searchnode/launcher.py --port $(SEARCH_PORT)
