"""Keep medspaCy's import from loading QuickUMLS, NLTK and scikit-learn.

``medspacy.util`` runs ``from quickumls import spacy_component`` only to register the
``medspacy_quickumls`` spaCy factory, and QuickUMLS imports NLTK, which imports
scikit-learn: 1.7 of the 2.7 seconds it takes to import spaCy and medSpaCy here, paid by
every process that extracts (each ``pathmine ingest``, ``extract``, ``evaluate``). pathmine
never uses QuickUMLS (it needs a licensed UMLS install), and medSpaCy's default pipeline
does not either. So, unless something already imported QuickUMLS, an empty placeholder is
registered for the one submodule medSpaCy names; the ``medspacy_quickumls`` factory is then
simply not available in a pathmine process.
"""

from __future__ import annotations

import sys
import types

_PLACEHOLDER_DOC = "Placeholder registered by pathmine: QuickUMLS is not used (see pathmine.nlp)."


def skip_quickumls_import() -> None:
    if "quickumls" in sys.modules or "medspacy" in sys.modules:
        return  # too late, or already loaded for real: leave it alone
    package = types.ModuleType("quickumls", _PLACEHOLDER_DOC)
    package.__path__ = []  # a package with no submodules on disk
    component = types.ModuleType("quickumls.spacy_component", _PLACEHOLDER_DOC)
    package.spacy_component = component  # type: ignore[attr-defined]
    sys.modules["quickumls"] = package
    sys.modules["quickumls.spacy_component"] = component
