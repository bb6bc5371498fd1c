# Two commands for a new user: `make book` and `make test`. Both set up .venv first.
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
JB_BUILD := $(BIN)/jupyter-book build . -W -n --keep-going
NBVAL := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg
# Every data file checked before a build or a notebook run: broken data stops it with one line.
DATA_CHECK := $(BIN)/python -m kratom_claims check

.PHONY: lint book test unit notebooks execute strict-build html-checks browser scale bench lock clean

$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $(STAMP)

book: $(STAMP)
	$(DATA_CHECK)
	rm -rf _build
	$(JB_BUILD)
	@echo "The book is at $(CURDIR)/_build/html/index.html"

test: lint unit notebooks strict-build html-checks browser scale

# Lint and format checks (ruff, configured in pyproject.toml): the package, tests, benchmarks, scripts,
# the Sphinx extensions and the notebooks' code cells. `ruff format .` fixes the formatting.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

unit: $(STAMP)
	$(BIN)/pytest -n 2 tests --ignore=tests/built_html --ignore=tests/browser --ignore=tests/scale

notebooks: $(STAMP)
	$(DATA_CHECK)
	$(BIN)/pytest -n 2 --dist loadfile $(NBVAL) notebooks book/method.ipynb

# Re-execute every notebook after a change to data or code, then drop the run's timestamps so that
# unchanged notebooks stay unchanged in git (nbval compares outputs, never timestamps).
execute: $(STAMP)
	$(DATA_CHECK)
	$(BIN)/jupyter-execute --inplace notebooks/*.ipynb book/method.ipynb
	$(BIN)/python scripts/strip_notebook_metadata.py notebooks/*.ipynb book/method.ipynb

strict-build: $(STAMP)
	$(DATA_CHECK)
	rm -rf _build
	$(JB_BUILD)

html-checks: $(STAMP)
	$(BIN)/pytest tests/built_html

browser: $(STAMP)
	bash scripts/ensure_browser.sh
	$(BIN)/pytest tests/browser

# The book at 15 articles: in a temporary copy, ten generated articles added with `add` and `accept`,
# the notebooks re-executed, a strict build, the built-HTML checks, and figure sizes measured in Chromium.
scale: $(STAMP)
	bash scripts/ensure_browser.sh
	$(BIN)/pytest tests/scale

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_extract.py

# Refresh the lock, requirements.txt, from the ranges in pyproject.toml (runtime and the book, test
# and dev extras), with the reason for every pin. A pin already in requirements.txt is kept while
# its range allows it; `make lock LOCK_ARGS=--upgrade` moves every pin to the newest release in
# range, `make lock LOCK_ARGS="--upgrade-package pandas"` one package. The lock is universal (Linux,
# macOS, Windows) for Python 3.11.5 and later, whatever machine runs this.
lock: $(STAMP)
	echo "-e .[book,test,dev]" | $(BIN)/uv pip compile - --universal --python-version 3.11.5 \
		--custom-compile-command "make lock" --quiet $(LOCK_ARGS) -o requirements.txt

clean:
	rm -rf _build
