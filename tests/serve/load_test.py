"""A bounded loopback load on `drawlens serve`: concurrent clients post a drawing to a route for a
fixed time; prints requests/s, p50/p99 latency, the answers by status and the server's resident
memory after the warm-up and at the end. Fails on any 5xx other than a deliberate 503 (queue full)
and on memory that keeps growing once the kept-results store is full.

Usage: load_test.py DRAWLENS_CLI DRAWING [--seconds 60] [--clients 8] [--workers N]
                    [--route /api/v1/analyze]"""

import argparse
import collections
import os
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import serve_harness  # noqa: E402

KEPT_RESULTS = 16  # --keep: the download store fills during the warm-up, so memory must then stay flat


def percentile(sorted_values, fraction):
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(fraction * len(sorted_values)))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("cli")
    parser.add_argument("drawing")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    parser.add_argument("--route", default="/api/v1/analyze")
    args = parser.parse_args()
    with open(args.drawing, "rb") as f:
        body, content_type = serve_harness.multipart({}, args.drawing, f.read())

    with serve_harness.Server(args.cli, "--workers", str(args.workers), "--keep", str(KEPT_RESULTS)) as server:
        rss_start = server.rss_bytes()
        for _ in range(KEPT_RESULTS + 4):  # warm-up: caches built, the download store full
            status, answer = serve_harness.request(server.port, "POST", args.route, body, content_type)
            assert status == 200, (status, answer[:300])
        rss_warm = server.rss_bytes()

        latencies, statuses, lock = [], collections.Counter(), threading.Lock()
        stop_at = time.monotonic() + args.seconds

        def client():
            while time.monotonic() < stop_at:
                started = time.monotonic()
                try:
                    status, _ = serve_harness.request(server.port, "POST", args.route, body, content_type)
                except OSError as error:
                    status = "connection error: %s" % error
                with lock:
                    statuses[status] += 1
                    if status == 200:
                        latencies.append(time.monotonic() - started)

        began = time.monotonic()
        threads = [threading.Thread(target=client) for _ in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - began
        rss_end = server.rss_bytes()
        exit_status = server.stop()

    latencies.sort()
    answered = sum(statuses.values())
    mib = 1024.0 * 1024.0
    print("load: %s, %d clients, %d workers, %.1f s: %d requests, %.1f requests/s, %.1f ok/s"
          % (args.route, args.clients, args.workers, elapsed, answered, answered / elapsed, len(latencies) / elapsed))
    print("load: latency of 200s p50 %.3f s, p99 %.3f s, max %.3f s"
          % (percentile(latencies, 0.5), percentile(latencies, 0.99), latencies[-1] if latencies else float("nan")))
    print("load: answers by status %s" % dict(sorted(statuses.items(), key=str)))
    print("load: server RSS %.1f MiB at start, %.1f MiB after the warm-up, %.1f MiB at the end"
          % (rss_start / mib, rss_warm / mib, rss_end / mib))

    failures = {s: n for s, n in statuses.items() if s != 200 and s != 503}
    assert not failures, "answers other than 200 and 503: %s" % failures
    assert latencies, "no request succeeded"
    assert exit_status == 0, "drawlens serve exited with %s after SIGTERM" % exit_status
    assert rss_end <= rss_warm * 1.25 + 64 * mib, "server memory grew under load: %.1f -> %.1f MiB" % (
        rss_warm / mib, rss_end / mib)


if __name__ == "__main__":
    main()
