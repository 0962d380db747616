# The two commands a newcomer needs: `make run` lints Fixtures/ with notelint, `make test` runs every test.
.PHONY: setup build run test release

setup:
	@scripts/setup.sh

build: setup
	swift build

run: build
	swift run notelint lint Fixtures/ ; test $$? -le 1

test: setup
	swift build
	swift test
	swift build -c release
	python3 scripts/compare-pyyaml.py --notelint .build/release/notelint
	scripts/test-pre-commit.sh
	python3 scripts/test-fix-interruptions.py --notelint .build/release/notelint --release

release: setup
	swift build -c release
