#!/usr/bin/env python3
"""Time each request spends inside a proxy, from a loopback capture (tcpdump -A text on stdin).

    residence.py FRONT_PORT BACK_PORT  ->  "p50_ms p99_ms requests"

Per request: (request out to the upstream - request in from the client) + (answer out to the client - answer in
from the upstream), from packet timestamps. The two legs of one request are joined by the X-Request-Id that
article-service returns (the gateway sends its own id upstream; nginx passes the service's id back), a request
to the last one sent on its connection (HTTP/1.1 without pipelining: one at a time per connection). Unlike the
difference of two p99 latencies measured apart, this leaves out the upstream's own time and its variance.
"""
import re
import sys

HEAD = re.compile(r"(\d+\.\d+) IP 127\.0\.0\.1\.(\d+) > 127\.0\.0\.1\.(\d+): .*length (\d+)")
REQUEST_ID = re.compile(r"X-Request-Id: ([0-9A-Za-z-]+)", re.I)


def packets(lines):
    current = None
    for line in lines:
        m = HEAD.match(line)
        if m:
            if current:
                yield current
            current = [float(m.group(1)), int(m.group(2)), int(m.group(3)), int(m.group(4)), []]
        elif current:
            current[4].append(line)
    if current:
        yield current


def main():
    front, back = int(sys.argv[1]), int(sys.argv[2])
    sent = {}  # connection's port -> time its last request was seen
    times = {}  # request id -> {t0: client in, t1: upstream out, t2: upstream answer in, t3: answer out}
    for t, src, dst, length, text in packets(sys.stdin):
        if length == 0:
            continue
        text = "".join(text)
        found = REQUEST_ID.search(text)
        if dst in (front, back) and "GET " in text:
            sent[(dst, src)] = t
        elif src in (front, back) and "HTTP/1.1 " in text and found:
            times.setdefault(found.group(1), {}).update(
                {"t3" if src == front else "t2": t, "t0" if src == front else "t1": sent.get((src, dst))})
    inside = sorted((e["t1"] - e["t0"] + e["t3"] - e["t2"]) * 1000
                    for e in times.values()
                    if all(e.get(k) for k in ("t0", "t1", "t2", "t3")) and e["t0"] <= e["t1"] <= e["t2"] <= e["t3"])
    if not inside:
        sys.exit("residence.py: no request seen on both sides")
    at = lambda p: inside[min(len(inside) - 1, int(len(inside) * p / 100))]
    print("%.2f %.2f %d" % (at(50), at(99), len(inside)))


if __name__ == "__main__":
    main()
