# Pilot in Swift. The README's two commands: `make reproduce` and `make test`.
# Every target installs the native dependencies it needs first (`make deps`).

SWIFT   ?= swift
SCALE   ?= small
THREADS ?=
RUNS    ?= runs
# Seeds per table cell: 3 (the issue's default); the smoke check runs one to stay within minutes.
SEEDS   ?= $(if $(filter smoke,$(SCALE)),1,3)
# Pretrained bases every seed runs on: 1 fits the hour; BASES=3 samples the base-to-base variance (docs/studies.md).
BASES   ?= 1
# Test items per client instead of the scale's (validation keeps its size): TEST_PER_CLIENT=352 is R3's size
# (about 1.7x the compute of the default; docs/notes.md). Such runs are distinct runs and render beside them.
TEST_PER_CLIENT ?=
TEST_FLAG := $(if $(TEST_PER_CLIENT),--test-per-client $(TEST_PER_CLIENT),)
VARIANT   := $(SCALE)$(if $(TEST_PER_CLIENT),-test$(TEST_PER_CLIENT),)
# The default reproduction (small) renders into Figures/ (in git); other scales and test sizes beside their runs.
FIGURES ?= $(if $(filter small,$(VARIANT)),Figures,$(RUNS)/figures-$(VARIANT))
# The paper's numbers beside ours and its claims checked (the top-level file at the default).
PAPER_REPRO ?= $(if $(filter small,$(VARIANT)),paper-repro.md,$(RUNS)/paper-repro-$(VARIANT).md)

RELEASE_BIN := .build/release/pilot
DEBUG_BIN   := .build/debug/pilot
THREAD_FLAG := $(if $(THREADS),--threads $(THREADS),)

.PHONY: all deps build test test-slurm reproduce tune figures bench fixtures clean

all: build

## deps: install libopenblas-dev libhdf5-dev hdf5-tools gnuplot-nox (apt-get, only when missing)
deps:
	@./scripts/install-deps.sh

## build: the optimised `pilot` executable
build: deps
	$(SWIFT) build -c release --product pilot

## test: the whole test suite (XCTest), run under the OpenBLAS environment `pilot` itself uses
test: deps
	$(SWIFT) build --product pilot
	$(DEBUG_BIN) exec -- $(SWIFT) test --disable-swift-testing

## test-slurm: `pilot study submit --slurm` on a real single-node Slurm (Debian's slurm-wlm and munge, installed when
## missing; daemons started and stopped by scripts/slurm-local.sh): the smoke reproduction through Slurm must render
## the same bytes as the local executor's, resubmit nothing, and resume a requeued task. Needs root or sudo.
test-slurm: build
	@scripts/slurm-local.sh install
	$(MAKE) reproduce SCALE=smoke RUNS=$(RUNS)
	scripts/slurm-e2e.sh $(RUNS)

## reproduce: the main job: the base, the world's per-task table, every study of Studies/ (tables and
## figures into $(FIGURES)), the kernel benchmark. Interrupt and rerun at will: finished runs are kept.
reproduce: build
	@mkdir -p $(RUNS)
	$(RELEASE_BIN) info $(THREAD_FLAG)
	$(RELEASE_BIN) pretrain --scale $(SCALE) --bases $(BASES) --base-dir $(RUNS)/base $(THREAD_FLAG)
	$(RELEASE_BIN) data baselines --scale $(SCALE) $(TEST_FLAG) --base-dir $(RUNS)/base $(THREAD_FLAG) --out $(RUNS)/world-baselines$(if $(TEST_PER_CLIENT),-test$(TEST_PER_CLIENT),).md
	$(RELEASE_BIN) study run --scale $(SCALE) $(TEST_FLAG) --seeds $(SEEDS) --bases $(BASES) --base-dir $(RUNS)/base --runs $(RUNS) --out $(FIGURES) --paper-repro $(PAPER_REPRO) $(THREAD_FLAG)
	$(RELEASE_BIN) bench kernels $(THREAD_FLAG) --out $(RUNS)/bench-kernels.md

## tune: every method's grid on validation data (the tuning studies, one seed), its tables into $(FIGURES)/tune-*,
## then each selection beside what Studies/Tuned.swift records (exit 1, naming them, when any changed)
tune: build
	@mkdir -p $(RUNS)
	$(RELEASE_BIN) pretrain --scale $(SCALE) --base-dir $(RUNS)/base $(THREAD_FLAG)
	$(RELEASE_BIN) study run --tuning --scale $(SCALE) --base-dir $(RUNS)/base --runs $(RUNS) --out $(FIGURES) $(THREAD_FLAG)
	$(RELEASE_BIN) study tuning --scale $(SCALE) --base-dir $(RUNS)/base --runs $(RUNS)

## figures: re-render every table and figure from the runs' HDF5 checkpoints alone (no training)
figures: build
	$(RELEASE_BIN) figures --scale $(SCALE) $(TEST_FLAG) --seeds $(SEEDS) --runs $(RUNS) --out $(FIGURES) --paper-repro $(PAPER_REPRO)

## bench: kernel benchmark (run nothing else on the machine meanwhile)
bench: build
	$(RELEASE_BIN) bench kernels $(THREAD_FLAG)

## fixtures: regenerate the golden fixtures from the PyTorch reference reference/pilot_tiny.py
## (PYTHON: an interpreter with `pip install torch numpy h5py`)
fixtures:
	$(or $(PYTHON),python3) scripts/make_golden_fixtures.py

clean:
	rm -rf .build $(RUNS)
