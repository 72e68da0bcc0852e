"""Serves the built static site beside the forms, for a one-process setup.

In production a web server or CDN can serve the site folder directly; the
relay then only needs /permohonan/ and /petugas/.
"""

from pathlib import Path

from flask import (
    Blueprint,
    abort,
    current_app,
    redirect,
    render_template,
    send_file,
)
from werkzeug.security import safe_join

bp = Blueprint("site", __name__)


@bp.route("/", defaults={"path": ""})
@bp.route("/<path:path>")
def page(path):
    root = Path(current_app.config["SITE_DIR"])
    if not (root / "index.html").is_file():
        return render_template("site_missing.html"), 503

    target = safe_join(str(root), path)
    if target is None:
        abort(404)
    target = Path(target)
    if target.is_dir():
        if path and not path.endswith("/"):
            # Pages link relative to their folder: /dip must become /dip/.
            return redirect(f"/{path}/", code=308)
        target = target / "index.html"
    if not target.is_file():
        abort(404)
    return send_file(target, max_age=300, conditional=True)


def not_found_page():
    """The site's own 404 page, if the site is built."""
    page = Path(current_app.config["SITE_DIR"]) / "404.html"
    return page if page.is_file() else None
