# Pilot in Swift. The README's two commands: `make reproduce` and `make test`.
# Every target installs the native dependencies it needs first (`make deps`).

SWIFT   ?= swift
SCALE   ?= small
THREADS ?=
RUNS    ?= runs

RELEASE_BIN := .build/release/pilot
DEBUG_BIN   := .build/debug/pilot
THREAD_FLAG := $(if $(THREADS),--threads $(THREADS),)

.PHONY: all deps build test reproduce bench fixtures clean

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

## reproduce: the main job (see README: what it runs today)
reproduce: build
	@mkdir -p $(RUNS)
	$(RELEASE_BIN) info $(THREAD_FLAG)
	$(RELEASE_BIN) pretrain --scale $(SCALE) --base-dir $(RUNS)/base $(THREAD_FLAG)
	$(RELEASE_BIN) data baselines --scale $(SCALE) --base-dir $(RUNS)/base $(THREAD_FLAG) --out $(RUNS)/world-baselines.md
	$(RELEASE_BIN) bench kernels $(THREAD_FLAG) --out $(RUNS)/bench-kernels.md

## bench: kernel benchmark (run nothing else on the machine meanwhile)
bench: build
	$(RELEASE_BIN) bench kernels $(THREAD_FLAG)

## fixtures: regenerate the PyTorch golden fixtures (needs torch, numpy, h5py: see the script)
fixtures:
	$(or $(PYTHON),python3) scripts/make_golden_fixtures.py

clean:
	rm -rf .build $(RUNS)
