#!/usr/bin/python3
"""What a restored database holds of the load's writes (events.jsonl from load.py).

  pitr_check.py EVENTS RUN_ID CUT [--disaster T]

CUT (epoch): writes acknowledged before it must be in the restore; writes first sent after it
must not be (a point-in-time restore to CUT). With --disaster T (a restore to the end of the
archive after the primary was lost at T): reports the acknowledged writes missing and the RPO in
seconds (T minus the earliest acknowledgement that is missing; 0 when nothing is missing).
Reads the database with psql (PG* variables). Prints key=value lines.
"""
import json
import os
import subprocess
import sys


def psql(sql):
    out = subprocess.run([os.environ.get("PSQL", "psql"), "-X", "-q", "-A", "-t", "-F", "\t", "-c", sql],
                         check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def main():
    events, run, cut = sys.argv[1], sys.argv[2], float(sys.argv[3])
    disaster = float(sys.argv[5]) if len(sys.argv) > 5 and sys.argv[4] == "--disaster" else None
    ops = [e for e in map(json.loads, open(events, encoding="utf-8")) if e.get("ev") == "op"]
    pays = {r[0] for r in psql(f"SELECT idempotency_key FROM billing_payment WHERE idempotency_key LIKE '{run}-%'")}
    reps = {r[0] for r in psql(f"SELECT substring(description from 'drill ({run}-[a-z0-9-]+)') FROM repair_order"
                               f" WHERE description LIKE '%drill {run}-%'")}

    def present(o):
        return o["key"] in (pays if o["kind"] == "pay" else reps)

    acked = [o for o in ops if o["final"] == "acked"]
    if disaster is None:
        before = [o for o in acked if o["t_ack"] <= cut]
        after = [o for o in ops if o["t_first"] > cut]
        print(f"acked_before_cut={len(before)}")
        print(f"acked_before_cut_missing={sum(1 for o in before if not present(o))}")
        print(f"sent_after_cut={len(after)}")
        print(f"sent_after_cut_present={sum(1 for o in after if present(o))}")
    else:
        upto = [o for o in acked if o["t_ack"] <= disaster]
        missing = [o for o in upto if not present(o)]
        print(f"acked_before_disaster={len(upto)}")
        print(f"acked_missing={len(missing)}")
        rpo = disaster - min(o["t_ack"] for o in missing) if missing else 0.0
        print(f"rpo_seconds={rpo:.1f}")
        last = max((o["t_ack"] for o in upto if present(o)), default=None)
        print(f"newest_restored_ack_before_disaster_s={disaster - last:.1f}" if last else "newest_restored_ack_before_disaster_s=n/a")


if __name__ == "__main__":
    main()
