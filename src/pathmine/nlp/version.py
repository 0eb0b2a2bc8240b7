"""The pipeline version: package version plus a hash of the rule files' bytes.

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
)


def rules_dir() -> Traversable:
    """The packaged ``pipelines/`` directory (a symlink into the repo in development)."""
    return resources.files("pathmine") / "pipelines"


def version_of(raw: Mapping[str, bytes]) -> str:
    """The version string for these rule files' contents (``RULE_FILES`` order)."""
    digest = hashlib.sha256()
    for name in RULE_FILES:
        digest.update(name.encode())
        digest.update(raw[name])
    return f"pathmine-{__version__}+rules.{digest.hexdigest()[:12]}"


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """Version of code + rule data; changes whenever any rule file changes."""
    directory = rules_dir()
    return version_of({name: (directory / name).read_bytes() for name in RULE_FILES})
