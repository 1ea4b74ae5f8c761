"""The Jinja environments of the HTML and markdown reports.

Templates are looked up in the user's ``--template-dir`` first, then in the package's
``listlint/reports/templates/``, so a user overrides one template by giving a file of the same
name and keeps the others.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jinja2


def environment(
    template_dir: str | None,
    *,
    autoescape: bool,
    finalize: Callable[[Any], Any] | None = None,
) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = []
    if template_dir:
        loaders.append(jinja2.FileSystemLoader(template_dir))
    loaders.append(jinja2.PackageLoader("listlint.reports", "templates"))
    return jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=autoescape,
        finalize=finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
