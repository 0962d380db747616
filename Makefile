# The two commands a newcomer needs: `make run` lints Fixtures/ with notelint, `make test` runs every test.
.PHONY: setup build run test release dist deb

VERSION := $(shell tr -d '[:space:]' < VERSION)
ARCH := $(shell uname -m)
# Release builds link the Swift runtime, libyaml and Hunspell statically, so that the binary runs on machines
# without a toolchain (scripts/static-libraries.sh). The one release build serves the tests, `make dist` and
# `make deb`; the debug build stays dynamic.
ifeq ($(shell uname -s),Linux)
STATIC := $(CURDIR)/.build/static
RELEASE_BUILD := PKG_CONFIG_PATH=$(STATIC)/pkgconfig swift build -c release --static-swift-stdlib
else
RELEASE_BUILD := swift build -c release
endif

setup:
	@scripts/setup.sh

build: setup
	swift build

run: build
	swift run notelint lint Fixtures/ ; test $$? -le 1

test: setup
	swift build
	swift test
	$(MAKE) --no-print-directory deb
	python3 scripts/compare-pyyaml.py --notelint .build/release/notelint
	scripts/test-pre-commit.sh --system-notelint .build/release/notelint
	python3 scripts/test-fix-interruptions.py --notelint .build/release/notelint --release
	scripts/test-dist.sh

release: setup
ifdef STATIC
	@scripts/static-libraries.sh $(STATIC)
endif
	$(RELEASE_BUILD)

# dist/notelint-VERSION-ARCH-linux.tar.gz and dist/SHA256SUMS (scripts/dist.sh says what is inside).
dist: release
	$(RELEASE_BUILD) --product generate-manual
	scripts/dist.sh --binary .build/release/notelint --manual-generator .build/release/generate-manual

# dist/notelint_VERSION_ARCH.deb, from the archive.
deb: dist
	scripts/deb.sh dist/notelint-$(VERSION)-$(ARCH)-linux.tar.gz .build/release
