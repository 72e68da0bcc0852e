"""Build time of the site at N entries, against a plain Markdown render.

Usage: .venv/bin/python scripts/bench/build_bench.py [N ...] [--runs R]

For each N it writes a synthetic catalogue of N entries (copies of the
bundled service-standard entry under new names), then times, in this one
process: the whole `build_site` (check, write, render with MkDocs, publish)
and, as the baseline, python-markdown rendering the same generated pages with
no theme. It prints the median of R runs of each and their ratio.
"""

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import markdown

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from site_src import generate  # noqa: E402
from site_src.build import PAGES_SRC, build_site  # noqa: E402
from site_src.catalogue import load_catalogue  # noqa: E402

TEMPLATE = ROOT / "catalogue/entries/standar-pelayanan-informasi-publik.yaml"
SOURCE_FILES = ROOT / "catalogue/files/standar-pelayanan-informasi-publik"


def synthetic_catalogue(folder, count):
    entries = folder / "entries"
    entries.mkdir(parents=True)
    shutil.copytree(SOURCE_FILES, folder / "files/standar-pelayanan-informasi-publik")
    text = TEMPLATE.read_text(encoding="utf-8")
    first_title = text.splitlines()[0]
    for number in range(count):
        title = f"{first_title} (salinan uji {number:05d})"
        body = text.replace(first_title, title, 1)
        (entries / f"entri-uji-{number:05d}.yaml").write_text(body, encoding="utf-8")


def baseline(catalogue, work):
    """Render the generated pages with python-markdown alone."""
    entries = load_catalogue(catalogue)
    pages, _ = generate.write_tree(entries, PAGES_SRC, work, "/permohonan/")
    started = time.perf_counter()
    for page in pages.rglob("*.md"):
        source = page.read_text(encoding="utf-8").split("---\n", 2)[-1]
        markdown.markdown(source, extensions=["tables", "attr_list", "admonition"])
    return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counts", nargs="*", type=int, default=[100, 1000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    import logging

    logging.disable(logging.WARNING)
    print(
        f"{'entries':>8} {'build s':>9} {'markdown s':>11} {'ratio':>6} "
        f"{'site MB':>8} {'KB/page':>8}"
    )
    for count in args.counts:
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            synthetic_catalogue(tmp / "catalogue", count)
            builds, plains = [], []
            for run in range(args.runs):
                started = time.perf_counter()
                build_site(tmp / "catalogue", tmp / "out", ROOT / "mkdocs.yml")
                builds.append(time.perf_counter() - started)
                plains.append(baseline(tmp / "catalogue", tmp / f"plain{run}"))
            site = (tmp / "out/site").resolve()
            size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
            page = site / "entri/entri-uji-00000/index.html"
            build, plain = statistics.median(builds), statistics.median(plains)
            print(
                f"{count:>8} {build:>9.2f} {plain:>11.2f} {build / plain:>6.1f} "
                f"{size / 1e6:>8.1f} {page.stat().st_size / 1e3:>8.1f}"
            )


if __name__ == "__main__":
    main()
