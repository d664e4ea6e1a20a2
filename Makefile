# subk - small coreutils in hand-written x86 assembly.
#
#   make              build every utility for x86_64 and i386, print sizes
#   make ARCH=i386    build one arch only (x86_64 or i386)
#   make check        every test on both arches (sizecheck, difftest, bats)
#   make bench        throughput and exec latency against GNU
#   make report       build/report.md and .svg: sizes, RSS, syscalls, exec
#                     latency against GNU, BusyBox, toybox, static C
#   make gnu-suite    GNU coreutils 9.1's own tests on our binaries (builds
#                     coreutils once in build/gnu-suite; ARCH=i386 too)
#   make install PREFIX=/usr/local DESTDIR=   (ARCH=i386 installs the i386 ones)
#   make clean
#
# Missing build tools are installed with apt-get when run as root on
# Debian; otherwise the command that would install them is printed.

ARCH    ?= x86_64 i386
ARCHES  := $(ARCH)
UTILS   := $(sort $(basename $(notdir $(wildcard asm/*.asm))))
LIB     := $(wildcard asm/lib/*.inc asm/lib/rt/*.inc) asm/lib/gen-consts.sh
NASM    ?= nasm
CC      ?= gcc
CFLAGS  ?= -std=c99 -O2 -Wall -Wextra -Werror -D_GNU_SOURCE
HARNESS := $(patsubst c-harness/%.c,build/harness/%,$(wildcard c-harness/*.c))
PREFIX  ?= /usr/local
BINDIR  := $(DESTDIR)$(PREFIX)/bin

BINS := $(foreach a,$(ARCHES),$(addprefix build/$(a)/,$(UTILS)))

all: deps $(BINS) $(HARNESS)
	@build/harness/sizecheck size-budget.txt $(foreach a,$(ARCHES),$(a) build/$(a))

# Tools: command name:Debian package. Building needs the first list,
# `make check` the second as well.
BUILD_TOOLS := nasm:nasm gcc:gcc
TEST_TOOLS  := readelf:binutils file:file bats:bats strace:strace setpriv:util-linux script:bsdutils python3:python3 gdb:gdb setfacl:acl setfattr:attr
define install_missing
	@missing=""; for t in $(1); do command -v $${t%%:*} >/dev/null 2>&1 || \
		missing="$$missing $${t#*:}"; done; \
	[ -f /usr/include/x86_64-linux-gnu/asm/unistd_32.h ] || missing="$$missing linux-libc-dev"; \
	[ -f /usr/share/zoneinfo/Europe/Paris ] || missing="$$missing tzdata"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "installing:$$missing"; \
			(apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
				apt-get install -y -qq --no-install-recommends $$missing) >/dev/null || exit 1; \
		else echo "missing tools; run: sudo apt-get install$$missing" >&2; exit 1; fi; fi
endef
# The comparison tools of `make report`: installed when root, else the
# report says "not installed" in their columns (never a failure).
REPORT_TOOLS := busybox:busybox-static toybox:toybox musl-gcc:musl-tools
deps:
	$(call install_missing,$(BUILD_TOOLS))
report-deps:
	-@$(call install_missing,$(REPORT_TOOLS)) || \
		echo "report: some comparison tools are missing; their columns will say so"
test-deps:
	$(call install_missing,$(BUILD_TOOLS) $(TEST_TOOLS))

build/gen/%/consts.inc: asm/lib/gen-consts.sh
	@mkdir -p $(@D)
	sh $< $* > $@.tmp && mv $@.tmp $@

define utility_rules
build/$(1)/%: asm/%.asm $(LIB) build/gen/$(1)/consts.inc | deps
	@mkdir -p $$(@D)
	$$(NASM) -f bin -DARCH=$(1) -Iasm/lib/ -Ibuild/gen/$(1)/ -o $$@ $$<
	@chmod 755 $$@
endef
$(foreach a,x86_64 i386,$(eval $(call utility_rules,$(a))))

build/harness/%: c-harness/%.c | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $< -lm

check: test-deps all
	@sh tests/check.sh $(ARCHES)

# the other arch's tree figures too: its system calls cost differently
bench: all
	@build/harness/bench build/$(firstword $(ARCHES))
	@$(foreach a,$(wordlist 2,9,$(ARCHES)),echo "== $(a): the tree figures"; build/harness/bench build/$(a) ls du cp rm;)

# GNU's own test suite on the first arch built (tests/gnu-suite.sh)
gnu-suite: all
	@ARCH=$(firstword $(ARCHES)) sh tests/gnu-suite.sh

report: report-deps
	@$(MAKE) --no-print-directory ARCH="x86_64 i386" all
	@build/harness/report build build

# install: the binaries of the first arch built (x86_64, or ARCH=i386).
install: all
	install -d $(BINDIR)
	for u in $(UTILS); do install -m 755 build/$(firstword $(ARCHES))/$$u $(BINDIR)/$$u; done

clean:
	rm -rf build

.PHONY: all deps test-deps report-deps check bench report gnu-suite install clean
.SECONDARY:
