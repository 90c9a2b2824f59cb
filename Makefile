# SPDX-License-Identifier: LGPL-2.1-only
#
# make release    a full signed release of the example app for every buildable board, into dist/
# make setup      install what the build and the tests need (idempotent)
# make test       everything CI runs: unit and corpus tests (also with the 32-bit value word), Embedded Swift check,
#                 the host tests under AddressSanitizer, a short fuzzing run
# make example    build p14p and run the example application
# make bench      p14p against python3 -I -S (and $MICROPYTHON) on bench/*.py: time and instructions, as ratios
# make link-order the functions a run uses, placed first in the shipped static p14p (Sources/p14p/link-order.txt)
# make size       each board's firmware: flash by part of the VM, data, bss, heap in use at start
# make embedded   compile the VM core with Embedded Swift for armv7em
# make asan       the host tests under AddressSanitizer (scratch path .build-asan)
# make value32    the corpus against a p14p with a 32-bit board's value word (.build-value32)
# make fuzz       build the libFuzzer targets and run each for FUZZ_SECONDS (docs/reliability.md)
# make fuzz-ci    each fuzz target for a fixed FUZZ_RUNS from its seeds, then its regression inputs

SWIFT ?= swift
EMBEDDED_TARGET ?= armv7em-none-none-eabi
VM_SOURCES := $(shell find Sources/PyMiteVM -name '*.swift')

# Release settings: make release RELEASE=0A APP=path/to/app DIST=out SIGNING_KEY=path FORCE=1 ALLOW_DIRTY=1
DIST ?= dist
APP ?= examples/hello
# The release the tree is stamped for (Sources/p14p/Release.swift, written by `p14p-dist stamp`).
RELEASE ?= $(shell sed -n 's/.*"release":"\([0-9A-Fa-f]*\)".*/\1/p' Sources/p14p/Release.swift)
# Kept outside dist/ so that publishing or cleaning dist/ never touches the private key.
SIGNING_KEY ?= $(HOME)/.config/p14p/release.key
P14P_DIST = $$($(SWIFT) build --show-bin-path)/p14p-dist

.PHONY: setup build test unit value32 value32-build embedded asan fuzz-build fuzz fuzz-ci example release bench link-order size clean
# fuzz-run-<target> and fuzz-ci-<target> are pattern rules: never files.

setup:
	@command -v $(SWIFT) >/dev/null || { echo "make setup: Swift 6 toolchain not found on PATH" >&2; exit 1; }
	@command -v python3 >/dev/null || { apt-get update && apt-get install -y python3; }
	@# p14p-dist links libarchive and OpenSSL (pkg-config finds them); its tests use the openssl, tar and minisign CLIs,
	@# and open the release pages in headless Chromium.
	@missing=""; \
	pkg-config --version >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v minisign >/dev/null || missing="$$missing minisign"; \
	pkg-config --exists libarchive 2>/dev/null || missing="$$missing libarchive-dev"; \
	pkg-config --exists openssl 2>/dev/null || missing="$$missing libssl-dev"; \
	command -v openssl >/dev/null || missing="$$missing openssl"; \
	if [ -n "$$missing" ]; then \
		echo "make setup: installing$$missing"; \
		apt-get update && apt-get install -y $$missing; \
	fi
	@# The packages' SBOMs are checked against the CycloneDX 1.5 schema by cyclonedx-python-lib's validator (PipelineTests).
	@python3 -c "import cyclonedx.validation.json, jsonschema" 2>/dev/null || \
		{ echo "make setup: installing cyclonedx-python-lib[validation] (pip)"; python3 -m pip install --quiet "cyclonedx-python-lib[validation]==7.6.2"; }
	@# Board firmware (P14PFirmwareTests, p14p-dist run): QEMU, and the cross C libraries and libgcc.
	@missing=""; \
	for p in qemu-system-arm qemu-system-misc gcc-arm-none-eabi libnewlib-arm-none-eabi \
		gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf; do \
		dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "make setup: installing$$missing"; \
		apt-get update && apt-get install -y $$missing; \
	fi

build: setup
	$(SWIFT) build

# The VM core must stay portable: no Foundation, no existentials, typed throws.
embedded: setup
	@mkdir -p .build
	swiftc -target $(EMBEDDED_TARGET) -enable-experimental-feature Embedded -wmo \
		-parse-as-library -module-name PyMiteVM -c $(VM_SOURCES) -o .build/PyMiteVM-embedded.o
	@echo "PyMiteVM compiles with Embedded Swift for $(EMBEDDED_TARGET)"

# The board tests ask a host p14p with the boards' value word (.build-value32)
# whether a program fits a board's heap before they run it under QEMU.
VALUE32_P14P = $$($(SWIFT) build --show-bin-path --scratch-path .build-value32)/p14p
unit: setup value32-build
	$(SWIFT) build --build-tests
	P14P_BOARD_HOST_BIN=$(VALUE32_P14P) $(SWIFT) test --skip-build

# The VM with the value word of a 32-bit board (-D P14P_VALUE32: 31-bit
# small ints, 4-byte headers and slots) built for the host, in debug so
# every heap access is checked: the corpus runs against it, so the layout
# every board uses is tested here as well as under QEMU.
value32-build: setup
	$(SWIFT) build --product p14p --scratch-path .build-value32 -Xswiftc -DP14P_VALUE32

value32: value32-build
	$(SWIFT) build --build-tests
	P14P_BIN=$(VALUE32_P14P) P14P_VALUE_BITS=32 $(SWIFT) test --skip-build --filter CorpusTests

# The host tests again, built with AddressSanitizer: the VM does its own
# memory management with unsafe pointers, and ASan sees what a wrong offset
# does before it becomes a wrong answer. The firmware tests (QEMU) and the
# release pipeline run in `unit` only: under ASan they cost minutes and
# check no VM memory the others do not. Leak checking is off here: at exit
# LeakSanitizer reports what XCTest, Foundation's Process and tests that
# make a bare Heap never free; the fuzzers check the compiler and the VM
# for leaks input by input instead.
ASAN_TESTS ?= PyMiteVMTests|PyMiteCompilerTests|CorpusTests|FuzzRegressionTests
# ASan's fake stack would hide the real stack addresses the VM's C stack
# limit compares (recursion would then run into the guard page).
ASAN_RUN_OPTIONS := detect_leaks=0:detect_stack_use_after_return=0
asan: setup
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	ASAN_OPTIONS=$(ASAN_RUN_OPTIONS) $(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan --filter '$(ASAN_TESTS)'

# Fuzzing: Fuzz/ is a package of libFuzzer executables (fuzz-compiler,
# fuzz-image, fuzz-vm, fuzz-recipe) over Sources/PyMiteFuzz, built with
# -sanitize=fuzzer,address in its own scratch path. Seeds: Fuzz/corpus/<target>
# (plus the test corpus and the recipes); what a run learns goes to
# .build-fuzz/corpus/<target>, crashes to .build-fuzz/crashes/<target>/.
FUZZ_TARGETS := compiler image vm recipe
FUZZ_SECONDS ?= 60
FUZZ_RUNS ?= 2000
FUZZ_BUILD := .build-fuzz
FUZZ_BIN = $(FUZZ_BUILD)/release
FUZZ_FLAGS_compiler := -max_len=4096 -timeout=10
FUZZ_FLAGS_image := -max_len=8192 -timeout=10
FUZZ_FLAGS_vm := -max_len=2048 -timeout=30
# TOMLKit 0.6 leaks the C array behind TOMLTable.keys (a few bytes per
# recipe read), so the recipe target runs without LeakSanitizer, per input
# (-detect_leaks=0) and at exit (ASAN_OPTIONS).
FUZZ_FLAGS_recipe := -max_len=4096 -timeout=10 -detect_leaks=0
FUZZ_ENV_recipe := ASAN_OPTIONS=detect_leaks=0:detect_stack_use_after_return=0
# Swift's own crash backtracer would run inside ASan's report and trip it.
FUZZ_ENV := SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_stack_use_after_return=0
FUZZ_SEEDS_compiler := Fuzz/corpus/compiler Tests/corpus examples
FUZZ_SEEDS_image := Fuzz/corpus/image
FUZZ_SEEDS_vm := Fuzz/corpus/vm
FUZZ_SEEDS_recipe := Fuzz/corpus/recipe recipes/releases

# --sanitize instruments the root package only (here Fuzz/); the -X flags
# carry coverage and ASan into the dependencies, where the code under test is.
# ld.gold warns "Cannot export local symbol" for every ASan helper: harmless, filtered.
FUZZ_SANITIZE := --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address \
	-Xcc -fsanitize=fuzzer-no-link,address -Xcxx -fsanitize=fuzzer-no-link,address
fuzz-build: setup
	@mkdir -p $(FUZZ_BUILD)
	@echo "make fuzz-build: building Fuzz/ with -sanitize=fuzzer,address (log: $(FUZZ_BUILD)/build.log)"
	@$(SWIFT) build -c release --package-path Fuzz --scratch-path $(FUZZ_BUILD) $(FUZZ_SANITIZE) \
		> $(FUZZ_BUILD)/build.log 2>&1; status=$$?; \
		grep -v 'Cannot export local symbol' $(FUZZ_BUILD)/build.log | tail -$$([ $$status = 0 ] && echo 2 || echo 60); \
		exit $$status

# FUZZ_SECONDS per target (make fuzz FUZZ_TARGETS=vm FUZZ_SECONDS=3600 for one).
fuzz: $(addprefix fuzz-run-,$(FUZZ_TARGETS))

fuzz-run-%: fuzz-build
	@mkdir -p $(FUZZ_BUILD)/corpus/$* $(FUZZ_BUILD)/crashes/$*
	@echo "make fuzz: fuzz-$* for $(FUZZ_SECONDS) s (log: $(FUZZ_BUILD)/fuzz-$*.log)"
	@$(FUZZ_ENV) $(FUZZ_ENV_$*) $(FUZZ_BIN)/fuzz-$* $(FUZZ_FLAGS_$*) -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
		-artifact_prefix=$(FUZZ_BUILD)/crashes/$*/ $(FUZZ_BUILD)/corpus/$* $(FUZZ_SEEDS_$*) \
		> $(FUZZ_BUILD)/fuzz-$*.log 2>&1 \
		|| { tail -40 $(FUZZ_BUILD)/fuzz-$*.log; echo "make fuzz: fuzz-$* found a crash: $(FUZZ_BUILD)/crashes/$*/" >&2; exit 1; }
	@grep -E '^stat::number_of_executed_units' $(FUZZ_BUILD)/fuzz-$*.log

# CI: FUZZ_RUNS inputs per target from a fresh copy of the seeds (fixed
# seed, so a run is repeatable), then every saved regression input once.
# Python reproducers (Fuzz/regressions/vm/*.py) run in FuzzRegressionTests.
# While Fuzz/regressions/vm/pending/ holds reproducers of VM bugs not fixed
# yet, the targets that run programs (image, vm) would fail CI on them at
# random: they then run with -fork=1 -ignore_crashes=1 and report what they
# find without failing. With pending/ empty, any crash fails CI.
FUZZ_RUNS_PROGRAMS := image vm
fuzz-ci: $(addprefix fuzz-ci-,$(FUZZ_TARGETS))

fuzz-ci-%: fuzz-build
	@rm -rf $(FUZZ_BUILD)/ci-corpus/$*; mkdir -p $(FUZZ_BUILD)/ci-corpus/$* $(FUZZ_BUILD)/crashes/$*
	@pending="$(if $(filter $*,$(FUZZ_RUNS_PROGRAMS)),$(wildcard Fuzz/regressions/vm/pending/*.py))"; keep=""; \
	if [ -n "$$pending" ]; then keep="-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1"; fi; \
	echo "make fuzz-ci: fuzz-$*, $(FUZZ_RUNS) runs (log: $(FUZZ_BUILD)/fuzz-ci-$*.log)"; \
	$(FUZZ_ENV) $(FUZZ_ENV_$*) $(FUZZ_BIN)/fuzz-$* $(FUZZ_FLAGS_$*) $$keep -runs=$(FUZZ_RUNS) -seed=1 -print_final_stats=1 \
		-artifact_prefix=$(FUZZ_BUILD)/crashes/$*/ $(FUZZ_BUILD)/ci-corpus/$* $(FUZZ_SEEDS_$*) \
		> $(FUZZ_BUILD)/fuzz-ci-$*.log 2>&1; status=$$?; \
	grep -E '^stat::number_of_executed_units|^#[0-9]+: cov' $(FUZZ_BUILD)/fuzz-ci-$*.log | tail -1; \
	if [ -n "$$pending" ]; then \
		echo "make fuzz-ci: fuzz-$*: $$(echo $$pending | wc -w) known VM bugs open (Fuzz/regressions/vm/pending/):" \
			"$$(grep -oE 'oom/timeout/crash: [0-9/]+' $(FUZZ_BUILD)/fuzz-ci-$*.log | tail -1) this run," \
			"in $(FUZZ_BUILD)/crashes/$*/, reported, not failing"; \
	elif [ $$status != 0 ]; then \
		tail -40 $(FUZZ_BUILD)/fuzz-ci-$*.log; echo "make fuzz-ci: fuzz-$* crashed" >&2; exit 1; \
	fi
	@inputs=$$(find Fuzz/regressions/$* -maxdepth 1 -type f ! -name '*.py' ! -name '.*' ! -name '*.md'); \
	if [ -n "$$inputs" ]; then \
		$(FUZZ_ENV) $(FUZZ_ENV_$*) $(FUZZ_BIN)/fuzz-$* $(FUZZ_FLAGS_$*) $$inputs > $(FUZZ_BUILD)/fuzz-ci-$*-regressions.log 2>&1 \
			|| { tail -40 $(FUZZ_BUILD)/fuzz-ci-$*-regressions.log; echo "make fuzz-ci: a regression input of fuzz-$* crashes" >&2; exit 1; }; \
		echo "make fuzz-ci: fuzz-$* replayed $$(echo $$inputs | wc -w) regression inputs"; \
	fi

test: embedded unit value32 asan fuzz-ci

example: build
	$(SWIFT) run p14p run examples/hello/main.py

# Builds p14p-dist, makes a signing key if there is none, and cuts the release
# (the desktop board builds a release p14p in .build-release). An existing
# signed release is verified instead of rebuilt unless FORCE=1.
release: setup
	$(SWIFT) build --product p14p-dist
	@if [ ! -f "$(SIGNING_KEY)" ]; then \
		echo "make release: no signing key at $(SIGNING_KEY); generating a new Ed25519 key pair."; \
		echo "make release: keep $(SIGNING_KEY) private; publish $(basename $(SIGNING_KEY)).pub (also copied to $(DIST)/release.pub)."; \
		$(P14P_DIST) keygen --key "$(SIGNING_KEY)"; \
	else echo "make release: signing with $(SIGNING_KEY)"; fi
	@if [ -f "$(DIST)/pymite-$(RELEASE)/SHA256SUMS.sig" ] && [ -z "$(FORCE)" ]; then \
		echo "make release: $(DIST)/pymite-$(RELEASE) is already a signed release; verifying it (make release FORCE=1 rebuilds it)"; \
	else \
		$(P14P_DIST) build --release $(RELEASE) --app $(APP) --out $(DIST) --key "$(SIGNING_KEY)" $(if $(FORCE),--force) $(if $(ALLOW_DIRTY),--allow-dirty); \
	fi
	$(P14P_DIST) verify $(DIST)/pymite-$(RELEASE) --key "$(basename $(SIGNING_KEY)).pub"
	@echo "make release: done; open $(DIST)/index.html"

bench: setup
	@command -v valgrind >/dev/null || { echo "make bench: installing valgrind (instruction counts)"; apt-get update && apt-get install -y valgrind; }
	bash bench/run.sh

link-order:
	@command -v valgrind >/dev/null || { echo "make link-order: installing valgrind"; apt-get update && apt-get install -y valgrind; }
	bash bench/link-order.sh

size: build
	$(P14P_DIST) size

clean:
	rm -rf .build .build-asan .build-fuzz dist
