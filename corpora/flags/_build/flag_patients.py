from common import R, F, S

MV = "Meadowvale Medical Center"
CH = "Cedar Hollow Community Hospital"
PD = "Pinecrest Dermatopathology Associates"
OR = "Orchid Ridge Cancer Center"
KB = "Kestrel Bay General Hospital"
IB = "Ironbark Pathology Services"
KM = "Kalpataru Memorial Hospital"
TD = "Trivenipur District Hospital"
DC = "Devgiri Charitable Hospital"

# ---------------------------------------------------------------- FL-001
P = "FL-001"
R(P, "FL001-A", "2016-03-12", "2016-03-09", TD, "original", "india", "HP-1603318",
  "Mrs. Sunanda Pawarkar (F/44)", "R. K. Mhaske", mrn="TDH-5520917", ref="Dr. A. Gholap (OBG)", sec=dict(
    spec="Uterus with cervix and bilateral adnexa (TAH-BSO).",
    hx="44 yr, P3L3, menorrhagia 8 months. USG: bulky uterus with intramural SOL 7 x 6 cm.",
    gross="Uterus with cervix and both adnexa, weight 380 g. Cut section shows an intramural grey white whorled\n"
          "mass 7 x 6.5 x 5 cm in the posterior wall with a few soft areas. Endometrium 2 mm. Both ovaries\n"
          "and tubes unremarkable grossly. Representative sections taken.",
    micro="Sections from the mass show interlacing fascicles of smooth muscle cells with elongated nuclei and\n"
          "moderate eosinophilic cytoplasm. Focal hyaline change is noted. Mitoses are occasional.\n"
          "Endometrium is secretory. Cervix shows chronic cervicitis. Ovaries show corpus luteum (right).",
    dx="Total abdominal hysterectomy with BSO:\n- Leiomyoma uterus (intramural, 7 cm).\n- Secretory endometrium.\n"
       "- Chronic cervicitis.\n- Bilateral adnexa: no significant abnormality."),
  dx="8890/0:aff")
R(P, "FL001-B", "2021-08-20", "2021-08-17", MV, "original", "cap", "S21-28814",
  "PAWARKAR, SUNANDA    MRN: MV-3308127    DOB: 02/11/1971 (F)", "Helen J. Marchetti", sec=dict(
    dx="A. LUNG, RIGHT LOWER LOBE, WEDGE RESECTION:\n   - METASTATIC LEIOMYOSARCOMA, 2.4 CM, CONSISTENT WITH UTERINE PRIMARY.\n"
       "   - STAPLED PARENCHYMAL MARGIN NEGATIVE (CLOSEST 0.6 CM).",
    comment="The morphology and immunoprofile support metastatic leiomyosarcoma. Given the history, review of\n"
            "the 2016 hysterectomy slides has been requested (see separate review report).",
    hx="50-year-old woman with multiple bilateral pulmonary nodules on CT. Hysterectomy in 2016 in India for\n"
       "fibroids. No other known primary.",
    gross="Received fresh, a stapled wedge of lung, 7.5 x 3.0 x 2.2 cm, with a firm tan-white subpleural\n"
          "nodule 2.4 x 2.0 x 1.8 cm. Margin inked. Representative sections in A1-A5.",
    micro="The nodule consists of intersecting fascicles of atypical spindle cells with blunt-ended nuclei,\n"
          "moderate to marked pleomorphism and brisk mitotic activity (up to 16 per 10 HPF, atypical forms\n"
          "present). Geographic tumor necrosis is seen. Entrapped alveolar epithelium is present at the edge.",
    ihc="Tumor cells are positive for SMA, desmin and h-caldesmon, and negative for TTF-1, pan-cytokeratin\n"
        "(AE1/AE3) and S100. ER is positive in 70% of tumor nuclei."),
  dx="8890/6:aff 8890/0:hist", st="SMA:+ desmin:+ h-caldesmon:+ TTF-1:- pan-cytokeratin:- S100:- ER:+")
R(P, "FL001-C", "2021-09-02", "2016-03-09", MV, "review", "cap", "R21-00412",
  "PAWARKAR, SUNANDA    MRN: MV-3308127    DOB: 02/11/1971 (F)", "Helen J. Marchetti", sec=dict(
    material="Material: 6 H&E slides and 2 blocks, outside accession HP-1603318, Trivenipur District Hospital.",
    dx="UTERUS, TOTAL HYSTERECTOMY AND BSO (OUTSIDE HP-1603318, 03/09/2016):\n   - LEIOMYOSARCOMA, 7 CM.\n"
       "   - SEE COMMENT.",
    comment="We disagree with the outside diagnosis. The tumor shows the triad of diffuse moderate-to-severe\n"
            "atypia, increased mitoses and tumor cell necrosis. The morphology matches the current lung\n"
            "metastasis (S21-28814). Discussed with Dr Okonkwo (oncology) on 09/02/2021.",
    hx="Outside slides received for review. Outside diagnosis: leiomyoma. Now lung metastases.",
    micro="The slides show a cellular smooth muscle tumor with diffuse moderate to severe nuclear atypia,\n"
          "mitoses up to 18 per 10 HPF including atypical forms, and foci of coagulative tumor cell necrosis\n"
          "with abrupt transition. The tumor infiltrates the surrounding myometrium irregularly.",
    ihc="Performed on outside block A2: desmin and h-caldesmon are positive. Ki-67 labeling index is\n"
        "approximately 35%."),
  dx="8890/0:hist 8890/3:aff", st="desmin:+ h-caldesmon:+ Ki-67:+")
F(P, "benign_to_malignant", "FL001-A", "FL001-B")
F(P, "review_discordance", "FL001-A", "FL001-C")
S(P, "Seed-like. 2016 outside (India) TAH: leiomyoma. 2021 lung wedge: metastatic LMS. 2021 in-house review of the 2016 slides: LMS.",
  "b2m A->B; review_discordance A->C (C has the 2016 specimen date, so it is not a b2m later report)")

# ---------------------------------------------------------------- FL-002
P = "FL-002"
R(P, "FL002-A", "2015-07-24", "2015-07-21", IB, "original", "au", "IP15-118204",
  "HALLORAN, Bernadette   MRN: IB-0662913   DOB: 14/03/1968 (F)", "Mei-Lin Barraclough", sec=dict(
    hx="Menorrhagia, enlarged fibroid uterus. Laparoscopic hysterectomy.",
    gross="Uterus and cervix 265 g, 120 x 85 x 60 mm. Three intramural nodules, the largest 75 mm, white and\n"
          "whorled with no haemorrhage or necrosis. Endometrium 3 mm. A1-A3 largest nodule, A4 smaller\n"
          "nodules, A5 endomyometrium, A6 cervix.",
    micro="The nodules are composed of fascicles of bland smooth muscle cells without atypia. Mitoses are\n"
          "not increased (<2 per 10 HPF). There is no tumour cell necrosis. The endometrium is weakly\n"
          "proliferative. Cervix shows mild chronic inflammation.",
    dx="Uterus, hysterectomy: leiomyomata (three, largest 75 mm), no atypia.\nProliferative endometrium. Cervix: no significant abnormality."),
  dx="8890/0:hist 8890/0:aff")
R(P, "FL002-B", "2019-11-08", "2019-11-04", KB, "original", "au", "KB19-204471",
  "HALLORAN, Bernadette   MRN: KB-4418207   DOB: 14/03/1968 (F)", "Angus McTavish", sec=dict(
    hx="Left thigh pain. Lytic lesion distal left femur with cortical breach on MRI. Past history of\n"
       "hysterectomy 2015 for fibroids. CT chest clear. Core biopsy.",
    gross="Four cores of grey-tan tissue, 8-16 mm. All embedded after decalcification (A1).",
    micro="Marrow spaces and trabecular bone are permeated by cellular fascicles of spindle cells. The\n"
          "cells have moderate eosinophilic cytoplasm and cigar-shaped to pleomorphic nuclei. Mitoses number\n"
          "8 per 10 HPF. Necrosis is not seen in this limited sample.",
    ihc="Desmin and SMA positive; h-caldesmon focally positive. S100, CD34 and MDM2 negative.",
    dx="Left distal femur, core biopsy: spindle cell sarcoma, favour leiomyosarcoma (see comment).",
    comment="The limited sample shows a smooth muscle phenotype. Given the history, a metastasis from the\n"
            "uterus is a consideration; we have requested the 2015 hysterectomy slides from Ironbark\n"
            "Pathology for comparison."),
  dx="8890/0:hist 8801/3:aff 8890/3:unc", st="desmin:+ SMA:+ h-caldesmon:+ S100:- CD34:- MDM2:-")
F(P, "benign_to_malignant", "FL002-A", "FL002-B")
S(P, "2015 outside (AU) hysterectomy: leiomyomata. 2019 femur core: spindle cell sarcoma, favour LMS.",
  "b2m A->B (uncertain later)")

# ---------------------------------------------------------------- FL-003
P = "FL-003"
R(P, "FL003-A", "2013-05-16", "2013-05-14", CH, "original", "cap", "CS13-04472",
  "DRUMMOND, KATHLEEN    MRN: 0048813    DOB: 09/30/1975 (F)", "Walter P. Ng", sec=dict(
    dx="A. UTERINE MASSES, MYOMECTOMY:\n   - LEIOMYOMATA (FOUR), LARGEST 5.1 CM.\n   - NO ATYPIA; MITOTICALLY INACTIVE.",
    hx="37-year-old G0 with infertility and multiple intramural masses on ultrasound.",
    gross="Received in formalin are four firm rubbery nodules, 1.8 to 5.1 cm, with white whorled cut surfaces\n"
          "and no hemorrhage or necrosis. Representative sections A1-A6.",
    micro="Sections show circumscribed smooth muscle neoplasms composed of bland spindle cells in intersecting\n"
          "fascicles. No cytologic atypia, coagulative necrosis or increased mitotic activity is identified.\n"
          "Focal hyalinization is present."),
  dx="8890/0:aff")
R(P, "FL003-B", "2018-10-26", None, MV, "original", "cap", "S18-40931",
  "DRUMMOND, KATHLEEN    MRN: MV-5517730    DOB: 09/30/1975 (F)", "Ravi S. Anand", sec=dict(
    dx="A. LIVER, SEGMENT VI LESION, CT-GUIDED CORE BIOPSY:\n   - METASTATIC LEIOMYOSARCOMA.",
    comment="In the absence of another primary, a uterine origin is favored; correlation with the myomectomy\n"
            "and imaging of the uterus is recommended.",
    hx="43-year-old woman with two liver lesions, largest 4.8 cm. History of myomectomy (2013, outside) for\n"
       "uterine leiomyomata.",
    gross="Received in formalin are three tan cores, 0.8 to 1.7 cm. Entirely submitted in A1.",
    micro="Cores show hepatic parenchyma infiltrated by fascicles of pleomorphic spindle cells with\n"
          "hyperchromatic nuclei, frequent mitoses (up to 12 per 10 HPF) and focal necrosis.",
    ihc="The tumor cells are diffusely positive for SMA, desmin and h-caldesmon. CD117, DOG1 and\n"
        "pan-cytokeratin are negative."),
  dx="8890/6:aff 8890/0:hist", st="SMA:+ desmin:+ h-caldesmon:+ CD117:- DOG1:- pan-cytokeratin:-")
F(P, "benign_to_malignant", "FL003-A", "FL003-B")
S(P, "2013 outside myomectomy: leiomyomata. 2018 liver core: metastatic LMS (later report has no specimen_date -> report date used).",
  "b2m A->B")

# ---------------------------------------------------------------- FL-004
P = "FL-004"
R(P, "FL004-A", "2017-01-23", "2017-01-19", MV, "original", "cap", "S17-02216",
  "ESPINOZA, MARISOL    MRN: MV-2290461    DOB: 05/18/1970 (F)", "Ravi S. Anand", sec=dict(
    dx="A. UTERUS, CERVIX, BILATERAL TUBES, TOTAL LAPAROSCOPIC HYSTERECTOMY:\n"
       "   - SMOOTH MUSCLE TUMOR OF UNCERTAIN MALIGNANT POTENTIAL (STUMP), 8.5 CM.\n"
       "   - INACTIVE ENDOMETRIUM; UNREMARKABLE CERVIX AND FALLOPIAN TUBES.",
    syn="Tumor size: 8.5 cm\nAtypia: focal moderate\nMitotic count: 7 per 10 HPF\nTumor cell necrosis: equivocal\n"
        "Margins: not applicable (intact uterus)",
    comment="The tumor shows focal moderate atypia and equivocal necrosis; criteria for leiomyosarcoma are\n"
            "not met. Clinical follow-up is advised.",
    hx="46-year-old with rapidly enlarging uterine mass.",
    gross="Uterus 640 g with an intramural mass 8.5 x 7.8 x 7.0 cm, tan-yellow with a bulging, focally soft\n"
          "cut surface. Sections A1-A10 from the mass.",
    ihc="Desmin, SMA and h-caldesmon are diffusely positive. p16 shows patchy staining. Ki-67 about 10%."),
  dx="8897/1:aff 8890/3:neg", st="desmin:+ SMA:+ h-caldesmon:+ p16:+ Ki-67:+")
R(P, "FL004-B", "2020-06-05", "2020-06-03", MV, "original", "cap", "S20-19087",
  "ESPINOZA, MARISOL    MRN: MV-2290461    DOB: 05/18/1970 (F)", "Helen J. Marchetti", sec=dict(
    dx="A. PELVIC MASS, LEFT SIDEWALL, RESECTION:\n   - LEIOMYOSARCOMA, HIGH GRADE, 6.3 CM.\n   - MARGINS NEGATIVE.",
    syn="Procedure: Resection\nTumor Site: Pelvic sidewall, left\nHistologic Type: Leiomyosarcoma\nTumor Size: 6.3 cm\n"
        "Mitotic Count: 22 per 10 HPF\nNecrosis: Present (30%)\nFNCLCC Grade: 3\nMargins: Negative (closest 0.4 cm)",
    comment="Recurrence in a patient with a prior uterine STUMP (S17-02216).",
    hx="49-year-old, STUMP 2017, now pelvic mass on surveillance CT.",
    gross="Received fresh is a nodular mass 6.3 x 5.5 x 4.0 cm with fleshy tan cut surface and necrosis.",
    ihc="Desmin, h-caldesmon and SMA positive; S100 and CD117 negative."),
  dx="8897/1:hist 8890/3:aff", st="desmin:+ h-caldesmon:+ SMA:+ S100:- CD117:-")
F(P, "benign_to_malignant", "FL004-A", "FL004-B")
S(P, "2017 in-house hysterectomy: STUMP (8897/1; 'criteria for LMS not met' negated). 2020 pelvic recurrence: LMS (synoptic).",
  "b2m A->B (uncertain-potential prior)")

# ---------------------------------------------------------------- FL-005
P = "FL-005"
R(P, "FL005-A", "2012-02-10", "2012-02-08", CH, "original", "cap", "CS12-01138",
  "OKAFOR-BELL, JANINE    MRN: 0037760    DOB: 12/02/1979 (F)", "Walter P. Ng", sec=dict(
    dx="A. SUBSEROSAL MASS, MYOMECTOMY:\n   - LEIOMYOMA, 4.2 CM.",
    hx="32-year-old with pelvic pressure; pedunculated subserosal mass on MRI.",
    gross="Received in formalin is a 4.2 x 3.9 x 3.5 cm circumscribed firm nodule with a white whorled cut\n"
          "surface. Representative sections A1-A3.",
    micro="Bland smooth muscle cells in fascicles with no atypia, necrosis or mitotic activity. Hyaline\n"
          "degeneration is present centrally."),
  dx="8890/0:aff")
R(P, "FL005-B", "2015-10-02", "2015-09-30", CH, "original", "cap", "CS15-08916",
  "OKAFOR-BELL, JANINE    MRN: 0037760    DOB: 12/02/1979 (F)", "Dana R. Whitcombe", sec=dict(
    dx="A. UTERUS AND CERVIX, HYSTERECTOMY:\n   - CELLULAR LEIOMYOMA, 6.0 CM.\n   - SECRETORY ENDOMETRIUM.",
    comment="The tumor is highly cellular but lacks atypia and necrosis; mitoses 3 per 10 HPF. The\n"
            "immunoprofile excludes an endometrial stromal neoplasm.",
    hx="Prior myomectomy for leiomyoma. Recurrent menorrhagia and a 6 cm intramural mass.",
    gross="Uterus 310 g with an intramural soft tan mass 6.0 x 5.5 x 5.0 cm, focally bulging. A1-A6.",
    micro="Densely cellular smooth muscle proliferation with thick-walled vessels and cleft-like spaces.\n"
          "No significant atypia; no tumor cell necrosis.",
    ihc="Desmin and h-caldesmon are diffusely positive; CD10 shows focal weak staining."),
  dx="8892/0:aff 8890/0:hist", st="desmin:+ h-caldesmon:+ CD10:+")
R(P, "FL005-C", "2019-04-24", "2019-04-22", MV, "original", "cap", "S19-13350",
  "OKAFOR-BELL, JANINE    MRN: MV-6003118    DOB: 12/02/1979 (F)", "Ravi S. Anand", sec=dict(
    dx="A. LUNG, LEFT UPPER LOBE NODULE, CT-GUIDED CORE BIOPSY:\n"
       "   - SPINDLE CELL NEOPLASM, SUSPICIOUS FOR METASTATIC LEIOMYOSARCOMA (SEE COMMENT).",
    comment="The sample is small and necrosis cannot be assessed, but the atypia and mitotic activity are\n"
            "worrying. Excision and comparison with the prior uterine material are recommended.",
    hx="39-year-old with three lung nodules. Hysterectomy 2015 (cellular leiomyoma).",
    gross="Two tan cores, 0.9 and 1.2 cm. Entirely submitted in A1.",
    micro="Fascicles of spindle cells with moderate nuclear atypia and 6 mitoses in 10 HPF, infiltrating\n"
          "between alveoli.",
    ihc="Positive: SMA, desmin. Negative: pan-cytokeratin, TTF-1, S100."),
  dx="8892/0:hist 8800/1:aff 8890/6:unc", st="SMA:+ desmin:+ pan-cytokeratin:- TTF-1:- S100:-")
F(P, "benign_to_malignant", "FL005-A", "FL005-C")
F(P, "benign_to_malignant", "FL005-B", "FL005-C")
S(P, "Two benign reports: 2012 myomectomy leiomyoma, 2015 hysterectomy cellular leiomyoma (8892/0); 2019 lung core suspicious for metastatic LMS.",
  "b2m A->C and b2m B->C (two flags)")

# ---------------------------------------------------------------- FL-006
P = "FL-006"
R(P, "FL006-A", "2016-10-14", "2016-10-11", KM, "original", "india", "H-16-07731",
  "Mrs. Rekha Joglekar (F/39)", "Sanjay Kelkar", mrn="KMH-0455120", ref="Dr. P. Nandurkar (Gynaec)", sec=dict(
    spec="Myomectomy specimen.",
    hx="39 yrs, subfertility, single intramural fibroid 5 cm on USG. Myomectomy done.",
    gross="Received a single globular grey white mass 5 x 4.5 x 4 cm. C/S: whorled, no haemorrhage.\n"
          "Multiple sections taken.",
    micro="Sections show a circumscribed smooth muscle tumour with scattered large cells having bizarre,\n"
          "multilobated hyperchromatic nuclei. Mitoses are 1-2/10 HPF; no tumour cell necrosis is seen.",
    ihc="Desmin +ve. p16 +ve (patchy). Ki-67 low (<2%).",
    dx="Myomectomy: Leiomyoma with bizarre nuclei (symplastic leiomyoma), 5 cm.",
    comment="Benign. Mitotic count and absence of necrosis do not meet criteria for malignancy."),
  dx="8890/0:hist 8893/0:aff", st="desmin:+ p16:+ Ki-67:+")
R(P, "FL006-B", "2018-12-08", "2018-12-05", KM, "original", "india", "H-18-11904",
  "Mrs. Rekha Joglekar (F/41)", "Meenal Khare", mrn="KMH-0455120", ref="Dr. V. Sabnis (Surg Onco)", sec=dict(
    spec="Anterior abdominal wall mass - wide excision.",
    hx="K/c/o myomectomy 2016 (leiomyoma with bizarre nuclei). Now painful mass at port/incision site 6 cm.",
    gross="Received a fibrofatty and muscular tissue piece 9 x 7 x 5 cm with a grey tan fleshy mass\n"
          "6 x 5 x 4 cm. Areas of necrosis seen. Margins inked.",
    micro="Tumour composed of sheets of epithelioid cells with abundant eosinophilic cytoplasm and pleomorphic\n"
          "vesicular nuclei, with spindled areas. Mitoses 14/10 HPF. Tumour cell necrosis is present.",
    ihc="Desmin +ve, h-caldesmon +ve, SMA +ve. Pan-CK (AE1/AE3) -ve, S100 -ve, HMB-45 -ve.",
    dx="Abdominal wall mass, wide excision: Epithelioid leiomyosarcoma, 6 cm, high grade.\nAll margins free (closest 0.8 cm).",
    comment="Review of the 2016 myomectomy slides (H-16-07731) with this tumour is suggested."),
  dx="8893/0:hist 8891/3:aff", st="desmin:+ h-caldesmon:+ SMA:+ pan-cytokeratin:- S100:- HMB-45:-")
F(P, "benign_to_malignant", "FL006-A", "FL006-B")
S(P, "2016 in-house (India) myomectomy: leiomyoma with bizarre nuclei (8893/0). 2018 abdominal wall: epithelioid LMS (8891/3).",
  "b2m A->B")

# ---------------------------------------------------------------- FL-007
P = "FL-007"
R(P, "FL007-A", "2014-08-05", "2014-08-02", DC, "original", "terse", "DCH/HP/2014/3318",
  "Smt. Kavita Ingale, 41 F", "Dr. N. B. Suryawanshi", sec=dict(
    hx="Menorrhagia, bulky uterus. TAH done 02-08-2014.",
    gross="Uterus 220 g with intramural mass 5 cm.",
    micro="Interlacing bundles of smooth muscle cells, no atypia, no mitoses, no necrosis. Endometrium proliferative.",
    dx="Leiomyoma uterus. Proliferative endometrium. Cervix - chronic cervicitis.",
    comment="Copy provided by patient at admission; original report on letterhead not available."),
  dx="8890/0:aff")
R(P, "FL007-B", "2019-03-18", "2019-03-15", KM, "original", "india", "H-19-02457",
  "Mrs. Kavita Ingale (F/46)", "Meenal Khare", mrn="KMH-0781166", ref="Dr. S. Rane (Spine)", sec=dict(
    spec="T11 vertebral body lesion - CT guided biopsy.",
    hx="Backache 3 months, paraparesis. MRI: T11 lytic lesion with epidural extension.\n"
       "K/c/o hysterectomy in 2014 (outside) for fibroid.",
    gross="Multiple grey white bony cores, aggregate 1.5 cm. Submitted after decalcification.",
    micro="Bony trabeculae with intervening fascicles of spindle cells having blunt ended nuclei and\n"
          "moderate pleomorphism. Mitoses 5-6/10 HPF. Focal necrosis.",
    ihc="SMA +ve, desmin +ve (strong). S100 -ve, CD34 -ve.",
    dx="T11 vertebra, biopsy: Spindle cell tumour - possibly leiomyosarcoma.",
    comment="Please send the outside hysterectomy slides/blocks for review."),
  dx="8890/0:hist 8800/1:aff 8890/3:unc", st="SMA:+ desmin:+ S100:- CD34:-")
F(P, "benign_to_malignant", "FL007-A", "FL007-B")
S(P, "2014 terse outside summary: leiomyoma. 2019 T11 biopsy (India): spindle cell tumour, possibly LMS (seed-like wording).",
  "b2m A->B (uncertain later)")

# ---------------------------------------------------------------- FL-008
P = "FL-008"
R(P, "FL008-A", "2018-04-13", "2018-04-10", CH, "original", "cap", "CS18-03350",
  "LINDQVIST, MARGARET    MRN: 0061204    DOB: 07/07/1964 (F)", "Dana R. Whitcombe", sec=dict(
    dx="A. UTERUS, CERVIX AND BILATERAL ADNEXA, TOTAL ABDOMINAL HYSTERECTOMY AND BSO:\n"
       "   - LEIOMYOMA, 9.0 CM, WITH EXTENSIVE DEGENERATIVE CHANGES (HYALINE AND INFARCT-TYPE NECROSIS).\n"
       "   - ATROPHIC ENDOMETRIUM.\n   - BILATERAL OVARIES AND TUBES WITH NO DIAGNOSTIC ABNORMALITY.",
    comment="Sent for expert consultation at the request of the gynecologic oncologist.",
    hx="53-year-old postmenopausal woman with an enlarging pelvic mass.",
    gross="Uterus 720 g with a 9.0 cm intramural mass showing a variegated, partly hemorrhagic cut surface.\n"
          "Sections A1-A12.",
    micro="The mass is a smooth muscle tumor with large zones of necrosis, interpreted as infarct-type with\n"
          "a granulation tissue rim. Viable areas show mild to focally moderate atypia and up to 4 mitoses\n"
          "per 10 HPF."),
  dx="8890/0:aff")
R(P, "FL008-B", "2018-05-02", "2018-04-10", OR, "consult", "cap", "OC18-00671",
  "LINDQVIST, MARGARET    MRN: ORC-118830    DOB: 07/07/1964 (F)", "Lucia Ferreira-Stone", sec=dict(
    material="Referred by: Dana R. Whitcombe, MD, Cedar Hollow Community Hospital (CS18-03350, 12 slides, 3 blocks).",
    dx="UTERUS, HYSTERECTOMY (CEDAR HOLLOW CS18-03350, COLLECTED 04/10/2018):\n   - LEIOMYOSARCOMA, 9.0 CM.",
    comment="Thank you for this consultation. In our opinion the necrosis is coagulative tumor cell necrosis\n"
            "(abrupt transition, ghost outlines of tumor cells, perivascular sparing), and deeper levels show\n"
            "diffuse moderate atypia and up to 11 mitoses per 10 HPF. These findings meet criteria for\n"
            "leiomyosarcoma. Dr Whitcombe was informed by telephone on 05/02/2018.",
    hx="Contributor's diagnosis: leiomyoma with degenerative changes. Consultation requested by\n"
       "gynecologic oncology.",
    ihc="Performed here on block A7: desmin and SMA positive; Ki-67 approximately 30%; p53 shows a\n"
        "mutant (null) pattern."),
  dx="8890/0:hist 8890/3:aff", st="desmin:+ SMA:+ Ki-67:+ p53:+")
F(P, "review_discordance", "FL008-A", "FL008-B")
S(P, "2018 outside hysterectomy: leiomyoma with degeneration. Consult (Orchid Ridge) of the same specimen: LMS.",
  "review_discordance A->B (consult upgrade); no b2m (same specimen date)")

# ---------------------------------------------------------------- FL-009
P = "FL-009"
R(P, "FL009-A", "2017-02-16", "2017-02-13", IB, "original", "au", "IP17-020518",
  "NGUYEN, Thi Lan   MRN: IB-0771452   DOB: 21/09/1979 (F)", "Mei-Lin Barraclough", sec=dict(
    hx="Rapidly enlarging left breast lump, 40 mm. Core: fibroepithelial lesion. Excision.",
    gross="Ovoid, well circumscribed mass 42 x 35 x 30 mm, lobulated and tan-white with slit-like spaces.\n"
          "Margins inked. Blocks A1-A8.",
    micro="A fibroepithelial tumour with leaf-like architecture and mildly increased stromal cellularity,\n"
          "mild stromal atypia and up to 3 mitoses per 10 HPF. Borders are well defined. There is no\n"
          "stromal overgrowth.",
    dx="Left breast, excision: benign phyllodes tumour, 42 mm. Margins clear (closest 2 mm)."),
  dx="9020/0:aff")
R(P, "FL009-B", "2017-03-01", "2017-02-13", KB, "review", "au", "KB17-R0142",
  "NGUYEN, Thi Lan   MRN: KB-5563019   DOB: 21/09/1979 (F)", "Fiona Strathdee", sec=dict(
    material="External slides: Ironbark Pathology IP17-020518 (8 slides, blocks A3 and A6), collected 13/02/2017.",
    hx="Review requested at breast MDT. External diagnosis: benign phyllodes tumour.",
    micro="Additional levels on block A6 show a permeative border with marked stromal overgrowth (a low power\n"
          "field without epithelium), marked stromal cellularity and atypia, and up to 12 mitoses per 10 HPF.\n"
          "No heterologous elements.",
    ihc="The stromal cells are negative for pan-cytokeratin and p63; CD34 is negative in the hypercellular areas.",
    dx="Left breast, excision (external IP17-020518): malignant phyllodes tumour, 42 mm.",
    comment="This is an upgrade from the external report and has been discussed at the breast MDT\n"
            "(01/03/2017); wider excision is recommended."),
  dx="9020/0:hist 9020/3:aff", st="pan-cytokeratin:- p63:- CD34:-")
F(P, "review_discordance", "FL009-A", "FL009-B")
S(P, "2017 outside (AU) breast excision: benign phyllodes. In-house review of the same slides: malignant phyllodes.",
  "review_discordance A->B")

# ---------------------------------------------------------------- FL-010
P = "FL-010"
R(P, "FL010-A", "2019-06-21", "2019-06-18", CH, "original", "cap", "CS19-05502",
  "BRANNIGAN, THOMAS    MRN: 0072231    DOB: 01/15/1957 (M)", "Walter P. Ng", sec=dict(
    dx="A. RETROPERITONEAL MASS, RESECTION:\n   - WELL-DIFFERENTIATED LIPOSARCOMA (ATYPICAL LIPOMATOUS TUMOR), 19 CM.",
    comment="MDM2 immunostain supports the diagnosis. Case sent for review at the patient's request.",
    hx="62-year-old man with a large left retroperitoneal fatty mass.",
    gross="Lobulated yellow fatty mass 19 x 14 x 8 cm, 1350 g, with a firmer tan nodule 2.5 cm at one pole.\n"
          "Sections A1-A12 (A11-A12 from the firm nodule).",
    micro="Mature adipose tissue with variation in adipocyte size, fibrous septa containing scattered atypical\n"
          "hyperchromatic stromal cells. The firm nodule shows sclerosing areas with similar atypical cells.",
    ihc="MDM2 and CDK4 are positive in the atypical stromal cells."),
  dx="8850/1:aff", st="MDM2:+ CDK4:+")
R(P, "FL010-B", "2019-07-09", "2019-06-18", MV, "review", "cap", "R19-00288",
  "BRANNIGAN, THOMAS    MRN: MV-7110442    DOB: 01/15/1957 (M)", "Ravi S. Anand", sec=dict(
    material="Material: 12 H&E slides, blocks A11 and A12, outside accession CS19-05502 (Cedar Hollow).",
    dx="RETROPERITONEAL MASS, RESECTION (OUTSIDE CS19-05502, 06/18/2019):\n"
       "   - DEDIFFERENTIATED LIPOSARCOMA, ARISING IN WELL-DIFFERENTIATED LIPOSARCOMA.\n"
       "   - DEDIFFERENTIATED COMPONENT 2.5 CM, FNCLCC GRADE 2.",
    comment="The firm nodule is a non-lipogenic cellular spindle cell component with 9 mitoses per 10 HPF,\n"
            "i.e. dedifferentiation. We respectfully disagree with the outside interpretation of this area.",
    hx="Outside diagnosis: atypical lipomatous tumor. Second opinion.",
    micro="Blocks A11-A12 show an abrupt transition from lipogenic tumor to a cellular non-lipogenic\n"
          "component of spindle cells with storiform areas and moderate pleomorphism.",
    ihc="MDM2 and CDK4 are strongly positive in both components. Desmin and S100 are negative."),
  dx="8850/1:hist 8858/3:aff 8850/1:aff", st="MDM2:+ CDK4:+ desmin:- S100:-")
F(P, "review_discordance", "FL010-A", "FL010-B")
S(P, "2019 outside retroperitoneal resection: WDLPS/ALT (8850/1). In-house review of the same specimen: dedifferentiated LPS.",
  "review_discordance A->B (uncertain-potential -> malignant)")

# ---------------------------------------------------------------- FL-011
P = "FL-011"
R(P, "FL011-A", "2020-01-29", "2020-01-27", PD, "original", "cap", "PD20-01884",
  "CALLOWAY, DEREK    MRN: PD-229107    DOB: 04/03/1985 (M)", "Simone Ardelean", sec=dict(
    dx="A. SKIN, LEFT UPPER BACK, EXCISION:\n   - COMPOUND MELANOCYTIC NEVUS.\n   - PERIPHERAL AND DEEP MARGINS CLEAR.",
    hx="34-year-old man with a changing pigmented lesion, 8 mm.",
    gross="Received in formalin is an ellipse of skin 1.6 x 0.7 cm, excised to 0.5 cm, with a central\n"
          "irregular brown papule 0.8 cm. Tips A1, remainder serially sectioned A2-A4.",
    micro="A compound melanocytic proliferation of nests at the junction and in the dermis. Dermal cells\n"
          "show some nuclear enlargement superficially with apparent maturation at the base. No dermal\n"
          "mitoses are seen on the initial levels."),
  dx="8720/0:aff")
R(P, "FL011-B", "2020-02-19", "2020-01-27", OR, "consult", "cap", "OC20-00245",
  "CALLOWAY, DEREK    MRN: ORC-140055    DOB: 04/03/1985 (M)", "Lucia Ferreira-Stone", sec=dict(
    material="Referred by: Simone Ardelean, MD, Pinecrest Dermatopathology (PD20-01884, 4 slides, 1 block).",
    dx="SKIN, LEFT UPPER BACK, EXCISION (PINECREST PD20-01884, COLLECTED 01/27/2020):\n"
       "   - INVASIVE MELANOMA, NEVOID TYPE, BRESLOW THICKNESS 1.4 MM, CLARK LEVEL IV.\n"
       "   - DERMAL MITOSES 3/MM2. MARGINS CLEAR (DEEP 0.9 MM).",
    comment="Deeper levels show a sheet-like dermal component without maturation and dermal mitoses,\n"
            "including one near the base. The immunoprofile supports melanoma. Findings discussed with the\n"
            "referring dermatopathologist.",
    hx="Contributor's diagnosis: compound nevus. Second opinion requested by the patient's dermatologist.",
    ihc="SOX10 and Melan-A positive in junctional and dermal cells. HMB-45 shows patchy staining without a\n"
        "maturation gradient. Ki-67 about 15% in the dermal component. p16 shows loss of expression\n"
        "(negative) in the dermal nodule."),
  dx="8720/0:hist 8720/3:aff", st="SOX10:+ Melan-A:+ HMB-45:+ Ki-67:+ p16:-")
R(P, "FL011-C", "2022-05-12", "2022-05-10", MV, "original", "cap", "S22-16620",
  "CALLOWAY, DEREK    MRN: MV-8017729    DOB: 04/03/1985 (M)", "Helen J. Marchetti", sec=dict(
    dx="A. LYMPH NODES, LEFT AXILLA, EXCISION:\n   - METASTATIC MELANOMA IN ONE OF TWO LYMPH NODES (1/2), 1.7 CM DEPOSIT.\n"
       "   - EXTRANODAL EXTENSION NOT IDENTIFIED.",
    hx="37-year-old with melanoma of the left back (2020). New left axillary lymphadenopathy on PET.",
    gross="Received fresh is fibrofatty tissue 4.5 x 3.0 x 2.0 cm containing two lymph nodes, 0.8 and 2.1 cm.",
    micro="The larger node is largely replaced by sheets of epithelioid cells with prominent nucleoli and\n"
          "focal melanin pigment. The smaller node is reactive.",
    ihc="Tumor cells are positive for SOX10 and Melan-A and negative for pan-cytokeratin."),
  dx="8720/3:hist 8720/6:aff", st="SOX10:+ Melan-A:+ pan-cytokeratin:-")
F(P, "review_discordance", "FL011-A", "FL011-B")
F(P, "benign_to_malignant", "FL011-A", "FL011-C")
S(P, "2020 outside derm excision: compound naevus. Consult (same specimen): invasive melanoma. 2022 axillary node: metastatic melanoma.",
  "review_discordance A->B (consult); b2m A->C")

# ---------------------------------------------------------------- FL-012
P = "FL-012"
R(P, "FL012-A", "2016-09-09", "2016-09-06", DC, "original", "india", "DCH-HP-16-2271",
  "Shri Ganesh Wankhede (M/52)", "N. B. Suryawanshi", mrn="DCH-330914", ref="Dr. M. Kadam (Surgery)", sec=dict(
    spec="Soft tissue mass, right thigh (posterior) - excision.",
    hx="Slow growing painful swelling right posterior thigh 1 year, 6 cm. No cafe-au-lait spots.",
    gross="Received a grey white firm fusiform mass 6 x 4 x 3.5 cm, partly encapsulated. C/S: grey white,\n"
          "glistening. Representative sections taken.",
    micro="Tumour composed of spindle cells with wavy nuclei in a collagenous to myxoid stroma with\n"
          "shredded carrot collagen. Occasional cells show mild atypia. Mitoses are not seen.",
    ihc="S100 +ve (patchy), SOX10 +ve (patchy), CD34 +ve (fingerprint pattern).",
    dx="Right thigh, excision: Neurofibroma."),
  dx="9540/0:aff", st="S100:+ SOX10:+ CD34:+")
R(P, "FL012-B", "2016-10-20", "2016-09-06", KM, None, "india", "H-16-R-0118",
  "Shri Ganesh Wankhede (M/52)", "Sanjay Kelkar", kind="review", mrn="KMH-0502876", ref="Dr. V. Sabnis (Surg Onco)", sec=dict(
    material="Outside slides (6) and blocks (2) of DCH-HP-16-2271, Devgiri Charitable Hospital, received 14-10-2016.",
    spec="Review of outside slides and blocks - right thigh mass excised 06-09-2016.",
    hx="Outside diagnosis: neurofibroma. Referred for second opinion before further surgery.",
    micro="Fresh sections from block 2 show hypercellular fascicles of spindle cells with marked nuclear\n"
          "atypia and hyperchromasia, mitoses 11/10 HPF and geographic necrosis, merging with areas of\n"
          "lower cellularity.",
    ihc="S100 +ve (focal only), SOX10 +ve (focal). Ki-67: 25%. Desmin -ve.",
    dx="Right thigh mass (outside DCH-HP-16-2271): Malignant peripheral nerve sheath tumour, high grade.",
    comment="Outside diagnosis revised. Wide re-excision advised."),
  dx="9540/0:hist 9540/3:aff", st="S100:+ SOX10:+ Ki-67:+ desmin:-")
F(P, "review_discordance", "FL012-A", "FL012-B")
S(P, "2016 outside (India) thigh excision: neurofibroma. In-house slide review of the same specimen (report_type omitted; text says review): MPNST.",
  "review_discordance A->B (needs report-type inference)")

# ---------------------------------------------------------------- FL-013
P = "FL-013"
R(P, "FL013-A", "2019-08-16", "2019-08-14", CH, "original", "cap", "CS19-07019",
  "ABERCROMBIE, LYDIA    MRN: 0079943    DOB: 10/28/1981 (F)", "Dana R. Whitcombe", sec=dict(
    dx="A. UTERUS, CERVIX AND BILATERAL TUBES, HYSTERECTOMY:\n   - LEIOMYOSARCOMA, 5.5 CM.\n   - PROLIFERATIVE ENDOMETRIUM.",
    hx="37-year-old with a rapidly growing intramural mass.",
    gross="Uterus 300 g with a 5.5 cm intramural well circumscribed tan mass with a slightly bulging surface\n"
          "and no necrosis. Sections A1-A8.",
    micro="The tumor shows scattered and clustered markedly atypical cells with multilobated nuclei.\n"
          "Mitotic figures, including some that appear atypical, are present.",
    ihc="Desmin and SMA are diffusely positive."),
  dx="8890/3:aff", st="desmin:+ SMA:+")
R(P, "FL013-B", "2019-09-03", "2019-08-14", MV, "review", "cap", "R19-00371",
  "ABERCROMBIE, LYDIA    MRN: MV-7245006    DOB: 10/28/1981 (F)", "Helen J. Marchetti", sec=dict(
    material="Material: 8 H&E slides and block A4, outside accession CS19-07019 (Cedar Hollow).",
    dx="UTERUS, HYSTERECTOMY (OUTSIDE CS19-07019, 08/14/2019):\n   - LEIOMYOMA WITH BIZARRE NUCLEI, 5.5 CM.\n"
       "   - NO EVIDENCE OF LEIOMYOSARCOMA.",
    comment="The atypical cells are scattered in a background of bland smooth muscle, mitoses are 2 per 10 HPF\n"
            "(the 'atypical mitoses' are karyorrhectic nuclei) and there is no tumor cell necrosis. We\n"
            "respectfully disagree with the outside diagnosis; adjuvant therapy is not indicated.",
    hx="Outside diagnosis: leiomyosarcoma. Review before oncology consultation.",
    ihc="p16 shows patchy (non-diffuse) staining. Ki-67 index about 2%."),
  dx="8890/3:hist 8893/0:aff 8890/3:neg", st="p16:+ Ki-67:+")
F(P, "review_discordance", "FL013-A", "FL013-B")
S(P, "2019 outside hysterectomy: LMS. In-house review of the same specimen: leiomyoma with bizarre nuclei, no evidence of LMS.",
  "review_discordance A->B (downgrade). No b2m (malignant then benign).")

# ---------------------------------------------------------------- FL-014
P = "FL-014"
R(P, "FL014-A", "2021-03-05", "2021-03-02", IB, "original", "au", "IP21-033907",
  "FITZGERALD, Callum   MRN: IB-0890115   DOB: 30/06/1990 (M)", "Rohan Pillai", sec=dict(
    hx="Changing naevus left calf. Excision biopsy.",
    gross="Ellipse of skin 14 x 6 mm, excised to 4 mm, with a central pigmented macule 5 mm.",
    micro="Asymmetric junctional and dermal melanocytic proliferation with bridging nests and some\n"
          "pagetoid spread in the centre. Superficial dermal invasion to 0.4 mm.",
    dx="Skin, left calf: superficial spreading malignant melanoma, Breslow thickness 0.4 mm, Clark level II.\n"
       "Margins clear (peripheral 3 mm)."),
  dx="8720/0:hist 8720/3:aff")
R(P, "FL014-B", "2021-03-24", "2021-03-02", KB, "consult", "au", "KB21-C0077",
  "FITZGERALD, Callum   MRN: KB-6602291   DOB: 30/06/1990 (M)", "Fiona Strathdee", sec=dict(
    material="External slides IP21-033907 (Ironbark Pathology), collected 02/03/2021, for second opinion.",
    hx="Referred to melanoma unit for wide local excision; external diagnosis: melanoma. Second opinion\n"
       "requested.",
    micro="The lesion is a compound melanocytic proliferation with lentiginous and nested junctional growth,\n"
          "shouldering, and random moderate cytological atypia. Pagetoid cells are limited to the centre\n"
          "over a scar-like area. Dermal cells mature with depth. No dermal mitoses.",
    ihc="SOX10 and Melan-A highlight the junctional component. HMB-45 is positive superficially with\n"
        "loss in the deep dermal cells (maturation). Ki-67 <1% in the dermal component.",
    dx="Skin, left calf (external IP21-033907): dysplastic compound naevus with moderate atypia.\n"
       "No features of melanoma.",
    comment="We consider this a dysplastic naevus; the pagetoid spread is localised over a scar-like area.\n"
            "A 2 mm re-excision margin is adequate. Discussed with the referring pathologist."),
  dx="8720/3:hist 8727/0:aff 8720/3:neg", st="SOX10:+ Melan-A:+ HMB-45:+ Ki-67:+")
F(P, "review_discordance", "FL014-A", "FL014-B")
S(P, "2021 outside (AU) calf excision: melanoma. In-house consult on the same slides: dysplastic naevus, no features of melanoma.",
  "review_discordance A->B (downgrade, consult)")

# ---------------------------------------------------------------- FL-015
P = "FL-015"
R(P, "FL015-A", "2014-11-24", "2014-11-20", KB, "original", "au", "KB14-188502",
  "PAPADOPOULOS, Eleni   MRN: KB-2204918   DOB: 11/01/1972 (F)", "Angus McTavish", sec=dict(
    hx="Abnormal uterine bleeding, intramural mass 35 mm. Hysterectomy.",
    gross="Uterus 180 g. A well circumscribed yellow-tan soft intramural nodule 35 mm. A1-A5 nodule.",
    micro="A well circumscribed nodule of uniform cells resembling proliferative-phase endometrial stroma\n"
          "with arterioles. The border is pushing, with fewer than three finger-like projections (<3 mm).\n"
          "No lymphovascular invasion.",
    ihc="CD10 diffusely positive. Desmin focally positive; h-caldesmon negative.",
    dx="Uterus, hysterectomy: endometrial stromal nodule, 35 mm, completely excised."),
  dx="8930/0:aff", st="CD10:+ desmin:+ h-caldesmon:-")
R(P, "FL015-B", "2020-07-10", "2020-07-08", KB, "original", "au", "KB20-113640",
  "PAPADOPOULOS, Eleni   MRN: KB-2204918   DOB: 11/01/1972 (F)", "Fiona Strathdee", sec=dict(
    hx="Hysterectomy 2014 - endometrial stromal nodule. New right pelvic sidewall mass 45 mm. Excision.",
    gross="Nodular tan-yellow mass 48 x 40 x 30 mm with worm-like plugs in adjacent vessels. A1-A8.",
    micro="Tongue-like permeative islands of monotonous small oval cells resembling endometrial stroma,\n"
          "with abundant intravascular tumour plugs. Mitoses 3 per 10 HPF. No high-grade areas.",
    ihc="CD10, ER and PR positive. h-caldesmon negative. Cyclin D1 negative.",
    dx="Right pelvic sidewall mass: low-grade endometrial stromal sarcoma.",
    comment="Review of the 2014 hysterectomy (KB14-188502) is under way; the earlier lesion may have been\n"
            "incompletely sampled at its border."),
  dx="8930/0:hist 8931/3:aff", st="CD10:+ ER:+ PR:+ h-caldesmon:- cyclin_D1:-")
F(P, "benign_to_malignant", "FL015-A", "FL015-B")
S(P, "2014 in-house (AU) hysterectomy: endometrial stromal nodule (8930/0). 2020 pelvic sidewall: LG-ESS (8931/3).",
  "b2m A->B")

# ---------------------------------------------------------------- FL-016
P = "FL-016"
R(P, "FL016-A", "2013-04-04", "2013-04-02", CH, "original", "cap", "CS13-02917",
  "HOLLISTER, GEORGE    MRN: 0046620    DOB: 03/12/1955 (M)", "Walter P. Ng", sec=dict(
    dx="A. SOFT TISSUE MASS, RIGHT THIGH, EXCISION:\n   - LIPOMA, 11 CM.",
    hx="57-year-old man with a slowly enlarging deep right thigh mass.",
    gross="Received a lobulated, thinly encapsulated yellow fatty mass 11 x 8 x 5 cm, 230 g. Cut surface\n"
          "uniform yellow. Representative sections A1-A4.",
    micro="Lobules of mature adipocytes separated by thin fibrous septa. No lipoblasts or atypical\n"
          "stromal cells are seen in the sections examined."),
  dx="8850/0:aff")
R(P, "FL016-B", "2019-02-28", "2019-02-26", MV, "original", "cap", "S19-06841",
  "HOLLISTER, GEORGE    MRN: MV-6114502    DOB: 03/12/1955 (M)", "Ravi S. Anand", sec=dict(
    dx="A. SOFT TISSUE, RIGHT THIGH, RADICAL RESECTION:\n   - DEDIFFERENTIATED LIPOSARCOMA ARISING IN WELL-DIFFERENTIATED LIPOSARCOMA.\n"
       "   - MARGINS NEGATIVE.",
    syn="Histologic Type: Dedifferentiated liposarcoma\nTumor Size: 14 cm (dedifferentiated component 6 cm)\n"
        "Mitotic Count: 15 per 10 HPF\nNecrosis: Present (20%)\nFNCLCC Grade: 3\nMargins: Negative (closest 0.3 cm)",
    hx="63-year-old, excision of a right thigh lipoma in 2013, now recurrent mass with a solid component.",
    gross="Resection 22 x 14 x 9 cm containing a fatty mass 14 cm with a firm tan-grey nodule 6 cm.",
    ihc="MDM2 and CDK4 are positive in both components. Desmin, myogenin and S100 are negative."),
  dx="8850/0:hist 8858/3:aff 8850/1:aff", st="MDM2:+ CDK4:+ desmin:- myogenin:- S100:-")
F(P, "benign_to_malignant", "FL016-A", "FL016-B")
S(P, "2013 outside thigh excision: lipoma. 2019 in-house resection (synoptic): DDLPS arising in WDLPS.",
  "b2m A->B")

# ---------------------------------------------------------------- FL-017
P = "FL-017"
R(P, "FL017-A", "2016-05-09", "2016-05-05", KB, "original", "au", "KB16-080733",
  "O'SULLIVAN, Patrick   MRN: KB-3309127   DOB: 19/08/1949 (M)", "Angus McTavish", sec=dict(
    hx="Deep left thigh fatty mass 150 mm. Marginal excision.",
    gross="Lobulated fatty mass 155 x 100 x 60 mm with fibrous septa; no solid areas. A1-A10.",
    micro="Mature adipose tissue with marked variation in adipocyte size and thick fibrous septa containing\n"
          "scattered hyperchromatic atypical stromal cells. No non-lipogenic cellular areas.",
    ihc="MDM2 positive and CDK4 positive in the atypical cells.",
    dx="Left thigh: atypical lipomatous tumour, 155 mm, marginally excised."),
  dx="8850/1:aff", st="MDM2:+ CDK4:+")
R(P, "FL017-B", "2021-01-21", "2021-01-19", KB, "original", "au", "KB21-010288",
  "O'SULLIVAN, Patrick   MRN: KB-3309127   DOB: 19/08/1949 (M)", "Rohan Pillai", sec=dict(
    hx="Atypical lipomatous tumour left thigh resected 2016. New firm mass at the scar, 60 mm. Core biopsy.",
    gross="Five cores of firm grey tissue up to 15 mm. All embedded (A1).",
    micro="Cellular non-lipogenic tumour of spindle cells in fascicles and storiform areas with moderate to\n"
          "marked pleomorphism and 10 mitoses per 10 HPF. No adipocytic component in the cores.",
    ihc="MDM2 and CDK4 positive. Desmin negative; SMA focally positive.",
    dx="Left thigh mass, core biopsy: high-grade spindle cell sarcoma, favour dedifferentiated liposarcoma."),
  dx="8850/1:hist 8801/3:aff 8858/3:unc", st="MDM2:+ CDK4:+ desmin:- SMA:+")
F(P, "benign_to_malignant", "FL017-A", "FL017-B")
S(P, "2016 in-house (AU) ALT (8850/1). 2021 core: high-grade spindle cell sarcoma, favour DDLPS.",
  "b2m A->B (uncertain-potential prior, uncertain later)")

# ---------------------------------------------------------------- FL-018
P = "FL-018"
R(P, "FL018-A", "2012-10-11", "2012-10-09", MV, "original", "cap", "S12-33104",
  "VANTERPOOL, ANDRE    MRN: MV-1180923    DOB: 06/21/1966 (M)", "Helen J. Marchetti", sec=dict(
    dx="A. SOFT TISSUE MASS, LEFT FOREARM, EXCISION:\n   - SCHWANNOMA, 3.1 CM.",
    hx="46-year-old man with a tender mobile mass, left volar forearm, with tingling on percussion.",
    gross="Encapsulated ovoid tan-yellow mass 3.1 x 2.2 x 2.0 cm attached to a small nerve. A1-A3.",
    micro="Encapsulated tumor of spindle cells with cellular Antoni A areas with Verocay bodies and hypocellular\n"
          "Antoni B areas; hyalinized vessels. No significant atypia or mitoses.",
    ihc="S100 and SOX10 are diffusely and strongly positive."),
  dx="9560/0:aff", st="S100:+ SOX10:+")
R(P, "FL018-B", "2018-06-15", "2018-06-13", MV, "original", "cap", "S18-20477",
  "VANTERPOOL, ANDRE    MRN: MV-1180923    DOB: 06/21/1966 (M)", "Ravi S. Anand", sec=dict(
    dx="A. LEFT BRACHIAL PLEXUS MASS, RESECTION:\n   - MALIGNANT PERIPHERAL NERVE SHEATH TUMOR, HIGH GRADE, 7.2 CM.\n"
       "   - MARGINS: FOCALLY POSITIVE AT THE PROXIMAL NERVE MARGIN.",
    comment="The tumor arises from a large nerve. H3K27me3 shows loss of expression.",
    hx="52-year-old with a prior schwannoma of the left forearm (2012). Now progressive weakness and a\n"
       "7 cm mass of the left brachial plexus. No history of neurofibromatosis.",
    gross="Fusiform mass 7.2 x 4.5 x 4.0 cm with tan-white fleshy cut surface and necrosis, with an\n"
          "attached nerve segment 3 cm.",
    micro="Fascicles of hyperchromatic wavy spindle cells with alternating cellularity, perivascular\n"
          "accentuation, 20 mitoses per 10 HPF and geographic necrosis.",
    ihc="S100 and SOX10 are focally positive (<10% of cells). Desmin and myogenin are negative."),
  dx="9560/0:hist 9540/3:aff", st="S100:+ SOX10:+ desmin:- myogenin:-")
F(P, "benign_to_malignant", "FL018-A", "FL018-B")
S(P, "2012 in-house schwannoma (9560/0). 2018 brachial plexus MPNST (9540/3). Same nerve-sheath family per the brief.",
  "b2m A->B")

# ---------------------------------------------------------------- FL-019
P = "FL-019"
R(P, "FL019-A", "2015-03-27", "2015-03-24", KM, "original", "india", "H-15-02290",
  "Kum. Pooja Deshpande (F/19)", "Sanjay Kelkar", mrn="KMH-0399812", ref="Dr. A. Joshi (Surgery)", sec=dict(
    spec="Swelling left arm - excision.",
    hx="K/c/o neurofibromatosis type 1. Painless swelling left arm 3 cm.",
    gross="Received a grey white soft to firm mass 3 x 2.5 x 2 cm. C/S: grey white, gelatinous.",
    micro="Unencapsulated tumour composed of bland spindle cells with wavy nuclei in a loose myxoid and\n"
          "collagenous stroma. No atypia, no mitoses, no necrosis.",
    ihc="S100 +ve, SOX10 +ve (scattered cells). CD34 +ve.",
    dx="Swelling left arm, excision: Neurofibroma."),
  dx="9540/0:aff", st="S100:+ SOX10:+ CD34:+")
R(P, "FL019-B", "2020-10-01", "2020-09-29", KM, "original", "india", "H-20-08812",
  "Ms. Pooja Deshpande (F/24)", "Meenal Khare", mrn="KMH-0399812", ref="Dr. V. Sabnis (Surg Onco)", sec=dict(
    spec="Left axillary mass - trucut biopsy.",
    hx="K/c/o NF1; neurofibroma left arm excised 2015. Rapidly enlarging painful left axillary mass 8 cm.",
    gross="Four grey white linear cores, 0.6-1.4 cm. All embedded.",
    micro="Cores show a cellular spindle cell neoplasm in fascicles with hyperchromatic nuclei, moderate\n"
          "atypia and 6 mitoses/10 HPF. Necrosis is not present in the cores.",
    ihc="S100 +ve (focal), SOX10 +ve (focal), Ki-67 ~30%. Desmin -ve, pan-CK -ve.",
    dx="Left axillary mass, trucut biopsy: Spindle cell neoplasm, suspicious for malignant peripheral\n"
       "nerve sheath tumour.",
    comment="Excision advised for definitive categorisation."),
  dx="9540/0:hist 8800/1:aff 9540/3:unc", st="S100:+ SOX10:+ Ki-67:+ desmin:- pan-cytokeratin:-")
F(P, "benign_to_malignant", "FL019-A", "FL019-B")
S(P, "NF1. 2015 in-house (India) neurofibroma. 2020 axillary trucut: spindle cell neoplasm, suspicious for MPNST.",
  "b2m A->B (uncertain later)")

# ---------------------------------------------------------------- FL-020
P = "FL-020"
R(P, "FL020-A", "2016-09-02", "2016-08-30", IB, "original", "au", "IP16-114471",
  "KOWALCZYK, Anna   MRN: IB-0701886   DOB: 03/05/1973 (F)", "Rohan Pillai", sec=dict(
    hx="Right breast lump 35 mm, core: fibroepithelial lesion. Excision.",
    gross="Circumscribed lobulated mass 36 x 30 x 25 mm, tan-white with clefts. Margins inked. A1-A7.",
    micro="Fibroepithelial tumour with exaggerated leaf-like architecture, moderate stromal cellularity and\n"
          "atypia, up to 7 mitoses per 10 HPF and a focally permeative border. No stromal overgrowth.",
    dx="Right breast: borderline phyllodes tumour, 36 mm. Margin focally involved at the inferior aspect.",
    comment="Re-excision to achieve clear margins is recommended."),
  dx="9020/1:aff")
R(P, "FL020-B", "2019-10-16", "2019-10-14", KB, "original", "au", "KB19-198804",
  "KOWALCZYK, Anna   MRN: KB-4410023   DOB: 03/05/1973 (F)", "Fiona Strathdee", sec=dict(
    hx="Borderline phyllodes tumour right breast excised 2016 (no re-excision). Recurrent mass 50 mm at the\n"
       "scar. Mastectomy.",
    gross="Mastectomy 220 x 180 x 60 mm with a fleshy grey mass 52 mm at the previous scar, 8 mm from the deep margin.",
    micro="Malignant stromal proliferation with marked stromal overgrowth, marked atypia and 15 mitoses per\n"
          "10 HPF, infiltrating fat. Residual epithelial clefts are scanty.",
    ihc="Stromal cells are negative for pan-cytokeratin and p63. CD34 negative.",
    dx="Right breast, mastectomy: malignant phyllodes tumour (recurrent), 52 mm. Margins clear (deep 8 mm)."),
  dx="9020/1:hist 9020/3:aff", st="pan-cytokeratin:- p63:- CD34:-")
F(P, "benign_to_malignant", "FL020-A", "FL020-B")
S(P, "2016 outside (AU) borderline phyllodes (9020/1). 2019 in-house mastectomy: recurrent malignant phyllodes.",
  "b2m A->B")

# ---------------------------------------------------------------- FL-021
P = "FL-021"
R(P, "FL021-A", "2015-01-14", "2015-01-12", TD, "original", "india", "HP-1500142",
  "Mrs. Shabana Qureshi (F/31)", "R. K. Mhaske", mrn="TDH-6631023", ref="Dr. J. Patil (Surgery)", sec=dict(
    spec="Lump right breast - excision.",
    hx="Painless lump right breast 5 cm, 6 months. FNAC: benign breast lesion.",
    gross="Received a well circumscribed grey white lobulated mass 5 x 4 x 3.5 cm. C/S: leaf like clefts.",
    micro="Biphasic tumour with leaf like fronds lined by bilayered epithelium and mildly cellular stroma.\n"
          "Stromal atypia is minimal. Mitoses 1-2/10 HPF. Margins well defined.",
    dx="Right breast lump, excision: Benign phyllodes tumour."),
  dx="9020/0:aff")
R(P, "FL021-B", "2020-04-08", "2020-04-06", KM, "original", "india", "H-20-03015",
  "Mrs. Shabana Qureshi (F/36)", "Meenal Khare", mrn="KMH-0861177", ref="Dr. R. Bapat (Thoracic Surg)", sec=dict(
    spec="Right lung lower lobe nodule - wedge resection.",
    hx="Right breast lump excised 2015 (outside) - benign phyllodes tumour. Recurrence at the same site\n"
       "in 2018, excised elsewhere; report not available. Now multiple lung nodules.",
    gross="Received a lung wedge 6 x 4 x 2.5 cm with a grey white fleshy nodule 2.8 cm.",
    micro="Lung parenchyma infiltrated by pleomorphic spindle cells in herringbone fascicles, with\n"
          "marked atypia and 18 mitoses/10 HPF. No epithelial component is seen.",
    ihc="Pan-CK (AE1/AE3) -ve, TTF-1 -ve, p63 -ve, S100 -ve, desmin -ve. CD34 focal +ve.",
    dx="Right lung nodule, wedge resection: Metastatic malignant phyllodes tumour (sarcomatous stromal\n"
       "component), in the clinical context.",
    comment="Review of the 2018 recurrence is requested."),
  dx="9020/0:hist 9020/6:aff", st="pan-cytokeratin:- TTF-1:- p63:- S100:- desmin:- CD34:+")
F(P, "benign_to_malignant", "FL021-A", "FL021-B")
S(P, "2015 outside (India) benign phyllodes. 2020 lung wedge: metastatic malignant phyllodes (9020/6).",
  "b2m A->B (metastatic later)")

# ---------------------------------------------------------------- FL-022
P = "FL-022"
R(P, "FL022-A", "2014-06-19", "2014-06-17", PD, "original", "cap", "PD14-09915",
  "MARCHANT, OLIVIA    MRN: PD-118402    DOB: 08/14/1980 (F)", "Simone Ardelean", sec=dict(
    dx="A. SKIN, RIGHT SHOULDER, SHAVE BIOPSY:\n   - DYSPLASTIC COMPOUND NEVUS WITH MILD CYTOLOGIC ATYPIA.\n"
       "   - LESION EXTENDS TO THE PERIPHERAL MARGIN.",
    comment="Given involvement of the margin, conservative re-excision may be considered.",
    hx="33-year-old with an irregular brown macule, 6 mm.",
    gross="Received in formalin is a shave of skin 0.7 x 0.6 x 0.1 cm, bisected and entirely submitted.",
    micro="Compound melanocytic proliferation with bridging of junctional nests, lamellar fibroplasia and\n"
          "mild random cytologic atypia. Dermal nevus cells mature."),
  dx="8727/0:aff")
R(P, "FL022-B", "2019-08-12", "2019-08-08", MV, "original", "cap", "S19-27733",
  "MARCHANT, OLIVIA    MRN: MV-7020815    DOB: 08/14/1980 (F)", "Helen J. Marchetti", sec=dict(
    dx="A. SKIN, RIGHT SHOULDER, EXCISION:\n   - INVASIVE MELANOMA, SUPERFICIAL SPREADING TYPE, BRESLOW 0.9 MM.\n"
       "   - MARGINS NEGATIVE FOR MELANOMA (PERIPHERAL 4 MM, DEEP 3 MM).",
    syn="Procedure: Excision\nHistologic Type: Superficial spreading melanoma\nMaximum Tumor Thickness: 0.9 mm\n"
        "Ulceration: Not identified\nMitotic Rate: 2/mm2\nMicrosatellites: Not identified\npT: pT1b",
    hx="38-year-old with a changing pigmented lesion at the site of a prior shave (2014, dysplastic nevus).",
    gross="Ellipse of skin 2.4 x 1.1 cm with an irregular variegated macule 0.9 cm.",
    ihc="SOX10 and Melan-A highlight confluent junctional and dermal melanocytes. HMB-45 positive in dermal\n"
        "cells without maturation."),
  dx="8727/0:hist 8720/3:aff 8720/3:neg", st="SOX10:+ Melan-A:+ HMB-45:+")
F(P, "benign_to_malignant", "FL022-A", "FL022-B")
S(P, "2014 outside derm shave: dysplastic naevus (8727/0). 2019 in-house excision same site: invasive melanoma (synoptic; margins negative for melanoma).",
  "b2m A->B")

# ---------------------------------------------------------------- FL-023
P = "FL-023"
R(P, "FL023-A", "2011-09-14", None, CH, "original", "cap", "CS11-07713",
  "DELACROIX, RAYMOND    MRN: 0031198    DOB: 11/23/1962 (M)", "Walter P. Ng", sec=dict(
    dx="A. SKIN, RIGHT THIGH, SHAVE EXCISION:\n   - INTRADERMAL NEVUS.\n   - MARGINS CLEAR.",
    hx="48-year-old man with a raised pigmented lesion that catches on clothing.",
    gross="Received in formalin is a dome-shaped tan-brown shave 0.6 x 0.5 x 0.3 cm, bisected, entirely\n"
          "submitted in A1.",
    micro="Nests and cords of bland nevus cells confined to the dermis, with maturation and neurotization\n"
          "at the base. No junctional activity, atypia or dermal mitoses."),
  dx="8720/0:aff")
R(P, "FL023-B", "2020-11-04", "2020-11-02", MV, "original", "cap", "S20-37261",
  "DELACROIX, RAYMOND    MRN: MV-8330076    DOB: 11/23/1962 (M)", "Ravi S. Anand", sec=dict(
    dx="A. LYMPH NODE, RIGHT INGUINAL, EXCISION:\n   - METASTATIC MELANOMA, 3.2 CM, WITH EXTRANODAL EXTENSION.",
    comment="No primary cutaneous lesion is known; a regressed primary is possible. Review of the 2011 thigh\n"
            "shave (CS11-07713) has been requested.",
    hx="57-year-old man with right inguinal lymphadenopathy. Remote shave of a 'mole' on the right thigh (2011).",
    gross="Received fresh is a lymph node 3.2 x 2.8 x 2.0 cm with a tan-black cut surface.",
    micro="The node is replaced by sheets of large epithelioid and spindled cells with prominent nucleoli,\n"
          "intranuclear pseudoinclusions and abundant melanin pigment, extending into perinodal fat.",
    ihc="Tumor cells are positive for SOX10, S100, Melan-A and HMB-45 and negative for pan-cytokeratin."),
  dx="8720/6:aff", st="SOX10:+ S100:+ Melan-A:+ HMB-45:+ pan-cytokeratin:-")
F(P, "benign_to_malignant", "FL023-A", "FL023-B")
S(P, "2011 outside intradermal naevus (no specimen_date -> report date). 2020 inguinal node: metastatic melanoma.",
  "b2m A->B")

# ---------------------------------------------------------------- FL-024
P = "FL-024"
R(P, "FL024-A", "2015-02-05", "2015-02-03", CH, "original", "cap", "CS15-01066",
  "PRZYBYLSKI, WALTER    MRN: 0055321    DOB: 02/09/1953 (M)", "Dana R. Whitcombe", sec=dict(
    dx="A. COLON, SIGMOID, POLYPECTOMY:\n   - TUBULAR ADENOMA, 1.4 CM.\n   - NEGATIVE FOR HIGH-GRADE DYSPLASIA.",
    hx="61-year-old man, screening colonoscopy. 1.4 cm pedunculated sigmoid polyp removed by snare.",
    gross="Received in formalin is a polyp 1.4 x 1.0 x 0.8 cm with a 0.3 cm stalk, inked and bisected. A1.",
    micro="Tubular glands lined by pseudostratified hyperchromatic columnar cells with low-grade dysplasia.\n"
          "The stalk is free of dysplasia."),
  dx="8211/0:aff")
R(P, "FL024-B", "2019-05-22", "2019-05-20", MV, "original", "cap", "S19-17715",
  "PRZYBYLSKI, WALTER    MRN: MV-6778810    DOB: 02/09/1953 (M)", "Helen J. Marchetti", sec=dict(
    dx="A. SIGMOID COLON, SEGMENTAL RESECTION:\n   - INVASIVE ADENOCARCINOMA, MODERATELY DIFFERENTIATED, 3.8 CM.\n"
       "   - TWELVE LYMPH NODES NEGATIVE FOR METASTATIC CARCINOMA (0/12).",
    syn="Histologic Type: Adenocarcinoma\nHistologic Grade: G2\nTumor Extension: Into pericolorectal tissue (pT3)\n"
        "Lymphovascular Invasion: Not identified\nMargins: Negative\nRegional Lymph Nodes: 0/12 (pN0)",
    hx="Tubular adenoma of the sigmoid removed in 2015. Surveillance colonoscopy: 3.8 cm ulcerated sigmoid mass.",
    gross="Segment of colon 21 cm with an ulcerated mass 3.8 x 3.0 cm, 6 cm from the distal margin.",
    ihc="Mismatch repair proteins: MLH1, PMS2, MSH2 and MSH6 retained (intact)."),
  dx="8211/0:hist 8140/3:aff", st="MLH1:+ PMS2:+ MSH2:+ MSH6:+")
F(P, "benign_to_malignant", "FL024-A", "FL024-B")
S(P, "2015 outside sigmoid polypectomy: tubular adenoma. 2019 in-house colectomy (synoptic): adenocarcinoma.",
  "b2m A->B")

# ---------------------------------------------------------------- FL-025
P = "FL-025"
R(P, "FL025-A", "2013-07-11", "2013-07-09", TD, "original", "india", "HP-1307755",
  "Shri Vasant Kulkarni (M/58)", "R. K. Mhaske", mrn="TDH-4410982", ref="Dr. H. Shaikh (Gastro)", sec=dict(
    spec="Rectal polyp - endoscopic excision.",
    hx="Bleeding per rectum. Colonoscopy: sessile rectal polyp 2.5 cm at 8 cm.",
    gross="Received a grey brown polypoidal tissue 2.5 x 2 x 1 cm. Base inked. Entirely embedded.",
    micro="Polyp composed of long finger like villi lined by dysplastic columnar epithelium with elongated\n"
          "pencillate nuclei (low grade dysplasia). No invasion into submucosa. Base free.",
    dx="Rectal polyp, excision: Villous adenoma with low grade dysplasia."),
  dx="8261/0:aff")
R(P, "FL025-B", "2016-03-24", "2016-03-22", KM, "original", "india", "H-16-02044",
  "Mr. Vasant Kulkarni (M/61)", "Sanjay Kelkar", mrn="KMH-0470215", ref="Dr. N. Pradhan (GI Surgery)", sec=dict(
    spec="Rectal polyp - EMR.",
    hx="K/c/o rectal villous adenoma excised 2013 (outside). Surveillance: recurrent polyp at scar, 2 cm.",
    gross="Received a grey white mucosal piece 2 x 1.8 x 0.6 cm, pinned. Serially sectioned and all embedded.",
    micro="Polyp with a mixture of tubular and villous architecture (villous component ~40%), lined by\n"
          "epithelium with low grade dysplasia. Lateral and deep margins free.",
    dx="Rectal polyp, EMR: Tubulovillous adenoma with low grade dysplasia. Margins free."),
  dx="8261/0:hist 8263/0:aff")
R(P, "FL025-C", "2018-11-29", "2018-11-27", KM, "original", "india", "H-18-11377",
  "Mr. Vasant Kulkarni (M/63)", "Meenal Khare", mrn="KMH-0470215", ref="Dr. N. Pradhan (GI Surgery)", sec=dict(
    spec="Rectal growth - endoscopic biopsies.",
    hx="Prior rectal polypectomies 2013 and 2016. Now ulcerated growth at 8 cm. CEA 9.2.",
    gross="Multiple grey brown soft tissue bits, aggregate 0.8 cm. All embedded.",
    micro="Fragments of adenomatous mucosa with tubulovillous architecture and high grade dysplasia\n"
          "(cribriforming, loss of polarity). One fragment shows small irregular glands in desmoplastic\n"
          "stroma; muscularis mucosae is not identified with certainty.",
    ihc="CDX2 +ve, CK20 +ve.",
    dx="Rectal growth, biopsy: Tubulovillous adenoma with high grade dysplasia; suspicious for invasive\n"
       "adenocarcinoma.",
    comment="Invasion cannot be confirmed on superficial biopsies. Clinical and radiological correlation advised."),
  dx="8263/0:aff 8140/3:unc", st="CDX2:+ CK20:+")
F(P, "benign_to_malignant", "FL025-A", "FL025-C")
F(P, "benign_to_malignant", "FL025-B", "FL025-C")
S(P, "Two benign reports: 2013 outside villous adenoma, 2016 in-house tubulovillous adenoma; 2018 rectal biopsy: TVA with HGD, suspicious for invasive adenocarcinoma.",
  "b2m A->C and b2m B->C (C's own TVA is in the same report as its carcinoma: no pair inside C)")

# ---------------------------------------------------------------- FL-026
P = "FL-026"
R(P, "FL026-A", "2012-12-06", "2012-12-04", KB, "original", "au", "KB12-210095",
  "MACKENZIE, Rhonda   MRN: KB-1907733   DOB: 27/04/1962 (F)", "Angus McTavish", sec=dict(
    hx="Right ovarian cyst 70 mm, simple on ultrasound. Laparoscopic cystectomy.",
    gross="Collapsed unilocular cyst 70 mm with smooth inner lining and clear fluid (drained). A1-A4.",
    micro="Cyst lined by a single layer of bland ciliated cuboidal to columnar epithelium, without\n"
          "stratification, papillae or atypia. Fibrous ovarian-type wall.",
    dx="Right ovarian cyst: serous cystadenoma. No borderline or malignant features."),
  dx="8441/0:aff")
R(P, "FL026-B", "2019-09-19", "2019-09-17", KB, "original", "au", "KB19-170322",
  "MACKENZIE, Rhonda   MRN: KB-1907733   DOB: 27/04/1962 (F)", "Fiona Strathdee", sec=dict(
    hx="Right ovarian serous cystadenoma 2012. Now bilateral adnexal masses, ascites, CA-125 1140.\n"
       "TAH, BSO, omentectomy.",
    gross="Left ovary replaced by a solid-cystic papillary mass 85 mm; right ovary 30 mm with surface\n"
          "excrescences. Omentum with multiple nodules up to 30 mm.",
    micro="Solid and papillary high-grade serous neoplasm with slit-like spaces, marked nuclear pleomorphism\n"
          "and numerous mitoses, involving both ovaries and the omentum.",
    ihc="WT1, PAX8 and ER positive. p53 shows an aberrant (diffuse strong, mutant-type) pattern. p16 block-type positive.",
    dx="Left and right ovaries, omentum: high-grade serous carcinoma, involving both ovaries and the omentum\n"
       "(largest omental deposit 30 mm).",
    comment="FIGO stage at least IIIC."),
  dx="8441/0:hist 8441/3:aff", st="WT1:+ PAX8:+ ER:+ p53:+ p16:+")
F(P, "benign_to_malignant", "FL026-A", "FL026-B")
S(P, "2012 in-house (AU) serous cystadenoma. 2019 high-grade serous carcinoma (8441/3).", "b2m A->B")

# ---------------------------------------------------------------- FL-027
P = "FL-027"
R(P, "FL027-A", "2017-05-18", "2017-05-16", CH, "original", "cap", "CS17-04187",
  "TREMBLAY, NICOLE    MRN: 0068845    DOB: 09/17/1984 (F)", "Dana R. Whitcombe", sec=dict(
    dx="A. LEFT OVARY, OOPHORECTOMY:\n   - SEROUS BORDERLINE TUMOR (ATYPICAL PROLIFERATIVE SEROUS TUMOR), 9 CM.\n"
       "   - OVARIAN SURFACE INVOLVED.",
    hx="32-year-old with a complex left adnexal cyst; fertility-sparing surgery.",
    gross="Ovary 9.0 x 7.5 x 6.0 cm with a multilocular cyst containing exophytic papillary excrescences.\n"
          "Sections A1-A14.",
    micro="Hierarchically branching papillae lined by stratified epithelium with tufting and mild atypia.\n"
          "No destructive stromal invasion and no micropapillary pattern >5 mm are identified.",
    ihc="WT1 and PAX8 are positive in the lining epithelium."),
  dx="8442/1:aff", st="WT1:+ PAX8:+")
R(P, "FL027-B", "2021-10-07", "2021-10-05", MV, "original", "cap", "S21-35589",
  "TREMBLAY, NICOLE    MRN: MV-8702214    DOB: 09/17/1984 (F)", "Ravi S. Anand", sec=dict(
    dx="A. PERITONEUM, PELVIC NODULE, BIOPSY:\n   - LOW-GRADE SEROUS CARCINOMA.",
    comment="Destructive invasion with infiltrative micropapillae and psammoma bodies is present; the\n"
            "atypia is uniform and mild to moderate.",
    hx="37-year-old, serous borderline tumor of the left ovary (2017). New peritoneal nodularity.",
    gross="Received in formalin are two tan nodules, 0.7 and 1.1 cm. Entirely submitted.",
    micro="Small nests and micropapillae of cells with uniform round nuclei infiltrating fibrous stroma with\n"
          "retraction artefact and numerous psammoma bodies. Mitoses are infrequent.",
    ihc="PAX8, WT1 and ER are positive. Ki-67 about 8%."),
  dx="8442/1:hist 8441/3:aff", st="PAX8:+ WT1:+ ER:+ Ki-67:+")
F(P, "benign_to_malignant", "FL027-A", "FL027-B")
S(P, "2017 outside serous borderline tumour (8442/1). 2021 in-house peritoneal biopsy: low-grade serous carcinoma.",
  "b2m A->B")

# ---------------------------------------------------------------- FL-028
P = "FL-028"
R(P, "FL028-A", "2020-02-27", "2020-02-25", DC, "original", "india", "DCH-HP-20-0711",
  "Smt. Archana Bhalerao (F/48)", "N. B. Suryawanshi", mrn="DCH-417760", ref="Dr. S. Wagh (OBG)", sec=dict(
    spec="Uterus with cervix (TAH).",
    hx="48 yrs, AUB. USG: large intramural fibroid 9 cm. TAH done.",
    gross="Uterus 520 g with intramural mass 9 x 8 x 7 cm, C/S grey white to yellow, soft areas present.",
    micro="Cellular smooth muscle tumour with focal moderate nuclear atypia. Mitoses 6-8/10 HPF. Necrosis\n"
          "of uncertain type in one section.",
    ihc="Desmin +ve, SMA +ve, Ki-67 ~12%.",
    dx="Uterus, TAH: Smooth muscle tumour of uncertain malignant potential (STUMP).",
    comment="Review at a higher centre is suggested."),
  dx="8890/0:hist 8897/1:aff", st="desmin:+ SMA:+ Ki-67:+")
R(P, "FL028-B", "2020-03-18", "2020-02-25", OR, "consult", "cap", "OC20-00390",
  "BHALERAO, ARCHANA    MRN: ORC-141272    DOB: 06/30/1971 (F)", "Lucia Ferreira-Stone", sec=dict(
    material="Referred by: Dr. S. Wagh, Devgiri Charitable Hospital (DCH-HP-20-0711, 10 slides, 4 blocks).",
    dx="UTERUS, HYSTERECTOMY (DEVGIRI DCH-HP-20-0711, COLLECTED 02/25/2020):\n   - LEIOMYOSARCOMA, 9 CM.",
    comment="Additional sections from blocks 3 and 4 show unequivocal coagulative tumor cell necrosis and\n"
            "diffuse moderate atypia with 12 mitoses per 10 HPF. Staging imaging is recommended.",
    hx="Contributor's diagnosis: STUMP. Patient referred for management.",
    ihc="Desmin, SMA and h-caldesmon positive. p53 aberrant (diffuse strong). Ki-67 about 30%."),
  dx="8897/1:hist 8890/3:aff", st="desmin:+ SMA:+ h-caldesmon:+ p53:+ Ki-67:+")
R(P, "FL028-C", "2022-01-13", "2022-01-11", OR, "original", "cap", "OS22-01408",
  "BHALERAO, ARCHANA    MRN: ORC-141272    DOB: 06/30/1971 (F)", "Marcus D. Eberhardt", sec=dict(
    dx="A. LUNG, LEFT LOWER LOBE, WEDGE RESECTION:\n   - METASTATIC LEIOMYOSARCOMA, 1.9 CM.\n   - MARGIN NEGATIVE.",
    hx="50-year-old with uterine leiomyosarcoma (2020, consultation OC20-00390), new solitary lung nodule.",
    gross="Stapled wedge 6.0 x 3.0 x 2.0 cm with a 1.9 cm firm white nodule.",
    micro="Fascicles of atypical spindle cells with blunt nuclei, mitoses and necrosis, similar to the uterine tumor.",
    ihc="Desmin and SMA positive. TTF-1 negative."),
  dx="8890/3:hist 8890/6:aff", st="desmin:+ SMA:+ TTF-1:-")
F(P, "review_discordance", "FL028-A", "FL028-B")
F(P, "benign_to_malignant", "FL028-A", "FL028-C")
S(P, "2020 outside (India) TAH: STUMP. Consult (US) of the same specimen: LMS. 2022 lung wedge: metastatic LMS.",
  "review_discordance A->B (consult); b2m A->C")

# ---------------------------------------------------------------- FL-029
P = "FL-029"
R(P, "FL029-A", "2015-10-22", "2015-10-20", CH, "original", "cap", "CS15-09380",
  "KAVANAGH, BRENDAN    MRN: 0059017    DOB: 05/05/1961 (M)", "Walter P. Ng", sec=dict(
    dx="A. SOFT TISSUE, LEFT SHOULDER, EXCISION:\n   - LIPOMA, 6.5 CM.",
    hx="54-year-old man with a soft mobile subcutaneous mass over the left shoulder.",
    gross="Received a yellow lobulated encapsulated fatty mass 6.5 x 5.0 x 2.5 cm. Cut surface homogeneous.\n"
          "Representative sections A1-A3.",
    micro="Mature adipocytes of uniform size with delicate fibrous septa. No atypical stromal cells."),
  dx="8850/0:aff")
R(P, "FL029-B", "2020-03-05", "2020-03-03", CH, "original", "cap", "CS20-02011",
  "KAVANAGH, BRENDAN    MRN: 0059017    DOB: 05/05/1961 (M)", "Dana R. Whitcombe", sec=dict(
    dx="A. SOFT TISSUE, LEFT SHOULDER, CORE BIOPSY:\n   - ATYPICAL SPINDLE CELL PROLIFERATION WITHIN ADIPOSE TISSUE.\n"
       "   - SEE COMMENT.",
    comment="The findings are not diagnostic on this limited sample. The case has been sent to Meadowvale\n"
            "Medical Center soft tissue service for expert review and MDM2 testing.",
    hx="58-year-old man, lipoma excised from the left shoulder in 2015, now a 9 cm deep mass at the same site.",
    gross="Received four cores of yellow-tan tissue, 0.5 to 1.3 cm. Entirely submitted in A1.",
    micro="Adipose tissue with areas of moderately cellular atypical spindle cells in collagenous stroma.",
    ihc="CD34 is positive. S100 stains adipocytes only (positive). Desmin is negative."),
  dx="8850/0:hist", st="CD34:+ S100:+ desmin:-")
R(P, "FL029-C", "2020-03-20", "2020-03-03", MV, "review", "cap", "R20-00135",
  "KAVANAGH, BRENDAN    MRN: MV-8844023    DOB: 05/05/1961 (M)", "Ravi S. Anand", sec=dict(
    material="Material: 2 H&E slides and block A1, outside accession CS20-02011 (Cedar Hollow).",
    dx="SOFT TISSUE, LEFT SHOULDER, CORE BIOPSY (OUTSIDE CS20-02011, 03/03/2020):\n   - DEDIFFERENTIATED LIPOSARCOMA.",
    comment="The cellular spindle cell areas are non-lipogenic and MDM2/CDK4 positive. Resection at a\n"
            "sarcoma center is recommended.",
    hx="Outside core: atypical spindle cell proliferation in fat. Prior excision at this site (2015).",
    micro="Cellular fascicles of moderately atypical spindle cells with 6 mitoses per 10 HPF abutting adipose\n"
          "tissue containing scattered atypical hyperchromatic cells.",
    ihc="MDM2 and CDK4 are positive (nuclear) in the spindle and atypical stromal cells."),
  dx="8858/3:aff", st="MDM2:+ CDK4:+")
F(P, "benign_to_malignant", "FL029-A", "FL029-C")
S(P, "2015 outside lipoma. 2020 outside core: atypical spindle cell proliferation (no coded dx). In-house review of the 2020 core: DDLPS.",
  "b2m A->C (review report with a strictly later specimen date counts as a later report); no review_discordance (B has no benign/malignant dx)")
