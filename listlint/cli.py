"""The ``listlint`` command line: check, report, rules, explain, profiles, init."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any, NoReturn, TextIO

import click

from listlint import __version__, profiles
from listlint.baseline import BaselineError, apply_baseline, load_baseline, write_baseline
from listlint.baseline import Key as BaselineKey
from listlint.check import Check, Finding
from listlint.config import FAIL_ON_CHOICES, ConfigError, Settings, find_config, load_settings
from listlint.distributed import (
    DEFAULT_PARTITION_SIZE,
    DistributedError,
    DistributedRunner,
    parse_size,
)
from listlint.distributed.local import ProcessPoolRunner, worker_count, worth_it
from listlint.history import HistoryError, previous_from_git, previous_from_paths
from listlint.images.options import CACHE_DIR, ImageOptions
from listlint.loaders import INPUT_FORMATS, ColumnMapping, LoadOptions
from listlint.loaders.mapping import parse_map_option
from listlint.model import Listing
from listlint.progress import Progress
from listlint.registry import Registry, RegistryError, builtin_checks, load_registry
from listlint.reports import LISTING_FORMATS, RENDERERS, Report, format_for_path
from listlint.reports.saved import SavedRunError, load_run
from listlint.runner import Runner
from listlint.selection import check_rule_names, did_you_mean, resolve, split_selectors

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


def _history_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--previous and --previous-ref, shared by check and baseline."""
    command = click.option(
        "--previous-ref", metavar="GIT_REF",
        help="Compare with the same files at this git revision (history checks).",
    )(command)  # fmt: skip
    return click.option(
        "--previous", multiple=True, metavar="PATH",
        help="The previous version of the catalog, for the history checks (repeatable).",
    )(command)  # fmt: skip


def _input_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--config, --encoding, --input-format, --map and --group-by, shared by check and
    baseline."""
    command = click.option(
        "--group-by", metavar="COLUMN",
        help="CSV column whose equal values make rows the variants of one listing.",
    )(command)  # fmt: skip
    command = click.option(
        "--map", "column_map", multiple=True, metavar="COLUMN=FIELD",
        help='Read a CSV column as a record field, e.g. "Product Name=title" (repeatable).',
    )(command)  # fmt: skip
    command = click.option(
        "--input-format", type=click.Choice(INPUT_FORMATS), default="auto", show_default=True,
        help="Read every input file as this format instead of detecting it.",
    )(command)  # fmt: skip
    command = click.option(
        "--encoding", help="Read input files in this encoding instead of detecting it."
    )(command)
    return click.option(
        "--config", "config_path", type=click.Path(dir_okay=False),
        help="Use this config file instead of searching for one.",
    )(command)  # fmt: skip


def _worker_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--jobs, --no-cache, --scheduler and --partition-size, shared by check and baseline."""
    command = click.option(
        "--partition-size", metavar="SIZE",
        help="With --scheduler: about this much catalog per task, e.g. 64M (default 16M).",
    )(command)  # fmt: skip
    command = click.option(
        "--scheduler", metavar="ADDRESS",
        help="Lint on the Dask cluster whose scheduler is at ADDRESS (tcp://HOST:8786); needs "
        "listlint[dask] and the catalog at the same path on every worker.",
    )(command)  # fmt: skip
    command = click.option(
        "--no-cache", is_flag=True,
        help="Measure every image again; do not read or write the cache.",
    )(command)  # fmt: skip
    return click.option(
        "--jobs", "-j", type=click.IntRange(min=0), metavar="N",
        help="Worker processes (default: config, else one per core): they measure images and, "
        "on catalogs over 8 MB, lint parts of the catalog side by side.",
    )(command)  # fmt: skip


def _report_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--format, -o and --template-dir, shared by check and report."""
    command = click.option(
        "--template-dir", type=click.Path(exists=True, file_okay=False),
        help="Folder whose templates override the HTML and markdown reports' built-in ones.",
    )(command)  # fmt: skip
    command = click.option(
        "-o", "--output", type=click.Path(dir_okay=False, writable=True),
        help="Write the report to FILE instead of stdout.",
    )(command)  # fmt: skip
    return click.option(
        "--format", "output_format", type=click.Choice(sorted(RENDERERS)),
        help="Output format (default: the one -o's suffix names, else text).",
    )(command)  # fmt: skip


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="listlint")
def cli() -> None:
    """A quality linter for e-commerce product listings.

    Catches what makes buyers cancel (missing sizes, conflicting specs, bad GTINs, promotional
    titles) before a listing is published.
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_report_options
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
@_input_options
@_worker_options
@click.option(
    "--baseline", "baseline_path", type=click.Path(dir_okay=False), metavar="FILE",
    help="Report only findings not in this baseline (from `listlint baseline`).",
)  # fmt: skip
@_history_options
@click.option("--write-baseline", hidden=True)  # what `listlint baseline -o FILE` sets
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
    baseline_path: str | None = None,
    previous: tuple[str, ...] = (),
    previous_ref: str | None = None,
    write_baseline: str | None = None,
    scheduler: str | None = None,
    partition_size: str | None = None,
) -> None:
    """Lint the catalogs at PATHS (files or folders; '-' reads JSON Lines from stdin)."""

    # Listings (and images) done so far, on stderr when it is a terminal; erased before output.
    progress = Progress.for_stderr(sys.stderr, enabled=not quiet)

    def note(message: str) -> None:
        if verbose and not quiet:
            warn(message)

    def warn(message: str) -> None:  # something the user should know even without -v
        if not quiet:
            if progress is not None:
                progress.clear()
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
        if write_baseline is None:
            baseline_path = baseline_path or (str(settings.baseline) if settings.baseline else None)
        known = _baseline(baseline_path) if baseline_path and write_baseline is None else None
        history = _previous(
            paths,
            previous,
            previous_ref,
            encoding,
            LoadOptions(input_format, _column_mapping(settings, column_map, group_by)),
            warn,
        )
        workers = settings.jobs if jobs is None else jobs
        runner = _runner(scheduler, partition_size, paths, workers)(
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
            on_progress=None if progress is None else progress.update,
            on_bytes=None if progress is None else progress.set_bytes,
            previous=history,
            today=_today(),
            keep_records=(output_format or format_for_path(output)) in LISTING_FORMATS,
        )
    except (ConfigError, profiles.UnknownProfile, LookupError, DistributedError) as exc:
        message = str(exc)
        if message.startswith("options.") and settings.path is not None:
            message = f"{settings.path}: {message}"  # rule options come from the config only
        _fail(message)
    note(f"checks: {', '.join(c.name for c in checks) or 'none'}")
    try:
        result = runner.run(paths)
    except DistributedError as exc:
        _fail(str(exc))
    finally:
        if progress is not None:
            progress.clear()
    for error in result.errors:
        click.echo(f"listlint: error: {error}", err=True)
    if write_baseline is not None:
        _write_baseline(result.findings, write_baseline, warn)
        sys.exit(EXIT_UNUSABLE if result.errors else EXIT_CLEAN)
    if known is not None:
        filtered = apply_baseline(result.findings, known)
        result.findings = filtered.new
        warn(
            f"baseline {baseline_path}: {filtered.matched} known finding(s) not reported, "
            f"{len(filtered.new)} new; {filtered.fixed} baseline entr"
            f"{'y is' if filtered.fixed == 1 else 'ies are'} fixed (no longer found)"
            + ("; `listlint baseline` rewrites the file without them" if filtered.fixed else "")
        )
    report = Report(
        __version__,
        result.profile,
        result.listings,
        result.findings,
        show_summary=not quiet,
        records=result.records,
        template_dir=template_dir,
        unreadable=len(result.errors),
        baselined=0 if known is None else filtered.matched,
        fail_on=fail_on or settings.fail_on,
    )
    _write_report(report, output_format, output)
    if result.errors:
        sys.exit(EXIT_UNUSABLE)
    sys.exit(EXIT_FINDINGS if any(map(report.fails, result.findings)) else EXIT_CLEAN)


def _runner(
    scheduler: str | None, partition_size: str | None, paths: Sequence[str], jobs: int
) -> Callable[..., Runner]:
    """Runner; with --scheduler, the one that lints on a Dask cluster; for a big catalog and
    several workers, the one that lints its parts in local processes (listlint.distributed)."""
    if scheduler is None:
        if partition_size is not None:
            _fail("--partition-size needs --scheduler")
        workers = worker_count(jobs)
        size = worth_it(paths, workers)
        if size is None:
            return Runner
        return partial(ProcessPoolRunner, workers=workers, partition_size=size)
    try:
        size = DEFAULT_PARTITION_SIZE if partition_size is None else parse_size(partition_size)
    except ValueError as exc:
        _fail(f"--partition-size: {exc}")
    return partial(DistributedRunner, scheduler=scheduler, partition_size=size)


def _baseline(path: str) -> Counter[BaselineKey]:
    try:
        return load_baseline(path)
    except BaselineError as exc:
        _fail(_one_line(str(exc)))


def _write_baseline(findings: Sequence[Finding], path: str, warn: Callable[[str], None]) -> None:
    with _open_output(path) as out:
        count = write_baseline(findings, out, __version__)
    warn(f"wrote {path}: a baseline of {count} finding(s)")


def _previous(
    paths: Sequence[str],
    previous: Sequence[str],
    previous_ref: str | None,
    encoding: str | None,
    options: LoadOptions,
    warn: Callable[[str], None],
) -> dict[str, Listing]:
    """The previous version of the catalog by listing id: from files, a git revision, or none."""
    if previous and previous_ref is not None:
        _fail("give --previous or --previous-ref, not both")
    try:
        if previous:
            return previous_from_paths(previous, encoding=encoding, options=options)
        if previous_ref is not None:
            return previous_from_git(
                previous_ref, paths, encoding=encoding, options=options, on_note=warn
            )
    except HistoryError as exc:
        _fail(_one_line(str(exc)))
    return {}


def _today() -> date:
    """LISTLINT_TODAY (YYYY-MM-DD), else the real date: the day stale-listing judges ages at."""
    text = os.environ.get("LISTLINT_TODAY", "").strip()
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        _fail(f"LISTLINT_TODAY must be a date like 2026-11-27, not {text!r}")


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


def _color_wanted(out: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return os.environ.get("FORCE_COLOR") is not None or out.isatty()


def _write_report(report: Report, output_format: str | None, output: str | None) -> None:
    """Render ``report`` to ``output`` (stdout when None) in the given or implied format."""
    output_format = output_format or format_for_path(output)
    try:
        with _open_output(output) as out:
            color = output is None and _color_wanted(out) and output_format == "text"
            RENDERERS[output_format](report, out, color)
            out.flush()
    except OSError as exc:  # a full disk, a closed pipe, a lost network drive
        if isinstance(exc, BrokenPipeError):
            raise
        _fail(f"{output or 'standard output'}: cannot write report: {exc.strerror or exc}")


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
    registry = _registry()
    check_cls = registry.find(rule)
    if check_cls is None:
        suggestion = did_you_mean(rule, registry.names)
        _fail(f"unknown rule {rule!r}{suggestion} (see `listlint rules`)")
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


@cli.command("baseline")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False, writable=True),
    help="The baseline file to write, e.g. listlint-baseline.json.",
)  # fmt: skip
@click.option("--profile", help="Marketplace profile, as for `check`.")
@click.option("--select", multiple=True, help="Run only these rules, as for `check`.")
@click.option("--extend-select", multiple=True, help="Run these rules too, as for `check`.")
@click.option("--ignore", multiple=True, help="Do not run these rules, as for `check`.")
@_input_options
@_history_options
@_worker_options
@click.option("-q", "--quiet", is_flag=True, help="No notes on stderr.")
@click.pass_context
def baseline_command(ctx: click.Context, /, output: str, **options: Any) -> None:
    """Record today's findings in a baseline file, for `check --baseline FILE`.

    The file lists each finding by listing id, rule, field and variant id (no lines), so that
    `check --baseline` fails only on findings that are new.
    """
    ctx.invoke(check, write_baseline=output, **options)


@cli.command("profiles")
@click.argument("name", required=False)
@click.option(
    "--config", "config_path", type=click.Path(dir_okay=False),
    help="Config file whose custom profiles to include (default: the nearest one).",
)  # fmt: skip
def list_profiles(name: str | None, config_path: str | None) -> None:
    """List the profiles (built-in, then the config's), or print NAME's resolved settings."""
    custom = _settings(config_path, []).profiles
    if name is not None:
        try:
            click.echo(profiles.settings_text(profiles.load(name, custom)), nl=False)
        except profiles.UnknownProfile as exc:
            _fail(str(exc))
        return
    for each in [*profiles.available(), *sorted(custom)]:
        profile = profiles.load(each, custom)
        description = profile.description
        if each in custom:
            description = f"(config, extends {profile.extends}) {description}".rstrip()
        click.echo(f"{each:<12} {description}")


@cli.command()
@click.option("--profile", help="Marketplace profile to set (see `listlint profiles`).")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False),
    help="File to write (default: listlint.toml, or pyproject.toml with --pyproject; '-' prints).",
)  # fmt: skip
@click.option(
    "--pyproject", is_flag=True, help="Add a [tool.listlint] table to pyproject.toml instead."
)
@click.option("--force", is_flag=True, help="Overwrite an existing listlint.toml.")
def init(profile: str | None, output: str | None, pyproject: bool, force: bool) -> None:
    """Write a commented starter config: listlint.toml, or [tool.listlint] in pyproject.toml.

    An existing file is kept unless --force is given; a pyproject.toml gets the table added,
    unless it already has one.
    """
    from listlint import starter

    if profile is not None and profile not in profiles.available():
        _fail(f"unknown profile {profile!r} (choose from {', '.join(profiles.available())})")
    target = Path(output or (starter.PYPROJECT if pyproject else starter.DEFAULT_FILE))
    if pyproject and output not in (None, "-") and target.name != starter.PYPROJECT:
        _fail(f"--pyproject adds a table to a pyproject.toml, not to {output}")
    pyproject = pyproject or target.name == starter.PYPROJECT
    # The built-in checks' option defaults: a broken plugin must not stop a config being written.
    defaults = {check.name: dict(check.options) for check in builtin_checks()}
    text = starter.render(profile, pyproject=pyproject, rule_options=defaults)
    if output == "-":
        click.echo(text, nl=False)
        return
    try:
        starter.write(text, target, pyproject=pyproject, force=force)
    except starter.StarterError as exc:
        _fail(_one_line(str(exc)))
    click.echo(f"listlint: wrote {target}", err=True)


@cli.command()
@click.argument("run", metavar="RUN.json")
@_report_options
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
