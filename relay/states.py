"""Statuses of a request and the kinds of events in its history.

Only the first steps of the procedure exist so far; the full state machine
(forwarding, answering, refusing, handing over, archiving) grows here.
"""

RECEIVED = "diterima"

STATUSES = {
    RECEIVED: "Diterima, menunggu pemeriksaan Desk Layanan",
}

# Event kinds: every change to a request appends one event row.
EVENT_RECEIVED = "received"

EVENTS = {
    EVENT_RECEIVED: "Permohonan diterima",
}

# Channels through which a request arrives (the web form is this one).
CHANNEL_WEB = "web"

CHANNELS = {
    CHANNEL_WEB: "Formulir situs web",
    "email": "Email",
    "telepon": "Telepon/faksimili",
    "pos": "Pos",
    "langsung": "Datang langsung",
}

APPLICANT_TYPES = {
    "perorangan": "Perorangan (warga negara Indonesia)",
    "badan_hukum": "Badan hukum Indonesia",
}

OBTAIN_METHODS = {
    "melihat": "Melihat, membaca, mendengarkan, atau mencatat",
    "salinan": "Mendapatkan salinan",
}

COPY_FORMS = {
    "softcopy": "Softcopy (berkas elektronik)",
    "hardcopy": "Hardcopy (cetak)",
}

DELIVERY_METHODS = {
    "langsung": "Mengambil langsung",
    "kurir": "Kurir",
    "pos": "Pos",
    "faksimili": "Faksimili",
    "email": "Email",
}
