"""pathmine: mine pathology report archives for benign-to-malignant diagnostic discrepancies."""

__version__ = "0.1.0"
