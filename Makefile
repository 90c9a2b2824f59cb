# SPDX-License-Identifier: LGPL-2.1-only
#
# make setup      install what the build and the tests need (idempotent)
# make test       everything CI runs: unit and corpus tests, Embedded Swift check
# make example    build p14p and run the example application
# make bench      p14p against python3 on bench/*.py, as ratios
# make embedded   compile the VM core with Embedded Swift for armv7em

SWIFT ?= swift
EMBEDDED_TARGET ?= armv7em-none-none-eabi
VM_SOURCES := $(shell find Sources/PyMiteVM -name '*.swift')

.PHONY: setup build test unit embedded example bench clean

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

bench: setup
	bash bench/run.sh

clean:
	rm -rf .build dist
