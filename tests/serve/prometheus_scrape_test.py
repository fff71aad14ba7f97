"""Debian's real Prometheus server scrapes `drawlens serve` on loopback: the exposition passes
`promtool check metrics`, the target is up, the analysis just made is counted with its route and
status, and every series the Grafana dashboard (docs/grafana) queries exists.

Usage: prometheus_scrape_test.py DRAWLENS_CLI SAMPLE_DRAWING DASHBOARD_JSON"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import serve_harness  # noqa: E402


def query(prometheus_port, expression):
    """The instant-query result of an expression, as Prometheus's list of series."""
    url = "http://127.0.0.1:%d/api/v1/query?query=%s" % (prometheus_port, urllib.parse.quote(expression))
    with urllib.request.urlopen(url, timeout=10) as answer:
        body = json.load(answer)
    if body.get("status") != "success":
        raise RuntimeError("query %s failed: %s" % (expression, body))
    return body["data"]["result"]


def dashboard_metrics(dashboard_path):
    """The drawlens_* metric names the dashboard's panels query."""
    with open(dashboard_path) as f:
        dashboard = json.load(f)
    names = set()
    for panel in dashboard["panels"]:
        for target in panel["targets"]:
            names.update(re.findall(r"\bdrawlens_[a-z_]+", target["expr"]))
    return sorted(names)


def main():
    cli, sample, dashboard = sys.argv[1:4]
    for program in ("prometheus", "promtool"):
        if not shutil.which(program):
            sys.exit("%s not found: scripts/install-deps.sh installs Debian's prometheus package" % program)
    work = tempfile.mkdtemp(prefix="drawlens-prometheus-")
    prometheus = None
    with serve_harness.Server(cli, "--workers", "1") as server:
        try:
            with open(sample, "rb") as f:
                body, content_type = serve_harness.multipart({}, sample, f.read())
            status, answer = serve_harness.request(server.port, "POST", "/api/v1/analyze", body, content_type)
            assert status == 200, (status, answer[:300])
            status, _ = serve_harness.request(server.port, "GET", "/api/v1/no-such-route")
            assert status == 404, status

            status, exposition = serve_harness.request(server.port, "GET", "/metrics")
            assert status == 200, status
            lint = subprocess.run(["promtool", "check", "metrics"], input=exposition, capture_output=True)
            assert lint.returncode == 0, "promtool check metrics: %s %s" % (lint.stdout, lint.stderr)

            prometheus_port = serve_harness.free_port()
            config = os.path.join(work, "prometheus.yml")
            with open(config, "w") as f:
                f.write("global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: drawlens\n"
                        "    static_configs:\n      - targets: ['127.0.0.1:%d']\n" % server.port)
            prometheus = subprocess.Popen(
                ["prometheus", "--config.file=" + config, "--storage.tsdb.path=" + os.path.join(work, "data"),
                 "--web.listen-address=127.0.0.1:%d" % prometheus_port, "--log.level=warn"],
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

            def scraped():
                if prometheus.poll() is not None:
                    raise RuntimeError("prometheus exited: " + prometheus.stderr.read())
                try:
                    up = query(prometheus_port, 'up{job="drawlens"}')
                except OSError:
                    return False
                return bool(up) and up[0]["value"][1] == "1"

            serve_harness.wait_until(scraped, 60, "Prometheus to scrape drawlens serve")

            analyzed = query(prometheus_port,
                             'drawlens_http_requests_total{route="/api/v1/analyze",method="POST",status="200"}')
            assert analyzed and analyzed[0]["value"][1] == "1", analyzed
            assert query(prometheus_port, 'drawlens_http_requests_total{status="404"}'), "the 404 is not counted"
            drawings = query(prometheus_port, "drawlens_drawings_processed_total")
            assert drawings and drawings[0]["value"][1] == "1", drawings
            stages = {s["metric"]["stage"] for s in query(prometheus_port, "drawlens_stage_duration_seconds_count")}
            assert {"load", "layout"} <= stages, stages

            missing = []
            for name in dashboard_metrics(dashboard):
                if name == "drawlens_gpu_memory_used_bytes":
                    continue  # exported only when the pipeline runs on a CUDA device
                if not query(prometheus_port, name):
                    missing.append(name)
            assert not missing, "the dashboard queries series Prometheus does not have: %s" % missing
            print("prometheus scraped drawlens serve: %d dashboard series present, stages %s"
                  % (len(dashboard_metrics(dashboard)) - 1, sorted(stages)))
        finally:
            if prometheus is not None:
                prometheus.terminate()
                prometheus.wait(timeout=30)
            shutil.rmtree(work, ignore_errors=True)
        assert server.stop() == 0, "drawlens serve did not stop cleanly"


if __name__ == "__main__":
    main()
