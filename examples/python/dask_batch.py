"""Analyses every drawing of a folder on a Dask distributed cluster: one drawlens.Pipeline per
worker process, the result JSON of each drawing, and a summary CSV (one row per drawing, failures
included with the error that names the problem).

    python3 dask_batch.py DRAWINGS/ OUT/                       # a LocalCluster on this machine
    python3 dask_batch.py DRAWINGS/ OUT/ --scheduler tcp://scheduler-host:8786   # an existing cluster

Workers read the drawings by path (on a cluster: storage every worker mounts at the same path) and
send each result back; this process writes OUT/<drawing>.json and OUT/summary.csv as results arrive,
so memory stays flat over a vault of any size. docs/python.md says how to run it across machines.
"""

import argparse
import csv
import os
import sys
import time

DRAWING_SUFFIXES = (".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp")
SUMMARY_FIELDS = ["file", "status", "error", "pages", "dimensions", "toleranced_dimensions", "gdt_frames",
                  "title_fields", "part_number", "seconds", "worker", "pipeline"]


class PipelinePerWorker:
    """A Dask worker plugin: each worker process makes one drawlens.Pipeline when it starts and every
    task on it uses that one (a Pipeline is thread-safe, so the worker's threads share it)."""

    name = "drawlens-pipeline"

    def __init__(self, dpi, device):
        self.dpi, self.device = dpi, device

    def setup(self, worker):
        import drawlens
        worker.drawlens_pipeline = drawlens.Pipeline(dpi=self.dpi, device=self.device)


def analyze_one(path):
    """Runs on a worker: analyses one drawing with the worker's pipeline; returns its summary row and
    its result JSON (None on failure)."""
    import json

    import drawlens
    from dask.distributed import get_worker
    pipeline = get_worker().drawlens_pipeline
    started = time.perf_counter()
    row = {"file": os.path.basename(path), "worker": "%s/%d" % (os.uname().nodename, os.getpid()),
           "pipeline": "%x" % id(pipeline)}
    try:
        result = pipeline.analyze_file(path)
    except drawlens.Error as error:
        row.update(status=error.status, error=str(error), seconds=round(time.perf_counter() - started, 3))
        return row, None
    pages = result.pages()
    dimensions = [d for page in pages for d in page.dimensions]
    title = {field.key: field.value for page in pages for field in page.title_fields}
    row.update(status="ok", error="", pages=len(pages), dimensions=len(dimensions),
               toleranced_dimensions=sum(1 for d in dimensions if d.upper is not None),
               gdt_frames=sum(len(page.gdt_frames) for page in pages), title_fields=len(title),
               part_number=title.get("part_number", ""), seconds=round(time.perf_counter() - started, 3))
    text = result.to_json()
    json.loads(text)  # a worker never sends a truncated document back
    return row, text


def drawings_in(folder):
    return sorted(os.path.join(folder, name) for name in os.listdir(folder)
                  if name.lower().endswith(DRAWING_SUFFIXES) and os.path.isfile(os.path.join(folder, name)))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("drawings", help="folder of drawings (PDF, PNG, JPEG, TIFF, BMP, WebP)")
    parser.add_argument("out", help="folder for <drawing>.json and summary.csv")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler (default: a LocalCluster)")
    parser.add_argument("--workers", type=int, default=os.cpu_count(), help="LocalCluster worker processes")
    parser.add_argument("--threads-per-worker", type=int, default=1, help="LocalCluster threads per worker")
    parser.add_argument("--dpi", type=int, default=300, help="PDF rendering resolution")
    parser.add_argument("--device", default="auto", help="auto, cpu or cuda:N")
    args = parser.parse_args(argv)

    from dask.distributed import Client, LocalCluster, as_completed

    paths = drawings_in(args.drawings)
    if not paths:
        sys.exit("no drawings in %s" % args.drawings)
    os.makedirs(args.out, exist_ok=True)
    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=args.threads_per_worker, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    started = time.perf_counter()
    failures = 0
    try:
        client.register_worker_plugin(PipelinePerWorker(args.dpi, args.device))
        futures = client.map(analyze_one, paths, pure=False)
        with open(os.path.join(args.out, "summary.csv"), "w", newline="") as summary_file:
            summary = csv.DictWriter(summary_file, fieldnames=SUMMARY_FIELDS)
            summary.writeheader()
            for done, future in enumerate(as_completed(futures), start=1):
                try:
                    row, text = future.result()
                except Exception as error:  # a lost worker or a bug: recorded, and the batch goes on
                    row, text = {"file": os.path.basename(paths[futures.index(future)]), "status": "exception",
                                 "error": "%s: %s" % (type(error).__name__, error)}, None
                if text is not None:
                    stem = os.path.splitext(row["file"])[0]
                    with open(os.path.join(args.out, stem + ".json"), "w", encoding="utf-8") as f:
                        f.write(text)
                else:
                    failures += 1
                summary.writerow(row)
                print("[%d/%d] %s: %s" % (done, len(paths), row["file"], row["status"]), flush=True)
                future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    elapsed = time.perf_counter() - started
    print("%d drawings in %.1f s (%.2f drawings/s), %d failed; summary in %s"
          % (len(paths), elapsed, len(paths) / elapsed, failures, os.path.join(args.out, "summary.csv")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
