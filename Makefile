# The two commands: `make run` and `make test`. Everything installs into .venv here.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint bench bench-scale-out lighthouse browser-deps clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

## Set up and start the site and a background worker on http://127.0.0.1:8000
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createcachetable
	$(PY) manage.py demo_data
	@echo "Starting the site on http://$(HOST):$(PORT)/ and a background worker (Ctrl-C stops both)"
	@trap 'kill 0' INT TERM EXIT; \
	  $(PY) manage.py qcluster & \
	  $(PY) manage.py runserver $(HOST):$(PORT)

## Every check: lint, format, Django checks, migrations, and the whole test suite
test: install browser-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(PY) manage.py check --fail-level WARNING
	$(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=config.settings.production SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))') ALLOWED_HOSTS=example.org EMAIL_URL=smtp+tls://mail.example.org:587 DEFAULT_FROM_EMAIL=safeguarding@example.org $(PY) manage.py check --deploy --fail-level WARNING
	$(VENV)/bin/pytest

## Figures: the journey, the page and submissions under load, the analysis pipeline, the
## dashboard, then Lighthouse on every public page
bench: install
	$(PY) bench/submission_load.py
	$(PY) bench/nlp_speed.py
	$(PY) bench/dashboard_speed.py
	$(MAKE) lighthouse

## Two web servers and two workers on PostgreSQL and Redis (DATABASE_URL, REDIS_URL), a flood
## of answers, one worker killed: every response stored once and analysed once
bench-scale-out: install
	$(PY) bench/scale_out.py

LIGHTHOUSE := bench/lighthouse/node_modules/.installed

$(LIGHTHOUSE): bench/lighthouse/package.json bench/lighthouse/package-lock.json
	@bash scripts/install-system-deps node
	npm ci --prefix bench/lighthouse --no-audit --no-fund --loglevel=error
	touch $@

## Lighthouse scores (mobile profile) for every public page of a demo site
lighthouse: install browser-deps $(LIGHTHOUSE)
	$(PY) bench/lighthouse.py

## Debian's Chromium for the browser tests, installed when missing
browser-deps:
	@bash scripts/install-system-deps

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache bench/lighthouse/node_modules
