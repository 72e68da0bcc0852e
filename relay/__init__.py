"""Terbuka relay: request forms and the staff review queue, in Flask.

``create_app`` builds the application from settings; nothing opens the
database or reads configuration at import time.
"""

import logging
import secrets
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from flask import Flask, render_template, request, send_file
from flask_wtf.csrf import CSRFProtect

from . import db, settings

log = logging.getLogger(__name__)

csrf = CSRFProtect()

RELAY_PREFIXES = ("/permohonan", "/petugas")

RELAY_CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; "
    "script-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'"
)


def create_app(config=None):
    """Build the relay; ``config`` overrides settings read from the environment."""
    app = Flask(__name__)
    if not logging.getLogger().handlers:
        # Under gunicorn nothing configures logging; keep our INFO lines.
        logging.basicConfig(
            level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )
    values = settings.from_environment()
    values.update(config or {})

    instance = Path(values["INSTANCE_DIR"]).resolve()
    instance.mkdir(parents=True, exist_ok=True)
    # The database and the ID scans inside are personal data: owner only.
    instance.chmod(0o700)
    values["INSTANCE_DIR"] = instance
    if values.get("DATABASE") is None:
        values["DATABASE"] = instance / "terbuka.sqlite3"
    # Absolute but not resolved: the site path is a symlink that builds swap.
    values["SITE_DIR"] = Path(values["SITE_DIR"]).absolute()
    if values.get("SECRET_KEY") is None:
        values["SECRET_KEY"] = _instance_secret(instance)
    values.setdefault("CLOCK", lambda: datetime.now(UTC))

    app.config.update(values)
    app.config.update(
        MAX_CONTENT_LENGTH=values["MAX_UPLOAD_BYTES"] * 2 + 100_000,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=values["SECURE_COOKIES"],
        WTF_CSRF_TIME_LIMIT=4 * 3600,
        # A staff session ends after a working day, whatever the browser does.
        PERMANENT_SESSION_LIFETIME=timedelta(hours=10),
        # Counted from login, and public pages never rewrite the cookie.
        SESSION_REFRESH_EACH_REQUEST=False,
    )

    csrf.init_app(app)
    db.init_app(app)

    from . import public, site, staff

    app.register_blueprint(public.bp)
    app.register_blueprint(staff.bp)
    app.register_blueprint(site.bp)
    app.after_request(_security_headers)
    _register_errors(app)
    return app


def _instance_secret(instance):
    """A random key kept in the instance folder, created on first start."""
    path = instance / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def _is_relay_path(path):
    return path.startswith(RELAY_PREFIXES)


def _security_headers(response):
    headers = response.headers
    headers.setdefault("X-Content-Type-Options", "nosniff")
    # Flask-WTF checks the Referer over HTTPS: same-origin keeps it.
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("X-Frame-Options", "DENY")
    if _is_relay_path(request.path):
        headers.setdefault("Content-Security-Policy", RELAY_CSP)
        # Forms carry CSRF tokens, and receipts and staff pages personal data.
        headers["Cache-Control"] = "no-store"
    elif request.path.startswith("/unduh/"):
        # A published file (an HTML or SVG answer, say) must never run script
        # in the origin that serves the staff pages.
        headers.setdefault("Content-Security-Policy", "sandbox; default-src 'none'")
    else:
        # Material's pages carry inline scripts; only framing is restricted.
        headers.setdefault("Content-Security-Policy", "frame-ancestors 'none'")
    return response


def _register_errors(app):
    from flask_wtf.csrf import CSRFError

    from .site import not_found_page

    @app.errorhandler(404)
    def not_found(error):
        page = None if _is_relay_path(request.path) else not_found_page()
        if page is not None:
            return send_file(page), 404
        return render_template(
            "error.html",
            title="Halaman tidak ditemukan",
            message="Alamat yang Anda buka tidak ada.",
        ), 404

    @app.errorhandler(CSRFError)
    def csrf_failed(error):
        return render_template(
            "error.html",
            title="Formulir kedaluwarsa",
            message="Sesi formulir sudah habis atau tidak sah. Muat ulang halaman "
            "lalu kirim kembali.",
        ), 400

    @app.errorhandler(413)
    def too_large(error):
        limit = app.config["MAX_UPLOAD_BYTES"] // 1_000_000
        return render_template(
            "error.html",
            title="Berkas terlalu besar",
            message=f"Unggahan paling besar {limit} MB per berkas.",
        ), 413

    @app.errorhandler(500)
    def server_error(error):
        error_id = uuid.uuid4().hex[:12]
        # The id lets an operator find the traceback; no form data is logged.
        log.error(
            "error %s on %s %s",
            error_id,
            request.method,
            request.path,
            exc_info=getattr(error, "original_exception", None),
        )
        return render_template(
            "error.html",
            title="Terjadi kesalahan",
            message="Maaf, terjadi kesalahan di server. Sebutkan kode ini bila "
            "menghubungi kami.",
            error_id=error_id,
        ), 500
