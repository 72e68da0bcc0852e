"""Build the public site: check the catalogue, write pages, render, publish.

The published site is a symlink, ``<out>/site``, to one release folder. A new
release is rendered beside it and the link is swapped in one rename, so a
failed build never replaces or damages the site that is being served.
"""

import logging
import os
import shutil
import tempfile
import time
from pathlib import Path

from . import generate
from .catalogue import load_catalogue

log = logging.getLogger(__name__)

PACKAGE_DIR = Path(__file__).resolve().parent
PAGES_SRC = PACKAGE_DIR / "pages"
KEEP_RELEASES = 2


class RenderError(Exception):
    """MkDocs refused the generated pages (strict mode: warnings fail)."""


def build_site(
    catalogue_dir, out_dir, mkdocs_config, relay_url="/permohonan/", site_url=None
):
    """Build and publish the site; return the path of the new release.

    Raises CatalogueError for a broken catalogue and RenderError when MkDocs
    fails; in both cases the previously published site stays in place.
    """
    out_dir = Path(out_dir).resolve()
    entries = load_catalogue(catalogue_dir)

    releases = out_dir / "releases"
    releases.mkdir(parents=True, exist_ok=True)
    release = Path(
        tempfile.mkdtemp(prefix=time.strftime("%Y%m%dT%H%M%S-"), dir=releases)
    )
    release.chmod(0o755)  # mkdtemp makes it private; the site is public
    try:
        with tempfile.TemporaryDirectory(prefix="work-", dir=out_dir) as work:
            pages, files = generate.write_tree(entries, PAGES_SRC, work, relay_url)
            render(mkdocs_config, pages, release, site_url)
            shutil.copytree(files, release, dirs_exist_ok=True)
    except BaseException:
        shutil.rmtree(release, ignore_errors=True)
        raise

    publish(out_dir, release)
    log.info("published %d entries to %s", len(entries), release)
    return release


def render(mkdocs_config, pages_dir, site_dir, site_url=None):
    """Render Markdown with MkDocs (strict); the only MkDocs-aware step."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    overrides = {"docs_dir": str(pages_dir), "site_dir": str(site_dir)}
    if site_url:
        overrides["site_url"] = site_url
    try:
        config = load_config(str(mkdocs_config), strict=True, **overrides)
        build(config)
    except MkDocsException as exc:
        raise RenderError(f"MkDocs gagal merender situs: {exc}") from exc


def publish(out_dir, release):
    """Point ``out_dir/site`` at ``release`` atomically; drop old releases."""
    link = out_dir / "site"
    if link.exists() and not link.is_symlink():
        raise RenderError(f"{link} ada tetapi bukan symlink; pindahkan dulu")
    staging = out_dir / "site.new"
    if staging.is_symlink():
        staging.unlink()
    staging.symlink_to(Path("releases") / release.name)
    os.replace(staging, link)

    current = release.name
    old = sorted(
        (p for p in (out_dir / "releases").iterdir() if p.name != current),
        key=lambda p: p.stat().st_mtime,
    )
    for path in old[: max(0, len(old) - (KEEP_RELEASES - 1))]:
        shutil.rmtree(path, ignore_errors=True)
