"""Schema, identity and per-entry examples for every rule file under ``pipelines/``.

House rule 4: each rule file has a schema test, and each entry at least one positive and one
negative example in a parametrized table. Generated rows (one per lexicon phrase, one per
marker alias, one per section literal) keep the tables in step with the data files.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pathmine.nlp import Extractor, default_extractor, load_rules, pipeline_version
from pathmine.nlp.rules import RULE_FILES, RulePack, load_rules_from, rules_dir
from pathmine.records import Extraction

RULES = load_rules()
ICDO3 = re.compile(r"^(?P<morphology>\d{4})/(?P<behavior>[0-36])$")


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return default_extractor()


def _dx(extraction: Extraction) -> list[tuple[str, str, str]]:
    """(entry id, ICD-O-3 code, assertion) for each diagnosis mention."""
    return [(d.rule_id.split("/")[0], d.icdo3, d.assertion) for d in extraction.diagnoses]


# -- schema and identity ------------------------------------------------------------------


def test_all_rule_files_validate() -> None:
    pack = load_rules()
    assert isinstance(pack, RulePack)
    assert pack.version == pipeline_version()
    assert re.fullmatch(r"pathmine-[\w.]+\+rules\.[0-9a-f]{12}", pack.version)


@pytest.mark.parametrize("name", RULE_FILES)
def test_rule_file_is_json_with_schema_and_version(name: str) -> None:
    data = json.loads((rules_dir() / name).read_bytes())
    assert data["schema"] == f"pathmine.{name.removesuffix('.json')}.v1"
    assert data["version"]
    assert data.get("doc"), "every rule file documents itself"


def _ids_by_file() -> dict[str, list[str]]:
    return {
        "diagnoses.json": [
            *(e.id for e in RULES.diagnoses.entries),
            *(x.id for x in RULES.diagnoses.exclusions),
        ],
        "context.json": [r.id for r in RULES.context.rules],
        "sections.json": [r.id for r in RULES.sections.rules],
        "stains.json": [m.id for m in RULES.stains.markers],
        "features.json": [
            r.id
            for r in [*RULES.features.mitoses, *RULES.features.necrosis, *RULES.features.atypia]
        ],
        "report_types.json": [r.id for r in RULES.report_types.rules],
        "lineages.json": [f.id for f in RULES.lineages.families],
        "report_facts.json": [
            f"facts.{k}" for k in ("own_accession", "accession", "collection", "cited_date")
        ],
        "sites.json": [f"site.{s.id}" for s in RULES.sites.sites],
    }


@pytest.mark.parametrize("name", RULE_FILES)
def test_rule_ids_present_and_unique(name: str) -> None:
    ids = _ids_by_file()[name]
    assert ids and all(ids)
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert duplicates == []


def test_rule_ids_unique_across_files() -> None:
    everything = [i for ids in _ids_by_file().values() for i in ids]
    assert len(everything) == len(set(everything))


@pytest.mark.parametrize("entry", RULES.diagnoses.entries, ids=lambda e: e.id)
def test_icdo3_code_well_formed(entry: object) -> None:
    from pathmine.nlp.rules import DiagnosisEntry

    assert isinstance(entry, DiagnosisEntry)
    m = ICDO3.match(entry.icdo3)
    assert m, entry.icdo3
    assert 8000 <= int(m["morphology"]) <= 9999
    assert entry.behavior in (0, 1, 2, 3)  # /6 is derived from a metastatic cue, never listed
    assert re.fullmatch(r"[a-z_]+", entry.lineage)


def test_no_surface_form_belongs_to_two_entries() -> None:
    from pathmine.nlp.targets import spelling_variants

    owner: dict[str, str] = {}
    clashes = []
    for entry in RULES.diagnoses.entries:
        for phrase in [entry.term, *entry.phrases]:
            for form in spelling_variants(phrase):
                if owner.setdefault(form, entry.id) != entry.id:
                    clashes.append((form, owner[form], entry.id))
    assert clashes == []


@pytest.mark.parametrize(
    "name", ["features.json", "report_types.json"], ids=["features", "report_types"]
)
def test_regex_rules_compile(name: str) -> None:
    rules = (
        [*RULES.features.mitoses, *RULES.features.necrosis, *RULES.features.atypia]
        if name == "features.json"
        else RULES.report_types.rules
    )
    for rule in rules:
        re.compile(rule.regex)


# -- diagnosis lexicon: one curated positive example per entry ----------------------------

DIAGNOSIS_POSITIVES = [
    ("dx.leiomyoma", "Uterus, myomectomy: leiomyoma."),
    ("dx.cellular_leiomyoma", "Cellular leiomyoma, 6 cm."),
    ("dx.net_g2_g3", "Ileum: well-differentiated neuroendocrine tumour, grade 2, 21 mm."),
    ("dx.goblet_cell_adenocarcinoma", "Appendix: goblet cell adenocarcinoma, grade 1."),
    ("dx.myxoma", "Left thigh, excision: intramuscular myxoma."),
    ("dx.atypical_leiomyoma", "Leiomyoma with bizarre nuclei."),
    ("dx.epithelioid_leiomyoma", "Epithelioid leiomyoma, see comment."),
    ("dx.angioleiomyoma", "Angioleiomyoma, see comment."),
    ("dx.leiomyomatosis", "Leiomyomatosis, see comment."),
    ("dx.adenomyoma", "Atypical polypoid adenomyoma."),
    ("dx.bml", "Benign metastasizing leiomyoma of the lung."),
    ("dx.stump", "Smooth muscle tumour of uncertain malignant potential (STUMP)."),
    ("dx.leiomyosarcoma", "High grade leiomyosarcoma of the uterus."),
    ("dx.epithelioid_leiomyosarcoma", "Epithelioid leiomyosarcoma."),
    ("dx.myxoid_leiomyosarcoma", "Myxoid leiomyosarcoma, FIGO stage IB."),
    ("dx.spindle_cell_neoplasm", "Spindle cell neoplasm, see comment."),
    ("dx.sarcoma_nos", "High grade sarcoma, not further classifiable."),
    ("dx.spindle_cell_sarcoma", "Spindle cell sarcoma, grade 3."),
    ("dx.ups", "Undifferentiated pleomorphic sarcoma, see comment."),
    ("dx.malignant_neoplasm", "Malignant neoplasm, see comment."),
    ("dx.carcinoma_nos", "Poorly differentiated carcinoma, see comment."),
    ("dx.carcinoma_in_situ", "Carcinoma in situ, see comment."),
    ("dx.undifferentiated_carcinoma", "Undifferentiated carcinoma, see comment."),
    ("dx.metaplastic_carcinoma", "Metaplastic carcinoma, see comment."),
    ("dx.sarcomatoid_carcinoma", "Sarcomatoid carcinoma, see comment."),
    ("dx.spindle_cell_carcinoma", "Spindle cell carcinoma, see comment."),
    ("dx.squamous_cell_carcinoma", "Invasive squamous cell carcinoma, grade 2."),
    ("dx.keratinizing_scc", "Keratinizing squamous cell carcinoma, see comment."),
    ("dx.nonkeratinizing_scc", "Non-keratinizing squamous cell carcinoma, see comment."),
    ("dx.basaloid_scc", "Basaloid squamous cell carcinoma, see comment."),
    ("dx.microinvasive_scc", "Microinvasive squamous cell carcinoma, see comment."),
    ("dx.scc_in_situ", "Squamous cell carcinoma in situ, see comment."),
    ("dx.adenosquamous_carcinoma", "Adenosquamous carcinoma, see comment."),
    ("dx.urothelial_carcinoma", "Urothelial carcinoma, see comment."),
    ("dx.papillary_urothelial_carcinoma", "Papillary urothelial carcinoma, see comment."),
    ("dx.urothelial_cis", "Urothelial carcinoma in situ, see comment."),
    ("dx.hcc", "Hepatocellular carcinoma, see comment."),
    ("dx.cholangiocarcinoma", "Cholangiocarcinoma, see comment."),
    ("dx.oncocytoma", "Renal oncocytoma, 3.1 cm."),
    ("dx.rcc", "Renal cell carcinoma, see comment."),
    ("dx.clear_cell_rcc", "Clear cell renal cell carcinoma, see comment."),
    ("dx.papillary_rcc", "Papillary renal cell carcinoma, see comment."),
    ("dx.chromophobe_rcc", "Chromophobe renal cell carcinoma, see comment."),
    ("dx.small_cell_carcinoma", "Small cell carcinoma, see comment."),
    ("dx.neuroendocrine_carcinoma", "Neuroendocrine carcinoma, see comment."),
    ("dx.large_cell_neuroendocrine", "Large cell neuroendocrine carcinoma, see comment."),
    ("dx.carcinoid", "Carcinoid tumor, see comment."),
    ("dx.ductal_carcinoma", "Invasive ductal carcinoma, grade 2."),
    ("dx.dcis", "Ductal carcinoma in situ, see comment."),
    ("dx.lobular_carcinoma", "Lobular carcinoma, see comment."),
    ("dx.papillary_carcinoma", "Papillary carcinoma, see comment."),
    ("dx.papillary_adenocarcinoma", "Papillary adenocarcinoma, see comment."),
    ("dx.signet_ring", "Signet ring cell carcinoma, see comment."),
    ("dx.basal_cell_carcinoma", "Basal cell carcinoma, see comment."),
    ("dx.non_small_cell", "Non-small cell carcinoma, see comment."),
    ("dx.endometrial_stromal_nodule", "Endometrial stromal nodule."),
    ("dx.lgess", "Low-grade endometrial stromal sarcoma."),
    ("dx.hgess", "High-grade endometrial stromal sarcoma."),
    ("dx.lipoma", "Subcutaneous lipoma."),
    ("dx.alt", "Atypical lipomatous tumour of the thigh."),
    ("dx.liposarcoma", "Liposarcoma of the retroperitoneum."),
    ("dx.dedifferentiated_liposarcoma", "Dedifferentiated liposarcoma (DDLPS)."),
    ("dx.schwannoma", "Cellular schwannoma."),
    ("dx.neurofibroma", "Plexiform neurofibroma."),
    ("dx.mpnst", "Malignant peripheral nerve sheath tumour."),
    ("dx.phyllodes_benign", "Benign phyllodes tumor."),
    ("dx.phyllodes_borderline", "Borderline phyllodes tumour."),
    ("dx.phyllodes_malignant", "Malignant phyllodes tumor."),
    ("dx.nevus", "Compound nevus."),
    ("dx.dysplastic_nevus", "Dysplastic naevus with mild atypia."),
    ("dx.melanoma", "Superficial spreading melanoma, Breslow 0.8 mm."),
    ("dx.melanoma_in_situ", "Melanoma in situ, lentigo maligna type."),
    ("dx.tubular_adenoma", "Tubular adenoma."),
    ("dx.villous_adenoma", "Villous adenoma."),
    ("dx.tubulovillous_adenoma", "Tubulovillous adenoma with low grade dysplasia."),
    ("dx.sessile_serrated_lesion", "Sessile serrated lesion."),
    ("dx.adenocarcinoma", "Invasive adenocarcinoma, moderately differentiated."),
    ("dx.adenocarcinoma_in_situ", "Endocervical adenocarcinoma in situ."),
    ("dx.gist", "Gastrointestinal stromal tumour, spindle cell type."),
    ("dx.endometrioid_carcinoma", "Endometrioid adenocarcinoma, FIGO grade 1."),
    ("dx.serous_carcinoma", "High-grade serous carcinoma."),
    ("dx.low_grade_serous_carcinoma", "Low-grade serous carcinoma of the ovary."),
    ("dx.serous_borderline", "Serous borderline tumour."),
    ("dx.serous_cystadenoma", "Serous cystadenoma."),
    ("dx.clear_cell_carcinoma", "Clear cell carcinoma."),
    ("dx.carcinosarcoma", "Carcinosarcoma (malignant mixed mullerian tumor)."),
    ("dx.chordoma", "Chordoma, see comment."),
    ("dx.osteosarcoma", "Osteosarcoma, see comment."),
    ("dx.chondrosarcoma", "Chondrosarcoma, see comment."),
    ("dx.mesothelioma", "Mesothelioma, see comment."),
    ("dx.rhabdomyosarcoma", "Rhabdomyosarcoma, see comment."),
    ("dx.embryonal_rms", "Embryonal rhabdomyosarcoma, see comment."),
    ("dx.synovial_sarcoma", "Synovial sarcoma, see comment."),
    ("dx.synovial_sarcoma_monophasic", "Monophasic synovial sarcoma, thigh."),
    ("dx.synovial_sarcoma_biphasic", "Biphasic synovial sarcoma of the knee."),
    ("dx.ewing", "Ewing sarcoma, see comment."),
    ("dx.angiosarcoma", "Angiosarcoma, see comment."),
    ("dx.kaposi", "Kaposi sarcoma, see comment."),
    ("dx.hemangioma", "Hemangioma, see comment."),
    ("dx.fibrosarcoma", "Fibrosarcoma, see comment."),
    ("dx.myxofibrosarcoma", "Myxofibrosarcoma, see comment."),
    ("dx.sft", "Solitary fibrous tumor, see comment."),
    ("dx.desmoid", "Desmoid fibromatosis, see comment."),
    ("dx.imt", "Inflammatory myofibroblastic tumor, see comment."),
    ("dx.pecoma", "PEComa, see comment."),
    ("dx.pecoma_malignant", "Malignant PEComa of the uterus."),
    ("dx.adenosarcoma", "Adenosarcoma, see comment."),
    ("dx.fibroadenoma", "Fibroadenoma, see comment."),
    ("dx.mature_teratoma", "Mature teratoma, see comment."),
    ("dx.dermoid", "Dermoid cyst of the ovary."),
    ("dx.struma_ovarii", "Right ovary: struma ovarii, 4 cm."),
    ("dx.immature_teratoma", "Immature teratoma, see comment."),
    ("dx.dysgerminoma", "Dysgerminoma, see comment."),
    ("dx.yolk_sac", "Yolk sac tumor, see comment."),
    ("dx.brenner", "Brenner tumor, see comment."),
    ("dx.fibroma", "Ovarian fibroma."),
    ("dx.thecoma", "Thecoma, see comment."),
    ("dx.granulosa", "Granulosa cell tumor, see comment."),
    ("dx.sertoli_leydig", "Sertoli-Leydig cell tumor, see comment."),
    ("dx.adenomatoid", "Adenomatoid tumor, see comment."),
    ("dx.mucinous_carcinoma", "Mucinous carcinoma, see comment."),
    ("dx.mucinous_adenocarcinoma_endocervical", "Mucinous adenocarcinoma, endocervical type."),
    ("dx.mucinous_borderline", "Mucinous borderline tumor, see comment."),
    ("dx.mucinous_cystadenoma", "Mucinous cystadenoma, see comment."),
    ("dx.adenofibroma", "Adenofibroma of the ovary."),
    ("dx.serous_adenofibroma", "Serous cystadenofibroma, see comment."),
    ("dx.mixed_adenocarcinoma", "Mixed cell adenocarcinoma."),
    ("dx.villoglandular", "Villoglandular adenocarcinoma, see comment."),
    ("dx.glioblastoma", "Glioblastoma, see comment."),
    ("dx.astrocytoma", "Astrocytoma, see comment."),
    ("dx.glioma", "High grade glioma, see comment."),
    ("dx.gliosarcoma", "Gliosarcoma, see comment."),
    ("dx.oligodendroglioma", "Oligodendroglioma, see comment."),
    ("dx.meningioma", "Meningioma, see comment."),
    ("dx.gist_low_risk", "Gastrointestinal stromal tumour, low risk."),
    ("dx.spindle_cell_lipoma", "Spindle cell lipoma, see comment."),
    ("dx.angiolipoma", "Angiolipoma, see comment."),
    ("dx.myxoid_liposarcoma", "Myxoid liposarcoma, see comment."),
    ("dx.pleomorphic_liposarcoma", "Pleomorphic liposarcoma, see comment."),
    ("dx.undifferentiated_uterine_sarcoma", "Undifferentiated uterine sarcoma, 9 cm."),
    ("dx.follicular_adenoma", "Thyroid, left lobe: follicular adenoma, 2.1 cm."),
    ("dx.follicular_carcinoma", "Minimally invasive follicular carcinoma of the thyroid."),
    ("dx.medullary_thyroid_carcinoma", "Medullary thyroid carcinoma, 1.4 cm."),
    ("dx.lcis", "Lobular carcinoma in situ, classic type."),
    ("dx.lymphoma", "Lymph node: malignant lymphoma, see comment."),
    ("dx.dlbcl", "Diffuse large B-cell lymphoma, germinal centre type."),
    ("dx.burkitt_lymphoma", "Burkitt lymphoma, see comment."),
    ("dx.hodgkin_lymphoma", "Classical Hodgkin lymphoma, nodular sclerosis."),
    ("dx.dermatofibroma", "Skin, left thigh: dermatofibroma."),
    ("dx.dfsp", "Dermatofibrosarcoma protuberans, margins clear."),
    ("dx.giant_cell_tumor_bone", "Distal femur: giant cell tumour of bone."),
    ("dx.cystadenoma", "Ovary: cystadenoma, see comment."),
]
_ENTRY_BY_ID = {e.id: e for e in RULES.diagnoses.entries}


def test_every_diagnosis_entry_has_a_curated_example() -> None:
    covered = {entry_id for entry_id, _ in DIAGNOSIS_POSITIVES}
    assert covered == set(_ENTRY_BY_ID)


@pytest.mark.parametrize(
    ("entry_id", "text"), DIAGNOSIS_POSITIVES, ids=[e for e, _ in DIAGNOSIS_POSITIVES]
)
def test_diagnosis_entry_positive_example(extractor: Extractor, entry_id: str, text: str) -> None:
    found = _dx(extractor.extract(f"DIAGNOSIS:\n{text}"))
    assert (entry_id, _ENTRY_BY_ID[entry_id].icdo3, "affirmed") in found


_PHRASE_ROWS = [
    pytest.param(e.id, phrase, id=f"{e.id}:{phrase}")
    for e in RULES.diagnoses.entries
    for phrase in dict.fromkeys([e.term, *e.phrases, *e.exact])
]


@pytest.mark.parametrize(("entry_id", "phrase"), _PHRASE_ROWS)
def test_every_lexicon_phrase_finds_its_entry(
    extractor: Extractor, entry_id: str, phrase: str
) -> None:
    found = _dx(extractor.extract(f"Diagnosis: {phrase}."))
    assert found == [(entry_id, _ENTRY_BY_ID[entry_id].icdo3, "affirmed")]


DIAGNOSIS_NEGATIVES = [
    pytest.param("dx.stump", "Vaginal stump: no lesion.", id="vaginal-stump"),
    pytest.param("dx.stump", "Cervical stump is unremarkable.", id="cervical-stump"),
    pytest.param("dx.stump", "The stump of the appendix.", id="appendix-stump"),
    pytest.param("dx.leiomyoma", "Leiomyomatosis peritonealis disseminata.", id="leiomyomatosis"),
    pytest.param("dx.adenocarcinoma", "Atypical endometrial hyperplasia (EIN).", id="hyperplasia"),
    pytest.param("dx.leiomyoma", "Adenomyosis of the myometrium.", id="adenomyosis"),
    pytest.param("dx.sarcoma_nos", "Sarcomatoid change is absent.", id="sarcomatoid"),
    pytest.param("dx.adenocarcinoma_in_situ", "Invasive adenocarcinoma.", id="invasive-not-ais"),
    pytest.param("dx.adenocarcinoma", "Peritoneal carcinomatosis.", id="carcinomatosis"),
    pytest.param("dx.lipoma", "Lipomatous change of the pancreas.", id="lipomatous"),
    pytest.param("dx.nevus", "Melanocytes along the junction.", id="melanocytes"),
    pytest.param("dx.neurofibroma", "Neurofibromatosis type 1.", id="neurofibromatosis"),
    pytest.param("dx.gist", "The gist of the matter.", id="gist-lowercase-word"),
    pytest.param("dx.alt", "Alt text for the figure.", id="alt-word"),
    pytest.param("dx.leiomyosarcoma", "Films reviewed.", id="no-term"),
    pytest.param("dx.alt", "ALT 45 U/L, AST 30 U/L.", id="alt-liver-enzyme"),
    pytest.param("dx.nevus", "Nevus-like nests of cells.", id="x-like"),
    pytest.param("dx.nevus", "Dermal nevus cells mature.", id="nevus-cells"),
    pytest.param("dx.sarcoma_nos", "Seen at the Sarcoma Center.", id="institution"),
    pytest.param("dx.lipoma", "Risk is higher than for lipoma.", id="comparison"),
]


# -- diagnosis exclusions: each one removes a match (positive) and spares one (negative) ----

EXCLUSION_ROWS = [
    # (exclusion id, text, entry id, whether the exclusion removes the entry's match)
    ("excl.comparison_than", "Risk is higher than for lipoma.", "dx.lipoma", True),
    (
        "excl.staging_definition",
        "pT1b (IB): Cervical carcinoma confined to the cervix.",
        "dx.carcinoma_nos",
        True,
    ),
    ("excl.staging_definition", "pT1b (IB). Carcinoma invades stroma.", "dx.carcinoma_nos", False),
    ("excl.comparison_than", "Lipoma, larger than 5 cm.", "dx.lipoma", False),
    ("excl.like", "Schwannoma-like palisading.", "dx.schwannoma", True),
    ("excl.like", "Schwannoma, likely ancient.", "dx.schwannoma", False),
    ("excl.nevus_cells", "Naevus cells mature with depth.", "dx.nevus", True),
    ("excl.nevus_cells", "Melanoma cells are present.", "dx.melanoma", False),
    ("excl.institution", "Referred to the Melanoma Institute.", "dx.melanoma", True),
    ("excl.institution", "Melanoma, unifocal.", "dx.melanoma", False),
    ("excl.marker_description", "Negative for the melanoma marker HMB-45.", "dx.melanoma", True),
    ("excl.marker_description", "Melanoma; markers pending.", "dx.melanoma", False),
    ("excl.stump_lookalike", "Cervical STUMP: free of tumour.", "dx.stump", True),
    ("excl.stump_lookalike", "STUMP, 4 cm.", "dx.stump", False),
    ("excl.stump_word", "STUMP margin is clear.", "dx.stump", True),
    ("excl.stump_word", "STUMP with focal atypia.", "dx.stump", False),
    ("excl.alt_enzyme", "ALT 45 U/L.", "dx.alt", True),
    ("excl.alt_enzyme", "ALT of the thigh, 12 cm.", "dx.alt", False),
    ("excl.alt_enzyme_before", "Elevated ALT noted.", "dx.alt", True),
    ("excl.alt_enzyme_before", "Recurrent ALT, thigh.", "dx.alt", False),
    (
        "excl.template_title",
        "Protocol for the examination of specimens with leiomyosarcoma",
        "dx.leiomyosarcoma",
        True,
    ),
    ("excl.template_title", "Histologic type: leiomyosarcoma.", "dx.leiomyosarcoma", False),
    ("excl.service_name", "NORTHSHORE SARCOMA PATHOLOGY SERVICE", "dx.sarcoma_nos", True),
    ("excl.service_name", "Dr A. Smith (Sarcoma Medical Oncology)", "dx.sarcoma_nos", True),
    ("excl.service_name", "Sarcoma and clinical follow-up advised.", "dx.sarcoma_nos", False),
    ("excl.specialty_title", "Dr B. Ode, Consultant Sarcoma Pathologist", "dx.sarcoma_nos", True),
    (
        "excl.bracketed_specialty",
        "Dr C. Ade, Professor of Pathology (Sarcoma)",
        "dx.sarcoma_nos",
        True,
    ),
    (
        "excl.bracketed_specialty",
        "Professor's note: sarcoma (high grade).",
        "dx.sarcoma_nos",
        False,
    ),
    ("excl.specialty_title", "Sarcoma, high grade; pathologist notified.", "dx.sarcoma_nos", False),
    ("excl.form_title_parenthesis", "SYNOPTIC (CAP Uterine Sarcoma):", "dx.sarcoma_nos", True),
    ("excl.form_title_parenthesis", "Diagnosis (uterus): sarcoma.", "dx.sarcoma_nos", False),
    (
        "excl.template_title_after",
        "Uterine leiomyosarcoma synoptic report",
        "dx.leiomyosarcoma",
        True,
    ),
    ("excl.template_title_after", "Uterine leiomyosarcoma, 9 cm.", "dx.leiomyosarcoma", False),
    ("excl.unchecked_box", "[ ] Leiomyosarcoma", "dx.leiomyosarcoma", True),
    ("excl.unchecked_box", "[X] Leiomyosarcoma", "dx.leiomyosarcoma", False),
    ("excl.working_group", "Discussed at the sarcoma working group.", "dx.sarcoma_nos", True),
    ("excl.working_group", "Sarcoma, working diagnosis.", "dx.sarcoma_nos", False),
    ("excl.header_label_line", "Ward: 6C  Req Dr: Dr. Q (Sarcoma Unit)", "dx.sarcoma_nos", True),
    ("excl.header_label_line", "Wardrobe-sized sarcoma, 30 cm.", "dx.sarcoma_nos", False),
]


BACK_REFERENCE_ROWS = [
    # (id, text, entry id, removed): a generic term referring back to a typed tumour
    (
        "excl.backref_extent_after",
        "Serous carcinoma.\nCarcinoma invades 12 mm of the myometrium.",
        "dx.carcinoma_nos",
        True,
    ),
    ("excl.backref_extent_after", "Carcinoma invades the myometrium.", "dx.carcinoma_nos", False),
    (
        "excl.backref_extent_before",
        "Clear cell carcinoma.\nSerosa involved by carcinoma.",
        "dx.carcinoma_nos",
        True,
    ),
    ("excl.backref_extent_before", "Serosa involved by carcinoma.", "dx.carcinoma_nos", False),
    (
        "excl.backref_stain_object",
        "Squamous cell carcinoma.\nKeratin is diffusely positive in carcinoma.",
        "dx.carcinoma_nos",
        True,
    ),
    ("excl.backref_stain_object", "p16 highlights the carcinoma.", "dx.carcinoma_nos", False),
    (
        "excl.backref_extent_after",
        "Serous carcinoma.\nCarcinoma is 5.5 cm in the left ovary.",
        "dx.carcinoma_nos",
        True,
    ),
    (
        "excl.backref_extent_before",
        "Serous carcinoma.\nFocal extension of carcinoma into the outer myometrium.",
        "dx.carcinoma_nos",
        True,
    ),
]


def test_every_back_reference_has_positive_and_negative_rows() -> None:
    ids = {x.id for x in RULES.diagnoses.back_references}
    assert {r[0] for r in BACK_REFERENCE_ROWS if r[3]} == ids
    assert {r[0] for r in BACK_REFERENCE_ROWS if not r[3]} == ids


@pytest.mark.parametrize(
    ("rule_id", "text", "entry_id", "removed"),
    BACK_REFERENCE_ROWS,
    ids=[f"{r[0]}-{'pos' if r[3] else 'neg'}" for r in BACK_REFERENCE_ROWS],
)
def test_back_reference_example(
    extractor: Extractor, rule_id: str, text: str, entry_id: str, removed: bool
) -> None:
    # removed: no *affirmed* generic mention stays (a negated one is a finding of its own)
    found = {
        d.rule_id.split("/")[0]
        for d in extractor.extract(f"DIAGNOSIS:\n{text}").diagnoses
        if d.assertion == "affirmed"
    }
    assert (entry_id not in found) == removed, rule_id


def test_every_exclusion_has_positive_and_negative_rows() -> None:
    ids = {x.id for x in RULES.diagnoses.exclusions}
    assert {r[0] for r in EXCLUSION_ROWS if r[3]} == ids
    assert {r[0] for r in EXCLUSION_ROWS if not r[3]} == ids


@pytest.mark.parametrize(
    ("exclusion_id", "text", "entry_id", "removed"),
    EXCLUSION_ROWS,
    ids=[f"{r[0]}-{'pos' if r[3] else 'neg'}" for r in EXCLUSION_ROWS],
)
def test_exclusion_example(
    extractor: Extractor, exclusion_id: str, text: str, entry_id: str, removed: bool
) -> None:
    found = {d[0] for d in _dx(extractor.extract(f"DIAGNOSIS:\n{text}"))}
    assert (entry_id not in found) == removed, exclusion_id


def test_exclusion_needs_a_side_and_known_entries() -> None:
    from pydantic import ValidationError

    from pathmine.nlp.rules import DiagnosisExclusion, DiagnosisLexicon

    with pytest.raises(ValidationError):
        DiagnosisExclusion.model_validate({"id": "excl.empty"})
    base = json.loads((rules_dir() / "diagnoses.json").read_bytes())
    base["exclusions"] = [{"id": "excl.x", "after": "^x", "entries": ["dx.unknown"]}]
    with pytest.raises(ValidationError):
        DiagnosisLexicon.model_validate(base)


@pytest.mark.parametrize(("entry_id", "text"), DIAGNOSIS_NEGATIVES)
def test_diagnosis_lexicon_negative_example(extractor: Extractor, entry_id: str, text: str) -> None:
    assert entry_id not in {d[0] for d in _dx(extractor.extract(text))}


# -- stain lexicon ------------------------------------------------------------------------


def _first_alias(marker: object) -> str:
    from pathmine.nlp.rules import MarkerEntry

    assert isinstance(marker, MarkerEntry)
    return (marker.aliases or marker.exact)[0]


@pytest.mark.parametrize("marker", RULES.stains.markers, ids=lambda m: m.id)
def test_every_marker_first_alias_is_positive(extractor: Extractor, marker: object) -> None:
    from pathmine.nlp.rules import MarkerEntry

    assert isinstance(marker, MarkerEntry)
    got = [
        (s.marker, s.result)
        for s in extractor.extract(f"{_first_alias(marker)} is positive.").stains
    ]
    assert got == [(marker.marker, "positive")]


_ALIAS_ROWS = [
    pytest.param(m.marker, alias, id=f"{m.id}:{alias}")
    for m in RULES.stains.markers
    for alias in dict.fromkeys([*m.aliases, *m.exact])
]


@pytest.mark.parametrize(("marker", "alias"), _ALIAS_ROWS)
def test_every_marker_alias_is_negative(extractor: Extractor, marker: str, alias: str) -> None:
    got = [
        (s.marker, s.result) for s in extractor.extract(f"Tumour cells: {alias} negative.").stains
    ]
    assert got == [(marker, "negative")]


STAIN_NEGATIVES = [
    pytest.param("Seen at an ER visit, troponin was positive.", id="er-visit"),
    pytest.param("ER visit for bleeding; pregnancy test positive.", id="er-visit-semicolon"),
    pytest.param("PR interval normal.", id="pr-interval"),
    pytest.param("Margins are negative.", id="margins"),
    pytest.param("Lymph nodes negative for carcinoma (0/12).", id="lymph-nodes"),
    pytest.param("Positive for malignancy.", id="malignancy"),
    pytest.param("EMA was drawn; blood cultures negative.", id="no-result-for-marker"),
]


@pytest.mark.parametrize("text", STAIN_NEGATIVES)
def test_stain_lexicon_negative_example(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text).stains == ()


# -- context rules: every category has positive and negative rows -------------------------

CONTEXT_ROWS = [
    # (category, text, term, expected assertion)
    ("NEGATED_EXISTENCE", "Negative for leiomyosarcoma.", "leiomyosarcoma", "negated"),
    ("NEGATED_EXISTENCE", "No evidence of leiomyosarcoma.", "leiomyosarcoma", "negated"),
    ("NEGATED_EXISTENCE", "Leiomyoma, no evidence of malignancy.", "leiomyoma", "affirmed"),
    ("NEGATED_EXISTENCE", "No atypia. Leiomyoma.", "leiomyoma", "affirmed"),
    (
        "NEGATED_EXISTENCE",
        "Criteria for leiomyosarcoma are not met.",
        "leiomyosarcoma",
        "negated",
    ),
    ("NEGATED_EXISTENCE", "Criteria for leiomyosarcoma are met.", "leiomyosarcoma", "affirmed"),
    ("POSSIBLE_EXISTENCE", "Suspicious for leiomyosarcoma.", "leiomyosarcoma", "uncertain"),
    ("POSSIBLE_EXISTENCE", "Leiomyosarcoma cannot be excluded.", "leiomyosarcoma", "uncertain"),
    ("POSSIBLE_EXISTENCE", "Consistent with leiomyosarcoma.", "leiomyosarcoma", "affirmed"),
    ("POSSIBLE_EXISTENCE", "Compatible with leiomyoma.", "leiomyoma", "affirmed"),
    ("HISTORICAL", "History of leiomyoma.", "leiomyoma", "historical"),
    ("HISTORICAL", "Status post myomectomy for leiomyoma.", "leiomyoma", "historical"),
    ("HISTORICAL", "History of leiomyoma; now leiomyosarcoma.", "leiomyosarcoma", "affirmed"),
    ("HISTORICAL", "The schwannoma (2013) is unrelated.", "schwannoma", "historical"),
    ("HISTORICAL", "Leiomyosarcoma (2019 WHO criteria).", "leiomyosarcoma", "affirmed"),
    (
        "HYPOTHETICAL",
        "Should it recur, evaluation for leiomyosarcoma is advised.",
        "leiomyosarcoma",
        "hypothetical",
    ),
    ("HYPOTHETICAL", "Leiomyosarcoma has been ruled out.", "leiomyosarcoma", "negated"),
    ("HYPOTHETICAL", "Pigmented lesion. Exclude melanoma.", "melanoma", "hypothetical"),
    ("HYPOTHETICAL", "Cannot exclude melanoma.", "melanoma", "uncertain"),
    ("FAMILY", "Mother had leiomyosarcoma.", "leiomyosarcoma", "family"),
    ("FAMILY", "Leiomyoma. Mother had breast carcinoma.", "leiomyoma", "affirmed"),
    ("TERMINATE", "No residual sarcoma, but leiomyoma is present.", "leiomyoma", "affirmed"),
    (
        "TERMINATE",
        "No leiomyoma identified; endometrioid adenocarcinoma.",
        "endometrioid carcinoma",
        "affirmed",
    ),
    ("TERMINATE", "No leiomyoma or leiomyosarcoma.", "leiomyosarcoma", "negated"),
    ("PSEUDO", "No significant change in the leiomyoma.", "leiomyoma", "affirmed"),
    ("PSEUDO", "Not only leiomyoma but also adenomyosis.", "leiomyoma", "affirmed"),
    ("PSEUDO", "No leiomyoma.", "leiomyoma", "negated"),
    ("PSEUDO", "We consider this a dysplastic naevus.", "dysplastic nevus", "affirmed"),
    ("PSEUDO", "Consider dysplastic naevus.", "dysplastic nevus", "uncertain"),
]


# What a category's cue does to a mention in its scope; TERMINATE and PSEUDO rows show the
# cue keeping a mention affirmed that a nearby negation/uncertainty cue would otherwise take.
_CATEGORY_ASSERTION = {
    "NEGATED_EXISTENCE": "negated",
    "POSSIBLE_EXISTENCE": "uncertain",
    "HISTORICAL": "historical",
    "HYPOTHETICAL": "hypothetical",
    "FAMILY": "family",
    "TERMINATE": "affirmed",
    "PSEUDO": "affirmed",
}


def test_every_context_category_has_positive_and_negative_rows() -> None:
    assert {r.category for r in RULES.context.rules} <= set(_CATEGORY_ASSERTION)
    for category, assertion in _CATEGORY_ASSERTION.items():
        expected = [row[3] for row in CONTEXT_ROWS if row[0] == category]
        assert assertion in expected, f"{category} has no positive row"
        assert set(expected) - {assertion}, f"{category} has no negative row"


@pytest.mark.parametrize(
    ("category", "text", "term", "assertion"),
    CONTEXT_ROWS,
    ids=[f"{row[0].lower()}-{i}" for i, row in enumerate(CONTEXT_ROWS)],
)
def test_context_category_example(
    extractor: Extractor, category: str, text: str, term: str, assertion: str
) -> None:
    got = {d.term: d.assertion for d in extractor.extract(text).diagnoses}
    assert got.get(term) == assertion, (category, got)


# -- sections -------------------------------------------------------------------------------

_SECTION_ROWS = [
    pytest.param(rule.category, literal, id=f"{rule.id}:{literal}")
    for rule in RULES.sections.rules
    for literal in rule.literals
]


@pytest.mark.parametrize(("category", "literal"), _SECTION_ROWS)
def test_every_section_literal_recognized_from_header_line(
    extractor: Extractor, category: str, literal: str
) -> None:
    for header in (f"{literal.upper()}:", literal.capitalize()):
        stains = extractor.extract(f"Report\n\n{header}\nDesmin is positive.\n").stains
        assert [(s.marker, s.section) for s in stains] == [("desmin", category)], header


def test_every_section_category_has_a_rule() -> None:
    assert {r.category for r in RULES.sections.rules} | {"other"} >= set(
        RULES.sections.categories
    ) - {"other"}
    assert {r.category for r in RULES.sections.rules} <= set(RULES.sections.categories)


# -- pipeline version ---------------------------------------------------------------------


def _copy_rules(dest: Path) -> Path:
    dest.mkdir()
    for name in RULE_FILES:
        (dest / name).write_bytes((rules_dir() / name).read_bytes())
    return dest


def test_version_of_identical_copy_is_unchanged(tmp_path: Path) -> None:
    assert load_rules_from(_copy_rules(tmp_path / "rules")).version == pipeline_version()


@pytest.mark.parametrize("name", RULE_FILES)
def test_version_changes_when_rule_file_bytes_change(tmp_path: Path, name: str) -> None:
    directory = _copy_rules(tmp_path / "rules")
    path = directory / name
    path.write_bytes(path.read_bytes() + b"\n")  # same JSON, different bytes
    changed = load_rules_from(directory)
    assert changed.version != pipeline_version()
    assert changed.version.split("+")[0] == pipeline_version().split("+")[0]


def test_building_the_pipeline_does_not_import_quickumls_nltk_or_sklearn() -> None:
    """medSpaCy imports QuickUMLS (and through it NLTK and scikit-learn, 1.7 s) only to
    register a factory pathmine never uses; the placeholder keeps them out, and medSpaCy's
    own default pipeline still loads beside ours."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from pathmine.nlp import default_extractor\n"
        "default_extractor().load()\n"
        "import medspacy\n"
        "assert 'medspacy_context' in medspacy.load().pipe_names\n"
        "print(sorted(m for m in ('quickumls.core', 'nltk', 'sklearn') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.strip().splitlines()[-1] == "[]"
