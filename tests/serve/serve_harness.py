"""Starts `drawlens serve` on a free loopback port and talks to it: the shared part of the Python
checks of the server (the Prometheus scrape test and the load test)."""

import http.client
import os
import re
import signal
import socket
import subprocess
import time
import uuid


def free_port():
    """A TCP port nobody listens on now (the kernel's choice)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`drawlens serve --port 0` as a child process; the port is read from its first line."""

    def __init__(self, cli, *args):
        self.process = subprocess.Popen([cli, "serve", "--port", "0", *args], stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True)
        first_line = self.process.stdout.readline()
        found = re.search(r"serving on http://[^:]+:(\d+)", first_line)
        if not found:
            self.process.kill()
            raise RuntimeError("drawlens serve did not start: %r %s" % (first_line, self.process.stderr.read()))
        self.port = int(found.group(1))

    def rss_bytes(self):
        """Resident memory of the server process now."""
        with open("/proc/%d/status" % self.process.pid) as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
        raise RuntimeError("no VmRSS for the server")

    def stop(self):
        """SIGTERM (graceful: in-flight requests are answered), then the exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def multipart(fields, file_name, file_bytes):
    """A multipart/form-data body with the form fields and one `file` part; (body, content type)."""
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(('--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n'
                      % (boundary, name, value)).encode())
    parts.append(('--%s\r\nContent-Disposition: form-data; name="file"; filename="%s"\r\n'
                  'Content-Type: application/octet-stream\r\n\r\n' % (boundary, os.path.basename(file_name))).encode())
    parts.append(file_bytes + b"\r\n--%s--\r\n" % boundary.encode())
    return b"".join(parts), "multipart/form-data; boundary=" + boundary


def request(port, method, path, body=None, content_type=None, timeout=120):
    """One HTTP request on a new connection; (status, body bytes)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        headers = {"Content-Type": content_type} if content_type else {}
        connection.request(method, path, body=body, headers=headers)
        answer = connection.getresponse()
        return answer.status, answer.read()
    finally:
        connection.close()


def wait_until(predicate, seconds, what):
    """Polls predicate every 0.2 s until it is true; raises naming `what` after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise TimeoutError("waited %d s for %s" % (seconds, what))
