"""What the synthetic reports talk about: entities, organs, stain panels, text fragments.

Every diagnosis surface form listed here maps to exactly one ICD-O-3 code in
``pipelines/diagnoses.json`` (longest match), so a phrase written with an entity's name
carries that entity's code as its gold. Filler text (gross, microscopy, footers) must never
contain a lexicon term or a marker name; ``tests/test_synth.py`` checks a sample.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Frag:
    """A piece of report text and the gold it carries (as the annotation conventions say).

    ``dx``: distinct (icdo3, assertion) pairs; ``stains``: (canonical marker, result);
    ``feats``: (feature name, value) as the extractor reports them, used by the gold-side
    flag rules (mitoses count, necrosis present/absent, atypia grade).
    """

    text: str
    dx: tuple[tuple[str, str], ...] = ()
    stains: tuple[tuple[str, str], ...] = ()
    feats: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    key: str
    code: str  # ICD-O-3 "morphology/behaviour" of the primary form
    names: tuple[str, ...]  # surface forms that map to ``code``
    organ: str
    family: str | None  # lineage family (None: no family, e.g. clear cell carcinoma)
    positive: tuple[str, ...] = ()  # typical immunoprofile
    negative: tuple[str, ...] = ()

    @property
    def behavior(self) -> int:
        return int(self.code.rsplit("/", 1)[1])

    def metastatic_code(self) -> str:
        return self.code.rsplit("/", 1)[0] + "/6"


E = Entity
ENTITIES: dict[str, Entity] = {
    e.key: e
    for e in (
        # smooth muscle
        E(
            "leiomyoma",
            "8890/0",
            (
                "leiomyoma",
                "leiomyomata",
                "intramural leiomyoma",
                "submucosal leiomyoma",
                "leiomyoma of uterus",
                "subserosal leiomyoma",
            ),
            "uterus",
            "smooth_muscle",
            ("SMA", "desmin", "h-caldesmon"),
            ("CD10",),
        ),
        E(
            "cellular_leiomyoma",
            "8892/0",
            ("cellular leiomyoma", "highly cellular leiomyoma"),
            "uterus",
            "smooth_muscle",
            ("SMA", "desmin", "h-caldesmon"),
            ("CD10",),
        ),
        E(
            "bizarre_leiomyoma",
            "8893/0",
            ("leiomyoma with bizarre nuclei", "symplastic leiomyoma"),
            "uterus",
            "smooth_muscle",
            ("SMA", "desmin"),
            ("CD10",),
        ),
        E(
            "stump",
            "8897/1",
            (
                "smooth muscle tumour of uncertain malignant potential (STUMP)",
                "smooth muscle tumor of uncertain malignant potential",
                "STUMP",
            ),
            "uterus",
            "smooth_muscle",
            ("SMA", "desmin", "h-caldesmon"),
            ("CD10",),
        ),
        E(
            "lms",
            "8890/3",
            (
                "leiomyosarcoma",
                "leiomyosarcoma, high grade",
                "conventional leiomyosarcoma",
                "spindle cell leiomyosarcoma",
            ),
            "uterus",
            "smooth_muscle",
            ("SMA", "desmin", "h-caldesmon"),
            ("S100", "CD117"),
        ),
        E(
            "epithelioid_lms",
            "8891/3",
            ("epithelioid leiomyosarcoma",),
            "uterus",
            "smooth_muscle",
            ("SMA", "desmin"),
            ("pan-cytokeratin", "CD117"),
        ),
        # endometrial stromal
        E(
            "esn",
            "8930/0",
            ("endometrial stromal nodule",),
            "uterus",
            "endometrial_stromal",
            ("CD10", "ER", "PR"),
            ("h-caldesmon",),
        ),
        E(
            "lgess",
            "8931/3",
            ("low-grade endometrial stromal sarcoma", "low grade endometrial stromal sarcoma"),
            "uterus",
            "endometrial_stromal",
            ("CD10", "ER", "PR"),
            ("h-caldesmon", "desmin"),
        ),
        E(
            "hgess",
            "8930/3",
            ("high-grade endometrial stromal sarcoma",),
            "uterus",
            "endometrial_stromal",
            ("cyclin D1",),
            ("CD10", "ER"),
        ),
        # adipocytic
        E(
            "lipoma",
            "8850/0",
            ("lipoma", "fibrolipoma", "angiolipoma", "intramuscular lipoma"),
            "soft",
            "adipocytic",
            (),
            ("MDM2",),
        ),
        E(
            "alt",
            "8851/3",
            (
                "atypical lipomatous tumour",
                "atypical lipomatous tumor",
                "well-differentiated liposarcoma",
            ),
            "soft",
            "adipocytic",
            ("MDM2", "CDK4"),
            (),
        ),
        E(
            "liposarcoma",
            "8850/3",
            ("liposarcoma",),
            "soft",
            "adipocytic",
            ("S100",),
            ("SMA",),
        ),
        E(
            "ddlps",
            "8858/3",
            ("dedifferentiated liposarcoma",),
            "soft",
            "adipocytic",
            ("MDM2", "CDK4"),
            ("desmin", "S100"),
        ),
        # nerve sheath
        E(
            "schwannoma",
            "9560/0",
            ("schwannoma", "cellular schwannoma", "ancient schwannoma"),
            "nerve",
            "nerve_sheath",
            ("S100", "SOX10"),
            ("SMA", "CD34"),
        ),
        E(
            "neurofibroma",
            "9540/0",
            ("neurofibroma", "plexiform neurofibroma"),
            "nerve",
            "nerve_sheath",
            ("S100", "CD34"),
            ("SMA",),
        ),
        E(
            "mpnst",
            "9540/3",
            (
                "malignant peripheral nerve sheath tumour",
                "malignant peripheral nerve sheath tumor (MPNST)",
                "MPNST",
            ),
            "nerve",
            "nerve_sheath",
            ("S100",),
            ("SOX10", "desmin", "pan-cytokeratin"),
        ),
        # phyllodes
        E(
            "phyllodes_benign",
            "9020/0",
            ("benign phyllodes tumour", "phyllodes tumour, benign"),
            "breast",
            "phyllodes",
            ("CD34",),
            ("pan-cytokeratin",),
        ),
        E(
            "phyllodes_borderline",
            "9020/1",
            ("borderline phyllodes tumour", "phyllodes tumor, borderline"),
            "breast",
            "phyllodes",
            ("CD34",),
            (),
        ),
        E(
            "phyllodes_malignant",
            "9020/3",
            ("malignant phyllodes tumour", "phyllodes tumor, malignant"),
            "breast",
            "phyllodes",
            ("CD34",),
            ("pan-cytokeratin", "p63"),
        ),
        # melanocytic
        E(
            "nevus",
            "8720/0",
            (
                "compound naevus",
                "intradermal nevus",
                "junctional naevus",
                "compound nevus",
                "benign melanocytic naevus",
            ),
            "skin",
            "melanocytic",
            ("SOX10", "Melan-A"),
            ("HMB-45",),
        ),
        E(
            "dysplastic_nevus",
            "8727/0",
            ("dysplastic naevus", "dysplastic compound nevus", "dysplastic junctional naevus"),
            "skin",
            "melanocytic",
            ("SOX10",),
            (),
        ),
        E(
            "melanoma",
            "8720/3",
            (
                "melanoma",
                "invasive melanoma",
                "superficial spreading melanoma",
                "nodular melanoma",
                "malignant melanoma",
            ),
            "skin",
            "melanocytic",
            ("S100", "SOX10", "Melan-A", "HMB-45"),
            ("pan-cytokeratin",),
        ),
        E(
            "melanoma_in_situ",
            "8720/2",
            ("melanoma in situ",),
            "skin",
            "melanocytic",
            ("SOX10", "Melan-A"),
            (),
        ),
        # colorectal
        E(
            "tubular_adenoma",
            "8211/0",
            ("tubular adenoma", "tubular adenomatous polyp"),
            "colon",
            "colorectal_glandular",
        ),
        E("tva", "8263/0", ("tubulovillous adenoma",), "colon", "colorectal_glandular"),
        E("villous_adenoma", "8261/0", ("villous adenoma",), "colon", "colorectal_glandular"),
        E(
            "ssl",
            "8213/0",
            ("sessile serrated lesion", "sessile serrated adenoma"),
            "colon",
            "colorectal_glandular",
        ),
        E(
            "adenocarcinoma",
            "8140/3",
            (
                "adenocarcinoma",
                "invasive adenocarcinoma",
                "colorectal adenocarcinoma",
            ),
            "colon",
            "colorectal_glandular",
            ("CK20", "CDX2"),
            ("CK7",),
        ),
        # endometrial / serous / clear cell epithelial
        E(
            "endometrioid_ca",
            "8380/3",
            (
                "endometrioid carcinoma",
                "endometrioid adenocarcinoma",
                "endometrial endometrioid adenocarcinoma",
            ),
            "endometrium",
            "endometrial_epithelial",
            ("ER", "PR", "PAX8"),
            ("p16",),
        ),
        E(
            "serous_cystadenoma",
            "8441/0",
            ("serous cystadenoma",),
            "ovary",
            "serous_epithelial",
            ("PAX8",),
            (),
        ),
        E(
            "serous_borderline",
            "8442/1",
            ("serous borderline tumour", "atypical proliferative serous tumour"),
            "ovary",
            "serous_epithelial",
            ("PAX8", "WT1"),
            (),
        ),
        E(
            "serous_ca",
            "8441/3",
            ("high-grade serous carcinoma", "serous carcinoma", "low-grade serous carcinoma"),
            "ovary",
            "serous_epithelial",
            ("PAX8", "WT1", "p53"),
            ("calretinin",),
        ),
        E(
            "clear_cell_ca",
            "8310/3",
            ("clear cell carcinoma", "clear cell adenocarcinoma"),
            "ovary",
            None,
            ("PAX8", "napsin A"),
            ("WT1", "ER"),
        ),
        # GIST (no benign form in the lexicon)
        E(
            "gist",
            "8936/3",
            ("gastrointestinal stromal tumour", "GIST", "gastrointestinal stromal tumor (GIST)"),
            "stomach",
            "gist",
            ("CD117", "DOG1"),
            ("desmin", "S100"),
        ),
        # lineage by immunophenotype
        E(
            "spindle_sarcoma",
            "8801/3",
            (
                "spindle cell sarcoma",
                "high grade spindle cell sarcoma",
                "malignant spindle cell neoplasm",
            ),
            "bone",
            None,
        ),
    )
}

BENIGN_BY_FAMILY: dict[str, tuple[str, ...]] = {
    "smooth_muscle": ("leiomyoma", "leiomyoma", "cellular_leiomyoma", "stump"),
    "endometrial_stromal": ("esn",),
    "adipocytic": ("lipoma", "lipoma"),  # ALT/WDLPS is 8851/3, malignant (ANNOTATION.md)
    "nerve_sheath": ("schwannoma", "neurofibroma"),
    "phyllodes": ("phyllodes_benign",),
    "melanocytic": ("nevus", "nevus", "dysplastic_nevus"),
    "colorectal_glandular": ("tubular_adenoma", "tubular_adenoma", "tva", "villous_adenoma", "ssl"),
    "serous_epithelial": ("serous_cystadenoma",),
}
MALIGNANT_BY_FAMILY: dict[str, tuple[str, ...]] = {
    "smooth_muscle": ("lms", "lms", "epithelioid_lms"),
    "endometrial_stromal": ("lgess", "hgess"),
    "adipocytic": ("liposarcoma", "ddlps"),
    "nerve_sheath": ("mpnst",),
    "phyllodes": ("phyllodes_malignant",),
    "melanocytic": ("melanoma",),
    "colorectal_glandular": ("adenocarcinoma",),
    "serous_epithelial": ("serous_ca",),
    "endometrial_epithelial": ("endometrioid_ca",),
    "gist": ("gist",),
    "no_family": ("clear_cell_ca",),  # clear cell carcinoma has no lineage family
}
FAMILIES_WITH_BENIGN: tuple[str, ...] = tuple(BENIGN_BY_FAMILY)
ALL_MALIGNANT_FAMILIES: tuple[str, ...] = tuple(MALIGNANT_BY_FAMILY)

# Where a malignant tumour of an organ turns up again (distant site, metastatic form).
DISTANT_SITES: tuple[tuple[str, str], ...] = (
    ("lung", "Lung, right lower lobe, wedge resection"),
    ("lung", "Lung, left upper lobe nodule, CT-guided core biopsy"),
    ("liver", "Liver, segment VI lesion, core biopsy"),
    ("bone", "Sacrum (S1), CT-guided core biopsy"),
    ("bone", "L3 vertebral body, transpedicular biopsy"),
    ("soft", "Abdominal wall nodule, excision"),
    ("peritoneum", "Omental nodule, biopsy"),
)


@dataclass(frozen=True, slots=True)
class Organ:
    specimens: tuple[str, ...]
    gross: tuple[str, ...]  # templates: {size} {w} {n} {c} {dim}
    micro_benign: tuple[str, ...]
    micro_malignant: tuple[str, ...]
    background: tuple[str, ...] = field(default=())  # non-neoplastic sign-out lines


ORGANS: dict[str, Organ] = {
    "uterus": Organ(
        (
            "Uterus, cervix, bilateral tubes and ovaries, total abdominal hysterectomy and "
            "bilateral salpingo-oophorectomy",
            "Uterus, total laparoscopic hysterectomy",
            "Uterus, myomectomy",
            "Uterus and cervix, vaginal hysterectomy",
            "Uterine mass, morcellated, laparoscopic myomectomy",
        ),
        (
            "Received in formalin labelled with the patient's name is a uterus with cervix "
            "weighing {w} g and measuring {dim} cm. The serosa is smooth and glistening. On "
            "sectioning, the myometrium contains {n} well circumscribed nodules, the largest "
            "{size} cm in greatest dimension, with a firm, white, whorled cut surface. The "
            "endometrium measures 0.2 cm in thickness. The cervix is unremarkable.",
            "Specimen consists of a uterus ({w} g, {dim} cm) with attached adnexa. Cut surface "
            "shows an intramural mass measuring {size} cm with a tan-white, bulging cut surface "
            "and focal soft yellow areas. The remaining myometrium is trabeculated.",
            "Received fresh: multiple fragments of rubbery tan-white tissue, aggregate "
            "{dim} cm, weight {w} g, the largest fragment {size} cm. Representative sections "
            "submitted.",
            "Uterus with cervix, {w} g. A submucosal fibroid-like nodule measures {size} cm. "
            "The endometrial cavity is distorted; no other abnormality is seen.",
        ),
        (
            "Sections show a well circumscribed proliferation of interlacing fascicles of "
            "spindle cells with cigar-shaped nuclei and eosinophilic fibrillary cytoplasm. "
            "Areas of hyalinisation and oedema are present.",
            "The nodule is composed of intersecting fascicles of bland smooth muscle cells. "
            "The borders are pushing. The background endometrium is proliferative.",
        ),
        (
            "Sections show a cellular tumour composed of intersecting fascicles of atypical "
            "spindle cells with hyperchromatic, pleomorphic nuclei. The tumour infiltrates the "
            "surrounding myometrium. Atypical mitotic figures are readily identified.",
            "The tumour is highly cellular with infiltrative borders, marked nuclear "
            "pleomorphism and brisk mitotic activity, including atypical forms.",
        ),
        (
            "Proliferative phase endometrium.",
            "Chronic cervicitis.",
            "Adenomyosis.",
            "Secretory phase endometrium.",
            "Bilateral ovaries and tubes: no significant pathology.",
        ),
    ),
    "endometrium": Organ(
        (
            "Endometrial curettings",
            "Endometrium, pipelle biopsy",
            "Uterus, total hysterectomy and bilateral salpingo-oophorectomy",
        ),
        (
            "Received in formalin are multiple fragments of tan-red soft tissue and blood clot, "
            "aggregate {dim} cm. Entirely submitted in {c} cassettes.",
            "Uterus with cervix and adnexa weighing {w} g. The endometrial cavity contains a "
            "friable exophytic lesion measuring {size} cm, invading less than half of the "
            "myometrial thickness on cut section.",
        ),
        ("Sections show endometrial glands and stroma without significant abnormality.",),
        (
            "Sections show back-to-back glands with cribriform architecture, nuclear "
            "stratification and loss of intervening stroma. Squamous morules are present.",
        ),
        (
            "Secretory endometrium.",
            "Disordered proliferative endometrium.",
            "Benign endometrial polyp.",
        ),
    ),
    "soft": Organ(
        (
            "Right thigh, soft tissue mass, excision",
            "Left shoulder, subcutaneous mass, excision",
            "Retroperitoneal mass, resection",
            "Back, subcutaneous lesion, excision",
            "Left forearm mass, core biopsy",
        ),
        (
            "Received in formalin is an ovoid, encapsulated piece of yellow lobulated tissue "
            "measuring {dim} cm and weighing {w} g. The cut surface is uniformly yellow and "
            "greasy. Representative sections in {c} cassettes.",
            "Received is a large lobulated mass measuring {dim} cm ({w} g), inked. Sectioning "
            "reveals a variegated cut surface with yellow and firm tan-white areas, the largest "
            "firm nodule {size} cm. Sections submitted in {c} cassettes.",
        ),
        ("Sections show lobules of mature adipocytes separated by thin fibrous septa.",),
        (
            "Sections show a pleomorphic neoplasm with scattered atypical hyperchromatic "
            "stromal cells within fibrous septa and areas of high-grade non-lipogenic tumour.",
        ),
        ("Fibrofatty tissue with fat necrosis.", "Epidermal inclusion cyst."),
    ),
    "nerve": Organ(
        (
            "Left arm, nerve-associated mass, excision",
            "Posterior mediastinal mass, resection",
            "Right neck, paraspinal mass, excision",
            "Sciatic nerve mass, core biopsy",
        ),
        (
            "Received in formalin is a well circumscribed, encapsulated tan-yellow ovoid mass "
            "measuring {dim} cm, with a small nerve twig at one pole. The cut surface is "
            "glistening and focally cystic. Sections submitted in {c} cassettes.",
        ),
        (
            "Sections show a proliferation of spindle cells with alternating cellular (Antoni A) "
            "and loose (Antoni B) areas, nuclear palisading and hyalinised vessels.",
            "Sections show wavy spindle cells with buckled nuclei in a loose collagenous "
            "background with scattered mast cells.",
        ),
        (
            "Sections show a highly cellular fascicular tumour of atypical spindle cells with "
            "marbled hypercellular and hypocellular areas, perivascular accentuation and "
            "geographic necrotic areas.",
        ),
        ("Fibrous tissue with reactive changes.",),
    ),
    "breast": Organ(
        (
            "Left breast, wide local excision",
            "Right breast mass, core biopsy",
            "Right breast, lumpectomy",
        ),
        (
            "Received is a fibrofatty breast excision measuring {dim} cm, inked. Sectioning "
            "shows a well circumscribed lobulated firm mass measuring {size} cm with leaf-like "
            "clefts. Sections submitted in {c} cassettes.",
        ),
        (
            "Sections show a biphasic fibroepithelial tumour with leaf-like architecture, "
            "mild stromal cellularity and a well circumscribed border.",
        ),
        (
            "Sections show a fibroepithelial tumour with marked stromal overgrowth, marked "
            "stromal atypia, permeative borders and brisk stromal mitotic activity.",
        ),
        ("Fibrocystic change.", "Fibroadenoma.", "Usual ductal hyperplasia."),
    ),
    "skin": Organ(
        (
            "Skin, back, shave biopsy",
            "Skin, left calf, excision",
            "Skin, scalp, punch biopsy",
            "Skin, right upper arm, elliptical excision",
        ),
        (
            "Received is an ellipse of skin measuring {sdim} cm bearing a pigmented lesion "
            "measuring {sdim} cm. Margins inked. Serially sectioned and entirely submitted in "
            "{c} cassettes.",
            "Received is a shave of skin measuring {sdim} cm with a central tan-brown papule. "
            "Trisected and entirely submitted.",
        ),
        ("Sections show nests of bland melanocytes with maturation with descent.",),
        (
            "Sections show an asymmetric proliferation of atypical melanocytes with pagetoid "
            "spread, dermal mitoses and no maturation.",
        ),
        ("Seborrhoeic keratosis.", "Solar lentigo.", "Dermatofibroma."),
    ),
    "colon": Organ(
        (
            "Colon, sigmoid, polypectomy",
            "Colon, ascending, cold snare polypectomy",
            "Rectum, biopsy",
            "Colon, right hemicolectomy",
            "Rectum, anterior resection",
        ),
        (
            "Received in formalin is a polypoid fragment of tan mucosa measuring {sdim} cm. "
            "Bisected and entirely submitted in one cassette.",
            "Received is a segment of large bowel measuring {size} cm in length with attached "
            "mesentery. There is an ulcerated, fungating lesion measuring {dim} cm. Sections "
            "submitted in {c} cassettes, including {n} lymph node candidates.",
        ),
        (
            "Sections show a polypoid fragment of colonic mucosa with crowded, elongated and "
            "hyperchromatic crypts with low-grade dysplasia.",
        ),
        (
            "Sections show irregular, angulated glands with dirty necrosis infiltrating through "
            "the muscularis propria into pericolic fat.",
        ),
        (
            "Hyperplastic polyp.",
            "Colonic mucosa with no significant abnormality.",
            "Inflammatory polyp.",
        ),
    ),
    "ovary": Organ(
        (
            "Right ovary and tube, salpingo-oophorectomy",
            "Left adnexa, laparoscopic excision",
            "Bilateral ovaries, staging procedure",
        ),
        (
            "Received is an ovary with attached tube, overall {dim} cm, weighing {w} g. The "
            "ovary is replaced by a unilocular cyst measuring {size} cm containing clear serous "
            "fluid; the inner lining is smooth with focal papillary excrescences.",
        ),
        ("Sections show a cyst lined by a single layer of bland ciliated cuboidal epithelium.",),
        (
            "Sections show papillary and solid architecture with slit-like spaces, marked "
            "nuclear pleomorphism and frequent mitoses, with destructive stromal invasion.",
        ),
        ("Follicular cyst.", "Corpus luteum cyst.", "Endometriotic cyst."),
    ),
    "stomach": Organ(
        ("Stomach, laparoscopic wedge resection", "Gastric submucosal mass, EUS-guided biopsy"),
        (
            "Received is a wedge of stomach measuring {dim} cm with a submucosal, "
            "well-circumscribed tan-pink mass measuring {size} cm. Sections in {c} cassettes.",
        ),
        ("Sections show gastric mucosa with mild chronic inflammation.",),
        (
            "Sections show a cellular neoplasm of uniform spindle cells arranged in short "
            "fascicles with perinuclear vacuoles, centred in the muscularis propria.",
        ),
        ("Chronic gastritis.", "Fundic gland polyp."),
    ),
}
for _site in ("lung", "liver", "bone", "peritoneum"):
    ORGANS[_site] = Organ(
        ("Core biopsy",),
        (
            "Received in formalin are {n} cores of tan-white tissue, the longest {size} cm. "
            "Entirely submitted in one cassette"
            + (" after decalcification." if _site == "bone" else "."),
        ),
        ("Sections show reactive changes only.",),
        (
            "Sections show infiltration by atypical cells with marked nuclear "
            "pleomorphism and frequent mitoses, replacing the normal parenchyma.",
        ),
        ("Reactive changes; no neoplasm identified.",),
    )

# Marker display forms: the canonical name first; OCR-damaged forms the lexicon also reads.
MARKER_FORMS: dict[str, tuple[str, ...]] = {
    "SMA": ("SMA", "smooth muscle actin", "SMA"),
    "desmin": ("desmin", "Desmin", "desmin"),
    "h-caldesmon": ("h-caldesmon", "caldesmon", "h-caldesmon"),
    "HHF-35": ("HHF-35", "muscle specific actin"),
    "CD10": ("CD10", "CD10"),
    "ER": ("ER", "oestrogen receptor", "estrogen receptor"),
    "PR": ("PR", "progesterone receptor"),
    "S100": ("S100", "S-100 protein", "S100"),
    "SOX10": ("SOX10", "SOX-10"),
    "HMB-45": ("HMB-45", "HMB45"),
    "Melan-A": ("Melan-A", "MART-1"),
    "CD34": ("CD34",),
    "CD117": ("CD117", "c-kit", "CD117"),
    "DOG1": ("DOG1", "DOG-1"),
    "pan-cytokeratin": ("AE1/AE3", "pan-cytokeratin", "cytokeratin AE1/AE3"),
    "p63": ("p63",),
    "MDM2": ("MDM2",),
    "CDK4": ("CDK4",),
    "CK20": ("CK20", "cytokeratin 20"),
    "CK7": ("CK7", "cytokeratin 7"),
    "CDX2": ("CDX2",),
    "PAX8": ("PAX8", "PAX-8"),
    "WT1": ("WT1", "WT-1"),
    "p53": ("p53",),
    "p16": ("p16",),
    "calretinin": ("calretinin",),
    "napsin A": ("napsin A",),
    "cyclin D1": ("cyclin D1",),
}
OCR_MARKER_FORMS: dict[str, tuple[str, ...]] = {
    "S100": ("5100", "S-1OO"),
    "desmin": ("desmln",),
    "h-caldesmon": ("h-caldesrnon",),
}

FIRST_NAMES = (
    "ANNA",
    "MARIA",
    "PRIYA",
    "SARAH",
    "LINDA",
    "FATIMA",
    "MEI",
    "GRACE",
    "RUTH",
    "JOHN",
    "DAVID",
    "RAVI",
    "AHMED",
    "PETER",
    "LUCAS",
    "OMAR",
    "HELEN",
    "NINA",
)
LAST_NAMES = (
    "SMITH",
    "NGUYEN",
    "PATEL",
    "KUMAR",
    "JONES",
    "GARCIA",
    "OKAFOR",
    "MULLER",
    "ROSSI",
    "TANAKA",
    "DEVKAR",
    "BROWN",
    "WILSON",
    "HASSAN",
    "KOWALSKI",
    "IYER",
)
PATHOLOGISTS = (
    "A. Whitfield, MD",
    "R. Menon, MD",
    "S. Okoro, MD",
    "L. Chen, MD",
    "J. Alvarez, MD",
    "K. Brandt, MD",
    "P. Sharma, MD",
    "E. Novak, MD",
)

INSTITUTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    # style -> (institution, accession prefix)
    "cap": (
        ("Lakeside University Hospital", "LUH"),
        ("St. Brigid Medical Center", "SBM"),
        ("Northgate Community Hospital", "NCH"),
    ),
    "synoptic": (("Lakeside University Hospital", "LUH"), ("Mercy Valley Cancer Center", "MVC")),
    "au": (("Harbourside Pathology", "HSP"), ("Royal Southern Hospital", "RSH")),
    "india": (
        ("City Medical Centre", "CMC"),
        ("Outside Regional Hospital", "ORH"),
        ("Sunrise Multispeciality Hospital", "SMH"),
    ),
    "terse": (("Outside Diagnostic Lab", "ODL"), ("Regional Referral Lab", "RRL")),
}
