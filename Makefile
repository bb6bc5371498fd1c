# Two commands for a new user: `make book` and `make test`. Both set up .venv first.
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
JB_BUILD := $(BIN)/jupyter-book build . -W -n --keep-going
NBVAL := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg
# Every data file checked before a build or a notebook run: broken data stops it with one line.
DATA_CHECK := $(BIN)/python -m kratom_claims check

.PHONY: lint book test unit notebooks execute strict-build html-checks browser scale bench bench-report bench-build bench-large lab lock clean single-page pdf handouts slides dist test-pdf

$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $(STAMP)

# The build renders the notebooks' saved outputs (_config.yml: execute_notebooks "off"), so the
# book first brings every notebook up to date (make execute): it always shows what today's data
# and code give. It builds from a clean _build, so no page is ever kept from an earlier build.
book: execute
	rm -rf _build
	$(JB_BUILD)
	@echo "The book is at $(CURDIR)/_build/html/index.html"

# Each notebook is executed once: by nbval (make notebooks), which fails when its saved outputs
# differ from what the data and code give now; the strict build then renders those outputs and
# executes nothing (tests/built_html/test_build_execution.py counts what the build executed).
test: lint unit notebooks strict-build html-checks browser test-pdf scale

# Lint and format checks (ruff, configured in pyproject.toml): the package, tests, benchmarks, scripts,
# the Sphinx extensions and the notebooks' code cells. `ruff format .` fixes the formatting.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

unit: $(STAMP)
	$(BIN)/pytest -n 2 tests --ignore=tests/built_html --ignore=tests/browser --ignore=tests/pdf --ignore=tests/scale

notebooks: $(STAMP)
	$(DATA_CHECK)
	$(BIN)/pytest -n 2 --dist loadfile $(NBVAL) notebooks book/method.ipynb

# Re-execute every notebook after a change to data or code, one kernel per core, then drop any run
# timestamps so that unchanged notebooks stay unchanged in git (nbval compares outputs, never
# timestamps). A notebook that this machine already ran from exactly today's data, code and
# environment, and that nobody changed since, is skipped (scripts/execute_notebooks.py says how it
# knows); `make execute EXECUTE_ARGS=--force` runs them all.
execute: $(STAMP)
	$(DATA_CHECK)
	$(BIN)/python scripts/execute_notebooks.py $(EXECUTE_ARGS) notebooks/*.ipynb book/method.ipynb
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

# The book at 15 articles: in a temporary copy, ten generated articles added with `add` and `accept`,
# the notebooks re-executed, a strict build, the built-HTML checks, and figure sizes measured in Chromium.
scale: $(STAMP)
	bash scripts/ensure_browser.sh
	$(BIN)/pytest tests/scale

# Every benchmark runs even if an earlier one misses its target; the exit status is 1 if any did.
bench: $(STAMP)
	status=0; \
	$(BIN)/python benchmarks/bench_extract.py || status=1; \
	$(BIN)/python benchmarks/bench_report.py || status=1; \
	$(BIN)/python benchmarks/bench_build.py || status=1; \
	exit $$status

# `report` on one new article of about 1,000 words, timed against reading and extracting it.
bench-report: $(STAMP)
	$(BIN)/python benchmarks/bench_report.py

# JupyterLab on the project, its kernel the pinned environment (the notebooks import kratom_claims).
# It prints the address to open, with its token; `make lab LAB_ARGS=--no-browser` opens no browser.
# Jupyter refuses to start as root (a container, a lab machine's admin account) without --allow-root.
lab: $(STAMP)
	$(BIN)/jupyter lab --ServerApp.root_dir=$(CURDIR) $(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ARGS)

# The book's build against Jupyter Book's sample book, side by side (part of make bench).
bench-build: $(STAMP)
	$(BIN)/python benchmarks/bench_build.py

# The extract command's peak memory over 100,000 synthetic articles (about 530 MB of files in a
# temporary folder, a few minutes): it must not grow with the corpus.
bench-large: $(STAMP)
	$(BIN)/python benchmarks/bench_extract.py --only-memory --articles 100000

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
