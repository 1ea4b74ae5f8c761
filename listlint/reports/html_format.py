"""``--format html``: one self-contained page for the people who fix listings.

The page carries its own CSS and script inline, and photos as embedded thumbnails (or their
http(s) URLs), so it opens from disk with no server. Everything shown comes from the view models
of :mod:`listlint.reports.view`, autoescaped. A Content-Security-Policy allows only the page's own
style and script (by hash), so even a template mistake cannot run listing text as code.
"""

from __future__ import annotations

import base64
import hashlib
from typing import TextIO

from markupsafe import Markup

from listlint.reports import view
from listlint.reports.report import Report
from listlint.reports.templating import environment

TEMPLATE = "report.html.j2"
STYLE = "report.css"
SCRIPT = "report.js"
PHOTOS = "photos.css.j2"


def render(report: Report, out: TextIO, color: bool = False) -> None:
    catalog = view.build(report)
    env = environment(report.template_dir, autoescape=True)
    # The embedded photos are style rules, one per picture, so each is in the file once.
    style = env.get_template(STYLE).render() + env.get_template(PHOTOS).render(catalog=catalog)
    script = env.get_template(SCRIPT).render()
    page = env.get_template(TEMPLATE).render(
        catalog=catalog,
        style=Markup(style),
        script=Markup(script),
        csp=_csp(style, script),
    )
    out.write(page)
    if not page.endswith("\n"):
        out.write("\n")


def _csp(style: str, script: str) -> str:
    """A policy that lets only our own inline style and script run, and images load."""
    return "; ".join(
        (
            "default-src 'none'",
            f"style-src '{_sha256(style)}'",
            f"script-src '{_sha256(script)}'",
            "img-src data: http: https:",
            "base-uri 'none'",
            "form-action 'none'",
        )
    )


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")
