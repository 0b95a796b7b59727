"""Schemathesis checks of the Fengqiao fuzz tier (loaded through SCHEMATHESIS_HOOKS).

`no_internal_leak`: no response body may carry what only the server should know: a stack trace,
a source or filesystem path, a driver or SQL message. The API's error filter promises a code and a
short message; this check holds it to that on every fuzzed answer, 4xx included.
"""

import re

import schemathesis

# Each pattern names what it catches, so a failure says which promise broke.
LEAKS = [
    ("stack frame", re.compile(r"\bat\s+\S.*\(?[\w./\\-]+\.(?:ts|js|mjs|cjs):\d+(?::\d+)?\)?")),
    ("stack property", re.compile(r'"stack"\s*:')),
    ("source position", re.compile(r"\.(?:ts|js|mjs|cjs|py):\d+")),
    ("dependency path", re.compile(r"node_modules")),
    ("framework error", re.compile(r"\bFST_ERR_\w+|\bERR_[A-Z_]{4,}\b")),
    ("filesystem path", re.compile(r"(?:^|[\s\"'(=])/(?:work|home|root|usr|opt|srv|var|tmp|app)/[\w.-]")),
    ("exception name", re.compile(r"\b(?:TypeError|ReferenceError|RangeError|SyntaxError|ZodError|DatabaseError)\b")),
    ("SQL statement", re.compile(r"\b(?:SELECT\s.+\sFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b", re.I)),
    (
        "database message",
        re.compile(
            r"syntax error at or near|invalid input syntax for|violates \w+ constraint|duplicate key value"
            r"|relation \"\w+\"|column \"\w+\"|SQLSTATE|\bpg_\w+|out of range for type",
            re.I,
        ),
    ),
]

# The docs page and its script are static assets of ours; their text is code, not an answer.
SKIPPED_TYPES = ("text/html", "application/javascript")


@schemathesis.check
def no_internal_leak(ctx, response, case):
    """Fail when a body carries a stack trace, an internal path, or SQL / database text."""
    content_type = response.headers.get("content-type", [""])
    content_type = content_type[0] if isinstance(content_type, list) else content_type
    if content_type.startswith(SKIPPED_TYPES):
        return None
    text = response.text_lossy()
    for name, pattern in LEAKS:
        match = pattern.search(text)
        if match:
            raise AssertionError(f"response body leaks a {name}: …{match.group(0)[:80]}…")
    return None
