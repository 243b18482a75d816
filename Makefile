# Everything a newcomer needs: `make run` to see the site, `make test` to check it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
PORT ?= 8000

.PHONY: help setup run serve release test pytest test-postgres fuzz smoke bench bench-quick lint format superuser clean backup restore loadtest screenshots

help:
	@echo "make run        set up and serve the site at http://127.0.0.1:8000/ (PORT=8001 for another port)"
	@echo "make test       set up, lint and run the whole suite on SQLite, on every core (about 5 minutes)"
	@echo "make test-postgres  the whole suite on a throwaway PostgreSQL cluster"
	@echo "make fuzz       the generated-input tests with 300 new random examples per address and form (3,000 texts for the Markdown shortcut)"
	@echo "make smoke      serve with gunicorn, PostgreSQL and Redis as production does, and check it"
	@echo "make serve      production server: gunicorn, several workers (see README, Production)"
	@echo "make release    once per release, from one machine: migrate the database"
	@echo "make bench      every page under load at 100,000 events, SQLite and PostgreSQL (README, Performance)"
	@echo "make bench-quick  the same on small data, SQLite only, a second per URL, no warm-up (run by CI)"
	@echo "make setup      install, migrate, load the seed content, collect static files"
	@echo "make screenshots  the README's screenshots of five page types at 360 and 1280 px"
	@echo "make superuser  create an editor account for /admin/"
	@echo "make lint       ruff, Django's checks and the missing-migration check"
	@echo "make backup     write all content to backups/content-<time>.json"
	@echo "make restore FILE=backups/content-....json  load a backup into an empty database"
	@echo "make loadtest   nginx, Varnish, gunicorn, PostgreSQL under visitors, a hostile mix and an editor (5 minutes;"
	@echo "                LOADTEST_SECONDS=20 for a short run, as CI does)"

# The runtime set (requirements.txt) is all `make run` installs; the tests, browser,
# benchmark and plotting packages (requirements-dev.txt) come with `make test`.
$(STAMP): requirements.txt
	@bash scripts/check-prerequisites.sh "$(PYTHON)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $(STAMP)

$(DEV_STAMP): $(STAMP) requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(DEV_STAMP)

setup: $(STAMP)
	$(PY) manage.py compilemessages --ignore=.venv --verbosity 0
	$(PY) manage.py migrate --noinput
	$(PY) manage.py setup_roles
	$(PY) manage.py load_content seed --quiet
	$(PY) manage.py collectstatic --noinput --verbosity 0

run: setup
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# The suite runs on every core (pytest-xdist). PYTEST_ARGS adds options, e.g.
# PYTEST_ARGS="-n 0 -k timeline" for one test in one process.
PYTEST := $(PY) -Wd -m pytest -n auto --durations=20 $(PYTEST_ARGS)

test: setup $(DEV_STAMP)
	@start=$$(date +%s); \
	$(MAKE) --no-print-directory lint pytest; status=$$?; \
	echo "make test: lint and suite took $$(( $$(date +%s) - start )) s wall-clock (budget 300 s)"; \
	exit $$status

pytest: $(DEV_STAMP)
	$(PYTEST)

test-postgres: $(DEV_STAMP)
	@start=$$(date +%s); \
	bash scripts/with-postgres.sh $(PYTEST); status=$$?; \
	echo "make test-postgres: $$(( $$(date +%s) - start )) s wall-clock"; \
	exit $$status

# Hypothesis's "fuzz" profile: new random examples each run, failures kept in .hypothesis/.
fuzz: setup $(DEV_STAMP)
	HYPOTHESIS_PROFILE=fuzz $(PYTEST) tests/test_fuzz.py tests/test_plain_markdown.py

smoke: $(STAMP)
	bash scripts/with-postgres.sh bash scripts/with-redis.sh $(PY) scripts/smoke_production.py

# Figures in results/ (git ignores it); the dataset is built once per scale and seed in var/bench/.
# --peer: the reference Wagtail site beside ours (scripts/peer.py, installed once in var/peer/);
# --front: warm pages through nginx → Varnish too. bench-quick (CI) does neither.
bench: setup $(DEV_STAMP)
	$(PY) scripts/bench.py --scale large --peer --front $(BENCH_ARGS)
	bash scripts/with-postgres.sh $(PY) scripts/bench.py --scale large --peer --front $(BENCH_ARGS)

# CI's smoke form: every page once through wrk for a second, cold and warm; fails on any
# error response. Its figures are indicative only.
bench-quick: setup $(DEV_STAMP)
	$(PY) scripts/bench.py --scale small --quick --seconds 1 --warmup 0

# Production: the environment says everything (README, "Production"); these refuse to start
# without a secret key, and serve only after the deploy check passes.
serve: $(STAMP)
	DJANGO_ENV=production $(PY) manage.py collectstatic --noinput --verbosity 0
	DJANGO_ENV=production $(PY) manage.py check --deploy --fail-level WARNING
	DJANGO_ENV=production exec $(BIN)/gunicorn --config config/gunicorn.py

release: $(STAMP)
	DJANGO_ENV=production $(PY) manage.py migrate --noinput

lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(PY) manage.py check --fail-level WARNING
	$(PY) manage.py makemigrations --check --dry-run

format: $(DEV_STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

backup: $(STAMP)
	$(PY) manage.py backup_content --output-dir backups

restore: $(STAMP)
	@test -n "$(FILE)" || { echo "usage: make restore FILE=backups/content-....json"; exit 2; }
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_content --require-empty "$(FILE)"
	$(PY) manage.py setup_roles

LOADTEST_SECONDS ?= 300
loadtest: setup
	LOADTEST_SECONDS=$(LOADTEST_SECONDS) PY=$(PY) bash scripts/loadtest.sh

# The README's screenshots (docs/screenshots/), in Debian's Chromium.
screenshots: setup $(DEV_STAMP)
	DJANGO_DEBUG= $(PY) scripts/screenshots.py

superuser: setup
	$(PY) manage.py createsuperuser

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 .pytest_cache .ruff_cache .hypothesis
