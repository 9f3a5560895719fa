#!/usr/bin/python3
"""Load for the drills: residents report repairs, a cashier takes counter payments, probes check
that an API token and a browser session keep working. Standard library only.

Every logical write has a client-chosen key (payments: the Idempotency-Key; repairs: the
Idempotency-Key header too, and the key written into the description so the drill can find the
rows). A write whose answer is an error or never comes is retried with the same key until it is
acknowledged (2xx), refused (4xx other than 401/408/429), or the drill stops. Every attempt and
every logical outcome goes to a JSON-lines file that the drill compares with the database.

  load.py --base http://127.0.0.1:18080 --out events.jsonl --stop-file STOP --run R1 \
          --pay-units 2,3,4,5 --repair-unit 1 --payers 2 --reporters 2
"""
import argparse
import http.client
import json
import os
import re
import threading
import time
import urllib.parse

LOCK = threading.Lock()
OUT = None


def emit(rec):
    line = json.dumps(rec, ensure_ascii=False)
    with LOCK:
        OUT.write(line + "\n")
        OUT.flush()


class Http:
    """One keep-alive connection; reconnects after any error. Returns (status, headers, body)."""

    def __init__(self, base, timeout):
        u = urllib.parse.urlparse(base)
        self.host, self.port, self.timeout = u.hostname, u.port or 80, timeout
        self.conn = None

    def request(self, method, path, body=None, headers=None):
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            self.conn.request(method, path, body=body, headers=headers or {})
            r = self.conn.getresponse()
            data = r.read()
            if r.getheader("Connection", "").lower() == "close":
                self.close()
            return r.status, r, data
        except Exception:
            self.close()
            raise

    def close(self):
        if self.conn is not None:
            try:
                self.conn.close()
            finally:
                self.conn = None


def login(http, username, password, deadline):
    body = json.dumps({"username": username, "password": password})
    while True:
        try:
            st, _, data = http.request("POST", "/api/v1/auth/login", body, {"Content-Type": "application/json"})
            if st == 200:
                return json.loads(data)["token"]
            err = f"HTTP {st}"
        except Exception as e:  # noqa: BLE001
            err = type(e).__name__
        if time.time() > deadline:
            raise SystemExit(f"login of {username} failed: {err}")
        time.sleep(0.5)


UNKNOWN = "unknown"  # the write may or may not have happened


def classify(status):
    if isinstance(status, str):
        return UNKNOWN  # connection reset, timeout, ...: we cannot know
    if 200 <= status < 300:
        return "ok"
    if status == 401:
        return "auth"
    if status in (408, 429) or status >= 500:
        return UNKNOWN  # 5xx: the app may have failed after (or while) the commit
    return "refused"


class Writer(threading.Thread):
    def __init__(self, a, kind, idx, username, stop):
        super().__init__(daemon=True)
        self.a, self.kind, self.idx, self.username, self.stop = a, kind, idx, username, stop
        self.http = Http(a.base, a.timeout)

    def run(self):
        a = self.a
        token = login(self.http, self.username, a.password, time.time() + 120)
        seq = 0
        while not os.path.exists(a.stop_file):
            if a.pause_file and os.path.exists(a.pause_file):
                # paused between writes (the restore drill's quiet point): say so once, then wait
                emit({"ev": "paused", "kind": self.kind, "idx": self.idx, "t": time.time()})
                while os.path.exists(a.pause_file) and not os.path.exists(a.stop_file):
                    time.sleep(0.05)
                emit({"ev": "resumed", "kind": self.kind, "idx": self.idx, "t": time.time()})
                continue
            seq += 1
            key = f"{a.run}-{self.kind}{self.idx}-{seq:06d}"
            if self.kind == "pay":
                unit = a.pay_units[(self.idx + seq) % len(a.pay_units)]
                path = f"/api/v1/billing/units/{unit}/payments"
                body = {"chargeIds": [], "amount": 10.00, "channel": "CASH", "tendered": 10.00, "idempotencyKey": key}
            else:
                unit = a.repair_unit
                path = "/api/v1/portal/repairs"
                body = {"unitId": unit, "category": "WATER_ELECTRIC", "description": f"演练报修 drill {key}",
                        "emergency": False, "contactName": "业主"}
            payload = json.dumps(body, ensure_ascii=False).encode()
            attempt, unknowns, auth_lost = 0, 0, 0
            final, result, acked_at = "unresolved", None, None
            first_t = time.time()
            give_up = None
            while True:
                attempt += 1
                t0 = time.time()
                try:
                    st, _, data = self.http.request("POST", path, payload, {
                        "Content-Type": "application/json", "X-Auth-Token": token,
                        "Idempotency-Key": key, "Accept-Language": "zh-CN"})
                except Exception as e:  # noqa: BLE001
                    st, data = type(e).__name__, b""
                t1 = time.time()
                c = classify(st)
                emit({"ev": "attempt", "kind": self.kind, "key": key, "attempt": attempt, "t0": t0, "t1": t1,
                      "status": st, "class": c})
                if c == "ok":
                    result = json.loads(data)
                    final, acked_at = "acked", t1
                    break
                if c == "refused":
                    final, result = "refused", data.decode("utf-8", "replace")[:300]
                    break
                if c == "auth":
                    auth_lost += 1  # the token was not accepted: counted, then a new login
                    token = login(self.http, self.username, a.password, time.time() + 120)
                else:
                    unknowns += 1
                if os.path.exists(a.stop_file):
                    give_up = give_up or time.time() + a.give_up
                    if time.time() > give_up:
                        break
                time.sleep(0.2)
            rec = {"ev": "op", "kind": self.kind, "key": key, "unit": unit, "final": final, "attempts": attempt,
                   "unknown_attempts": unknowns, "auth_lost": auth_lost, "t_first": first_t, "t_ack": acked_at}
            if final == "acked":
                if self.kind == "pay":
                    rec.update(paymentId=result.get("paymentId"), receiptNo=result.get("receiptNo"),
                               replayed=result.get("replayed"))
                else:
                    rec.update(id=result.get("id"), number=result.get("number"))
            else:
                rec["detail"] = result
            emit(rec)
            if a.pause > 0:
                time.sleep(a.pause)


class Probe(threading.Thread):
    """An API token and a browser (cookie) session made once at the start, used every half second."""

    def __init__(self, a, stop):
        super().__init__(daemon=True)
        self.a = a
        self.api = Http(a.base, 10)
        self.web = Http(a.base, 10)
        self.cookies = {}

    def _cookie_header(self):
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def _keep_cookies(self, r):
        for h in r.headers.get_all("Set-Cookie") or []:
            k, _, rest = h.partition("=")
            self.cookies[k.strip()] = rest.split(";", 1)[0]

    def form_login(self, username):
        deadline = time.time() + 120
        while True:
            try:
                self.cookies = {}
                st, r, data = self.web.request("GET", "/login")
                self._keep_cookies(r)
                m = re.search(rb'name="_csrf" value="([^"]+)"', data)
                form = urllib.parse.urlencode({"username": username, "password": self.a.password,
                                               "_csrf": m.group(1).decode()})
                st, r, _ = self.web.request("POST", "/login", form, {
                    "Content-Type": "application/x-www-form-urlencoded", "Cookie": self._cookie_header()})
                self._keep_cookies(r)
                if st == 302 and r.getheader("Location", "").endswith("/staff"):
                    return
            except Exception:  # noqa: BLE001
                pass
            if time.time() > deadline:
                raise SystemExit("form login failed")
            time.sleep(0.5)

    def run(self):
        a = self.a
        token = login(self.api, a.probe_user, a.password, time.time() + 120)
        self.form_login(a.probe_user)
        emit({"ev": "probe-start", "t": time.time()})
        while not os.path.exists(a.stop_file):
            t0 = time.time()
            try:
                st, _, data = self.api.request("GET", "/api/v1/me", None, {"X-Auth-Token": token})
                ok = st == 200 and json.loads(data).get("username") == a.probe_user
            except Exception as e:  # noqa: BLE001
                st, ok = type(e).__name__, False
            emit({"ev": "probe", "what": "token", "t0": t0, "t1": time.time(), "status": st, "ok": ok,
                  "auth_lost": st == 401})
            t0 = time.time()
            try:
                st, r, data = self.web.request("GET", "/staff", None, {"Cookie": self._cookie_header()})
                ok = st == 200 and b'id="staff-home"' in data
                # a redirect to /login means the session was lost
                lost = st in (301, 302) and "/login" in (r.getheader("Location") or "")
            except Exception as e:  # noqa: BLE001
                st, ok, lost = type(e).__name__, False, False
            emit({"ev": "probe", "what": "session", "t0": t0, "t1": time.time(), "status": st, "ok": ok,
                  "auth_lost": lost})
            time.sleep(0.5)


def main():
    global OUT
    p = argparse.ArgumentParser()
    p.add_argument("--base", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--stop-file", required=True)
    p.add_argument("--run", required=True)
    p.add_argument("--pay-units", required=True)
    p.add_argument("--repair-unit", type=int, required=True)
    p.add_argument("--payers", type=int, default=2)
    p.add_argument("--reporters", type=int, default=2)
    p.add_argument("--cashier", default="shouyin")
    p.add_argument("--resident", default="13800000001")
    p.add_argument("--probe-user", default="kefu")
    p.add_argument("--password", default="Wuye@Demo2026")
    p.add_argument("--timeout", type=float, default=40)
    p.add_argument("--pause", type=float, default=0.0, help="seconds between a client's writes")
    p.add_argument("--pause-file", help="while this file exists, writers stop between writes")
    p.add_argument("--give-up", type=float, default=60, help="after the stop file, retry this long at most")
    p.add_argument("--no-probe", action="store_true")
    a = p.parse_args()
    a.pay_units = [int(x) for x in a.pay_units.split(",")]
    OUT = open(a.out, "a", encoding="utf-8")
    threads = [Writer(a, "pay", i, a.cashier, None) for i in range(a.payers)]
    threads += [Writer(a, "repair", i, a.resident, None) for i in range(a.reporters)]
    if not a.no_probe:
        threads.append(Probe(a, None))
    emit({"ev": "start", "t": time.time(), "run": a.run})
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    emit({"ev": "end", "t": time.time()})


if __name__ == "__main__":
    main()
