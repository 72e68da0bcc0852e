"""Public side of the relay: the request form and its receipt."""

from flask import (
    Blueprint,
    abort,
    current_app,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)

from . import catalogue_index, register, states
from .forms import RequestForm
from .uploads import UploadRejected, check_image, remove_stored, store_image
from .workdays import format_datetime, format_day

bp = Blueprint("public", __name__, url_prefix="/permohonan")

FIELDS = (
    "applicant_type",
    "full_name",
    "id_number",
    "address",
    "phone",
    "email",
    "occupation",
    "information",
    "purpose",
    "obtain_method",
    "copy_form",
    "delivery",
)


@bp.route("/", methods=["GET", "POST"])
def request_form():
    """Show the request form; store a valid request and go to its receipt."""
    form = RequestForm()
    slug = request.values.get("entri") or form.entry.data
    entry = catalogue_index.find(slug)
    if request.method == "GET" and entry is not None:
        form.entry.data = entry["slug"]
        form.information.data = (
            f'Saya meminta informasi "{entry["title"]}" dari Daftar Informasi Publik.'
        )

    if form.validate_on_submit():
        images = _check_uploads(form)
        if images is not None:
            fields = {name: _clean(getattr(form, name).data) for name in FIELDS}
            fields["is_proxy"] = int(bool(form.is_proxy.data))
            fields["entry_slug"] = entry["slug"] if entry else None
            record = _save(fields, images)
            return redirect(
                url_for(".receipt", token=record["receipt_token"]), code=303
            )

    status = 400 if request.method == "POST" else 200
    return render_template(
        "public/request_form.html",
        form=form,
        entry=entry,
        service_days=current_app.config["SERVICE_DAYS"],
        legal_days=current_app.config["LEGAL_DAYS"],
    ), status


def _clean(value):
    return value.strip() if isinstance(value, str) else value


def _check_uploads(form):
    """Decode every upload first; None (with messages) if one is refused."""
    wanted = [("id_scan", form.id_scan)]
    if form.is_proxy.data:
        wanted.append(("proxy_letter", form.proxy_letter))
    images, refused = {}, False
    for name, field in wanted:
        try:
            images[name] = check_image(
                field.data, current_app.config["MAX_UPLOAD_BYTES"]
            )
        except UploadRejected as exc:
            field.errors = list(field.errors) + [str(exc)]
            refused = True
    return None if refused else images


def _save(fields, images):
    """Store the uploads, then the request; remove the files if that fails."""
    instance = current_app.config["INSTANCE_DIR"]
    stored = {"id_scan": None, "proxy_letter": None}
    try:
        for name, image in images.items():
            stored[name] = store_image(image, instance)
        return register.create_request(dict(fields, **stored))
    except BaseException:
        remove_stored(instance, [n for n in stored.values() if n])
        raise


@bp.route("/bukti/<token>")
def receipt(token):
    """The receipt (tanda bukti penerimaan), reachable by its private link."""
    record = register.find_by_token(token)
    if record is None:
        abort(404)
    clock = register.deadlines(record["received_at"])
    work = register.calendar()
    response = make_response(
        render_template(
            "public/receipt.html",
            record=record,
            clock=clock,
            entry=catalogue_index.find(record["entry_slug"]),
            received_text=format_datetime(record["received_at"]),
            service_due=format_day(clock.service_due),
            legal_due=format_day(clock.legal_due),
            skipped=[
                (format_day(d), name)
                for d, name in work.holidays_between(clock.received, clock.legal_due)
            ],
            rule=work.describe(),
            states=states,
            service_days=current_app.config["SERVICE_DAYS"],
            legal_days=current_app.config["LEGAL_DAYS"],
        )
    )
    # The receipt names the requester: keep it out of shared caches.
    response.headers["Cache-Control"] = "no-store"
    return response
