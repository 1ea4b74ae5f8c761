"""Listings whose text tries to run script in a report: shared by the report and browser tests.

Every payload, if it ever ran, would set ``window.__pwned``, log "PWNED" or open a dialog.
"""

from __future__ import annotations

from typing import Any

PAYLOADS = (
    "<script>window.__pwned = 1; console.log('PWNED')</script>",
    '<img src=x onerror="window.__pwned = 2; alert(2)">',
    '"><svg onload="window.__pwned = 3">',
    "'><script>alert(4)</script>",
    "</title></style></script><script>window.__pwned = 5</script>",
    '<iframe srcdoc="&lt;script&gt;parent.__pwned = 6&lt;/script&gt;"></iframe>',
    '<a href="javascript:window.__pwned = 7">click</a>',
    "{{ 7 * 7 }}{% raw %}",
    "[link](javascript:alert(8)) ![img](https://evil.example/x.png) @octocat #1 `code` *em*",
    '<details open ontoggle="window.__pwned = 9">',
    "\u202egnp.exe <!-- comment -->",
)

HOSTILE_IMAGES = [
    "javascript:window.__pwned = 20",
    "JaVaScRiPt:alert(21)",
    " javascript:alert(22)",
    "data:text/html,<script>window.__pwned = 23</script>",
    "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='window.__pwned = 24'/>",
    'https://images.example.invalid/x.jpg" onerror="window.__pwned = 25',
    'x" onerror="window.__pwned = 26',
    "vbscript:msgbox(27)",
]


def hostile_records() -> list[dict[str, Any]]:
    """One listing per payload, in the id, title, attributes, variant id and images."""
    records: list[dict[str, Any]] = []
    for index, payload in enumerate(PAYLOADS):
        records.append(
            {
                "id": f"X{index}{payload}",
                "title": f"{payload} COTTON T-SHIRT FREE SHIPPING",  # all caps, promotional
                "description": payload,
                "category": f"Apparel/T-Shirts/{payload}",
                "attributes": {"color": payload, "material": payload},  # no size: missing-size
                "images": HOSTILE_IMAGES,
                "gtin": "12345",
                "variants": [{"id": f"V{index}{payload}", "price": 5, "sale_price": 9}],
            }
        )
    return records
