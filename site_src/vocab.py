"""Fixed lists of the catalogue: DIP categories, forms and Pasal 17 grounds.

Each list keeps the value stored in entry files next to its Indonesian label,
so the validator, the generated pages and the JSON index agree on both.
"""

# Categories of public information under UU 14/2008 (Pasal 9, 10, 11, 17).
BERKALA = "berkala"
SERTA_MERTA = "serta-merta"
TERSEDIA_SETIAP_SAAT = "tersedia-setiap-saat"
DIKECUALIKAN = "dikecualikan"

CATEGORIES = {
    BERKALA: "Informasi berkala",
    SERTA_MERTA: "Informasi serta merta",
    TERSEDIA_SETIAP_SAAT: "Informasi tersedia setiap saat",
    DIKECUALIKAN: "Informasi dikecualikan",
}

# The forms in which information is held (bentuk informasi).
FORMS = {
    "softcopy": "Softcopy",
    "hardcopy": "Hardcopy",
}

# UU 14/2008 Pasal 17, letters a-j, paraphrased.
PASAL_17 = {
    "a": "menghambat proses penegakan hukum",
    "b": "mengganggu perlindungan hak kekayaan intelektual dan persaingan usaha "
    "yang sehat",
    "c": "membahayakan pertahanan dan keamanan negara",
    "d": "mengungkapkan kekayaan alam Indonesia",
    "e": "merugikan ketahanan ekonomi nasional",
    "f": "merugikan kepentingan hubungan luar negeri",
    "g": "mengungkapkan isi akta otentik yang bersifat pribadi dan kemauan "
    "terakhir ataupun wasiat seseorang",
    "h": "mengungkap rahasia pribadi",
    "i": "memorandum atau surat antar/intra badan publik yang menurut sifatnya "
    "dirahasiakan",
    "j": "informasi yang tidak boleh diungkapkan berdasarkan undang-undang",
}


def pasal_17_label(letter):
    """Return the full citation of a Pasal 17 ground, e.g. for letter "h"."""
    return f"UU 14/2008 Pasal 17 huruf {letter}: {PASAL_17[letter]}"
