"""Web forms with their messages in Indonesian (WTForms has none of its own)."""

import re
import unicodedata

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    HiddenField,
    PasswordField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    Optional,
    Regexp,
    ValidationError,
)

from . import states

REQUIRED = "Wajib diisi."
CHOOSE = "Pilih salah satu."
NIK_PATTERN = re.compile(r"[0-9]{16}")
LAYOUT_CHARACTERS = "\n\r\t"
PHONE_PATTERN = r"^\+?[0-9][0-9 \-]{6,18}[0-9]$"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


def _choices(mapping):
    return [SelectChoice(value, label) for value, label in mapping.items()]


def _values(field):
    return {choice.value for choice in field.choices}


def _has_hidden_characters(text):
    """Control and format characters (NUL, bidi overrides, zero-width)."""
    return any(
        unicodedata.category(c) in ("Cc", "Cf") and c not in LAYOUT_CHARACTERS
        for c in text
    )


class Choice(RadioField):
    """A radio group whose wrong-choice message is in Indonesian."""

    def pre_validate(self, form):
        if self.data is not None and self.data not in _values(self):
            raise ValidationError(CHOOSE)


class Select(SelectField):
    def pre_validate(self, form):
        if self.data and self.data not in _values(self):
            raise ValidationError(CHOOSE)


class RequestForm(FlaskForm):
    """The public request for information (formulir permohonan informasi)."""

    entry = HiddenField()
    applicant_type = Choice(
        "Jenis pemohon",
        choices=_choices(states.APPLICANT_TYPES),
        default="perorangan",
        validators=[InputRequired(CHOOSE)],
    )
    full_name = StringField(
        "Nama lengkap",
        validators=[
            DataRequired(REQUIRED),
            Length(max=200, message="Paling banyak 200 huruf."),
        ],
    )
    id_number = StringField(
        "NIK atau nomor akta/pengesahan badan hukum",
        description="Perorangan: 16 angka NIK sesuai KTP.",
        validators=[
            DataRequired(REQUIRED),
            Length(max=100, message="Paling banyak 100 karakter."),
        ],
    )
    address = TextAreaField(
        "Alamat",
        validators=[
            DataRequired(REQUIRED),
            Length(max=500, message="Paling banyak 500 huruf."),
        ],
    )
    phone = StringField(
        "Nomor telepon",
        validators=[
            Optional(),
            Regexp(
                PHONE_PATTERN,
                message="Nomor telepon tidak sah; gunakan angka, misalnya 0541731963.",
            ),
        ],
    )
    email = StringField(
        "Alamat email",
        validators=[
            Optional(),
            Length(max=200, message="Paling banyak 200 karakter."),
            Regexp(EMAIL_PATTERN, message="Alamat email tidak sah."),
        ],
    )
    occupation = StringField(
        "Pekerjaan",
        validators=[
            DataRequired(REQUIRED),
            Length(max=100, message="Paling banyak 100 huruf."),
        ],
    )
    is_proxy = BooleanField("Saya mengajukan sebagai kuasa dari pemohon")
    proxy_letter = FileField("Surat kuasa (gambar JPG atau PNG)")
    id_scan = FileField("Salinan KTP atau identitas (gambar JPG atau PNG)")
    information = TextAreaField(
        "Rincian informasi yang dibutuhkan",
        validators=[
            DataRequired(REQUIRED),
            Length(
                min=10,
                max=4000,
                message="Jelaskan informasi yang dibutuhkan (10 sampai 4.000 huruf).",
            ),
        ],
    )
    purpose = TextAreaField(
        "Tujuan penggunaan informasi",
        validators=[
            DataRequired(REQUIRED),
            Length(max=2000, message="Paling banyak 2.000 huruf."),
        ],
    )
    obtain_method = Choice(
        "Cara memperoleh informasi",
        choices=_choices(states.OBTAIN_METHODS),
        validators=[InputRequired(CHOOSE)],
    )
    copy_form = Choice(
        "Bentuk salinan", choices=_choices(states.COPY_FORMS), validators=[Optional()]
    )
    delivery = Select(
        "Cara mendapatkan salinan",
        choices=[SelectChoice("", "Pilih...")] + _choices(states.DELIVERY_METHODS),
        validators=[Optional()],
    )

    def validate_id_number(self, field):
        if self.applicant_type.data == "perorangan":
            # People copy the NIK with the spaces or dots of the printed card.
            nik = re.sub(r"[\s.\-]", "", field.data)
            if not NIK_PATTERN.fullmatch(nik):
                raise ValidationError("NIK harus 16 angka.")
            field.data = nik

    def validate(self, extra_validators=None):
        """Field checks, then the rules that tie fields together."""
        valid = super().validate(extra_validators)
        for field in self:
            if isinstance(field.data, str) and _has_hidden_characters(field.data):
                field.errors = list(field.errors) + [
                    "Mengandung karakter tersembunyi atau karakter kendali; "
                    "ketik ulang isian ini."
                ]
                valid = False
        email = (self.email.data or "").strip()
        if not email and not (self.phone.data or "").strip():
            self.email.errors.append("Isi nomor telepon atau alamat email.")
            valid = False
        if self.obtain_method.data == "salinan":
            if not self.copy_form.data:
                self.copy_form.errors.append("Pilih bentuk salinan.")
                valid = False
            if not self.delivery.data:
                self.delivery.errors.append("Pilih cara mendapatkan salinan.")
                valid = False
        if self.delivery.data == "email" and not email:
            self.email.errors.append("Isi alamat email untuk pengiriman lewat email.")
            valid = False
        return valid

    def validate_id_scan(self, field):
        if not field.data:
            raise ValidationError("Unggah salinan KTP atau identitas.")

    def validate_proxy_letter(self, field):
        if self.is_proxy.data and not field.data:
            raise ValidationError("Unggah surat kuasa.")


class LoginForm(FlaskForm):
    username = StringField("Nama pengguna", validators=[DataRequired(REQUIRED)])
    password = PasswordField("Kata sandi", validators=[DataRequired(REQUIRED)])


class LogoutForm(FlaskForm):
    """Empty form: logging out is a POST with a CSRF token."""
