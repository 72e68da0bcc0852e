"""The ``terbuka`` command: build and check the catalogue, run the relay.

Paths default to the repository layout relative to the current folder.
Catalogue commands import the site builder only when they run, so the relay
itself never depends on build code.
"""

import logging
import os
import sys
from pathlib import Path

import click


@click.group(help="Terbuka: katalog DIP dan relay permohonan informasi PPID.")
def main():
    logging.basicConfig(
        level=logging.INFO, format="%(levelname)s %(name)s: %(message)s"
    )


def _fail_with_findings(error):
    click.echo(
        f"Katalog tidak dapat diterbitkan ({len(error.findings)} masalah):", err=True
    )
    for finding in error.findings:
        click.echo(f"  {finding}", err=True)
    sys.exit(1)


@main.command(help="Periksa seluruh entri katalog tanpa membangun situs.")
@click.option(
    "--catalogue",
    default="catalogue",
    show_default=True,
    type=click.Path(path_type=Path),
)
def validate(catalogue):
    from site_src.catalogue import load_catalogue
    from site_src.findings import CatalogueError

    try:
        entries = load_catalogue(catalogue)
    except CatalogueError as error:
        _fail_with_findings(error)
    click.echo(f"Katalog sah: {len(entries)} entri.")


@main.command(help="Bangun situs statis dari katalog dan terbitkan bila berhasil.")
@click.option(
    "--catalogue",
    default="catalogue",
    show_default=True,
    type=click.Path(path_type=Path),
)
@click.option(
    "--out",
    default="build",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Folder keluaran; situs terbit di OUT/site.",
)
@click.option(
    "--config",
    "mkdocs_config",
    default="mkdocs.yml",
    show_default=True,
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
)
@click.option(
    "--relay-url",
    default="/permohonan/",
    show_default=True,
    help="Alamat formulir permohonan yang dituju tombol di tiap entri.",
)
@click.option(
    "--site-url",
    default=None,
    help="Alamat publik situs (untuk sitemap); bawaan: site_url di mkdocs.yml.",
)
def build(catalogue, out, mkdocs_config, relay_url, site_url):
    from site_src.build import RenderError, build_site
    from site_src.findings import CatalogueError

    try:
        release = build_site(catalogue, out, mkdocs_config, relay_url, site_url)
    except CatalogueError as error:
        _fail_with_findings(error)
    except RenderError as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    click.echo(f"Situs diterbitkan: {out / 'site'} -> {release.name}")


@main.command("init-db", help="Buat basis data relay bila belum ada.")
def init_db():
    from . import create_app

    app = create_app()
    click.echo(f"Basis data siap: {app.config['DATABASE']}")


MIN_PASSWORD = 10


@main.command("create-staff", help="Buat akun petugas; kata sandi ditanyakan.")
@click.argument("username")
@click.option(
    "--password",
    default=None,
    help="Kata sandi (untuk skrip); tanpa opsi ini ditanyakan dua kali.",
)
def create_staff(username, password):
    from . import create_app
    from .staff import create_staff as create
    from .staff import normal_username

    if password is None:
        password = _ask_password()
    if len(password) < MIN_PASSWORD:
        raise click.ClickException(f"kata sandi minimal {MIN_PASSWORD} karakter")
    app = create_app()
    with app.app_context():
        try:
            create(username, password)
        except ValueError as error:
            raise click.ClickException(str(error)) from error
    click.echo(f"Akun petugas '{normal_username(username)}' dibuat.")


def _ask_password():
    """Ask twice, in Indonesian; refuse a short one before the second ask."""
    password = click.prompt("Kata sandi", hide_input=True)
    if len(password) < MIN_PASSWORD:
        raise click.ClickException(f"kata sandi minimal {MIN_PASSWORD} karakter")
    if click.prompt("Ulangi kata sandi", hide_input=True) != password:
        raise click.ClickException("kedua kata sandi tidak sama")
    return password


@main.command(help="Jalankan relay (dan situs yang sudah dibangun) dengan gunicorn.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=2, show_default=True, type=int)
def serve(host, port, workers):
    from . import create_app, register
    from .uploads import sweep_orphans

    # Create the database and the secret once, before workers start, and
    # clear ID scans that a crash left without their request.
    app = create_app()
    with app.app_context():
        removed = sweep_orphans(app.config["INSTANCE_DIR"], register.stored_uploads())
    if removed:
        click.echo(f"{removed} unggahan yatim (tanpa permohonan) dihapus.")
    click.echo(f"Relay berjalan di http://{host}:{port}/ (Ctrl+C untuk berhenti)")
    os.execv(
        sys.executable,
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--workers",
            str(workers),
            "--bind",
            f"{host}:{port}",
            # No control socket: gunicorn 27 would put it in ~/.gunicorn, shared
            # by every instance on the machine.
            "--no-control-socket",
            "--graceful-timeout",
            "10",
            "relay:create_app()",
        ],
    )


if __name__ == "__main__":
    main()
