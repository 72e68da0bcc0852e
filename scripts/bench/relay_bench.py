"""Request submissions per second under gunicorn, against a trivial endpoint.

Usage: .venv/bin/python scripts/bench/relay_bench.py [--requests N] [--runs R]

Starts the relay under gunicorn (2 workers, as `terbuka serve`) on a free
loopback port with a temporary instance folder, then, from 4 client threads:
- baseline: GET of the relay's small stylesheet (no database, no template);
- submissions: GET the form, then POST a complete request with a PNG ID scan
  (CSRF, validation, image re-encoding, fsync, SQLite commit, redirect);
- the staff queue page, timed after the submissions.
Prints the median of R runs of each and the ratio to the baseline.
"""

import argparse
import io
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
THREADS = 4
PASSWORD = "bench-password-123"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (600, 400), (120, 80, 40)).save(buffer, "PNG")
    return buffer.getvalue()


FORM = {
    "applicant_type": "perorangan",
    "full_name": "Warga Uji",
    "id_number": "6472015501900003",
    "address": "Jl. Uji No. 1, Samarinda",
    "phone": "081234567890",
    "email": "uji@example.org",
    "occupation": "Peneliti",
    "information": "Daftar kecamatan di Kabupaten Paser.",
    "purpose": "Uji beban.",
    "obtain_method": "salinan",
    "copy_form": "softcopy",
    "delivery": "email",
}


def submit(base, image):
    session = requests.Session()
    page = session.get(f"{base}/permohonan/").text
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)[1]
    response = session.post(
        f"{base}/permohonan/",
        data=dict(FORM, csrf_token=token),
        files={"id_scan": ("ktp.png", image, "image/png")},
        allow_redirects=False,
    )
    assert response.status_code == 303, response.status_code


def rate(work, count):
    started = time.perf_counter()
    with ThreadPoolExecutor(THREADS) as pool:
        list(pool.map(lambda _: work(), range(count)))
    return count / (time.perf_counter() - started)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        env = dict(
            os.environ,
            TERBUKA_INSTANCE_DIR=f"{tmp}/instance",
            TERBUKA_SITE_DIR=str(ROOT / "build/site"),
        )
        subprocess.run(
            [
                sys.executable,
                "-m",
                "relay.cli",
                "create-staff",
                "bench",
                "--password",
                PASSWORD,
            ],
            env=env,
            check=True,
            capture_output=True,
            cwd=ROOT,
        )
        port = free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--workers",
                "2",
                "--no-control-socket",
                "--bind",
                f"127.0.0.1:{port}",
                "relay:create_app()",
            ],
            env=env,
            cwd=ROOT,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    requests.get(f"{base}/static/relay.css", timeout=1)
                    break
                except requests.ConnectionError:
                    time.sleep(0.1)
            image = png()
            http = requests.Session()
            baseline, submissions = [], []
            for _ in range(args.runs):
                baseline.append(
                    rate(lambda: http.get(f"{base}/static/relay.css"), args.requests)
                )
                submissions.append(rate(lambda: submit(base, image), args.requests))
            staff = requests.Session()
            page = staff.get(f"{base}/petugas/masuk").text
            token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)[
                1
            ]
            staff.post(
                f"{base}/petugas/masuk",
                data={"username": "bench", "password": PASSWORD, "csrf_token": token},
            )
            latencies = []
            for _ in range(20):
                started = time.perf_counter()
                assert staff.get(f"{base}/petugas/").status_code == 200
                latencies.append(time.perf_counter() - started)
        finally:
            server.terminate()
            server.wait()

    stored = args.requests * args.runs
    print(f"baseline GET static:   {statistics.median(baseline):7.1f} req/s")
    print(
        f"request submissions:   {statistics.median(submissions):7.1f} req/s "
        f"({statistics.median(submissions) / statistics.median(baseline):.3f} "
        "of baseline)"
    )
    print(
        f"staff queue page ({stored} requests, 100 a page): "
        f"{statistics.median(latencies) * 1000:.1f} ms median"
    )


if __name__ == "__main__":
    main()
