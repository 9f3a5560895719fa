#!/usr/bin/env bash
# The benchmark in one command: builds the app jar and the bench jar if needed, starts the app on
# its own embedded PostgreSQL (bench/data/scale-<S>, port 54400; or --url jdbc:postgresql://...),
# generates the data set if needed, calibrates (pgbench select-only + a CPU loop), warms up until
# the JIT is quiet, runs S1-S7 with wrk and the raw-SQL limit with pgbench — each run metered:
# app and database CPU ms per request (/proc), statements and writes per request
# (pg_stat_statements), CPU of other processes — times the escalation sweep, calibrates again, and
# writes bench/results/<date>-<S>.json and .md. A run whose calibration moved > 15 % or whose
# machine was > 10 % busy with other work is flagged, and refused for bench/results (written to
# bench/results/tmp, exit code 3) unless --allow-flagged.
#   bench/run.sh [--scale 1] [--duration 20] [--clients 1,16,64] [--url URL --user U --password P]
#                [--results DIR] [--jfr] [--scenarios S1,S2] [--warmup-max SECONDS]
#                [--ready-timeout SECONDS] [--app-jar JAR --commit NAME] [--app-args "--x=y"]
#                [--app-jvm "-XX:..."] [--data DIR] [--port 8090 --db-port 54400] [--allow-flagged]
set -euo pipefail
cd "$(dirname "$0")/.."
app=target/service-center-0.1.0-SNAPSHOT.jar
if [ ! -f "$app" ] || [ -n "$(find src pom.xml -newer "$app" -print -quit)" ]; then
  ./mvnw -q -B package -DskipTests -Dspotless.check.skip=true
fi
if [ ! -f bench/target/bench.jar ] || [ -n "$(find bench/src bench/pom.xml -newer bench/target/bench.jar -print -quit)" ]; then
  ./mvnw -q -B -f bench/pom.xml package
fi
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 2; }
exec java -Xmx2g -cp bench/target/bench.jar bench.Run "$@"
