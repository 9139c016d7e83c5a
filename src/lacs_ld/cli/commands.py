"""The `lacs-ld` command group and its commands: serve, validate, query, publish, build-data, dump."""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path
from typing import Any

import click

from lacs_ld.cli.options import fail, load_settings, settings_options
from lacs_ld.errors import LacsError, PublishError
from lacs_ld.settings import DUMP, PUBLISH, QUERY, SERVE, VALIDATE


@click.group()
@click.version_option(package_name="lacs-ld", prog_name="lacs-ld")
def main() -> None:
    """Linked data for Ofsted's inspections of English local authority children's services."""
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )


@main.command()
@settings_options(SERVE)
def serve(**given: Any) -> None:
    """Publish the data (refusing invalid data) and serve it with gunicorn; SIGHUP re-publishes."""
    from lacs_ld.serving import serve as run_server

    settings = load_settings(**given)
    try:
        run_server(settings)
    except PublishError as exc:
        fail(exc)


@main.command()
@click.argument("directory", required=False, type=click.Path(path_type=Path, file_okay=False))
@settings_options(VALIDATE)
def validate(directory: Path | None, **given: Any) -> None:
    """Check DIRECTORY's Turtle (default: the data folder) against the bundled shapes."""
    from lacs_ld.services.build import sources_for, validate_sources

    settings = load_settings(**given)
    try:
        report, _ = validate_sources(sources_for(settings, directory), settings.base_uri)
    except PublishError as exc:
        fail(exc)
        return
    click.echo(report.text())
    sys.exit(0 if report.conforms else 1)


@main.command()
@click.argument("sparql")
@click.option(
    "--format",
    "format_key",
    default="table",
    type=click.Choice(
        ["table", "json", "xml", "csv", "tsv", "turtle", "ntriples", "rdfxml", "jsonld"]
    ),
    help="A readable table, or any results/graph format.",
)
@settings_options(QUERY)
def query(sparql: str, format_key: str, **given: Any) -> None:
    """Run a SPARQL query against the data last published from the state folder.

    Relative IRIs resolve against the base URI that data was published under; nothing is
    validated or rebuilt.
    """
    from lacs_ld.services.query_cli import run_query

    settings = load_settings(**given)
    try:
        click.echo(run_query(settings, sparql, format_key), nl=False)
    except LacsError as exc:
        fail(exc)


@main.command()
@settings_options(PUBLISH)
def publish(**given: Any) -> None:
    """Validate and publish the data to the configured store (all-or-nothing)."""
    from lacs_ld.services.publish import Publication
    from lacs_ld.store import open_store

    settings = load_settings(**given)
    started = time.perf_counter()
    store = open_store(settings)
    try:
        snapshot = Publication(settings, store).publish()
    except LacsError as exc:
        fail(exc)
        return
    finally:
        store.close()
    click.echo(
        f"published release {snapshot.release}: {snapshot.triples} triples ({snapshot.key[:12]})"
        f" in {time.perf_counter() - started:.1f} s"
    )


@main.command("build-data")
@click.option(
    "--sources",
    type=click.Path(path_type=Path, exists=True, file_okay=False),
    default=Path("sources"),
    show_default=True,
    help="Folder holding data-sources/ (the repository's copy of the public source tables).",
)
@click.option(
    "--data",
    "data_dir",
    type=click.Path(path_type=Path),
    default=Path("data"),
    show_default=True,
    help="Data folder to write generated/ into.",
)
def build_data(sources: Path, data_dir: Path) -> None:
    """Rebuild data/generated/ from the source files and print the reconciliation."""
    from lacs_ld.build import build_data as run_build

    report = run_build(sources, data_dir)
    click.echo(str(report))


@main.command("settings")
def show_settings() -> None:
    """Print the settings table as Markdown (the README's table is this output)."""
    from lacs_ld.settings import markdown_table

    click.echo(markdown_table())


@main.command()
@click.argument("out_dir", type=click.Path(path_type=Path, file_okay=False))
@settings_options(DUMP)
def dump(out_dir: Path, **given: Any) -> None:
    """Write the downloads of the data (validated as for publishing) into OUT_DIR.

    The files are byte-identical to those served at {base}dumps/{release}/; the checksums
    are printed in `sha256sum` format and written to OUT_DIR/SHA256SUMS.
    """
    from lacs_ld.services import dumps
    from lacs_ld.services.build import build

    settings = load_settings(**given)
    try:
        release = dumps.export(build(settings), out_dir)
    except LacsError as exc:
        fail(exc)
        return
    click.echo(release.sums(), nl=False)
    click.echo(f"release {release.release}: {len(release.files)} files in {out_dir}", err=True)
