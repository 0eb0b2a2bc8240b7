"""Tracebacks without PHI, for ``--debug``.

A traceback is code: file names, line numbers, function names and source lines. Its exception
messages are data: a database driver's message can quote a row's values (PostgreSQL's
``DETAIL: Key (patient_key)=(…) already exists``), and any message may quote a value it
could not parse. ``--debug`` output is pasted into tickets and chat, so it keeps the code and
the exception types and drops what a message quotes: SQL statements are kept (they are
code; their parameters are hidden by the engine), driver messages are cut at ``DETAIL`` /
``HINT`` / ``CONTEXT``, and every quoted or bracketed literal is masked.
"""

from __future__ import annotations

import re
import traceback

_QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"|\([^()\n]*\)=\([^()\n]*\)|\[[^\]\n]*\]")
_DRIVER_TAIL = re.compile(r"\n?\s*(?:DETAIL|HINT|CONTEXT|LINE \d+|WHERE):.*", re.DOTALL)
_MAX_MESSAGE = 300


def scrub_message(message: str) -> str:
    """One exception message with what it quotes masked and driver details dropped."""
    message = _DRIVER_TAIL.sub("", message)
    message = _QUOTED.sub("<…>", message)
    message = " ".join(message.split())
    return message[:_MAX_MESSAGE]


def _describe(exc: BaseException) -> str:
    from pathmine.store.errors import statement_description

    described = statement_description(exc)
    if described is not None:
        return described
    return f"{type(exc).__module__}.{type(exc).__qualname__}: {scrub_message(str(exc))}"


def safe_traceback(exc: BaseException) -> str:
    """The traceback of ``exc`` and its causes, with every message scrubbed."""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    chain: list[BaseException] = []
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        current = current.__cause__ or current.__context__
    for i, item in enumerate(reversed(chain)):
        if i:
            parts.append("\nThe above exception led to the following one:\n")
        parts.append("Traceback (most recent call last):\n")
        parts.extend(traceback.format_list(traceback.extract_tb(item.__traceback__)))
        parts.append(_describe(item) + "\n")
    return "".join(parts)
