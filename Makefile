# Two commands set up, build and test everything: `make run` and `make test`.
SWIFT ?= swift
SHELL := /bin/bash
PREFIX ?= /usr/local
SWIFT_FORMAT_PATHS = Package.swift Sources Tests Assets/BundledArticle.swift Fuzz
export SWIFT_BACKTRACE ?= interactive=no

.PHONY: run test build release bootstrap lint format install bench fuzz clean

run: build
	.build/debug/reader $(ARGS)

# OpenCC 1.4.2's dictionaries (Dictionaries/) are compiled beside the executable, where the
# reader looks first; `make install` puts them in $(PREFIX)/share/reader/opencc.
DICTIONARIES = scripts/opencc-dictionaries build

build: bootstrap
	$(SWIFT) build
	$(DICTIONARIES) "$$($(SWIFT) build --show-bin-path)/opencc"

# The release build links the Swift runtime and Foundation into the executable: a dynamically
# linked Foundation costs about as much at start-up as everything else before the first screen.
# libstdc++ (which the runtime needs), cmark-gfm and ncursesw are linked in too, from their
# archives: linked by name (-lstdc++, -lcmark-gfm, -lncursesw), each finds first a linker script
# of that name that stands for its archive (scripts/static-archives). Loading and relocating the
# five shared libraries was 700,000 of the 6.8 M instructions before the first screen, and
# libstdc++'s 2,500 symbol look-ups a tenth of the start-up before that. A library without its
# archive is linked shared. The executable is linked again when the scripts change.
#
# It is linked by the toolchain's lld with packed relative relocations (DT_RELR, glibc 2.36 and
# later): the executable's 43,600 relative relocations take an 8.6 KB table instead of gold's
# 1 MB one, and a two-line file's first screen 5.61 M instructions instead of 6.01 M, with 10
# fewer page faults. In time that is 0.1 to 0.3 ms, inside the spread of most races (README,
# Benchmarks). valgrind 3.19 cannot read lld's debugging information: profile a copy made with
# `objcopy --strip-debug`.
#
# Nor does it carry SwiftPM's RUNPATH of $ORIGIN: it links no library of its own folder, and the
# loader looked there (and in eight hardware-capability folders under it) for libm, libgcc_s and
# libc first, 23 system calls that failed on every start.
STATIC_ARCHIVES = .build/static-archives
RELEASE_LINK = -Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs
release: bootstrap
	@before="$$(cat $(STATIC_ARCHIVES)/*.so 2>/dev/null)"; scripts/static-archives $(STATIC_ARCHIVES); \
	  [ "$$before" = "$$(cat $(STATIC_ARCHIVES)/*.so 2>/dev/null)" ] || rm -f .build/release/reader
	$(SWIFT) build -c release --disable-local-rpath --static-swift-stdlib -Xlinker -L$(CURDIR)/$(STATIC_ARCHIVES) $(RELEASE_LINK)
	$(DICTIONARIES) "$$($(SWIFT) build -c release --show-bin-path)/opencc"

# The tests are XCTest; Swift Testing is off so the run does not close on its empty "0 tests"
# line. The last line is the plain count: "tests: N passed, N failed".
test: build lint
	@set -o pipefail; $(SWIFT) test --disable-swift-testing 2>&1 | tee .build/test.log
	@awk '/Executed [0-9]+ tests?, with [0-9]+ failures?/ { n = $$2; f = $$5 } \
	  END { if (n == "") exit 1; printf "tests: %d passed, %d failed\n", n - f, f }' .build/test.log

# The reader's own sources import FoundationEssentials, never Foundation: Foundation would link in
# CoreFoundation and ICU's data too, which the release build (static) maps and relocates at start-up.
lint:
	$(SWIFT) format lint --strict -r $(SWIFT_FORMAT_PATHS)
	@! grep -rln '^ *\(public \|internal \)\?import Foundation$$' Sources/ReaderCore Sources/reader \
	  || { echo "lint: import FoundationEssentials (with Glibc, Dispatch) instead of Foundation there;" \
	    "Lock and BackgroundThread (Sources/ReaderCore/Concurrency) stand for NSLock and Thread"; exit 1; }

format:
	$(SWIFT) format format -i -r $(SWIFT_FORMAT_PATHS)

bootstrap:
	@scripts/bootstrap

bench: bootstrap
	scripts/bench $(ARGS)

install: release
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 .build/release/reader $(DESTDIR)$(PREFIX)/bin/reader
	install -d $(DESTDIR)$(PREFIX)/share/reader/opencc
	install -m 644 .build/release/opencc/* $(DESTDIR)$(PREFIX)/share/reader/opencc/

# libFuzzer over bytes → document → layout → frame; not part of `make test`.
FUZZ_SECONDS ?= 60
fuzz:
	scripts/fuzz $(FUZZ_SECONDS)

clean:
	rm -rf .build
