# One-step set-up, the main job, the tests.  `make setup` is idempotent: a
# second run checks two things and returns in seconds.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
# What translating and publishing need: WeasyPrint's Pango; without libharfbuzz-subset0 it subsets CJK
# fonts 10x slower.  Noto CJK sets the Chinese, Liberation Serif the English, Noto Color Emoji what a
# report's text may carry.  LibreOffice is optional: only .doc, .odt and .rtf inputs need it, and
# `translate` says so in one line when such a file comes without it.
RUNTIME_PACKAGES := fonts-noto-cjk fonts-noto-color-emoji fonts-liberation2 libharfbuzz-subset0 libpango-1.0-0 \
  libpangoft2-1.0-0
# The tests' real clients: poppler and qpdf check the PDFs, LibreOffice opens the DOCX as a reader would
# (and converts the older formats), OmegaT (on a JRE) is the CAT tool our XLIFF and TMX are handed to,
# Chromium drives the review app, and PostgreSQL is a team's memory (the tests start a cluster of their own
# in a temporary folder; the package's own cluster is not used).
TEST_PACKAGES := poppler-utils qpdf libreoffice-writer-nogui omegat default-jre-headless chromium postgresql
TINY_MODEL := build/tiny-zh_en.argosmodel
DEMO_PACKAGES := build/argos-packages
DEMO_TM := build/demo-tm.sqlite
# translate-toolkit, a second XLIFF reader for the tests, in a folder of its own: its package is also
# called 'translate', and in the venv it would shadow ours.
TOOLKIT := build/translate-toolkit
TOOLKIT_VERSION := 3.20.4

.PHONY: setup test-setup runtime-packages test-packages demo test lint tiny-model bench bench-fidelity bench-engine \
  clean

setup: runtime-packages $(STAMP)

test-setup: setup test-packages $(TEST_STAMP) $(TOOLKIT)/.installed

runtime-packages:
	@$(MAKE) --no-print-directory system-packages PACKAGES="$(RUNTIME_PACKAGES)"

test-packages:
	@$(MAKE) --no-print-directory system-packages PACKAGES="$(TEST_PACKAGES)"

# Installs what of $(PACKAGES) is missing, with apt-get's chatter in build/apt.log (shown only on failure).
system-packages:
	@missing=$$(for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	missing=$$(echo $$missing); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    mkdir -p build; echo "installing system packages: $$missing (log: build/apt.log)"; \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	      $$missing; } > build/apt.log 2>&1 || { tail -20 build/apt.log; exit 1; }; \
	  else \
	    echo "missing system packages; run: sudo apt-get install -y $$missing"; exit 1; \
	  fi; \
	fi

$(STAMP): pyproject.toml constraints.txt
	@echo "installing the package into $(VENV)"
	@$(PYTHON) -m venv $(VENV)
	@$(BIN)/pip install -q --upgrade pip
	@$(BIN)/pip install -q -c constraints.txt -e .
	@touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(BIN)/pip install -q -c constraints.txt -e '.[test]'
	touch $(TEST_STAMP)

$(TOOLKIT)/.installed: $(TEST_STAMP) Makefile
	$(BIN)/pip install -q --upgrade --target $(TOOLKIT) -c constraints.txt translate-toolkit==$(TOOLKIT_VERSION)
	touch $@

$(TINY_MODEL): $(STAMP) translate/engines/argos/tiny.py seeds/*.txt
	@$(BIN)/python -m translate.engines.argos.tiny $(TINY_MODEL) --seeds seeds

tiny-model: $(TINY_MODEL)

# The main job.  The seeds' reference English (seeds/*.en.tmx, human
# translations) goes into a memory of the demo's own, so the DOCX and PDF read
# as the finished product; whatever the memory lacks goes to the engine.  With
# no zh→en model installed that is the tiny test model in build/, whose English
# is nonsense.
demo: setup
	@for tmx in seeds/*.en.tmx; do $(BIN)/translate tm import $$tmx --tm $(DEMO_TM) || exit 1; done
	@if $(BIN)/translate models list | grep -q 'zh→en'; then \
	  $(BIN)/translate seeds/ --to en --tm $(DEMO_TM); \
	else \
	  echo "no zh→en model installed: segments outside the memory go to the tiny test model, whose English is nonsense."; \
	  echo "For real machine translation: $(BIN)/translate models install zh-en"; \
	  $(MAKE) --no-print-directory $(TINY_MODEL) && \
	  ARGOS_PACKAGES_DIR=$(DEMO_PACKAGES) $(BIN)/translate models install --file $(TINY_MODEL) && \
	  ARGOS_PACKAGES_DIR=$(DEMO_PACKAGES) $(BIN)/translate seeds/ --to en --tm $(DEMO_TM); \
	fi
	@echo "outputs in $(CURDIR)/out/: *.zh-en.pdf and *.zh-en.docx to hand out, *.zh-en.xlf to post-edit in a CAT" \
	  "tool or '$(BIN)/translate review', *.zh-en.qa.json what QA found"

lint: test-setup
	$(BIN)/ruff check foundation glossary translate publish pipeline review commands tests bench
	$(BIN)/glossary check --glossary glossary/governance.tsv

test: test-setup lint
	$(BIN)/pytest -q

bench: test-setup
	$(BIN)/python -m bench

# QA on the official 2024 translation: how often it cries wolf (targets: terms <= 5%, numbers <= 1%).
# The dev set, then the held-out sets (both run whatever the first gives; the exit says whether both met).
bench-fidelity: test-setup
	$(BIN)/python -m bench.fidelity; dev=$$?; $(BIN)/python -m bench.heldout && exit $$dev

# The engine on a random transformer-base model: pipeline vs raw CTranslate2 vs a call per
# sentence (targets: >= 0.9x raw, >= 3x per sentence).  Minutes; SEGMENTS=120 for a sample.
bench-engine: test-setup
	$(BIN)/python -m bench.engine $(if $(SEGMENTS),--segments $(SEGMENTS))

clean:
	rm -rf build out
