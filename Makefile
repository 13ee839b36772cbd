# Two commands for a newcomer (see README):  make chat   ·   make test
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip install --quiet --disable-pip-version-check

.PHONY: chat test serve ingest eval bench clean

$(VENV)/.base: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) -e .
	touch $@

# dev + llm + st extras; torch is pinned to the local CPU build (torch==2.13.0) by the st extra
$(VENV)/.dev: $(VENV)/.base
	$(PIP) -e '.[dev,llm,st]'
	touch $@

chat: $(VENV)/.base            ## set up, build the index if needed, serve the staff chat on :7860
	$(PY) app.py

serve: $(VENV)/.base           ## the hotline HTTP API on :8000
	$(VENV)/bin/assistant serve

ingest: $(VENV)/.base
	$(VENV)/bin/assistant ingest

test: $(VENV)/.dev             ## set up, run the test suite, then the eval regression gate
	@scripts/ensure-browser.sh || echo "note: no Chromium; browser tests will be skipped"
	$(PY) -m pytest -q; code=$$?; if [ $$code -ne 0 ] && [ $$code -ne 5 ]; then exit $$code; fi
	$(VENV)/bin/assistant eval --dataset evals/dataset.jsonl --report reports/eval
	for f in evals/holdout.jsonl evals/blind-*.jsonl; do set=$$(basename $$f .jsonl); \
	  $(VENV)/bin/assistant eval --dataset evals/$$set.jsonl --thresholds evals/thresholds.$$set.toml \
	    --no-baseline --report reports/eval-$$set || exit $$?; done

bench: $(VENV)/.base           ## latency and build-time figures
	$(PY) scripts/bench.py

clean:
	rm -rf .data reports
