#!/usr/bin/python3
"""Compares what the load clients were told (events.jsonl from load.py) with what the database
holds, and prints the drill's figures. The database is read with psql (PG* variables).

  analyze.py EVENTS.jsonl RUN_ID [--phase NAME=MARK ...]

Marks are {"ev":"mark","what":NAME,"t":epoch} lines in the events file (the drill writes them).
Exit status 1 when an acknowledged write is missing, a payment is duplicated, a receipt series
has a gap, or a token/session was refused.
"""
import collections
import json
import os
import subprocess
import sys


def psql(sql):
    out = subprocess.run([os.environ.get("PSQL", "psql"), "-X", "-q", "-A", "-t", "-F", "\t", "-v",
                          "ON_ERROR_STOP=1", "-c", sql], check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def main():
    events_file, run = sys.argv[1], sys.argv[2]
    ev = [json.loads(line) for line in open(events_file, encoding="utf-8") if line.strip()]
    marks = {e["what"]: e["t"] for e in ev if e["ev"] == "mark"}
    attempts = [e for e in ev if e["ev"] == "attempt"]
    ops = [e for e in ev if e["ev"] == "op"]
    probes = [e for e in ev if e["ev"] == "probe"]
    start = min(e["t"] for e in ev if e["ev"] == "start")
    end = max([e["t"] for e in ev if e["ev"] == "end"] or [max(a["t1"] for a in attempts)])
    failed = False
    out = []
    p = out.append

    # phases: from each mark to the next; an attempt belongs to the phase in which it ended (a
    # request in flight when the primary died fails after the kill)
    names = {"load-start": "steady load", "kill-primary": "primary killed", "kill-app1": "app node killed",
             "stop": "draining"}
    order = sorted(marks.items(), key=lambda kv: kv[1])
    phases = [(name, t, order[i + 1][1] if i + 1 < len(order) else end) for i, (name, t) in enumerate(order)]
    oks = sorted(a["t1"] for a in attempts if a["class"] == "ok")

    p(f"load: {end - start:.0f} s, {len(ops)} logical writes "
      f"({sum(1 for o in ops if o['kind'] == 'pay')} payments, {sum(1 for o in ops if o['kind'] == 'repair')} repair reports),"
      f" {len(attempts)} attempts, {len(probes)} token/session probes")
    p("")
    p("| phase | s | writes acked | failed attempts | seconds of errors (first to last failure) |"
      " longest time without an ack (s) | event -> last failure (s) |")
    p("|---|---|---|---|---|---|---|")
    for name, t0, t1 in phases:
        inp = [a for a in attempts if t0 <= a["t1"] < t1]
        bad = [a for a in inp if a["class"] != "ok"]
        acked = sum(1 for a in inp if a["class"] == "ok")
        window, since = "0", "-"
        if bad:
            window = f"{max(a['t1'] for a in bad) - min(a['t0'] for a in bad):.1f}"
            since = f"{max(a['t1'] for a in bad) - t0:.1f}"
        pts = [t0] + [t for t in oks if t0 <= t < t1] + [t1]
        gap = max(b - a for a, b in zip(pts, pts[1:]))
        by = collections.Counter(str(a["status"]) for a in bad)
        detail = f" ({', '.join(f'{k} x{v}' for k, v in by.most_common())})" if bad else ""
        p(f"| {names.get(name, name)} | {t1 - t0:.0f} | {acked} | {len(bad)}{detail} | {window} | {gap:.1f} | {since} |")
    p("")

    # ---- what the database holds
    pays = psql(f"SELECT idempotency_key, id, receipt_no FROM billing_payment WHERE idempotency_key LIKE '{run}-%'")
    reps = psql(f"SELECT substring(description from 'drill ({run}-[a-z0-9-]+)'), id, number FROM repair_order"
                f" WHERE description LIKE '%drill {run}-%'")
    db_pay = collections.defaultdict(list)
    for k, i, no in pays:
        db_pay[k].append((int(i), no))
    db_rep = collections.defaultdict(list)
    for k, i, no in reps:
        db_rep[k].append((int(i), no))

    lost, wrong, dup_pay, dup_rep_unknown, dup_rep_other, committed_unacked = [], [], [], [], [], []
    for o in ops:
        rows = (db_pay if o["kind"] == "pay" else db_rep).get(o["key"], [])
        if o["final"] == "acked":
            ack_id = o.get("paymentId") if o["kind"] == "pay" else o.get("id")
            if not rows:
                lost.append(o)
            elif ack_id not in [r[0] for r in rows]:
                wrong.append(o)
        elif rows:
            committed_unacked.append(o)
        if len(rows) > 1:
            if o["kind"] == "pay":
                dup_pay.append(o)
            elif o["unknown_attempts"] > 0:
                dup_rep_unknown.append((o, len(rows)))
            else:
                dup_rep_other.append((o, len(rows)))
    acked = [o for o in ops if o["final"] == "acked"]
    unresolved = [o for o in ops if o["final"] == "unresolved"]
    refused = [o for o in ops if o["final"] == "refused"]
    retried_unknown = [o for o in ops if o["unknown_attempts"] > 0]
    p(f"acknowledged writes: {len(acked)} ({sum(1 for o in acked if o['kind'] == 'pay')} payments,"
      f" {sum(1 for o in acked if o['kind'] == 'repair')} repair reports)")
    p(f"ACKNOWLEDGED WRITES LOST: {len(lost)}" + (f"  {[o['key'] for o in lost][:10]}" if lost else ""))
    p(f"acknowledged with an id the database does not hold for that key: {len(wrong)}")
    p(f"DUPLICATE PAYMENTS (same idempotency key, more than one row): {len(dup_pay)}")
    p(f"DUPLICATE REPAIR REPORTS after a retry of an unknown outcome: {len(dup_rep_unknown)}"
      f" (repair reports retried after an unknown outcome: {sum(1 for o in retried_unknown if o['kind'] == 'repair')};"
      " the Idempotency-Key header is sent, the app ignores it until that change lands)")
    p(f"duplicate repair reports without an unknown outcome: {len(dup_rep_other)}")
    p(f"payments retried after an unknown outcome: {sum(1 for o in retried_unknown if o['kind'] == 'pay')}"
      f" (answered 200 replayed: {sum(1 for o in acked if o['kind'] == 'pay' and o.get('replayed'))})")
    p(f"writes refused (4xx): {len(refused)}; unresolved at the end: {len(unresolved)};"
      f" in the database though never acknowledged: {len(committed_unacked)}")
    if lost or wrong or dup_pay or dup_rep_other:
        failed = True

    # ---- receipts gap-free in every series
    series = psql("SELECT receipt_series, count(*), count(DISTINCT receipt_number), min(receipt_number),"
                  " max(receipt_number) FROM billing_payment GROUP BY 1 ORDER BY 1")
    gaps = [s for s in series if not (s[1] == s[2] == s[4] and s[3] == "1")]
    total = sum(int(s[1]) for s in series)
    p(f"RECEIPTS: {len(series)} series, {total} receipts, series with a gap or a repeat: {len(gaps)}"
      + (f" {gaps}" if gaps else " (each series is exactly 1..n)"))
    if gaps:
        failed = True

    # ---- tokens and sessions
    for what in ("token", "session"):
        ps = [x for x in probes if x["what"] == what]
        lost_auth = sum(1 for x in ps if x["auth_lost"])
        p(f"{what.upper()} probes: {len(ps)}, ok {sum(1 for x in ps if x['ok'])}, refused (logged out) {lost_auth}, "
          f"other errors {sum(1 for x in ps if not x['ok'] and not x['auth_lost'])}"
          + "".join(f"; ok during '{names.get(n, n)}': {sum(1 for x in ps if x['ok'] and t <= x['t0'] < u)}"
                    for n, t, u in phases if n != "stop"))
        if lost_auth or not any(x["ok"] for x in ps):
            failed = True
    relog = sum(o["auth_lost"] for o in ops)
    p(f"writers' tokens refused (had to log in again): {relog}")
    if relog:
        failed = True
    print("\n".join(out))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
