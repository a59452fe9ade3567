# Grader's two commands: `make run` and `make test`. Both install what is missing
# (scripts/setup.sh), at pinned versions, then build with cargo-leptos.
SHELL := /bin/bash
.DEFAULT_GOAL := run

export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# Queries are checked at compile time against the committed .sqlx/ files.
export SQLX_OFFLINE ?= true
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
# cargo-leptos sets this while building; Leptos bakes it in (it names the .wasm the
# page loads). Setting it for every cargo call keeps `cargo test`'s rebuild of the
# server binary identical to cargo-leptos's, instead of one asking for grader_bg.wasm.
export LEPTOS_OUTPUT_NAME := grader
TARGET_DIR := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)
SERVER := $(TARGET_DIR)/release/grader

.PHONY: run test build setup setup-test css icons bench content-table fmt seed admin sqlx-prepare check

## make run: install what is missing, start PostgreSQL (embedded unless
## DATABASE_URL is set), migrate, seed, and serve on http://127.0.0.1:3000.
run: build
	$(SERVER) serve

## make test: the same set-up, then unit, integration and end-to-end tests.
test: setup-test build
	scripts/test.sh "$(SERVER)"

## make bench: requests/s and first-load size, printed for the README.
bench: setup-test build
	scripts/bench.sh "$(SERVER)"

## make seed: load the content files into the database (matching rows by slug).
seed: build
	$(SERVER) seed

## make admin EMAIL=you@example.ru: make that account an admin, creating it if
## needed (the password is asked for, or taken from GRADER_ADMIN_PASSWORD).
admin: build
	@test -n "$(EMAIL)" || { echo "usage: make admin EMAIL=you@example.ru"; exit 2; }
	@if [ -z "$$GRADER_ADMIN_PASSWORD" ]; then read -r -s -p "Password for $(EMAIL): " p; echo; \
	  GRADER_ADMIN_PASSWORD="$$p" $(SERVER) create-admin --email "$(EMAIL)"; \
	else $(SERVER) create-admin --email "$(EMAIL)"; fi

setup:
	scripts/setup.sh

setup-test:
	scripts/setup.sh --test

build: setup css icons
	cargo leptos build --release

# stylance hashes each component's *.module.css; the app's CSS is the global
# style/main.css followed by that bundle.
css:
	stylance .
	cat style/main.css style/build/modules.css > style/build/app.css

# The PWA's PNG icons, rendered from the SVG logo (scripts/icons.mjs).
icons: public/icons/icon-512.png
public/icons/icon-512.png: public/logo.svg scripts/icons.mjs
	node scripts/icons.mjs

## make content-table: regenerate README's table of modules, topics and exercises.
content-table:
	cargo run --release --no-default-features --features ssr -- content-table --write

fmt:
	cargo fmt --all

## make check: the lint gate (make test runs it first): cargo fmt --check, clippy
## -D warnings for the server and browser builds, and .sqlx/ against the queries.
## Like sqlx-prepare, it uses a scratch cluster of its own (port 25436).
check: setup build
	@dir="$(TARGET_DIR)/sqlx-prepare-pg"; \
	url=$$(env -u DATABASE_URL $(SERVER) pg start --data-dir "$$dir" --port 25436 | tail -n 1); \
	status=0; scripts/check.sh "$${url%/*}" || status=$$?; \
	$(SERVER) pg stop --data-dir "$$dir" --port 25436 >/dev/null; exit $$status

## make sqlx-prepare: refresh .sqlx/ (the offline query cache) after changing a
## query or a migration. It starts a scratch cluster of its own (port 25436),
## checks every query against the migrated schema, and stops the cluster.
sqlx-prepare: build
	@dir="$(TARGET_DIR)/sqlx-prepare-pg"; \
	url=$$(env -u DATABASE_URL $(SERVER) pg start --data-dir "$$dir" --port 25436 | tail -n 1); \
	status=0; scripts/sqlx-prepare.sh "$${url%/*}" || status=$$?; \
	$(SERVER) pg stop --data-dir "$$dir" --port 25436 >/dev/null; exit $$status
