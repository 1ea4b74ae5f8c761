"""The ``listlint`` command line: check, report, rules, explain, profiles."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn, TextIO

import click

from listlint import __version__, profiles
from listlint.check import Check, Severity
from listlint.config import FAIL_ON_CHOICES, ConfigError, Settings, find_config, load_settings
from listlint.images.options import CACHE_DIR, ImageOptions
from listlint.loaders import INPUT_FORMATS, ColumnMapping, LoadOptions
from listlint.loaders.mapping import parse_map_option
from listlint.registry import Registry, RegistryError, load_registry
from listlint.reports import RENDERERS, Report, format_for_path
from listlint.reports.saved import SavedRunError, load_run
from listlint.runner import Runner
from listlint.selection import check_rule_names, resolve, split_selectors

EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2
# JSON allows lone surrogates ("\\ud800") that no encoding can write; print them escaped.
_UNENCODABLE = "backslashreplace"


def _fail(message: str) -> NoReturn:
    click.echo(f"listlint: error: {message}", err=True)
    sys.exit(EXIT_UNUSABLE)


def _registry() -> Registry:
    try:
        return load_registry()
    except RegistryError as exc:
        _fail(str(exc))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="listlint")
def cli() -> None:
    """A quality linter for e-commerce product listings.

    Catches what makes buyers cancel (missing sizes, conflicting specs, bad GTINs, promotional
    titles) before a listing is published.
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format", "output_format", type=click.Choice(sorted(RENDERERS)),
    help="Output format (default: the one -o's suffix names, else text).",
)  # fmt: skip
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the report to FILE instead of stdout.",
)
@click.option(
    "--profile",
    help="Marketplace profile (default: config, else the listing's marketplace, else generic).",
)
@click.option(
    "--select",
    multiple=True,
    help="Run only these rules (names, codes or code prefixes; comma-separated).",
)
@click.option(
    "--extend-select", multiple=True, help="Run these rules in addition to the selection."
)
@click.option(
    "--ignore", multiple=True, help="Do not run these rules (names, codes or code prefixes)."
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON_CHOICES),
    help="Lowest severity that makes the exit code 1 (default: error).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    help="Use this config file instead of searching for one.",
)
@click.option("--encoding", help="Read input files in this encoding instead of detecting it.")
@click.option(
    "--input-format", type=click.Choice(INPUT_FORMATS), default="auto", show_default=True,
    help="Read every input file as this format instead of detecting it.",
)  # fmt: skip
@click.option(
    "--map", "column_map", multiple=True, metavar="COLUMN=FIELD",
    help='Read a CSV column as a record field, e.g. "Product Name=title" (repeatable).',
)  # fmt: skip
@click.option(
    "--group-by", metavar="COLUMN",
    help="CSV column whose equal values make rows the variants of one listing.",
)  # fmt: skip
@click.option(
    "--template-dir", type=click.Path(exists=True, file_okay=False),
    help="Folder whose templates override the HTML and markdown reports' built-in ones.",
)  # fmt: skip
@click.option(
    "--jobs", "-j", type=click.IntRange(min=0), metavar="N",
    help="Worker processes that measure images (default: config, else one per core).",
)  # fmt: skip
@click.option(
    "--no-cache", is_flag=True, help="Measure every image again; do not read or write the cache."
)
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="Say which config, encodings, formats and checks are used.",
)
@click.option(
    "-q", "--quiet", is_flag=True, help="Print findings only: no summary line, no notes on stderr."
)
def check(
    paths: tuple[str, ...],
    output_format: str | None,
    output: str | None,
    profile: str | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    config_path: str | None,
    encoding: str | None,
    input_format: str,
    column_map: tuple[str, ...],
    group_by: str | None,
    template_dir: str | None,
    jobs: int | None,
    no_cache: bool,
    verbose: bool,
    quiet: bool,
) -> None:
    """Lint the catalogs at PATHS (files or folders; '-' reads JSON Lines from stdin)."""

    def note(message: str) -> None:
        if verbose and not quiet:
            click.echo(f"listlint: {message}", err=True)

    def warn(message: str) -> None:  # something the user should know even without -v
        if not quiet:
            click.echo(f"listlint: {message}", err=True)

    registry = _registry()
    settings = _settings(config_path, paths)
    note(f"config: {settings.path}" if settings.path else "config: none found, using defaults")
    try:
        check_rule_names(registry, settings)
        checks = resolve(
            registry,
            settings,
            split_selectors(select),
            split_selectors(ignore),
            split_selectors(extend_select),
        )
        if encoding is not None:
            _check_codec(encoding)
        runner = Runner(
            checks,
            settings,
            profile=profile,
            encoding=encoding,
            on_encoding=lambda path, name: note(f"{path}: read as {name}"),
            load_options=LoadOptions(
                input_format,
                _column_mapping(settings, column_map, group_by),
                on_format=lambda path, how: note(f"{path}: format {how}"),
            ),
            image_options=ImageOptions(
                jobs=settings.jobs if jobs is None else jobs,
                cache_dir=None if no_cache else _cache_dir(settings),
                roots=settings.image_roots,
            ),
            on_note=warn,
        )
    except (ConfigError, profiles.UnknownProfile, LookupError) as exc:
        _fail(str(exc))
    note(f"checks: {', '.join(c.name for c in checks) or 'none'}")
    result = runner.run(paths)
    for error in result.errors:
        click.echo(f"listlint: error: {error}", err=True)
    report = Report(
        __version__,
        result.profile,
        result.listings,
        result.findings,
        show_summary=not quiet,
        records=result.records,
        template_dir=template_dir,
    )
    _write_report(report, output_format, output)
    threshold = fail_on or settings.fail_on
    if result.errors:
        sys.exit(EXIT_UNUSABLE)
    sys.exit(EXIT_FINDINGS if _fails(result.findings, threshold) else EXIT_CLEAN)


def _cache_dir(settings: Settings) -> Path:
    """LISTLINT_CACHE_DIR, else the config's cache-dir, else .listlint_cache by the config."""
    from_environment = os.environ.get("LISTLINT_CACHE_DIR", "").strip()
    if from_environment:
        return Path(from_environment)
    return settings.cache_dir or settings.root / CACHE_DIR


def _settings(config_path: str | None, paths: Sequence[str]) -> Settings:
    try:
        if config_path is not None:
            return load_settings(Path(config_path))
        start = next((Path(p) for p in paths if p != "-"), Path.cwd())
        found = find_config(start if start.exists() else Path.cwd())
        return load_settings(found) if found else Settings()
    except ConfigError as exc:
        _fail(str(exc))


def _column_mapping(
    settings: Settings, column_map: Sequence[str], group_by: str | None
) -> ColumnMapping:
    """The config's columns with the --map ones over them; --group-by over the config's."""
    try:
        pairs = [*settings.columns.items(), *(parse_map_option(m) for m in column_map)]
        return ColumnMapping.build(pairs, group_by or settings.group_by)
    except ValueError as exc:
        _fail(str(exc))


def _check_codec(name: str) -> None:
    import codecs

    try:
        codecs.lookup(name)
    except LookupError:
        raise LookupError(f"unknown encoding {name!r} given to --encoding") from None


def _fails(findings: Sequence[object], threshold: str) -> bool:
    if threshold == "never":
        return False
    rank = Severity(threshold).rank
    return any(f.severity.rank >= rank for f in findings)  # type: ignore[attr-defined]


def _color_wanted(out: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return os.environ.get("FORCE_COLOR") is not None or out.isatty()


def _write_report(report: Report, output_format: str | None, output: str | None) -> None:
    """Render ``report`` to ``output`` (stdout when None) in the given or implied format."""
    output_format = output_format or format_for_path(output)
    with _open_output(output) as out:
        color = output is None and _color_wanted(out) and output_format == "text"
        RENDERERS[output_format](report, out, color)


@contextmanager
def _open_output(output: str | None) -> Iterator[TextIO]:
    if output is None:
        yield sys.stdout
        return
    try:
        handle = open(  # noqa: SIM115
            output, "w", encoding="utf-8", errors=_UNENCODABLE, newline="\n"
        )
    except OSError as exc:
        _fail(f"{output}: cannot write report: {exc.strerror or exc}")
    with handle:
        yield handle


@cli.command()
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json", "markdown"]), default="text",
    show_default=True,
)  # fmt: skip
def rules(output_format: str) -> None:
    """List every rule: code, name, default severity and what it finds."""
    checks = _registry().checks
    if output_format == "json":
        click.echo(json.dumps([_rule_data(c) for c in checks], indent=1, ensure_ascii=False))
    elif output_format == "markdown":
        click.echo("| code | name | severity | what it finds |\n|---|---|---|---|")
        for c in checks:
            click.echo(f"| {c.code} | `{c.name}` | {c.severity.value} | {c.summary()} |")
    else:
        width = max((len(c.name) for c in checks), default=0)
        for c in checks:
            click.echo(f"{c.code}  {c.name:<{width}}  {c.severity.value:<7}  {c.summary()}")


def _rule_data(check: type[Check]) -> dict[str, object]:
    sections = check.sections()
    return {
        "code": check.code,
        "name": check.name,
        "severity": check.severity.value,
        "summary": check.summary(),
        "what_it_does": sections.get("What it does", ""),
        "why_it_matters": sections.get("Why it matters", ""),
        "example": sections.get("Example", ""),
        "fix": sections.get("Fix", ""),
        "options": dict(check.options),
    }


@cli.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """Explain a rule, given its name or code."""
    check_cls = _registry().find(rule)
    if check_cls is None:
        _fail(f"unknown rule {rule!r} (see `listlint rules`)")
    sections = check_cls.sections()
    click.echo(f"{check_cls.code} {check_cls.name} (default severity: {check_cls.severity.value})")
    click.echo(f"\n{sections.get('summary', '')}")
    for heading in ("What it does", "Why it matters", "Example", "Fix"):
        if sections.get(heading):
            click.echo(f"\n{heading}:\n" + _indent(sections[heading]))
    if check_cls.options:
        click.echo("\nOptions ([tool.listlint.options." + check_cls.name + "]):")
        for option, default in check_cls.options.items():
            click.echo(f"    {option} = {json.dumps(default, ensure_ascii=False)}")


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" if line else "" for line in text.splitlines())


@cli.command("profiles")
def list_profiles() -> None:
    """List the built-in marketplace profiles."""
    for name in profiles.available():
        click.echo(f"{name:<12} {profiles.load(name).description}")


@cli.command()
@click.argument("run", metavar="RUN.json")
@click.option(
    "--format", "output_format", type=click.Choice(sorted(RENDERERS)),
    help="Output format (default: the one -o's suffix names, else text).",
)  # fmt: skip
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the report to FILE instead of stdout.",
)
@click.option(
    "--template-dir", type=click.Path(exists=True, file_okay=False),
    help="Folder whose templates override the HTML and markdown reports' built-in ones.",
)  # fmt: skip
def report(
    run: str, output_format: str | None, output: str | None, template_dir: str | None
) -> None:
    """Render a saved run (from `check --format json`) in any format ('-' reads stdin).

    The format is --format, else the one the suffix of -o names (.sarif, .xml for JUnit,
    .json, .html, .md), else text.
    """
    try:
        saved = load_run(run)
    except SavedRunError as exc:
        _fail(_one_line(str(exc)))
    if template_dir is not None:
        saved = dataclasses.replace(saved, template_dir=template_dir)
    _write_report(saved, output_format, output)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def main(argv: Sequence[str] | None = None) -> None:
    """Console entry point: no Python traceback ever reaches a user."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors=_UNENCODABLE)
    try:
        cli.main(args=argv, prog_name="listlint")
    except BrokenPipeError:
        # The reader (`| head`) went away; silence the flush error at exit too.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(EXIT_CLEAN)
    except Exception as exc:
        if os.environ.get("LISTLINT_DEBUG"):
            raise
        click.echo(
            f"listlint: internal error: {type(exc).__name__}: {exc} "
            "(set LISTLINT_DEBUG=1 for the traceback, and please report it)",
            err=True,
        )
        sys.exit(EXIT_UNUSABLE)
