#!/usr/bin/env bash
# End-to-end benchmarks of the treaty CLI on real and synthetic inputs, with wall time and peak
# memory from /usr/bin/time -v. Real inputs come from ../shared/corpus when it exists (googleapis,
# Stripe's OpenAPI description); synthetic ones are generated here.
#
#   benches/run.sh            all benchmarks
#   benches/run.sh lint       only the lint (load) benchmarks
#   benches/run.sh check      only the check benchmarks
#   benches/run.sh gen        only the code-generation benchmarks
#
# Output: one line per benchmark: name, wall seconds, peak RSS in MB, exit code.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
CORPUS=${TREATY_CORPUS:-$ROOT/../shared/corpus}
WORK=${TREATY_BENCH_DIR:-/tmp/treaty-bench}
WHAT=${1:-all}
mkdir -p "$WORK"

cargo build --release --locked --quiet
BIN=$ROOT/target/release/treaty

measure() { # name dir args...
  local name=$1 dir=$2; shift 2
  local log; log=$(mktemp)
  local code=0
  (cd "$dir" && /usr/bin/time -v "$BIN" "$@" >/dev/null 2>"$log") || code=$?
  local wall rss
  wall=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(grep 'Maximum resident set size' "$log" | awk '{print int($NF/1024)}')
  printf '%-44s %8.2f s %7d MB  exit %d\n' "$name" "$wall" "$rss" "$code"
  rm -f "$log"
}

# A synthetic OpenAPI description: 400 paths, 600 schemas with references and a cycle.
synthetic_openapi() {
  local out=$WORK/synthetic-openapi.yaml
  [ -f "$out" ] && return
  python3 - "$out" <<'PY'
import sys
n_schemas, n_paths = 600, 400
lines = ["openapi: 3.1.0", "info: {title: Synthetic, version: 1.0.0}", "paths:"]
for i in range(n_paths):
    lines += [f"  /items{i}/{{id}}:", "    get:", f"      operationId: getItem{i}",
              "      parameters:", "        - {name: id, in: path, required: true, schema: {type: integer, format: int64}}",
              "      responses:", "        '200':", "          description: ok",
              "          content:", "            application/json:",
              f"              schema: {{$ref: '#/components/schemas/S{i % n_schemas}'}}"]
lines += ["components:", "  schemas:"]
for i in range(n_schemas):
    lines += [f"    S{i}:", "      type: object", "      required: [id]", "      properties:",
              "        id: {type: integer, format: int64}", "        name: {type: string, maxLength: 80}",
              f"        next: {{$ref: '#/components/schemas/S{(i + 1) % n_schemas}'}}"]
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
PY
}

if [ "$WHAT" = all ] || [ "$WHAT" = lint ]; then
  measure "lint: FTGO workspace" "$ROOT" lint
  synthetic_openapi
  measure "lint: synthetic OpenAPI (400 paths, cycle)" "$WORK" lint synthetic-openapi.yaml
  if [ -d "$CORPUS/openapi/stripe" ]; then
    measure "lint: Stripe 2023-09-12 (4.2 MB)" "$CORPUS/openapi/stripe" lint spec3-2023-09-12.yaml
  fi
  if [ -d "$CORPUS/proto/googleapis" ]; then
    measure "lint: googleapis (7,234 files)" "$CORPUS/proto" lint googleapis
  fi
fi

if [ "$WHAT" = all ] || [ "$WHAT" = check ]; then
  if [ -d "$CORPUS/openapi/stripe" ]; then
    measure "check: Stripe 2023-06-01 -> 2023-09-12" "$CORPUS/openapi/stripe" check spec3-2023-06-01.yaml spec3-2023-09-12.yaml --fail-on never
  fi
  if [ -d "$CORPUS/proto/googleapis" ]; then
    # (a) one field deleted: kms_key_name = 5 from Topic in google/pubsub/v1/pubsub.proto.
    if [ ! -d "$WORK/googleapis-one" ]; then
      cp -r "$CORPUS/proto/googleapis" "$WORK/googleapis-one"
      # The field spans several lines (options in brackets): delete the whole statement.
      python3 - "$WORK/googleapis-one/google/pubsub/v1/pubsub.proto" <<'PY'
import re, sys
p = sys.argv[1]
text = open(p).read()
text, n = re.subn(r"\n[^\n]*kms_key_name = 5(\s*\[[^\]]*\])?\s*;", "", text, count=1, flags=re.S)
assert n == 1, "kms_key_name = 5 not found"
open(p, "w").write(text)
PY
    fi
    measure "check: googleapis, one field deleted" "$CORPUS/proto" check googleapis "$WORK/googleapis-one" --fail-on never
    # (b) one field deleted from every tenth file that has a numbered field.
    if [ ! -d "$WORK/googleapis-tenth" ]; then
      cp -r "$CORPUS/proto/googleapis" "$WORK/googleapis-tenth"
      # Files that declare extensions are left alone: their fields are options other files use.
      (cd "$WORK/googleapis-tenth" && find . -name '*.proto' | sort | awk 'NR % 10 == 0' | xargs grep -L '^extend ' | while read -r f; do
        python3 - "$f" <<'PY'
import re, sys
p = sys.argv[1]
lines = open(p).read().split("\n")
for i, l in enumerate(lines):
    # A whole one-line field statement: the line before ends a statement, a block or a comment.
    prev = lines[i - 1].strip() if i else ""
    starts = prev == "" or prev.endswith((";", "{", "}")) or prev.startswith("//")
    # Not in a oneof (a oneof must keep a field).
    opener = next((p for p in reversed(lines[:i]) if p.rstrip().endswith("{")), "")
    if starts and not opener.strip().startswith("oneof") and re.match(r"^\s+(optional |repeated )?[A-Za-z_.]+ [a-z_0-9]+ = [0-9]+;\s*$", l):
        del lines[i]
        break
open(p, "w").write("\n".join(lines))
PY
      done)
    fi
    measure "check: googleapis, a field from every 10th file" "$CORPUS/proto" check googleapis "$WORK/googleapis-tenth" --fail-on never
  fi
fi

if [ "$WHAT" = all ] || [ "$WHAT" = gen ]; then
  # Loading the FTGO workspace and generating every service's crate (types, HTTP, gRPC and
  # messaging clients, mocks) into a fresh directory, then again over an up-to-date one.
  rm -rf "$WORK/ftgo-clients"
  measure "gen rust: FTGO workspace, fresh" "$ROOT" gen rust --out "$WORK/ftgo-clients"
  measure "gen rust: FTGO workspace, up to date" "$ROOT" gen rust --out "$WORK/ftgo-clients"
  measure "gen rust --check: FTGO workspace" "$ROOT" gen rust --out "$WORK/ftgo-clients" --check
fi
