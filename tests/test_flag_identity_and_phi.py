"""Flag identity migration (0004), PHI-free flag fields and sites, code-hashed version.

* Migration 0004 maps flags raised under the old identity (patient, kind, family, prior,
  later) onto one flag per (patient, kind, family): the survivor takes the new id, duplicates
  are retired with a reason naming it, and every review decision is kept (copied onto the
  survivor), on SQLite and PostgreSQL.
* Reports full of header PHI (names, MRNs, wards, clinicians) produce stored flags whose
  explanation, recommended action and sites hold none of it.
* The pipeline version changes when the extraction code changes, not only the rule data.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from sqlalchemy import text

from pathmine.flags import flag_id
from pathmine.store import make_engine, session_factory
from pathmine.store.migrate import downgrade, upgrade

OLD_KEY = "\x1f"


def _old_id(*parts: str) -> str:
    return "F-" + hashlib.sha256(OLD_KEY.join(parts).encode()).hexdigest()[:16]


def test_migration_0004_keeps_review_decisions(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        upgrade(engine, "0003")
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO patients (patient_key, flags_dirty, created_at) "
                    "VALUES ('P1', false, :t)"
                ),
                {"t": "2026-01-01 00:00:00"},
            )
            pk = conn.execute(text("SELECT id FROM patients WHERE patient_key = 'P1'")).scalar_one()
            for n, (prior, later) in enumerate((("A", "C"), ("B", "C"))):
                conn.execute(
                    text(
                        "INSERT INTO flags (flag_id, patient_pk, kind, lineage, prior_report_id, "
                        "later_report_id, interval_days, severity, status, explanation, evidence, "
                        "pipeline_version, created_at, updated_at) VALUES (:fid, :pk, "
                        "'benign_to_malignant', 'smooth_muscle', :prior, :later, 10, 'high', "
                        ":status, 'x', '[]', 'v', :t, :t)"
                    ),
                    {
                        "fid": _old_id("P1", "benign_to_malignant", "smooth_muscle", prior, later),
                        "pk": pk,
                        "prior": prior,
                        "later": later,
                        "status": "confirmed" if n == 0 else "open",
                        "t": "2026-01-01 00:00:00",
                    },
                )
            first = conn.execute(text("SELECT id FROM flags ORDER BY id")).scalars().first()
            conn.execute(
                text(
                    "INSERT INTO flag_reviews (flag_pk, decision, reviewer, comment, created_at) "
                    "VALUES (:f, 'confirmed', 'dr-qa', 'checked', :t)"
                ),
                {"f": first, "t": "2026-01-02 00:00:00"},
            )
        upgrade(engine)
        new_id = flag_id("P1", "benign_to_malignant", "smooth_muscle")
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT id, flag_id, status, retired_reason FROM flags ORDER BY id")
            ).all()
            survivor = next(r for r in rows if r.flag_id == new_id)
            assert survivor.id == first  # the reviewed flag takes the identity
            others = [r for r in rows if r.flag_id != new_id]
            assert [r.status for r in others] == ["retired"]
            assert new_id in others[0].retired_reason
            decisions = conn.execute(
                text("SELECT decision, reviewer FROM flag_reviews WHERE flag_pk = :f"),
                {"f": survivor.id},
            ).all()
            assert ("confirmed", "dr-qa") in [tuple(d) for d in decisions]
        downgrade(engine, "0003")  # and the downgrade runs
        upgrade(engine)
    finally:
        engine.dispose()


PHI_NAMES = ("Hollowmere", "Quintavalle", "MRN-4409172", "Ward 7B", "Dr Ashgrove-Pelt")
PHI_REPORTS = [
    {
        "patient_id": "PHI-1",
        "report_id": "PHI-A",
        "report_date": "2014-03-10",
        "specimen_date": "2014-03-05",
        "text": (
            "RIVERMOOR HOSPITAL  Accession: RM14-2231\n"
            "Patient: HOLLOWMERE, Quintavalle   MRN-4409172   Ward 7B\n"
            "Clinician: Dr Ashgrove-Pelt\n"
            "A. Dr Ashgrove-Pelt, Ward 7B:\n"
            "SPECIMEN: Uterus, hysterectomy\n"
            "DIAGNOSIS: Uterus, hysterectomy: Leiomyoma, 6 cm.\n"
        ),
    },
    {
        "patient_id": "PHI-1",
        "report_id": "PHI-B",
        "report_date": "2020-06-02",
        "specimen_date": "2020-05-28",
        "text": (
            "RIVERMOOR HOSPITAL  Accession: RM20-1187\n"
            "Patient: HOLLOWMERE, Quintavalle   MRN-4409172   Ward 7B\n"
            "Clinician: Dr Ashgrove-Pelt (history of leiomyoma 2014)\n"
            "DIAGNOSIS: Lung, wedge resection: Metastatic leiomyosarcoma.\n"
            "Desmin and SMA are positive; S100 is negative.\n"
        ),
    },
]


def test_no_header_phi_reaches_flags_or_sites(tmp_path: Path) -> None:
    from pathmine.nlp import default_extractor
    from pathmine.store import ensure_schema
    from pathmine.store.models import DiagnosisMentionRow, FlagRow
    from pathmine.workflow import run_ingest

    archive = tmp_path / "phi.jsonl"
    archive.write_text("".join(json.dumps(r) + "\n" for r in PHI_REPORTS), encoding="utf-8")
    engine = make_engine(f"sqlite:///{tmp_path / 'phi.db'}")
    try:
        ensure_schema(engine)
        run_ingest(engine, [archive], default_extractor())
        with session_factory(engine)() as session:
            flags = list(session.query(FlagRow))
            sites = [m.site for m in session.query(DiagnosisMentionRow)]
        assert [f.kind for f in flags] == ["benign_to_malignant"]
        flag = flags[0]
        stored = " ".join(
            [flag.explanation, flag.recommended_action or "", json.dumps(flag.evidence)]
            + [str(s) for s in sites]
        )
        for phi in PHI_NAMES:
            assert phi.lower() not in stored.lower(), phi
        assert {"uterus", "lung"} <= set(sites)
    finally:
        engine.dispose()


def test_version_changes_with_extraction_code(monkeypatch: pytest.MonkeyPatch) -> None:
    from pathmine.nlp import version

    raw = {name: (version.rules_dir() / name).read_bytes() for name in version.RULE_FILES}
    before = version.version_of(raw)
    monkeypatch.setattr(version, "code_digest", lambda: b"an edited nlp/stains.py")
    assert version.version_of(raw) != before
    assert before.split("+")[0] == version.version_of(raw).split("+")[0]


def test_code_digest_covers_every_nlp_module(tmp_path: Path) -> None:
    """The digest is that of the package's modules, and any module's edit, or a new module,
    changes it."""
    import shutil
    from importlib import resources

    from pathmine.nlp import version

    package = resources.files("pathmine") / "nlp"
    modules = sorted(item.name for item in package.iterdir() if item.name.endswith(".py"))
    copy = tmp_path / "nlp"
    copy.mkdir()
    for name in modules:
        shutil.copyfile(str(package / name), copy / name)
    assert version.code_digest() == version.digest_of_modules(copy)
    seen = {version.digest_of_modules(copy)}
    for name in modules:
        original = (copy / name).read_bytes()
        (copy / name).write_bytes(original + b"\n# edited\n")
        seen.add(version.digest_of_modules(copy))
        (copy / name).write_bytes(original)
    (copy / "new_rules.py").write_text("X = 1\n")
    seen.add(version.digest_of_modules(copy))
    assert len(seen) == len(modules) + 2
