#!/usr/bin/env bash
# The one test command: checks the tools the tests need, installs the missing ones when it can, then
# runs every test of every module with `./mvnw -B verify` (extra arguments are passed to Maven).
#
#   scripts/test.sh                      all tests
#   scripts/test.sh -pl dsl -am          one module and what it needs
#
# Tools: Java >= 17, verilator >= 5.006, iverilog, yosys, nextpnr-ice40, icepack (fpga-icestorm), socat (the
# pseudo-terminal behind which `scforge classify` talks to the simulated board), and
# g++ and make (Verilator compiles its models with them). Run as root, the script installs what is
# missing with apt-get (non-interactive); otherwise it prints the exact command and exits 2.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
started=$(date +%s)

MIN_JAVA=17
MIN_VERILATOR=5.006

# "a >= b" for dotted version numbers.
version_at_least() {
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]
}

# shellcheck source=scripts/jdk.sh
. "$root/scripts/jdk.sh"

java_version() {
  command -v java >/dev/null 2>&1 || return 0
  java_feature_release "$(command -v java)"
}

verilator_version() {
  command -v verilator >/dev/null 2>&1 || return 0
  verilator --version 2>/dev/null | sed -n 's/^Verilator \([0-9][0-9.]*\).*/\1/p' | head -n1
}

# Prints the Debian packages whose tools are missing or too old.
missing_packages() {
  local java verilator
  java="$(java_version)"
  if [ -z "$java" ] || ! version_at_least "${java%%.*}" "$MIN_JAVA"; then
    echo default-jdk-headless
  fi
  verilator="$(verilator_version)"
  if [ -z "$verilator" ] || ! version_at_least "$verilator" "$MIN_VERILATOR"; then
    echo verilator
  fi
  command -v iverilog >/dev/null 2>&1 || echo iverilog
  command -v yosys >/dev/null 2>&1 || echo yosys
  command -v nextpnr-ice40 >/dev/null 2>&1 || echo nextpnr-ice40
  command -v icepack >/dev/null 2>&1 || echo fpga-icestorm
  command -v socat >/dev/null 2>&1 || echo socat
  command -v g++ >/dev/null 2>&1 || echo g++
  command -v make >/dev/null 2>&1 || echo make
}

report_tools() {
  echo "scforge: java $(java_version), verilator $(verilator_version), $(iverilog -V 2>&1 | head -n1)," \
    "$(yosys -V 2>/dev/null | cut -d' ' -f1-2), $(nextpnr-ice40 --version 2>&1 | head -n1 | sed 's/ -- .*(/ (/')"
}

packages="$(missing_packages | tr '\n' ' ' | sed 's/ *$//')"
if [ -n "$packages" ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "scforge: installing missing tools: $packages"
    export DEBIAN_FRONTEND=noninteractive
    # shellcheck disable=SC2086 # one word per package
    apt-get update -qq && apt-get install -y -qq $packages
  else
    echo "scforge: missing or too old: $packages (need Java >= $MIN_JAVA and verilator >= $MIN_VERILATOR)." >&2
    echo "scforge: install them with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y $packages" >&2
    exit 2
  fi
  still="$(missing_packages | tr '\n' ' ' | sed 's/ *$//')"
  if [ -n "$still" ]; then
    echo "scforge: still missing or too old after installing: $still (need Java >= $MIN_JAVA and" \
      "verilator >= $MIN_VERILATOR; this distribution's packages may be older: install them from source)" >&2
    exit 2
  fi
fi
report_tools
echo "scforge: tools ready after $(( $(date +%s) - started )) s; the tests' log lines carry the time of day"

# Each of Maven's lines with its time of day, so that a slow or stuck step shows in CI's log.
stamped=(-Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss)
status=0
./mvnw -B --no-transfer-progress "${stamped[@]}" verify "$@" || status=$?
# A newer JDK beside the default one (./scforge runs on it): the golden model's tests again on it.
newest="$(newest_java)"
if [ "$status" -eq 0 ] && [ $# -eq 0 ] && [ -n "$newest" ] \
    && [ "$(java_feature_release "$newest")" != "$(java_version)" ]; then
  newest_home="$(java_home_of "$newest")"
  # On JDK 21+ this also compiles and tests the Vector API kernel (the pom's jdk21-vector profile)
  echo "scforge: the dsl and sim tests again on JDK $(java_feature_release "$newest") ($newest_home)"
  JAVA_HOME="$newest_home" MAVEN_OPTS="$(maven_opts_for "$(java_feature_release "$newest")") ${MAVEN_OPTS:-}" \
    ./mvnw -B --no-transfer-progress "${stamped[@]}" -pl dsl,sim test || status=$?
fi
elapsed=$(( $(date +%s) - started ))

# A tool the tests started that outlived them is a bug (a child killed without its own children: iverilog's
# ivl once grew to 22 GB that way and slowed CI's machine to a crawl until the OOM killer came): listed,
# killed, and the run fails. Only the tools' names count, only processes younger than this run.
leftovers="$(ps -eo pid=,ppid=,etimes=,comm=,args= 2>/dev/null | awk -v max="$elapsed" \
  '$2 == 1 && $3 <= max && $4 ~ /^(ivl|ivlpp|vvp|iverilog|verilator|verilator_bin|make|g\+\+|cc1plus|as|ld|bridge|yosys|nextpnr-ice40|icepack|socat|sleep)$/' || true)"
if [ -n "$leftovers" ]; then
  echo "scforge: these processes the tests started are still running (killed now):" >&2
  echo "$leftovers" | cut -c1-300 >&2
  echo "$leftovers" | awk '{print $1}' | xargs -r kill -9 2>/dev/null || true
  [ "$status" -ne 0 ] || status=3
fi
# The slowest test classes of this run, last in the log where CI shows it: where a slow machine's time went.
slowest="$(grep -ho '<testsuite [^>]*name="[^"]*" time="[0-9.]*"' ./*/target/surefire-reports/TEST-*.xml 2>/dev/null \
  | sed 's/.* name="\([^"]*\)" time="\([0-9.]*\)"/\2 \1/' | sort -rn | head -n 8 | awk '{sub(/^org[.]scforge[.]/, "", $2); printf "%s %.0f s; ", $2, $1}' || true)"
[ -z "$slowest" ] || echo "scforge: slowest test classes: ${slowest%; }"
# The kernel's OOM killer during this run (readable as root): what a slow run's log should show first.
if dmesg >/dev/null 2>&1; then
  since=$(( $(cut -d. -f1 /proc/uptime) - elapsed ))
  dmesg 2>/dev/null | awk -v since="$since" -F'[][]' '$2 + 0 >= since && /Out of memory|invoked oom-killer/' >&2 || true
fi

if [ "$status" -eq 0 ]; then
  echo "scforge: all tests passed in $((elapsed / 60)) min $((elapsed % 60)) s"
else
  echo "scforge: tests FAILED (exit $status) after $((elapsed / 60)) min $((elapsed % 60)) s" >&2
fi
exit "$status"
