"""Staff side: login, the review queue and one request's file."""

import functools
import logging
import re
import secrets

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    send_file,
    session,
    url_for,
)
from werkzeug.security import check_password_hash, generate_password_hash

from . import catalogue_index, register, states
from .db import get_db
from .forms import LoginForm, LogoutForm
from .uploads import stored_path
from .workdays import format_datetime, format_day

log = logging.getLogger(__name__)

bp = Blueprint("staff", __name__, url_prefix="/petugas")

# scrypt with N=2^17, OWASP's minimum (Werkzeug's default is 2^15).
PASSWORD_METHOD = "scrypt:131072:8:1"
# Where a login may send the user back to: staff pages only, plain paths.
SAFE_NEXT = re.compile(r"/petugas/[A-Za-z0-9_/\-]*(\?[A-Za-z0-9_=&\-]*)?")
QUEUE_PAGE_SIZE = 100
# Checked against when the user does not exist, so timing reveals nothing.
_DUMMY_HASH = None


def hash_password(password):
    return generate_password_hash(password, method=PASSWORD_METHOD)


def normal_username(username):
    """Usernames ignore case and surrounding spaces: Desk and desk are one."""
    return username.strip().casefold()


def create_staff(username, password):
    """Create a staff account; raise ValueError if the name is taken."""
    username = normal_username(username)
    if not username:
        raise ValueError("nama pengguna tidak boleh kosong")
    db = get_db()
    if list(db.query("SELECT 1 FROM staff WHERE username = ?", [username])):
        raise ValueError(f"akun '{username}' sudah ada")
    db["staff"].insert(
        {
            "username": username,
            "password_hash": hash_password(password),
            "session_nonce": secrets.token_hex(16),
            "created_at": register.now().isoformat(),
        }
    )


@bp.before_app_request
def load_staff():
    """Find the logged-in staff member; a stale nonce means logged out."""
    g.staff = None
    if request.blueprint != "staff":
        # Public pages never touch the session, so they stay cacheable.
        return
    staff_id, nonce = session.get("staff_id"), session.get("staff_nonce")
    if staff_id is None:
        return
    rows = list(
        get_db().query(
            "SELECT id, username, session_nonce FROM staff WHERE id = ?", [staff_id]
        )
    )
    if rows and secrets.compare_digest(rows[0]["session_nonce"], nonce or ""):
        g.staff = rows[0]
    else:
        session.clear()


def login_required(view):
    @functools.wraps(view)
    def wrapped(**kwargs):
        if g.staff is None:
            return redirect(url_for("staff.login", next=request.full_path.rstrip("?")))
        response = current_app.make_response(view(**kwargs))
        response.headers["Cache-Control"] = "no-store"
        return response

    return wrapped


@bp.route("/masuk", methods=["GET", "POST"])
def login():
    global _DUMMY_HASH
    form = LoginForm()
    if form.validate_on_submit():
        rows = list(
            get_db().query(
                "SELECT id, password_hash, session_nonce FROM staff WHERE username = ?",
                [normal_username(form.username.data)],
            )
        )
        if _DUMMY_HASH is None:
            _DUMMY_HASH = hash_password(secrets.token_hex(8))
        stored = rows[0]["password_hash"] if rows else _DUMMY_HASH
        if check_password_hash(stored, form.password.data) and rows:
            session.clear()
            session.permanent = True
            session["staff_id"] = rows[0]["id"]
            session["staff_nonce"] = rows[0]["session_nonce"]
            log.info("staff %s logged in", rows[0]["id"])
            target = request.args.get("next", "")
            if not SAFE_NEXT.fullmatch(target):
                target = url_for(".queue")
            return redirect(target, code=303)
        form.password.errors.append("Nama pengguna atau kata sandi salah.")
        return render_template("staff/login.html", form=form), 401
    return render_template("staff/login.html", form=form)


@bp.route("/keluar", methods=["POST"])
def logout():
    form = LogoutForm()
    if form.validate_on_submit() and g.staff is not None:
        # A new nonce invalidates every copy of the old session cookie.
        get_db().execute(
            "UPDATE staff SET session_nonce = ? WHERE id = ?",
            [secrets.token_hex(16), g.staff["id"]],
        )
    session.clear()
    flash("Anda telah keluar.")
    return redirect(url_for(".login"), code=303)


@bp.route("/")
@login_required
def queue():
    page = request.args.get("halaman", 1, type=int)
    total = register.count()
    pages = max(1, -(-total // QUEUE_PAGE_SIZE))
    page = min(max(page, 1), pages)
    rows = register.queue(limit=QUEUE_PAGE_SIZE, offset=(page - 1) * QUEUE_PAGE_SIZE)
    for row in rows:
        row["received_text"] = format_datetime(row["received_at"])
        row["service_due_text"] = format_day(row["deadlines"].service_due)
        row["legal_due_text"] = format_day(row["deadlines"].legal_due)
    return render_template(
        "staff/queue.html",
        rows=rows,
        total=total,
        page=page,
        pages=pages,
        states=states,
        logout_form=LogoutForm(),
        rule=register.calendar().describe(),
    )


@bp.route("/permohonan/<int:request_id>")
@login_required
def request_detail(request_id):
    record = register.find_by_id(request_id)
    if record is None:
        abort(404)
    clock = register.deadlines(record["received_at"])
    return render_template(
        "staff/request.html",
        record=record,
        clock=clock,
        states=states,
        entry=catalogue_index.find(record["entry_slug"]),
        events=register.events_of(request_id),
        logout_form=LogoutForm(),
        received_text=format_datetime(record["received_at"]),
        service_due=format_day(clock.service_due),
        legal_due=format_day(clock.legal_due),
        format_datetime=format_datetime,
    )


@bp.route("/permohonan/<int:request_id>/berkas/<kind>")
@login_required
def document(request_id, kind):
    """An identity document, only for logged-in staff."""
    if kind not in ("id_scan", "proxy_letter"):
        abort(404)
    record = register.find_by_id(request_id)
    if record is None:
        abort(404)
    path = stored_path(current_app.config["INSTANCE_DIR"], record[kind])
    if path is None:
        abort(404)
    log.info("staff %s opened %s of request %s", g.staff["id"], kind, request_id)
    return send_file(path, mimetype="image/png")
