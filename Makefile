# Two commands for everyone: `make lab` (start the course) and `make test` (run every check).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8888
# JupyterLab refuses to run as root without --allow-root.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: lab test app bench clean help

help:
	@echo "make lab    create .venv if needed, install nbkit, start JupyterLab on notebooks/ (127.0.0.1, token)"
	@echo "make test   install the test extras and run the whole suite, notebooks included"
	@echo "make clean  remove .venv and caches"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

lab: $(VENV)/.installed
	$(BIN)/jupyter lab --no-browser --ip=127.0.0.1 --port=$(PORT) $(ALLOW_ROOT) --notebook-dir=notebooks

# Tests run hermetically: Jupyter and IPython state and learner progress go to a temporary folder.
test: $(VENV)/.installed-test
	@tmp=$$(mktemp -d) && \
	export IPYTHONDIR=$$tmp/ipython JUPYTER_CONFIG_DIR=$$tmp/jupyter-config \
	       JUPYTER_DATA_DIR=$$tmp/jupyter-data JUPYTER_RUNTIME_DIR=$$tmp/jupyter-runtime \
	       NBKIT_PROGRESS=$$tmp/progress.json MPLCONFIGDIR=$$tmp/mpl && \
	$(BIN)/python -m pytest --nbval-lax --nbval-current-env tests notebooks; \
	status=$$?; rm -rf $$tmp; exit $$status

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build dist *.egg-info
