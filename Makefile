# SPDX-License-Identifier: LGPL-2.1-only
#
# make release    a full signed release of the example app for every buildable board, into dist/
# make setup      install what the build and the tests need (idempotent)
# make test       everything CI runs: unit and corpus tests, Embedded Swift check
# make example    build p14p and run the example application
# make bench      p14p against python3 on bench/*.py, as ratios
# make embedded   compile the VM core with Embedded Swift for armv7em

SWIFT ?= swift
EMBEDDED_TARGET ?= armv7em-none-none-eabi
VM_SOURCES := $(shell find Sources/PyMiteVM -name '*.swift')

# Release settings: make release RELEASE=0A APP=path/to/app DIST=out SIGNING_KEY=path FORCE=1
DIST ?= dist
APP ?= examples/hello
# The release the tree is stamped for (Sources/p14p/Release.swift, written by `p14p-dist stamp`).
RELEASE ?= $(shell sed -n 's/.*"release":"\([0-9A-Fa-f]*\)".*/\1/p' Sources/p14p/Release.swift)
# Kept outside dist/ so that publishing or cleaning dist/ never touches the private key.
SIGNING_KEY ?= $(HOME)/.config/p14p/release.key
P14P_DIST = $$($(SWIFT) build --show-bin-path)/p14p-dist

.PHONY: setup build test unit embedded example release bench clean

setup:
	@command -v $(SWIFT) >/dev/null || { echo "make setup: Swift 6 toolchain not found on PATH" >&2; exit 1; }
	@command -v python3 >/dev/null || { apt-get update && apt-get install -y python3; }
	@# p14p-dist links libarchive and OpenSSL (pkg-config finds them); its tests use the openssl and tar CLIs.
	@missing=""; \
	pkg-config --version >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	pkg-config --exists libarchive 2>/dev/null || missing="$$missing libarchive-dev"; \
	pkg-config --exists openssl 2>/dev/null || missing="$$missing libssl-dev"; \
	command -v openssl >/dev/null || missing="$$missing openssl"; \
	if [ -n "$$missing" ]; then \
		echo "make setup: installing$$missing"; \
		apt-get update && apt-get install -y $$missing; \
	fi
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

unit: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

test: embedded unit

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
		$(P14P_DIST) build --release $(RELEASE) --app $(APP) --out $(DIST) --key "$(SIGNING_KEY)" $(if $(FORCE),--force); \
	fi
	$(P14P_DIST) verify $(DIST)/pymite-$(RELEASE) --key "$(basename $(SIGNING_KEY)).pub"
	@echo "make release: done; open $(DIST)/index.html"

bench: setup
	bash bench/run.sh

clean:
	rm -rf .build dist
