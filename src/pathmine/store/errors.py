"""Database errors described without what they quote.

A driver's message can echo a row's values (PostgreSQL's ``DETAIL: Key (patient_key)=(…)
already exists``) and a statement error carries its parameters (report text, identifiers).
The CLI's one-line errors and ``--debug`` tracebacks ask here, so nothing outside
``pathmine.store`` needs to know the database library's exception classes.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError, StatementError

from pathmine.safe_errors import scrub_message


def one_line(exc: BaseException) -> str | None:
    """A short message for a database error, ``None`` for any other exception.

    Connection problems show the first line of the driver's own message, scrubbed; other
    driver errors only their type (their message may quote parameters)."""
    if isinstance(exc, DBAPIError):
        if isinstance(exc, OperationalError) and exc.orig is not None:
            return f"database error: {scrub_message(str(exc.orig).splitlines()[0])}"
        return f"database error ({type(exc.orig).__name__}); rerun with --debug for details"
    if isinstance(exc, SQLAlchemyError):
        return f"database error ({type(exc).__name__}); rerun with --debug for details"
    return None


def statement_description(exc: BaseException) -> str | None:
    """For a traceback: the driver error and the SQL statement (code) with its parameters
    hidden, or ``None`` when ``exc`` did not come from a statement."""
    if not isinstance(exc, StatementError):
        return None
    name = f"{type(exc).__module__}.{type(exc).__qualname__}"
    orig = exc.orig
    driver = f"{type(orig).__qualname__}: {scrub_message(str(orig))}" if orig else ""
    statement = " ".join((exc.statement or "").split())[:500]
    return f"{name}: {driver}\n  statement: {statement}\n  (parameters hidden)"
