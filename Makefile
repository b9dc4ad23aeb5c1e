# Two commands for everyone: `make lab` (start the course) and `make test` (run every check).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8888
# JupyterLab refuses to run as root without --allow-root.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)
NOTEBOOK ?= notebooks

ROSTER ?= roster.csv

.PHONY: lab test test-fast lint app bench bench-quick doctor handouts class clean help

help:
	@echo "make lab       create .venv if needed, install nbkit, start JupyterLab on notebooks/ (127.0.0.1, token)"
	@echo "make test      install the test extras and run the whole suite, notebooks and browser tests included"
	@echo "make test-fast the inner loop: tests and doctests not marked slow or e2e, 50 hypothesis examples (< 1 min)"
	@echo "make lint      ruff check, ruff format --check and mypy (configured in pyproject.toml)"
	@echo "make app       the code-free view of the course (Voila) on 127.0.0.1; NOTEBOOK=notebooks/02-....ipynb for one"
	@echo "make bench     benchmarks (ratios against a baseline), written to benchmarks/README.md"
	@echo "make doctor    check this machine for everything the course needs"
	@echo "make handouts  learner and teacher handouts (HTML) of every notebook into handouts/"
	@echo "make class     the class hub for the learners in ROSTER (default roster.csv): nbkit class serve"
	@echo "make clean     remove .venv and caches"
	@echo "Each target installs the nbkit extras it needs (pyproject.toml): lab, tools, class; test installs all."

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The core package (a learner's kernel: frames, quizzes, charts, progress), then one stamp per extra.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-%: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[$*]'
	touch $@ $(VENV)/.installed

# The class hub proxies learners through configurable-http-proxy (npm).
$(VENV)/.installed-class: node_modules/.installed

# make test installs every extra, and keeps the core's wheels in a wheelhouse for the test that installs
# the core package alone into a fresh virtualenv with no network (tests/test_lean_install.py).
$(VENV)/.installed-test: pyproject.toml node_modules/.installed | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -c 'import tomllib; print(*tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"], sep="\n")' \
	  > $(VENV)/core-requirements.txt
	$(BIN)/python -m pip download --quiet --dest $(VENV)/wheelhouse --only-binary=:all: -r $(VENV)/core-requirements.txt
	touch $@ $(VENV)/.installed $(VENV)/.installed-lab $(VENV)/.installed-tools $(VENV)/.installed-class

# Node.js tools (package.json, versions pinned in package-lock.json): configurable-http-proxy for the
# class hub, axe-core for the browser tests' accessibility audit. Installed with the machine's npm.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

lab: $(VENV)/.installed-lab
	$(BIN)/jupyter lab --no-browser --ip=127.0.0.1 --port=$(PORT) $(ALLOW_ROOT) --notebook-dir=notebooks

app: $(VENV)/.installed-lab
	$(BIN)/nbkit app $(NOTEBOOK)

doctor: $(VENV)/.installed
	$(BIN)/nbkit doctor

handouts: $(VENV)/.installed-tools
	$(BIN)/nbkit handout --edition learner --to html --output handouts/learner
	$(BIN)/nbkit handout --edition teacher --to html --output handouts/teacher

# The class hub needs root (one system user per learner); the roster is a CSV of name[,display name].
class: $(VENV)/.installed-class $(VENV)/.installed-lab
	$(BIN)/nbkit class serve --roster $(ROSTER)

# Tests run hermetically (Jupyter and IPython state and learner progress in a temporary folder) and,
# where the machine allows it (root, unshare, ip), in a network namespace with only loopback, so any
# test that reaches the internet fails. NBKIT_REQUIRE_OFFLINE=1 (CI) makes a missing namespace an error.
# Browser tests need Debian's Chromium: they skip without it, and fail without it when NBKIT_E2E_REQUIRED=1.
# $(call hermetic,PYTEST ARGS): run pytest that way; HYPOTHESIS_PROFILE picks the examples per property
# (tests/conftest.py: "ci" 1,000, "dev" 50).
define hermetic
@tmp=$$(mktemp -d) && \
export IPYTHONDIR=$$tmp/ipython JUPYTER_CONFIG_DIR=$$tmp/jupyter-config \
       JUPYTER_DATA_DIR=$$tmp/jupyter-data JUPYTER_RUNTIME_DIR=$$tmp/jupyter-runtime \
       NBKIT_PROGRESS=$$tmp/progress.json MPLCONFIGDIR=$$tmp/mpl && \
if scripts/offline.sh true >/dev/null 2>&1; then runner=scripts/offline.sh; \
  echo "make $@: running with no network (loopback only)"; \
elif [ "$${NBKIT_REQUIRE_OFFLINE:-}" = 1 ]; then \
  echo "make $@: cannot make a network namespace (needs root, unshare and ip) but NBKIT_REQUIRE_OFFLINE=1" >&2; exit 1; \
else runner=; echo "make $@: no network namespace here (needs root, unshare and ip); running with the network"; fi && \
$$runner $(BIN)/python -m pytest $(1); \
status=$$?; rm -rf $$tmp; exit $$status
endef

# Everything: tests, nbkit doctests, notebooks (nbval) and the browser tests.
test: export HYPOTHESIS_PROFILE ?= ci
test: $(VENV)/.installed-test
	$(call hermetic,--nbval-lax --nbval-current-env tests nbkit notebooks)

# The inner loop: no notebooks (nbval is not even loaded), nothing marked slow or e2e.
test-fast: export HYPOTHESIS_PROFILE ?= dev
test-fast: $(VENV)/.installed-test
	$(call hermetic,-p no:nbval -m "not slow and not e2e" -q tests nbkit)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/run.py
	@if [ "$$(id -u)" = 0 ]; then $(BIN)/python benchmarks/class_spawn.py --write; \
	else echo "make bench: the class hub benchmark needs root (system users); skipped"; fi

bench-quick: $(VENV)/.installed-test
	$(BIN)/python benchmarks/run.py --quick

clean:
	rm -rf $(VENV) node_modules .pytest_cache .hypothesis build dist *.egg-info handouts
