#!/usr/bin/env python3
"""Runs `drawlens gpu --json` with prices and checks the output is the GPU assessment as JSON:
schema, verdict, and a cost section that is filled in exactly where the energy was measured."""
import json
import subprocess
import sys


def main() -> int:
    cli = sys.argv[1]
    out = subprocess.run([cli, "gpu", "--json", "--energy-seconds", "1", "--kwh-price", "0.15",
                          "--cloud-price", "2.5"], check=True, capture_output=True, text=True).stdout
    report = json.loads(out)
    assert report["schema"] == "drawlens.gpu/1", report["schema"]
    assert report["verdict"], "empty verdict"
    assert any(c["name"] == "OpenCV" and c["linked"] for c in report["software"]), report["software"]
    cost = report["cost_per_1000_drawings"]
    if report["usable_devices"] == 0:
        assert report["reason"].startswith("no CUDA device: "), report["reason"]
        assert cost["kwh"] is None and cost["cloud_cost"] is None, cost
    else:
        assert report["memory_plan"]["measured"], report["memory_plan"]
        assert cost["gpu_hours"] > 0 and cost["cloud_cost"] > 0, cost
    print(report["verdict"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
