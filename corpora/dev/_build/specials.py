# Hand-written dev reports (gold written by hand next to each text).
SP = []
def add(pid, rid, rdate, inst, text, dx, st, sdate=None, rtype=None):
    rec = {"patient_id": pid, "report_id": rid, "report_date": rdate}
    if sdate: rec["specimen_date"] = sdate
    rec["institution"] = inst
    if rtype: rec["report_type"] = rtype
    rec["text"] = text.strip("\n") + "\n"
    g = {"report_id": rid, "diagnoses": [{"icdo3": c, "assertion": a} for c, a in dx], "stains": [{"marker": m, "result": r} for m, r in st]}
    SP.append((rec, g))

add("D-0056", "DEV-H01-S19-07731", "2019-04-02", "Lakeshore University Medical Center", """
LAKESHORE UNIVERSITY MEDICAL CENTER - DEPARTMENT OF PATHOLOGY
SURGICAL PATHOLOGY REPORT
Accession #: S19-07731      Collected: 03/29/2019      Signed: 04/02/2019
Patient: WINSLOW, NADIA    MRN: SYN551092    Age/Sex: 44/F
Submitting physician: Marcus Feld, MD

FINAL DIAGNOSIS:
A. UTERINE MASS, LAPAROSCOPIC MYOMECTOMY:
   - ATYPICAL SMOOTH MUSCLE NEOPLASM, 8.5 CM; FINAL CLASSIFICATION PENDING
     IMMUNOHISTOCHEMISTRY (SEE COMMENT; ADDENDUM TO FOLLOW).

COMMENT:
The tumor shows focal moderate to severe atypia and up to 9 mitoses per 10 HPF. An area of
necrosis is present but its type is uncertain on H&E. The differential diagnosis includes STUMP
and leiomyosarcoma. Additional immunostains (p16, p53, Ki-67) have been ordered.

CLINICAL HISTORY:
44-year-old with an enlarging intramural fibroid on ultrasound.

GROSS DESCRIPTION:
Received fresh is a 8.5 x 7.0 x 6.2 cm tan-white nodule with a soft, bulging, focally yellow cut
surface; a well-demarcated 1.5 cm area of yellow necrosis is present. Sections A1-A16.

MICROSCOPIC DESCRIPTION:
Fascicles of smooth muscle cells with focal moderate to severe nuclear atypia, multinucleated
forms and up to 9 mitoses per 10 HPF. The necrosis lacks granulation tissue or hyalinization at
its edges but ghost vessels are not convincingly seen.

Electronically signed out by Lena Lindqvist, MD on 04/02/2019 16:12
""", [("8890/0", "historical"), ("8897/1", "uncertain"), ("8890/3", "uncertain")], [], sdate="2019-03-29", rtype="original")

add("D-0056", "DEV-H02-S19-07731-AD1", "2019-04-09", "Lakeshore University Medical Center", """
LAKESHORE UNIVERSITY MEDICAL CENTER - DEPARTMENT OF PATHOLOGY
*** ADDENDUM REPORT ***
Accession #: S19-07731      Collected: 03/29/2019      Addendum signed: 04/09/2019
Patient: WINSLOW, NADIA    MRN: SYN551092    Age/Sex: 44/F

ADDENDUM:
Immunohistochemistry performed on block A7:
  p16: Positive (diffuse, strong, block-type)
  p53: Positive (diffuse strong nuclear staining, aberrant pattern)
  Ki-67: ~45%
  Desmin: Positive (diffuse)
  h-Caldesmon: Positive
  CD10: Negative

The diffuse p16 and aberrant p53 staining together with a high Ki-67 index, in the context of
the morphology (moderate to severe atypia, 9 mitoses/10 HPF and probable tumor cell necrosis),
support a diagnosis of malignancy.

ADDENDUM DIAGNOSIS:
A. UTERINE MASS, LAPAROSCOPIC MYOMECTOMY:
   - LEIOMYOSARCOMA, 8.5 CM.

The case was presented at the gynecologic tumor board on 04/08/2019.
Previously reported diagnosis: see original report dated 04/02/2019.

Addendum electronically signed out by Lena Lindqvist, MD on 04/09/2019 11:40
""", [("8890/3", "affirmed")], [("p16", "positive"), ("p53", "positive"), ("Ki-67", "positive"), ("desmin", "positive"), ("h-caldesmon", "positive"), ("CD10", "negative")], sdate="2019-03-29", rtype="addendum")

add("D-0057", "DEV-H03-16-K3380", "2016-09-14", "Coastline Pathology Services", """
COASTLINE PATHOLOGY SERVICES
HISTOPATHOLOGY                              Lab No: 16-K3380
Patient: Fairweather, Bronwyn    UR: SYN230187    Sex: F
Collected: 09/09/2016   Reported: 14/09/2016
Requesting Dr: Dr P. Wirth

CLINICAL NOTES:
Fibroid uterus. TLH + bilateral salpingectomy.

MACROSCOPY:
Uterus and cervix 210g, 105 x 70 x 55mm. A 65mm intramural fibroid in the posterior wall with a
pale whorled cut surface and a central 10mm soft haemorrhagic area. Tubes unremarkable. 1A-1L.

MICROSCOPY:
The myometrial mass is a smooth muscle tumour with cellular areas. Mitoses are up to 4 per 10 HPF.
There is no significant atypia. The haemorrhagic area shows infarct-type necrosis with a rim of
granulation tissue. The endometrium is secretory. The tubes are unremarkable.

CONCLUSION:
1. Uterus, cervix and tubes:
- Leiomyoma with infarct-type necrosis, 65mm.
- Secretory endometrium.

Reported by Dr K. Marchetti, FRCPA      14/09/2016
""", [("8890/0", "historical"), ("8890/0", "affirmed")], [], sdate="2016-09-09", rtype="original")

add("D-0057", "DEV-H04-16-K3380-AMD", "2016-09-28", "Coastline Pathology Services", """
COASTLINE PATHOLOGY SERVICES
HISTOPATHOLOGY - AMENDED REPORT             Lab No: 16-K3380
Patient: Fairweather, Bronwyn    UR: SYN230187    Sex: F
Collected: 09/09/2016   Originally reported: 14/09/2016   Amended: 28/09/2016

*** AMENDED REPORT ***
Reason for amendment: diagnosis revised following intradepartmental review and additional
sampling (blocks 1M-1T).

CLINICAL NOTES:
Fibroid uterus. TLH + bilateral salpingectomy.

MICROSCOPY (additional blocks):
Additional sections of the posterior wall mass show a 12mm area of necrosis with an abrupt
transition from viable tumour, with perivascular sparing, raising the possibility of tumour cell
necrosis. Nuclear atypia remains mild and focal; the highest mitotic count is 4 per 10 HPF.
Desmin and h-caldesmon are diffusely positive; CD10 is negative. Ki-67 labelling index 8%.

AMENDED CONCLUSION:
1. Uterus, cervix and tubes:
- Smooth muscle tumour of uncertain malignant potential (STUMP), 65mm.
- Secretory endometrium.

Previous conclusion (14/09/2016): leiomyoma with infarct-type necrosis. This has been replaced by
the amended conclusion above. The clinician (Dr P. Wirth) was notified by telephone on 28/09/2016.

Reported by Dr K. Marchetti, FRCPA; reviewed with Dr E. Thorburn      28/09/2016
""", [("8890/0", "historical"), ("8897/1", "affirmed")], [("desmin", "positive"), ("h-caldesmon", "positive"), ("CD10", "negative"), ("Ki-67", "positive")], sdate="2016-09-09", rtype="amended")

add("D-0058", "DEV-H05-C20-0415", "2020-11-03", "Lakeshore University Medical Center", """
LAKESHORE UNIVERSITY MEDICAL CENTER
Department of Pathology - Gynecologic and Soft Tissue Pathology Consultation Service

CONSULTATION REPORT                      Consult #: C20-0415
Patient: PETRAKIS, DIANA    MRN: SYN774410    Age/Sex: 61/F
Referring pathologist: Dr H. Sato, Harbourview Private Clinic (outside #OS20-31177)
Material: 12 H&E slides, 2 unstained slides, 1 block (B3). Received 10/27/2020.

Dear Dr Sato,
Thank you for sending this uterine tumor in consultation. The referring diagnosis was
"atypical smooth muscle tumor".

MICROSCOPIC DESCRIPTION:
The tumor is composed of sheets of epithelioid cells with abundant eosinophilic to clear
cytoplasm, moderate to marked nuclear atypia and 7 mitoses per 10 HPF. There are foci of
tumor cell necrosis and the tumor permeates the myometrium with lymphovascular invasion.

IMMUNOHISTOCHEMISTRY (performed here on block B3):
Desmin: Positive (patchy)
h-Caldesmon: Positive
Pan-cytokeratin (AE1/AE3): Positive (focal)
HMB-45: Negative
Melan-A: Negative
CD10: Negative
Cyclin D1: Negative

DIAGNOSIS:
Uterus, hysterectomy (outside #OS20-31177):
- Epithelioid leiomyosarcoma.

COMMENT:
Focal keratin expression is a recognized pitfall in epithelioid smooth muscle tumors. There is
no evidence of high-grade endometrial stromal sarcoma (cyclin D1 and CD10 negative). Thank
you for the opportunity to review this case.

Electronically signed out by Amara O. Okafor, MD on 11/03/2020 10:02
""", [("8891/3", "affirmed"), ("8930/3", "negated")], [("desmin", "positive"), ("h-caldesmon", "positive"), ("pan-cytokeratin", "positive"), ("HMB-45", "negative"), ("Melan-A", "negative"), ("CD10", "negative"), ("cyclin D1", "negative")], sdate="2020-10-19", rtype="consult")

add("D-0059", "DEV-H06-17-L2211", "2017-12-05", "Wattle Grove Histopathology", """
WATTLE GROVE HISTOPATHOLOGY
HISTOPATHOLOGY                              Lab No: 17-L2211
Patient: Tran, Kylie    UR: SYN602315    Sex: F
Collected: 01/12/2017   Reported: 05/12/2017
Requesting Dr: Dr F. Gallagher

CLINICAL NOTES:
Dysmenorrhoea and menorrhagia. MRI: diffuse adenomyosis. TLH BS.

MACROSCOPY:
Uterus and cervix 145g, 95 x 65 x 50mm with attached tubes. The myometrium is thickened and
trabeculated with small haemorrhagic cysts. In the anterior wall there is an ill-defined firm
nodule 15mm, ?fibroid. Endometrium 2mm. Blocks: 1A cervix, 1B-1E myometrium including nodule,
1F-1G tubes.

MICROSCOPY:
The myometrium contains numerous islands of benign endometrial glands and stroma deep to the
endomyometrial junction, with surrounding smooth muscle hypertrophy. The nodule seen
macroscopically consists of adenomyosis. The endometrium is proliferative. The cervix shows
nabothian cysts. The fallopian tubes show paratubal cysts. There is no atypia or malignancy.

CONCLUSION:
1. Uterus, cervix and tubes:
- Adenomyosis (including the 15mm anterior wall nodule).
- Proliferative endometrium.
- Paratubal cysts.
- No evidence of malignancy.

Reported by Dr J. Nguyen-Baird, FRCPA      05/12/2017
""", [], [], sdate="2017-12-01", rtype="original")

add("D-0060", "DEV-H07-18-P0731", "2018-01-19", "St Brendan's Pathology", """
ST BRENDAN'S PATHOLOGY
HISTOPATHOLOGY
REF: 18-P0731                                            19/01/2018
Patient: McAllister, Tamsin    UR: SYN118734    Sex: F

CLINICAL HISTORY
Subserosal mass, subfertility. Laparoscopic excision.

MACROSCOPY
1) "Uterine fibroid" - A pale firm nodule 22x18x15mm with a uniform pale cut surface. Bisected.
All in. 1A-1B.

MICROSCOPY
1) Sections show a circumscribed lesion composed of flattened to cuboidal cells lining
anastomosing slit-like and gland-like channels, set among bundles of bland smooth muscle. No
atypia, mitoses or necrosis. The lining cells show strong immunolabelling for calretinin and
WT1, and are positive for pan-cytokeratin. CD34 highlights blood vessels only and is negative in
the lesional cells. The features are compatible with an adenomatoid tumour.

SUMMARY DIAGNOSIS
1) "Uterine fibroid":
- Adenomatoid tumour.
- No evidence of malignancy.

Reported by Dr E. Thorburn.     19/01/2018
""", [], [("calretinin", "positive"), ("WT1", "positive"), ("pan-cytokeratin", "positive"), ("CD34", "negative")], sdate="2018-01-16")

add("D-0061", "DEV-H08-HP-21-04412", "2021-02-11", "Kaveri Institute of Medical Sciences", """
KAVERI INSTITUTE OF MEDICAL SCIENCES
DEPARTMENT OF PATHOLOGY

HISTOPATHOLOGY REPORT
HP No.: HP-21-04412        Name: Nair, Kavya        Age/Sex: 39 Yrs/F
UHID: SYN330981        Ref. by: Dr. A. Rathod        Date: 11-02-2021

Specimen: Myomectomy specimen.

Clinical details: K/c/o fibroid uterus with menorrhagia x 2 years. Open myomectomy done.

Gross: Received single globular grey white mass measuring 7 x 6 x 5 cm. Cut section shows grey
white whorled appearance with central cystic areas filled with clear fluid. Representative
sections taken.

Microscopy: Sections show a tumour composed of interlacing bundles and fascicles of smooth muscle
cells with elongated blunt ended nuclei and moderate eosinophilic cytoplasm. Large areas of
hyalinisation and cystic degeneration are seen. No atypia / mitosis / necrosis seen.

Impression:
Myomectomy specimen - Features are consistent with leiomyoma with hyaline and cystic
degeneration.

Dr. K. Venkataraman, MD (Path)
Consultant Pathologist
*** End of Report ***
""", [("8890/0", "historical"), ("8890/0", "affirmed")], [], sdate="2021-02-08", rtype="original")

add("D-0062", "DEV-H09-S22-30019", "2022-11-08", "Mercy Valley Hospital", """
MERCY VALLEY HOSPITAL - DERMATOPATHOLOGY
SURGICAL PATHOLOGY REPORT
Accession #: S22-30019      Collected: 11/04/2022      Signed: 11/08/2022
Patient: OKONJO, JUNE    MRN: SYN448820    Age/Sex: 34/F
Submitting physician: Ingrid Solheim, MD

CLINICAL HISTORY:
Changing pigmented lesion on the left scapula. Family history: mother had melanoma at age 48.
Personal history of multiple dysplastic nevi.

FINAL DIAGNOSIS:
A. SKIN, LEFT SCAPULA, SHAVE BIOPSY:
   - JUNCTIONAL MELANOCYTIC NEVUS.
   - NO MELANOMA IDENTIFIED.
   - PERIPHERAL MARGIN FOCALLY INVOLVED BY NEVUS.

GROSS DESCRIPTION:
Received in formalin is a 0.7 x 0.6 x 0.1 cm tan-brown shave of skin with a 0.4 cm pigmented
macule. Trisected and entirely submitted in A1.

MICROSCOPIC DESCRIPTION:
The epidermis shows a lentiginous and nested proliferation of banal melanocytes confined to the
dermoepidermal junction. Nests are evenly spaced at the tips and sides of rete ridges. There is
no pagetoid scatter, no cytologic atypia and no dermal component.

Electronically signed out by Lena Lindqvist, MD on 11/08/2022 09:47
""", [("8720/3", "family"), ("8727/0", "historical"), ("8720/0", "affirmed"), ("8720/3", "negated")], [], sdate="2022-11-04", rtype="original")

add("D-0063", "DEV-H10-S23-11802", "2023-06-20", "Northgate General Hospital", """
NORTHGATE GENERAL HOSPITAL - ANATOMIC PATHOLOGY
SURGICAL PATHOLOGY REPORT
Accession #: S23-11802      Collected: 06/16/2023      Signed: 06/20/2023
Patient: TOLLIVER, MARGARET    MRN: SYN902114    Age/Sex: 58/F
Submitting physician: Marcus Feld, MD

CLINICAL HISTORY:
4 cm intramural mass of the distal esophagus on EUS. Clinical question: GIST vs leiomyoma?
Please perform CD117. Enucleation.

FINAL DIAGNOSIS:
A. ESOPHAGEAL MASS, ENUCLEATION:
   - LEIOMYOMA, 4.1 CM.
   - NEGATIVE FOR GASTROINTESTINAL STROMAL TUMOR (SEE IMMUNOHISTOCHEMISTRY).

GROSS DESCRIPTION:
Received is a 4.1 x 3.0 x 2.6 cm firm rubbery tan-white nodule with a whorled cut surface.
Representative sections A1-A4.

MICROSCOPIC DESCRIPTION:
Paucicellular fascicles of bland spindle cells with abundant eosinophilic fibrillary cytoplasm.
No atypia, necrosis or mitotic activity.

IMMUNOHISTOCHEMISTRY:
Desmin and SMA are diffusely positive in the tumor cells, while CD117, DOG1 and CD34 are negative.
CD117 highlights scattered interstitial cells of Cajal only.

Electronically signed out by Daniel R. Whitcombe, MD on 06/20/2023 14:03
""", [("8936/3", "hypothetical"), ("8890/0", "hypothetical"), ("8890/0", "affirmed"), ("8936/3", "negated")],
    [("desmin", "positive"), ("SMA", "positive"), ("CD117", "negative"), ("DOG1", "negative"), ("CD34", "negative")], sdate="2023-06-16", rtype="original")

add("D-0064", "DEV-H11-S15-20377", "2015-10-27", "Riverside Regional Laboratory", """
||| 4471029 |||  SCANNED DOCUMENT - PAGE 1/1
RIVERSIDE REGIONAL LABORATORY - SURGICAL PATHOLOGY
ACCESSION: S15-20377     COLLECTED: 10/22/2015     SIGNED: 10/27/2015
PATIENT: HARGREAVE, JUNE     MRN: SYN310557     AGE/SEX: 57/F

CLINICAL HISTORY: POSTMENOPAUSAL, ENLARGING PELVIC MASS 11 CM.

DIAGNOSIS:
A) UTERUS, TOTAL ABDOMINAL HYSTERECTOMY AND BSO:
   LEIOMYOSARC0MA, HIGH GRADE, 11.2 CM, CONFINED TO UTERUS.
   LYMPHOVASCULAR INVASION PRESENT.
B) OMENTUM: NEGATIVE F0R MALIGNANCY.

MICROSCOPIC DESCRIPTION:
FASCICLES OF MARKEDLY PLEOMORPHIC SPINDLE CELLS WITH 30 MITOSES/10 HPF AND
GEOGRAPHIC TUMOR CELL NECR0SIS.

IMMUNOHISTOCHEMISTRY:
DESMLN: POSITIVE (DIFFUSE, STR0NG)
SMA: POSITIVE
H-CALDESRNON: POSITIVE (FOCAL)
5100: NEGATIVE
CD1O: NEGATIVE
KL-67: 60%
|||| 4471029 ||||
ELECTRONICALLY SIGNED OUT BY GREGORY T. HALVORSEN, MD  10/27/2015
""", [("8890/3", "affirmed")], [("desmin", "positive"), ("SMA", "positive"), ("h-caldesmon", "positive"), ("S100", "negative"), ("CD10", "negative"), ("Ki-67", "positive")], sdate="2015-10-22")

add("D-0065", "DEV-H12-S20-05561", "2020-03-12", "Northgate General Hospital", """
NORTHGATE GENERAL HOSPITAL - ANATOMIC PATHOLOGY
SURGICAL PATHOLOGY REPORT
Accession #: S20-05561      Collected: 03/10/2020      Signed: 03/12/2020
Patient: WINSLOW, CAROL    MRN: SYN645109    Age/Sex: 47/F
Submitting physician: Theresa Moore, MD

FINAL DIAGNOSIS:
A. ENDOMETRIUM, PIPELLE BIOPSY:
   - DISORDERED PROLIFERATIVE ENDOMETRIUM.
   - NEGATIVE FOR HYPERPLASIA AND MALIGNANCY.

CLINICAL HISTORY:
Intermenstrual bleeding. Ultrasound: endometrial thickness 14 mm.

GROSS DESCRIPTION:
Received in formalin labeled "endometrium" are multiple fragments of tan-pink soft tissue and
mucus, 2.0 x 1.5 x 0.3 cm in aggregate. Entirely submitted in A1-A2.

MICROSCOPIC DESCRIPTION:
Proliferative-type endometrial glands with focal cystic dilatation and branching, in a cellular
stroma. The gland-to-stroma ratio is not increased. No cytologic atypia is present. Fragments of
benign smooth muscle are present, likely from the superficial myometrium.

Electronically signed out by Priya N. Raman, MD on 03/12/2020 12:20
""", [], [], sdate="2020-03-10", rtype="original")

add("D-0066", "DEV-H13-S17-16650", "2017-07-25", "Mercy Valley Hospital", """
MERCY VALLEY HOSPITAL - ANATOMIC PATHOLOGY
SURGICAL PATHOLOGY REPORT
Accession #: S17-16650      Collected: 07/21/2017      Signed: 07/25/2017
Patient: PETRAKIS, ROSA    MRN: SYN287714    Age/Sex: 41/F
Submitting physician: Ingrid Solheim, MD

FINAL DIAGNOSIS:
A. UTERUS, CERVIX AND RIGHT OVARY, TOTAL HYSTERECTOMY AND RIGHT OOPHORECTOMY:
   - MITOTICALLY ACTIVE LEIOMYOMA (9 MITOSES/10 HPF), 5.8 CM.
   - ADDITIONAL LEIOMYOMATA, 0.6-2.1 CM.
   - RIGHT OVARY: FOLLICULAR CYST.
B. OMENTUM, BIOPSY:
   - NEGATIVE FOR METASTATIC TUMOR.
C. PERITONEAL WASHINGS:
   - NEGATIVE FOR MALIGNANT CELLS.

COMMENT:
The dominant tumor shows 9 mitoses per 10 HPF without significant atypia and without tumor cell
necrosis. Given the young age and hormonal therapy this is best regarded as a mitotically active
leiomyoma; however, on the limited sections available for one area of slightly increased
cellularity, the possibility of a STUMP cannot be excluded. Additional sampling did not show
atypia. No features of leiomyosarcoma are present.

CLINICAL HISTORY:
Fibroid uterus; on GnRH analogue and progestogen therapy. Right ovarian cyst.

GROSS DESCRIPTION:
A. 260 g uterus with a 5.8 cm intramural fibroid (soft, tan-white) and four smaller fibroids.
Right ovary 4.0 cm with a smooth-walled unilocular cyst. Sections A1-A18.
B. Omentum 12 x 8 x 1 cm, no nodules. Sections B1-B2.

Electronically signed out by Amara O. Okafor, MD on 07/25/2017 17:21
""", [("8890/0", "affirmed"), ("8897/1", "uncertain"), ("8890/3", "negated"), ("8890/0", "historical")], [], sdate="2017-07-21", rtype="original")

add("D-0067", "DEV-H14-S18-09902", "2018-05-16", "Lakeshore University Medical Center", """
LAKESHORE UNIVERSITY MEDICAL CENTER - DEPARTMENT OF PATHOLOGY
SURGICAL PATHOLOGY REPORT
Accession #: S18-09902      Collected: 05/11/2018      Signed: 05/16/2018
Patient: MENDEZ-RUIZ, ELLEN    MRN: SYN519276    Age/Sex: 45/F
Submitting physician: Theresa Moore, MD

FINAL DIAGNOSIS:
A. UTERUS, SUPRACERVICAL HYSTERECTOMY:
   - CELLULAR LEIOMYOMA, 7.2 CM (SEE COMMENT).
   - NO EVIDENCE OF ENDOMETRIAL STROMAL NODULE OR LOW-GRADE ENDOMETRIAL STROMAL SARCOMA.

COMMENT:
Because of the high cellularity, a stain panel was performed to exclude an endometrial stromal
neoplasm. Results:
HHF-35 (+), desmin (+), SMA (+), h-caldesmon (+)
CD10 (-), cyclin D1 (-), ALK (-)
ER/PR: positive/positive (90%/60%)
WT1: positive (nuclear); inhibin: negative; calretinin: negative.
The profile supports smooth muscle differentiation.

CLINICAL HISTORY:
Enlarging fibroid, 7 cm. Heavy menstrual bleeding.

GROSS DESCRIPTION:
Uterine corpus, 320 g, with a 7.2 cm intramural fleshy tan-yellow mass that bulges on sectioning.
Sections A1-A12.

MICROSCOPIC DESCRIPTION:
Densely cellular smooth muscle tumor with thick-walled vessels and cleft-like spaces, merging
with the surrounding myometrium. No atypia, necrosis or increased mitoses (1/10 HPF).

Electronically signed out by Lena Lindqvist, MD on 05/16/2018 15:55
""", [("8892/0", "affirmed"), ("8930/0", "negated"), ("8931/3", "negated"), ("8890/0", "historical")],
    [("HHF-35", "positive"), ("desmin", "positive"), ("SMA", "positive"), ("h-caldesmon", "positive"), ("CD10", "negative"), ("cyclin D1", "negative"),
     ("ALK", "negative"), ("ER", "positive"), ("PR", "positive"), ("WT1", "positive"), ("inhibin", "negative"), ("calretinin", "negative")], sdate="2018-05-11", rtype="original")

add("D-0068", "DEV-H15-S21-27740", "2021-09-21", "Riverside Regional Laboratory", """
RIVERSIDE REGIONAL LABORATORY - SURGICAL PATHOLOGY
SURGICAL PATHOLOGY REPORT
Accession #: S21-27740      Collected: 09/17/2021      Signed: 09/21/2021
Patient: WINSLOW, ROSA    MRN: SYN820033    Age/Sex: 66/F
Submitting physician: Marcus Feld, MD

FINAL DIAGNOSIS:
A. RETROPERITONEAL MASS, CORE NEEDLE BIOPSY:
   - HIGH-GRADE SARCOMA (SEE SYNOPTIC AND COMMENT).

SYNOPTIC REPORT - SOFT TISSUE BIOPSY:
Procedure: Core needle biopsy
Histologic Type: Sarcoma, NOS (high grade)
Differential: leiomyosarcoma vs. malignant peripheral nerve sheath tumor
Mitotic Count: 18/10 HPF
Necrosis: Present
FNCLCC Grade (provisional): 3

COMMENT:
The tumor is composed of pleomorphic spindle cells in long fascicles. Immunostains: desmin is
focally positive (<5% of cells); SOX10 is negative; S100 is weakly positive in rare cells;
myogenin and MyoD1 are negative; pan-cytokeratin negative. The findings favor leiomyosarcoma,
but MPNST cannot be excluded on this limited sample.

CLINICAL HISTORY:
14 cm retroperitoneal mass abutting the IVC on CT.

GROSS DESCRIPTION:
Four tan cores, 0.8-1.7 cm, entirely submitted (A1).

Electronically signed out by Gregory T. Halvorsen, MD on 09/21/2021 13:30
""", [("8800/3", "affirmed"), ("8890/3", "uncertain"), ("9540/3", "uncertain")],
    [("desmin", "positive"), ("SOX10", "negative"), ("S100", "positive"), ("myogenin", "negative"), ("MyoD1", "negative"), ("pan-cytokeratin", "negative")], sdate="2021-09-17", rtype="original")

add("D-0069", "DEV-H16-HP-19-22871", "2019-08-30", "Shree Ganesh Diagnostic Centre", """
SHREE GANESH DIAGNOSTIC CENTRE
DEPARTMENT OF PATHOLOGY

HISTOPATHOLOGY REPORT
HP No.: HP-19-22871        Name: Shaikh, Sunita        Age/Sex: 52 Yrs/F
UHID: SYN770215        Ref. by: Dr. V. Deshmukh        Date: 30-08-2019

Specimen: Swelling right forearm - excision biopsy.

Clinical details: Swelling right forearm x 1 yr, tingling on pressure. ? Neurofibroma ? Lipoma.

Gross: Received single grey yellow encapsulated nodular tissue mass measuring 3 x 2 x 1.5 cm.
C/S grey yellow with areas of haemorrhage. Entire tissue processed.

Microscopy: Sections show an encapsulated lesion composed of spindle cells arranged in
hypercellular and hypocellular areas. Nuclear palisading is noted focally. Thick hyalinised
blood vessels seen. No atypia / necrosis.

IHC: S100 +ve (diffuse, strong), SOX10 +ve, CD34 -ve (lesional cells), EMA -ve.

Impression:
Right forearm swelling - Spindle cell lesion, favour schwannoma.
Neurofibroma is a differential diagnosis.

Dr. S. Apte, MD (Path)
Consultant Pathologist
*** End of Report ***
""", [("9540/0", "hypothetical"), ("8850/0", "hypothetical"), ("9560/0", "uncertain"), ("9540/0", "uncertain")],
    [("S100", "positive"), ("SOX10", "positive"), ("CD34", "negative"), ("EMA", "negative")], sdate="2019-08-27", rtype="original")

add("D-0070", "DEV-H17-19-M1186", "2019-03-26", "Coastline Pathology Services", """
COASTLINE PATHOLOGY SERVICES
HISTOPATHOLOGY                              Lab No: 19-M1186
Patient: Kowalski, Sienna    UR: SYN908816    Sex: F
Collected: 21/03/2019   Reported: 26/03/2019
Requesting Dr: Dr P. Wirth

CLINICAL NOTES:
Wide local excision of melanoma right calf (Breslow 0.8mm, excised 02/2019), 1cm margins.

MACROSCOPY:
Ellipse of skin 52 x 20 x 9mm with a central healing scar 25mm. Serially sliced. All in. 1A-1H.

MICROSCOPY:
Sections show a dermal scar with granulation tissue, foreign-body giant cells and suture
material. There is no residual melanocytic lesion. SOX10 shows only scattered junctional
melanocytes of normal density, without nesting.

CONCLUSION:
1. Re-excision, right calf:
- Healing scar with foreign-body reaction.
- No residual melanoma.
- Margins clear.

Reported by Dr K. Marchetti, FRCPA      26/03/2019
""", [("8720/3", "historical"), ("8720/3", "negated")], [("SOX10", "positive")], sdate="2019-03-21", rtype="original")

add("D-0071", "DEV-H18-S22-04478", "2022-02-22", "Mercy Valley Hospital", """
MERCY VALLEY HOSPITAL - ANATOMIC PATHOLOGY
SURGICAL PATHOLOGY REPORT
Accession #: S22-04478      Collected: 02/18/2022      Signed: 02/22/2022
Patient: OKONJO, DIANA    MRN: SYN203388    Age/Sex: 46/F
Submitting physician: Ingrid Solheim, MD

FINAL DIAGNOSIS:
A. COLON, TRANSVERSE, POLYPECTOMY:
   - TUBULAR ADENOMA WITH LOW-GRADE DYSPLASIA.
   - NO HIGH-GRADE DYSPLASIA OR MALIGNANCY IDENTIFIED.
B. COLON, SIGMOID, POLYPECTOMY:
   - HYPERPLASTIC POLYP.
C. RECTUM, POLYPECTOMY:
   - TUBULOVILLOUS ADENOMA, 1.8 CM, WITH FOCAL HIGH-GRADE DYSPLASIA.
   - NEGATIVE FOR INVASIVE ADENOCARCINOMA; STALK MARGIN CLEAR.

CLINICAL HISTORY:
Screening colonoscopy at 45. Family history of colon cancer (father, adenocarcinoma of the
colon at 52).

GROSS DESCRIPTION:
A. One tan polyp 0.7 cm. B. One pale polyp 0.3 cm. C. A pedunculated polyp 1.8 cm with a
0.4 cm stalk, inked and bisected. All entirely submitted.

MICROSCOPIC DESCRIPTION:
A. Tubular glands with crowded pencillate nuclei. C. Tubular and villous (~35%) architecture
with a focus of cribriform glands showing loss of polarity; no desmoplastic invasion of the
submucosa/stalk.

Electronically signed out by Daniel R. Whitcombe, MD on 02/22/2022 10:41
""", [("8211/0", "affirmed"), ("8263/0", "affirmed"), ("8140/3", "negated"), ("8140/3", "family")], [], sdate="2022-02-18", rtype="original")

add("D-0072", "DEV-H19-S18-12240-AMD", "2018-07-03", "Northgate General Hospital", """
NORTHGATE GENERAL HOSPITAL - ANATOMIC PATHOLOGY
*** AMENDED REPORT ***
Accession #: S18-12240      Collected: 06/26/2018      Amended: 07/03/2018
Patient: TOLLIVER, NADIA    MRN: SYN447102    Age/Sex: 50/F

AMENDMENT NOTE:
This report is amended to correct the laterality of specimen B (previously reported as right
adnexa; correct: left adnexa). The diagnoses are unchanged.

FINAL DIAGNOSIS:
A. UTERUS AND CERVIX, TOTAL HYSTERECTOMY:
   - LEIOMYOMATA, LARGEST 4.4 CM.
   - ATROPHIC ENDOMETRIUM.
   - CERVIX WITH SQUAMOUS METAPLASIA; NEGATIVE FOR DYSPLASIA.
B. LEFT ADNEXA, SALPINGO-OOPHORECTOMY:
   - OVARY WITH CORTICAL INCLUSION CYSTS.
   - FALLOPIAN TUBE, NO DIAGNOSTIC ABNORMALITY.

CLINICAL HISTORY:
Postmenopausal with enlarging fibroids. Hysterectomy with left salpingo-oophorectomy.

GROSS DESCRIPTION:
A. 190 g uterus with cervix containing three intramural fibroids (1.1, 2.7 and 4.4 cm).
B. Left ovary 2.4 cm and left fallopian tube 5.5 cm.

Electronically signed out by Priya N. Raman, MD on 07/03/2018 09:15
""", [("8890/0", "affirmed"), ("8890/0", "historical")], [], sdate="2018-06-26", rtype="amended")

add("D-0073", "DEV-H20-R21-0093", "2021-05-11", "Riverside Regional Laboratory", """
OUTSIDE MATERIAL REVIEW - summary
Source: Pinecrest Medical Group   Outside #: OS21-11208   Date of procedure: 04/19/2021
Hx: Gastric mass 6 cm; outside diagnosis GIST, referred for surgical oncology.
Review Dx: Stomach, wedge resection: Gastrointestinal stromal tumor, spindle cell type, 6.0 cm;
mitoses 2/5 mm2 (concur with outside diagnosis). No evidence of leiomyosarcoma or schwannoma.
IHC (outside slides reviewed): CD117 diffuse strong +, DOG1 +, CD34 +; desmin -, S100 -.
Reviewed by: Gregory T. Halvorsen, MD  05/11/2021
""", [("8936/3", "historical"), ("8936/3", "affirmed"), ("8890/3", "negated"), ("9560/0", "negated")],
    [("CD117", "positive"), ("DOG1", "positive"), ("CD34", "positive"), ("desmin", "negative"), ("S100", "negative")], sdate="2021-04-19", rtype="review")

add("D-0074", "DEV-H21-20-L5520", "2020-10-06", "Wattle Grove Histopathology", """
WATTLE GROVE HISTOPATHOLOGY
HISTOPATHOLOGY                              Lab No: 20-L5520
Patient: Tran, Bronwyn    UR: SYN556631    Sex: F
Collected: 30/09/2020   Reported: 06/10/2020
Requesting Dr: Dr F. Gallagher

CLINICAL NOTES:
Large uterine mass with pelvic sidewall extension. Debulking.

MACROSCOPY:
Uterus 640g with a 14cm fleshy, necrotic, yellow-tan mass replacing the myometrium. 1A-1V.

MICROSCOPY:
Sheets of high-grade round to epithelioid cells with scant cytoplasm, brisk mitoses (>25/10 HPF)
and extensive necrosis; focal fascicular spindle areas. Lymphovascular invasion is present.
Immunohistochemistry: cyclin D1 diffuse strong nuclear positivity (>70%); CD10 negative; ER and PR
negative; desmin focal weak; h-caldesmon negative; BCL2 positive; Ki-67 ~70%.

CONCLUSION:
1. Uterus, hysterectomy:
- High-grade sarcoma, favour high-grade endometrial stromal sarcoma.
- Leiomyosarcoma cannot be excluded; molecular testing (YWHAE/BCOR) is in progress.

Reported by Dr J. Nguyen-Baird, FRCPA      06/10/2020
""", [("8800/3", "affirmed"), ("8930/3", "uncertain"), ("8890/3", "uncertain")],
    [("cyclin D1", "positive"), ("CD10", "negative"), ("ER", "negative"), ("PR", "negative"), ("desmin", "positive"), ("h-caldesmon", "negative"), ("BCL2", "positive"), ("Ki-67", "positive")],
    sdate="2020-09-30", rtype="original")

add("D-0075", "DEV-H22-HP-22-09934", "2022-04-28", "Sanjeevani Multispeciality Hospital", """
SANJEEVANI MULTISPECIALITY HOSPITAL
DEPARTMENT OF PATHOLOGY

HISTOPATHOLOGY REPORT
HP No.: HP-22-09934        Name: Iyengar, Meera        Age/Sex: 29 Yrs/F
UHID: SYN184430        Ref. by: Dr. A. Rathod        Date: 28-04-2022

Specimen: Left breast lump - trucut biopsy (3 cores).

Clinical details: Rapidly growing left breast lump 5 x 4 cm, mobile. USG: BIRADS 4a.

Gross: Received three grey white linear cores, largest 1.5 cm. All embedded.

Microscopy: Cores show a fibroepithelial lesion with benign ducts lined by two cell layers and
moderately cellular stroma showing focal periductal condensation. Occasional leaf-like
projections are seen. Stromal mitoses 1/10 HPF. No stromal atypia or overgrowth.

Impression:
Left breast lump, trucut biopsy - Cellular fibroepithelial lesion. Benign phyllodes tumour
cannot be excluded; excision is recommended for definitive categorisation.
Negative for malignancy.

Dr. R. Mehrotra, MD (Path)
Consultant Pathologist
*** End of Report ***
""", [("9020/0", "uncertain")], [], sdate="2022-04-25", rtype="original")

add("D-0076", "DEV-H23-S24-00871", "2024-01-16", "Lakeshore University Medical Center", """
LAKESHORE UNIVERSITY MEDICAL CENTER - DEPARTMENT OF PATHOLOGY
SURGICAL PATHOLOGY REPORT
Accession #: S24-00871      Collected: 01/12/2024      Signed: 01/16/2024
Patient: PETRAKIS, JUNE    MRN: SYN660127    Age/Sex: 63/F
Submitting physician: Marcus Feld, MD

CLINICAL HISTORY:
Left lower lobe nodule 1.9 cm. History of uterine leiomyosarcoma (hysterectomy 2019) and of
melanoma of the back (2012). Rule out metastatic leiomyosarcoma vs metastatic melanoma vs primary
lung adenocarcinoma.

FINAL DIAGNOSIS:
A. LUNG, LEFT LOWER LOBE, WEDGE RESECTION:
   - METASTATIC LEIOMYOSARCOMA, COMPATIBLE WITH THE PATIENT'S KNOWN UTERINE PRIMARY, 1.9 CM.
   - NO EVIDENCE OF METASTATIC MELANOMA.
   - MARGINS NEGATIVE.

IMMUNOHISTOCHEMISTRY:
The tumor is positive for desmin, SMA and h-caldesmon and negative for SOX10, Melan-A, TTF-1
and pan-cytokeratin. ER is positive (40%).

GROSS DESCRIPTION:
Wedge of lung 8.5 x 3.0 x 2.2 cm with a 1.9 cm subpleural firm white nodule, 0.8 cm from the
stapled margin. Sections A1-A6.

MICROSCOPIC DESCRIPTION:
Fascicles of atypical spindle cells with blunt-ended nuclei, 12 mitoses/10 HPF and focal
necrosis, morphologically similar to the prior hysterectomy (S19-22031), reviewed.

Electronically signed out by Amara O. Okafor, MD on 01/16/2024 11:58
""", [("8890/3", "historical"), ("8720/3", "historical"), ("8890/6", "hypothetical"), ("8720/6", "hypothetical"), ("8140/3", "hypothetical"),
      ("8890/6", "affirmed"), ("8720/6", "negated")],
    [("desmin", "positive"), ("SMA", "positive"), ("h-caldesmon", "positive"), ("SOX10", "negative"), ("Melan-A", "negative"), ("pan-cytokeratin", "negative"), ("ER", "positive")],
    sdate="2024-01-12", rtype="original")
