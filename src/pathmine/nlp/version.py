"""The pipeline version: package version plus a hash of the rule files' and the extraction
code's bytes.

The extraction code (every module of ``pathmine.nlp``) is hashed with the rule data: a
change to ``nlp/stains.py`` changes what is extracted as surely as a change to
``stains.json``, so it must make stored extractions stale too (issue: versions must be
honest).

Kept apart from ``nlp.rules`` (which imports pydantic to validate the rules) because a re-run
over an unchanged archive needs only this string, to compare with what each stored report
was extracted with.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable

from pathmine import __version__

RULE_FILES = (
    "diagnoses.json",
    "context.json",
    "sections.json",
    "stains.json",
    "features.json",
    "report_types.json",
    "lineages.json",
    "report_facts.json",
    "sites.json",
)


def rules_dir() -> Traversable:
    """The packaged rule data: the repository's ``pipelines/`` (a symlink in development,
    copied into the wheel by ``force-include``)."""
    return resources.files("pathmine") / "pipelines"


def code_digest() -> bytes:
    """SHA-256 of the extraction code: the ``pathmine.nlp`` modules' source, by name."""
    return _code_digest()


@lru_cache(maxsize=1)
def _code_digest() -> bytes:
    return digest_of_modules(resources.files("pathmine") / "nlp")


def digest_of_modules(package: Traversable) -> bytes:
    """SHA-256 over every ``.py`` file directly in ``package``, by name (line endings folded)."""
    digest = hashlib.sha256()
    for item in sorted(package.iterdir(), key=lambda t: t.name):
        if item.name.endswith(".py"):
            digest.update(item.name.encode())
            digest.update(item.read_bytes().replace(b"\r\n", b"\n"))
    return digest.digest()


def version_of(raw: Mapping[str, bytes]) -> str:
    """The version string for these rule files' contents (``RULE_FILES`` order) and the
    extraction code."""
    digest = hashlib.sha256()
    for name in RULE_FILES:
        digest.update(name.encode())
        digest.update(raw[name])
    digest.update(b"code")
    digest.update(code_digest())
    return f"pathmine-{__version__}+rules.{digest.hexdigest()[:12]}"


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """Version of code + rule data; changes whenever any rule file changes."""
    directory = rules_dir()
    return version_of({name: (directory / name).read_bytes() for name in RULE_FILES})
