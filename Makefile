# modhost build. `make` builds the server and every C module; `make test`
# builds everything and runs every test; `make run` starts a server with the
# example modules; `make bench` compares against real Redis.

GO       ?= go
CC       ?= gcc
CFLAGS   ?= -O2 -g -fPIC -Wall -Werror -std=gnu11
BIN      := bin
MODDIR   := $(BIN)/modules
MODULES  := $(notdir $(wildcard cmodules/*))
MODSOS   := $(foreach m,$(MODULES),$(MODDIR)/$(m).so)
DEB_PKGS := redis-server redis-tools redis-redisearch

.PHONY: all build generate modules run test bench deps clean vet fmt

all: build modules

build: generate
	$(GO) build -o $(BIN)/modhost ./cmd/modhost

# Regenerates shim/table.c and capi/shimsum.go from the shim sources.
generate:
	$(GO) run ./shim/gen

modules: $(MODSOS)

# Each cmodules/<name>/ directory becomes bin/modules/<name>.so, compiled
# against our redismodule.h.
$(MODDIR)/%.so: cmodules/%/*.c redismodule.h
	@mkdir -p $(MODDIR)
	$(CC) $(CFLAGS) -I. -shared -o $@ $(filter %.c,$^) -lm -lpthread

# Debian packages the interop tests and benchmarks need (real redis-server,
# redis-cli, redis-check-rdb, redis-benchmark, RediSearch).
deps:
	@missing=""; for p in $(DEB_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		(apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing) >/dev/null; \
	fi
	@# Debian starts a redis-server service on install; tests use their own.
	@-service redis-server stop >/dev/null 2>&1 || true

# The seed's helloworld is not loaded: its "hello" command clashes with the
# core HELLO, so Redis (and modhost) refuse it; see cmodules/helloworld.
RUN_MODULES := timeseries mhcore mhkeys

run: all
	$(BIN)/modhost --port 6379 --bind 127.0.0.1 --enable-module-command yes \
		$(foreach m,$(RUN_MODULES),--loadmodule $(abspath $(MODDIR)/$(m).so))

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (gofmt -l $$(git ls-files '*.go'); exit 1)
	$(GO) vet ./...

test: deps all vet
	$(GO) test -race -count=1 -timeout 30m ./...

bench: deps all
	$(GO) run ./bench/cmd/bench

clean:
	rm -rf $(BIN)
