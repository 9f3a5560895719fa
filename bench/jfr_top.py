#!/usr/bin/env python3
"""Top frames of a flight recording of the app: bench/jfr_top.py bench/results/tmp/app-1.0.jfr
(login password hashing of the fixture left out: it is setup, not load)."""
import collections, re, subprocess, sys

text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", sys.argv[1]], capture_output=True, text=True).stdout
top, layer, first_app = collections.Counter(), collections.Counter(), collections.Counter()
LAYERS = ["com.wuye", "io.micrometer", "org.postgresql", "com.zaxxer", "tools.jackson", "org.springframework.security",
          "org.springframework.session", "org.springframework.web", "org.springframework.jdbc", "org.apache.catalina", "org.apache.coyote"]
total, frames = 0, []
for line in text.splitlines():
    line = line.strip()
    if line.startswith("stackTrace = ["):
        frames = []
        continue
    m = re.match(r"^([\w$.<>]+)\(.*\)\s+line:", line)
    if m:
        frames.append(m.group(1))
        continue
    if line.startswith("]") and frames:
        if not any("BCrypt" in f for f in frames[:3]):
            total += 1
            top[frames[0]] += 1
            for f in frames:  # innermost frame of a known layer
                hit = next((l for l in LAYERS if f.startswith(l)), None)
                if hit:
                    layer[hit] += 1
                    break
        frames = []
print(f"{total} execution samples (fixture logins excluded)\n\nTop frames:")
for f, n in top.most_common(12):
    print(f"  {n * 100 / total:5.1f}%  {f}")
print("\nInnermost known layer of each sample:")
for f, n in layer.most_common():
    print(f"  {n * 100 / total:5.1f}%  {f}")
