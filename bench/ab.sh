#!/usr/bin/env bash
# Before/after on a shared machine: the same harness (this checkout's bench jar) runs the app of
# another commit (A) and this checkout's app (B) in turn, A B A B..., each on its own data folder of
# the same generated data set, so load that comes and goes on the machine falls on both. Compare the
# per-request figures (app/database CPU ms, statements), not req/s.
#   bench/ab.sh BASE_COMMIT [ROUNDS=2] [bench.Run options, e.g. --scale 0.1 --duration 10 --clients 16]
# The base is built from `git archive BASE_COMMIT` in /tmp/bench-base-<commit> (nothing checked out).
# Results: bench/results/tmp/ab/<round>-<A|B>/; B0 in extra rounds when AB_B_ARGS is set, e.g.
# AB_B_ARGS=--app-args=--wuye.session.touch-interval=0 (the app options a B run gets).
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?base commit}; rounds=${2:-2}; shift; shift || true
dir=/tmp/bench-base-$base
if [ ! -f "$dir/target/service-center-0.1.0-SNAPSHOT.jar" ]; then
  mkdir -p "$dir" && git archive "$base" | tar -x -C "$dir"
  (cd "$dir" && ./mvnw -q -B -o package -DskipTests -Dspotless.check.skip=true)
fi
./mvnw -q -B -o package -DskipTests -Dspotless.check.skip=true
./mvnw -q -B -o -f bench/pom.xml package
# copies: a rebuild while a run goes on must not change what runs
cp bench/target/bench.jar /tmp/bench-ab.jar
cp target/service-center-0.1.0-SNAPSHOT.jar /tmp/bench-ab-app.jar
scale=0.1; prev=""; for x in "$@"; do [ "$prev" = "--scale" ] && scale=$x; prev=$x; done
for round in $(seq 1 "$rounds"); do
  for arm in A B; do
    out=bench/results/tmp/ab/$round-$arm; mkdir -p "$out"
    if [ $arm = A ]; then
      app=(--app-jar "$dir/target/service-center-0.1.0-SNAPSHOT.jar" --data "bench/data/base-$base-scale-$scale" --commit "$base")
    else
      app=(--app-jar /tmp/bench-ab-app.jar --data "bench/data/ab-scale-$scale" --commit "$(git rev-parse --short HEAD)" ${AB_B_ARGS:-})
    fi
    echo "$(date -u +%T) $round-$arm"
    java -Xmx1g -cp /tmp/bench-ab.jar bench.Run --ready-timeout 900 --results "$out" "${app[@]}" "$@" > "$out/run.log" 2>&1 || echo "  exit $? (3: flagged)"
  done
done
