# The two set-up commands of the README: `make run` and `make test`.
# Everything is installed from uv.lock into .venv, so every install is the same.

PYTHON ?= python3.11
PORT ?= 8000
UV_VERSION = 0.13.9
TOOLS = .tools
UV = $(TOOLS)/bin/uv
VENV = .venv
PY = $(VENV)/bin/python
# Threaded workers: a slow photo stream must not block other requests.
GUNICORN_ARGS = --workers 2 --threads 8 --timeout 120 --graceful-timeout 20

.PHONY: run test lint demo worker clean

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet "uv==$(UV_VERSION)"

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --python $(PYTHON)
	touch $@

run: $(VENV)/.synced
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py ensure_admin
	@if [ -n "$$REDIS_URL" ]; then \
		echo "REDIS_URL is set: starting a Celery worker and beat alongside the web server"; \
		$(VENV)/bin/celery -A trek worker --beat --loglevel INFO --concurrency 2 \
			--schedule "$${DATA_DIR:-data}/celerybeat-schedule" & \
		worker=$$!; \
		trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	fi; \
	echo "Serving TREK on http://127.0.0.1:$(PORT)"; \
	$(VENV)/bin/gunicorn trek.wsgi $(GUNICORN_ARGS) --bind 127.0.0.1:$(PORT)

test: $(VENV)/.synced
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run --verbosity 0
	$(VENV)/bin/pytest

# The app with a fake Immich and Synology NAS and demo sign-ins, on ./data-demo.
demo: $(VENV)/.synced
	$(PY) -m tests.fakes.demo

lint: $(VENV)/.synced
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

clean:
	rm -rf $(VENV) $(TOOLS) .pytest_cache .ruff_cache
