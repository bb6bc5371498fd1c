# Two commands for a new user: `make book` and `make test`. Both set up .venv first.
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
JB_BUILD := $(BIN)/jupyter-book build . -W -n --keep-going
NBVAL := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg
# Every data file checked before a build or a notebook run: broken data stops it with one line.
DATA_CHECK := $(BIN)/python -m kratom_claims check

.PHONY: lint book test unit notebooks execute strict-build html-checks browser bench lock clean single-page pdf handouts slides dist test-pdf

$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $(STAMP)

book: $(STAMP)
	$(DATA_CHECK)
	rm -rf _build
	$(JB_BUILD)
	@echo "The book is at $(CURDIR)/_build/html/index.html"

test: lint unit notebooks strict-build html-checks browser test-pdf

# Lint and format checks (ruff, configured in pyproject.toml): the package, tests, benchmarks, scripts,
# the Sphinx extensions and the notebooks' code cells. `ruff format .` fixes the formatting.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

unit: $(STAMP)
	$(BIN)/pytest -n 2 tests --ignore=tests/built_html --ignore=tests/browser --ignore=tests/pdf

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
	bash scripts/ensure_print.sh
	$(BIN)/pytest tests/browser

# The book as one HTML page from the committed notebook outputs (strict), which `make pdf` prints
# and from which `make handouts` takes the answer key (_build/print/_build/singlehtml/book.html).
single-page: $(STAMP)
	$(DATA_CHECK)
	bash scripts/ensure_browser.sh
	$(BIN)/python scripts/printing.py

# The whole book as one PDF (dist/kratom-claims-VERSION.pdf), offline, printed by Debian's Chromium.
pdf: single-page
	$(BIN)/python scripts/make_pdf.py --skip-build

# The 50-minute lesson's handouts and the teacher's answer key, as PDFs in dist/handouts/.
handouts: single-page
	$(BIN)/python scripts/make_handouts.py --skip-build

# The 50-minute lesson as reveal.js slides (dist/slides/lesson.slides.html), offline: reveal.js
# comes from npm (print/slides/package-lock.json), installed by scripts/ensure_print.sh.
slides: $(STAMP)
	$(DATA_CHECK)
	bash scripts/ensure_print.sh
	$(BIN)/python scripts/make_slides.py

# One versioned archive, dist/kratom-claims-VERSION.tar.gz: the HTML book, the PDF, the handouts,
# the slides and the published data. The printed editions come first, so that the book links them.
dist: pdf handouts slides
	$(MAKE) book
	$(BIN)/python scripts/make_dist.py

# Checks of the printed outputs, read back with poppler-utils: chapters, figures, one-page
# handouts, every solution in the answer key and none elsewhere; the slides open offline; the
# archive packs every part. It packs the book that `make strict-build` built (make test runs that first).
test-pdf: pdf handouts slides
	bash scripts/ensure_print.sh
	$(BIN)/python scripts/make_dist.py
	$(BIN)/pytest tests/pdf

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
	rm -rf _build dist
