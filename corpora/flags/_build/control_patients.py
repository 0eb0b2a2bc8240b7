from common import R, S
from flag_patients import MV, CH, PD, OR, KB, IB, KM, TD, DC

# ---------------------------------------------------------------- FL-030 direction (melanocytic)
P = "FL-030"
R(P, "FL030-A", "2013-04-18", "2013-04-16", KB, "original", "au", "KB13-061180",
  "WHITTAKER, Graham   MRN: KB-2015576   DOB: 02/02/1958 (M)", "Angus McTavish", sec=dict(
    hx="Irregular pigmented lesion right upper arm, 12 mm. Excision.",
    gross="Ellipse of skin 25 x 10 mm with an irregular variegated lesion 12 mm.",
    micro="Asymmetric junctional and dermal melanocytic proliferation with pagetoid spread, confluent\n"
          "junctional nests and a dermal component without maturation. Dermal mitoses 1/mm2.",
    ihc="SOX10 and Melan-A positive; HMB-45 positive in deep dermal cells.",
    dx="Skin, right upper arm: invasive melanoma, superficial spreading type, Breslow 0.8 mm.\n"
       "Margins clear (peripheral 5 mm, deep 2 mm)."),
  dx="8720/3:aff", st="SOX10:+ Melan-A:+ HMB-45:+")
R(P, "FL030-B", "2018-06-29", "2018-06-27", KB, "original", "au", "KB18-099812",
  "WHITTAKER, Graham   MRN: KB-2015576   DOB: 02/02/1958 (M)", "Rohan Pillai", sec=dict(
    hx="History of melanoma right arm 2013. Skin check: irregular pigmented lesion left flank. Excision.",
    gross="Ellipse of skin 14 x 6 mm with a brown macule 5 mm.",
    micro="Compound melanocytic proliferation with bridging of rete ridges, lamellar fibroplasia and\n"
          "mild cytological atypia. Dermal cells mature. No pagetoid spread and no dermal mitoses.",
    dx="Skin, left flank: dysplastic compound naevus with mild atypia, completely excised.",
    comment="There is no evidence of melanoma in this specimen."),
  dx="8720/3:hist 8727/0:aff 8720/3:neg")
S(P, "2013 melanoma, then 2018 dysplastic naevus (different site). Malignant -> benign.",
  "none (direction)")

# ---------------------------------------------------------------- FL-031 different family (leiomyoma -> endometrioid)
P = "FL-031"
R(P, "FL031-A", "2014-09-06", "2014-09-04", TD, "original", "india", "HP-1409921",
  "Mrs. Usha Borkar (F/45)", "R. K. Mhaske", mrn="TDH-3320871", ref="Dr. A. Gholap (OBG)", sec=dict(
    spec="Myomectomy specimen.",
    hx="45 yrs, menorrhagia, subserosal fibroid 4 cm. Myomectomy done.",
    gross="Received a grey white globular mass 4 x 3.5 x 3 cm, C/S whorled.",
    micro="Benign tumour composed of interlacing bundles of smooth muscle cells. No atypia, no mitoses,\n"
          "no necrosis.",
    dx="Myomectomy: Leiomyoma (subserosal)."),
  dx="8890/0:hist 8890/0:aff")
R(P, "FL031-B", "2020-02-13", "2020-02-11", KM, "original", "india", "H-20-01288",
  "Mrs. Usha Borkar (F/51)", "Meenal Khare", mrn="KMH-0854471", ref="Dr. P. Nandurkar (Gynaec)", sec=dict(
    spec="Uterus with cervix and bilateral adnexa (TLH-BSO).",
    hx="Postmenopausal bleeding. Endometrial biopsy outside: endometrioid adenocarcinoma. K/c/o myomectomy\n"
       "2014 for leiomyoma.",
    gross="Uterus 160 g. Endometrium shows an exophytic grey white growth 3 x 2.5 cm in the fundus,\n"
          "invading <1/2 of myometrium grossly. A small intramural fibroid 1 cm is also seen.",
    micro="Endometrioid type adenocarcinoma, FIGO grade 1, invading 4 mm of a 15 mm myometrium. No LVSI.\n"
          "The intramural nodule is a small leiomyoma.",
    ihc="ER +ve (90%), PR +ve (70%). MLH1, PMS2, MSH2, MSH6 retained.",
    dx="TLH-BSO: Endometrioid adenocarcinoma, FIGO grade 1, myometrial invasion <50% (pT1a).\n"
       "Incidental leiomyoma (1 cm). Cervix, adnexa: free of tumour."),
  dx="8380/3:hist 8890/0:hist 8380/3:aff 8890/0:aff",
  st="ER:+ PR:+ MLH1:+ PMS2:+ MSH2:+ MSH6:+")
S(P, "2014 outside leiomyoma; 2020 in-house endometrioid adenocarcinoma (plus incidental leiomyoma).",
  "none (different family: smooth muscle vs endometrial epithelial)")

# ---------------------------------------------------------------- FL-032 different family (naevus -> LMS)
P = "FL-032"
R(P, "FL032-A", "2012-08-23", "2012-08-21", PD, "original", "cap", "PD12-13350",
  "RASMUSSEN, INGRID    MRN: PD-070215    DOB: 12/12/1966 (F)", "Simone Ardelean", sec=dict(
    dx="A. SKIN, LEFT CHEEK, SHAVE:\n   - INTRADERMAL NEVUS.\n   - BASE INVOLVED.",
    hx="45-year-old woman with a flesh-colored papule for cosmetic removal.",
    gross="Received in formalin is a tan shave 0.5 x 0.5 x 0.2 cm, entirely submitted.",
    micro="Nests and cords of bland nevus cells in the dermis with maturation. No junctional component.\n"
          "No atypia or mitoses."),
  dx="8720/0:aff")
R(P, "FL032-B", "2019-01-17", "2019-01-15", MV, "original", "cap", "S19-01927",
  "RASMUSSEN, INGRID    MRN: MV-6530298    DOB: 12/12/1966 (F)", "Helen J. Marchetti", sec=dict(
    dx="A. RETROPERITONEAL MASS, RESECTION WITH INFERIOR VENA CAVA SEGMENT:\n"
       "   - LEIOMYOSARCOMA, 11 CM, ARISING FROM THE IVC WALL.\n   - MARGINS NEGATIVE.",
    syn="Histologic Type: Leiomyosarcoma\nTumor Size: 11 cm\nMitotic Count: 14 per 10 HPF\nNecrosis: Present (40%)\n"
        "FNCLCC Grade: 3\nMargins: Negative",
    hx="52-year-old with a retroperitoneal mass involving the IVC.",
    gross="Mass 11 x 9 x 7 cm attached to a 5 cm segment of IVC; fleshy tan-white cut surface with necrosis.",
    ihc="SMA, desmin and h-caldesmon are positive. S100, SOX10 and CD117 are negative."),
  dx="8890/3:aff", st="SMA:+ desmin:+ h-caldesmon:+ S100:- SOX10:- CD117:-")
S(P, "2012 intradermal naevus; 2019 IVC leiomyosarcoma.", "none (different family: melanocytic vs smooth muscle)")

# ---------------------------------------------------------------- FL-033 negated later (smooth muscle)
P = "FL-033"
R(P, "FL033-A", "2016-07-14", "2016-07-12", CH, "original", "cap", "CS16-06054",
  "FONTAINE, ADELE    MRN: 0064412    DOB: 03/03/1976 (F)", "Dana R. Whitcombe", sec=dict(
    dx="A. UTERUS, LAPAROSCOPIC SUPRACERVICAL HYSTERECTOMY (MORCELLATED):\n   - LEIOMYOMATA, AGGREGATE 480 G.\n"
       "   - PROLIFERATIVE ENDOMETRIUM.",
    hx="40-year-old with symptomatic fibroids.",
    gross="Received in formalin are multiple morcellated fragments of whorled tan-white tissue, 480 g in\n"
          "aggregate. Representative sections A1-A10.",
    micro="Fragments of bland smooth muscle neoplasm without atypia, necrosis or increased mitoses.\n"
          "Fragments of proliferative endometrium are present."),
  dx="8890/0:hist 8890/0:aff")
R(P, "FL033-B", "2021-05-20", "2021-05-18", MV, "original", "cap", "S21-16244",
  "FONTAINE, ADELE    MRN: MV-8550017    DOB: 03/03/1976 (F)", "Ravi S. Anand", sec=dict(
    dx="A. PELVIC PERITONEAL NODULES (THREE), EXCISION:\n   - LEIOMYOMATA WITH HYDROPIC CHANGE (PARASITIC LEIOMYOMAS).\n"
       "   - NO EVIDENCE OF LEIOMYOSARCOMA.",
    comment="The nodules are consistent with parasitic leiomyomas after morcellation.",
    hx="45-year-old, morcellated supracervical hysterectomy for leiomyomata (2016). Three new pelvic nodules.",
    gross="Three firm white nodules, 1.5 to 3.2 cm, whorled cut surfaces.",
    micro="Bland smooth muscle cells with hydropic change; no atypia, mitoses under 1 per 10 HPF, no necrosis.",
    ihc="Desmin and h-caldesmon positive. Ki-67 <1%."),
  dx="8890/0:hist 8890/0:aff 8890/3:neg", st="desmin:+ h-caldesmon:+ Ki-67:+")
S(P, "2016 morcellated leiomyomata; 2021 parasitic leiomyomas, 'No evidence of leiomyosarcoma'.",
  "none (negated later mention; benign after benign)")

# ---------------------------------------------------------------- FL-034 negated later (melanocytic)
P = "FL-034"
R(P, "FL034-A", "2017-03-09", "2017-03-07", IB, "original", "au", "IP17-031772",
  "BYRNE, Siobhan   MRN: IB-0775408   DOB: 15/10/1991 (F)", "Mei-Lin Barraclough", sec=dict(
    hx="Pigmented lesion back, changing. Shave.",
    gross="Shave of skin 7 x 6 x 2 mm with a brown papule. Bisected, all embedded.",
    micro="Compound melanocytic proliferation of regular junctional nests and dermal nests that mature with\n"
          "depth. No atypia, pagetoid spread or dermal mitoses. Lesion at the peripheral margin.",
    dx="Skin, back: compound naevus, extending to the peripheral margin."),
  dx="8720/0:aff")
R(P, "FL034-B", "2018-05-24", "2018-05-22", IB, "original", "au", "IP18-060933",
  "BYRNE, Siobhan   MRN: IB-0775408   DOB: 15/10/1991 (F)", "Rohan Pillai", sec=dict(
    hx="Recurrent pigmentation at the site of a shaved naevus on the back. Exclude melanoma.",
    gross="Ellipse of skin 18 x 7 mm with a central scar 6 mm and faint pigmentation.",
    micro="Dermal scar with a small population of bland junctional melanocytes confined to the epidermis\n"
          "over the scar (recurrent naevus phenomenon). No dermal atypical melanocytes.",
    ihc="SOX10 highlights a normal density of junctional melanocytes; HMB-45 is negative in the dermis.",
    dx="Skin, back, re-excision: scar with recurrent naevus, completely excised. Negative for melanoma."),
  dx="8720/0:hist 8720/0:aff 8720/3:hyp 8720/3:neg", st="SOX10:+ HMB-45:-")
S(P, "2017 compound naevus (margin involved); 2018 re-excision: recurrent naevus, 'Negative for melanoma' (clinical 'Exclude melanoma').",
  "none (negated + hypothetical later mentions)")

# ---------------------------------------------------------------- FL-035 hypothetical later (adipocytic)
P = "FL-035"
R(P, "FL035-A", "2015-06-11", "2015-06-09", MV, "original", "cap", "S15-20113",
  "GUTIERREZ, ROBERTO    MRN: MV-2807733    DOB: 07/07/1960 (M)", "Helen J. Marchetti", sec=dict(
    dx="A. SOFT TISSUE, RIGHT BACK, EXCISION:\n   - LIPOMA, 7.0 CM.",
    hx="54-year-old man with a soft subcutaneous mass of the right back.",
    gross="Encapsulated yellow lobulated fatty tissue 7.0 x 5.5 x 2.5 cm. Representative sections A1-A3.",
    micro="Mature adipose tissue with thin fibrous septa. No atypia or lipoblasts."),
  dx="8850/0:aff")
R(P, "FL035-B", "2020-08-06", "2020-08-04", MV, "original", "cap", "S20-25570",
  "GUTIERREZ, ROBERTO    MRN: MV-2807733    DOB: 07/07/1960 (M)", "Ravi S. Anand", sec=dict(
    dx="A. SOFT TISSUE, LEFT THIGH, EXCISION:\n   - LIPOMA WITH FAT NECROSIS, 9.5 CM.",
    comment="MDM2 and CDK4 immunostains are negative. There are no features of atypical lipomatous tumor.",
    hx="59-year-old, lipoma of the back excised 2015. New deep left thigh fatty mass 9 cm with a\n"
       "heterogeneous area on MRI. Rule out liposarcoma.",
    gross="Lobulated yellow fatty mass 9.5 x 7.0 x 4.0 cm with a 1.5 cm chalky yellow-white area.",
    micro="Mature adipocytes of uniform size with a focus of fat necrosis containing lipid-laden\n"
          "macrophages and multinucleated giant cells. No atypical stromal cells or lipoblasts.",
    ihc="MDM2: negative. CDK4: negative. CD68 highlights the macrophages."),
  dx="8850/0:hist 8850/3:hyp 8850/0:aff 8850/1:neg", st="MDM2:- CDK4:- CD68:+")
S(P, "2015 lipoma back; 2020 thigh lipoma with fat necrosis; clinical 'Rule out liposarcoma'; 'no features of ALT'.",
  "none (hypothetical later mention; benign after benign)")

# ---------------------------------------------------------------- FL-036 family (melanocytic)
P = "FL-036"
R(P, "FL036-A", "2016-11-03", "2016-11-01", PD, "original", "cap", "PD16-18022",
  "SORENSEN, MAJA    MRN: PD-190334    DOB: 04/19/1988 (F)", "Simone Ardelean", sec=dict(
    dx="A. SKIN, LEFT SHOULDER, PUNCH EXCISION:\n   - DYSPLASTIC JUNCTIONAL NEVUS WITH MODERATE ATYPIA.\n   - MARGINS CLEAR.",
    hx="28-year-old with multiple atypical nevi.",
    gross="Received in formalin is a 6 mm punch of skin with a brown macule, trisected, entirely submitted.",
    micro="Lentiginous and nested junctional melanocytic proliferation with bridging, lamellar fibroplasia\n"
          "and moderate cytologic atypia. No pagetoid spread."),
  dx="8727/0:hist 8727/0:aff")
R(P, "FL036-B", "2021-06-17", "2021-06-15", PD, "original", "cap", "PD21-11045",
  "SORENSEN, MAJA    MRN: PD-190334    DOB: 04/19/1988 (F)", "Keisha L. Broadnax", sec=dict(
    dx="A. SKIN, RIGHT CALF, SHAVE:\n   - COMPOUND NEVUS, COMPLETELY EXCISED.",
    hx="33-year-old with dysplastic nevus history. Mother had melanoma at 45; maternal aunt also had\n"
       "melanoma. New pigmented papule right calf.",
    gross="Received in formalin is a shave 0.6 x 0.5 x 0.2 cm, bisected and entirely submitted.",
    micro="Symmetric compound melanocytic nevus with regular junctional nests and maturing dermal nevus cells.\n"
          "No atypia, pagetoid spread or mitoses.",
    ihc="SOX10 highlights junctional and dermal nevus cells."),
  dx="8727/0:hist 8720/3:fam 8720/0:aff", st="SOX10:+")
S(P, "2016 dysplastic naevus; 2021 compound naevus; clinical 'Mother had melanoma'.",
  "none (family mention only)")

# ---------------------------------------------------------------- FL-037 history-only
P = "FL-037"
R(P, "FL037-A", "2015-12-03", "2015-12-01", CH, "original", "cap", "CS15-10622",
  "HARGREAVES, DONNA    MRN: 0060781    DOB: 08/08/1966 (F)", "Walter P. Ng", sec=dict(
    dx="A. UTERUS AND CERVIX, HYSTERECTOMY:\n   - LEIOMYOMATA, LARGEST 4.5 CM.\n   - ADENOMYOSIS.\n   - BENIGN CERVIX.",
    hx="49-year-old with menorrhagia.",
    gross="Uterus 240 g with three intramural nodules, 1.0 to 4.5 cm, white and whorled.",
    micro="The nodules are composed of bland smooth muscle fascicles; no atypia or necrosis. Endometrial\n"
          "glands and stroma are present deep within the myometrium."),
  dx="8890/0:aff")
R(P, "FL037-B", "2021-02-11", "2021-02-09", MV, "original", "cap", "S21-04702",
  "HARGREAVES, DONNA    MRN: MV-8250016    DOB: 08/08/1966 (F)", "Helen J. Marchetti", sec=dict(
    dx="A. LUNG, RIGHT MIDDLE LOBE NODULE, CT-GUIDED CORE BIOPSY:\n   - ORGANIZING PNEUMONIA.\n"
       "   - NEGATIVE FOR MALIGNANCY.",
    comment="Clinical and radiologic follow-up is advised.",
    hx="54-year-old with a history of leiomyosarcoma of the left thigh (2010, treated elsewhere) and a\n"
       "hysterectomy in 2015. New 1.4 cm right middle lobe nodule.",
    gross="Received in formalin are two tan cores, 0.9 and 1.1 cm. Entirely submitted.",
    micro="Alveolar spaces contain plugs of loose fibroblastic tissue (Masson bodies) with mild interstitial\n"
          "chronic inflammation and reactive pneumocytes. No atypical spindle cells are seen.",
    ihc="Desmin is negative in the fibroblastic plugs; pan-cytokeratin highlights reactive pneumocytes."),
  dx="8890/3:hist", st="desmin:- pan-cytokeratin:+")
S(P, "2015 leiomyomata; 2021 lung core: organizing pneumonia; only malignant mention is 'history of leiomyosarcoma of the left thigh (2010)' in CLINICAL HISTORY.",
  "none (history-only)")

# ---------------------------------------------------------------- FL-038 benign + malignant in the same report
P = "FL-038"
R(P, "FL038-A", "2016-04-21", "2016-04-19", MV, "original", "cap", "S16-13380",
  "YAMAMOTO, KEIKO    MRN: MV-3376641    DOB: 09/09/1969 (F)", "Ravi S. Anand", sec=dict(
    dx="A. ENDOMETRIUM, BIOPSY:\n   - DISORDERED PROLIFERATIVE ENDOMETRIUM.\n   - NEGATIVE FOR HYPERPLASIA AND MALIGNANCY.",
    hx="46-year-old with irregular bleeding.",
    gross="Received in formalin are fragments of tan-red soft tissue, 1.8 x 1.5 x 0.3 cm in aggregate. A1.",
    micro="Proliferative-type endometrial glands with focal dilatation and budding, in cellular stroma.\n"
          "No cytologic atypia. No stromal breakdown."),
  dx="")
R(P, "FL038-B", "2019-10-10", "2019-10-08", MV, "original", "cap", "S19-33906",
  "YAMAMOTO, KEIKO    MRN: MV-3376641    DOB: 09/09/1969 (F)", "Helen J. Marchetti", sec=dict(
    dx="A. UTERUS, CERVIX AND BILATERAL ADNEXA, TOTAL HYSTERECTOMY AND BSO:\n"
       "   - LEIOMYOSARCOMA, 8.2 CM, FUNDUS, CONFINED TO THE UTERUS.\n"
       "   - SEPARATE LEIOMYOMATA (TWO), 1.5 AND 3.0 CM.\n   - ADNEXA WITHOUT TUMOR.",
    syn="Histologic Type: Leiomyosarcoma\nTumor Size: 8.2 cm\nMitotic Count: 19 per 10 HPF\nTumor Necrosis: Present\n"
        "Lymphovascular Invasion: Not identified\npT: pT1b",
    hx="50-year-old with a rapidly enlarging uterus.",
    gross="Uterus 820 g. Fundal mass 8.2 cm, soft and fleshy with hemorrhage and necrosis; two separate\n"
          "firm white whorled intramural nodules (1.5 and 3.0 cm).",
    ihc="The fundal tumor is positive for desmin, SMA and h-caldesmon; CD10 is negative."),
  dx="8890/3:aff 8890/0:aff", st="desmin:+ SMA:+ h-caldesmon:+ CD10:-")
S(P, "2016 endometrial biopsy (no coded dx); 2019 hysterectomy with LMS and separate leiomyomata in the same report.",
  "none (benign and malignant in the same report)")

# ---------------------------------------------------------------- FL-039 gross-only malignant word
P = "FL-039"
R(P, "FL039-A", "2014-01-30", "2014-01-28", TD, "original", "india", "HP-1400377",
  "Mrs. Nirmala Sonawane (F/42)", "R. K. Mhaske", mrn="TDH-2988714", ref="Dr. A. Gholap (OBG)", sec=dict(
    spec="Uterus with cervix (TAH).",
    hx="42 yrs, menorrhagia, fibroid uterus.",
    gross="Uterus 290 g with two intramural fibroids 5 cm and 3 cm, C/S grey white whorled.",
    micro="Interlacing fascicles of benign smooth muscle cells. No atypia, no mitoses, no necrosis.\n"
          "Endometrium: secretory. Cervix: chronic cervicitis.",
    dx="TAH: Leiomyomas (intramural). Secretory endometrium. Chronic cervicitis."),
  dx="8890/0:hist 8890/0:aff")
R(P, "FL039-B", "2020-09-10", "2020-09-08", KM, "original", "india", "H-20-07766",
  "Mrs. Nirmala Sonawane (F/48)", "Sanjay Kelkar", mrn="KMH-0889902", ref="Dr. V. Sabnis (Surg Onco)", sec=dict(
    spec="Pelvic mass - excision.",
    hx="K/c/o hysterectomy 2014 (leiomyomas). Now 6 cm left pelvic mass.",
    gross="Received in formalin, container labelled \"pelvic mass ?sarcoma ?leiomyosarcoma\". A grey white\n"
          "firm nodular mass 6 x 5 x 4 cm with whorled cut surface and cystic areas. No necrosis.",
    micro="Benign smooth muscle tumour with hydropic and cystic degeneration. No atypia. Mitoses <1/10 HPF.\n"
          "No tumour cell necrosis.",
    ihc="Desmin +ve, SMA +ve. Ki-67 <1%.",
    dx="Pelvic mass, excision: Leiomyoma with hydropic degeneration (residual / parasitic)."),
  dx="8890/0:hist 8890/0:aff", st="desmin:+ SMA:+ Ki-67:+")
S(P, "2014 leiomyomas; 2020 pelvic leiomyoma; '?sarcoma ?leiomyosarcoma' appears only in the GROSS container label.",
  "none (gross-only malignant words)")

# ---------------------------------------------------------------- FL-040 benign after benign (colorectal)
P = "FL-040"
R(P, "FL040-A", "2014-03-13", "2014-03-11", CH, "original", "cap", "CS14-02240",
  "OYELARAN, SAMUEL    MRN: 0050919    DOB: 06/06/1956 (M)", "Dana R. Whitcombe", sec=dict(
    dx="A. COLON, ASCENDING, POLYPECTOMY:\n   - TUBULAR ADENOMA.\nB. COLON, SIGMOID, POLYPECTOMY:\n   - TUBULAR ADENOMA.",
    hx="57-year-old, screening colonoscopy; two polyps (0.6 and 0.8 cm).",
    gross="A. Tan polyp 0.6 cm, entirely submitted. B. Tan polyp 0.8 cm, entirely submitted.",
    micro="Both polyps show tubular adenomatous glands with low-grade dysplasia. No high-grade dysplasia."),
  dx="8211/0:aff")
R(P, "FL040-B", "2017-04-06", "2017-04-04", CH, "original", "cap", "CS17-02785",
  "OYELARAN, SAMUEL    MRN: 0050919    DOB: 06/06/1956 (M)", "Walter P. Ng", sec=dict(
    dx="A. COLON, TRANSVERSE, POLYPECTOMY:\n   - TUBULAR ADENOMA, 1.1 CM.\n   - NEGATIVE FOR HIGH-GRADE DYSPLASIA AND INVASIVE CARCINOMA.",
    hx="Surveillance; history of tubular adenomas (2014).",
    gross="Received in formalin is a polyp 1.1 x 0.8 x 0.6 cm, inked and bisected. A1.",
    micro="Tubular adenoma with low-grade dysplasia. The cauterized margin is free."),
  dx="8211/0:hist 8211/0:aff")
R(P, "FL040-C", "2020-05-14", "2020-05-12", MV, "original", "cap", "S20-14418",
  "OYELARAN, SAMUEL    MRN: MV-8120955    DOB: 06/06/1956 (M)", "Ravi S. Anand", sec=dict(
    dx="A. COLON, CECUM, POLYPECTOMY:\n   - SESSILE SERRATED LESION WITHOUT DYSPLASIA.\n"
       "B. RECTUM, POLYPECTOMY:\n   - HYPERPLASTIC POLYP.",
    hx="Surveillance colonoscopy; prior tubular adenomas. Flat cecal polyp 1.2 cm; rectal polyp 0.3 cm.",
    gross="A. Tan fragments 1.2 cm in aggregate. B. Tan polyp 0.3 cm.",
    micro="A. Serrated crypts with basal dilatation, boot- and L-shaped crypts. No dysplasia.\n"
          "B. Serrated crypts limited to the upper half, normal crypt bases."),
  dx="8211/0:hist 8213/0:aff")
S(P, "2014 and 2017 tubular adenomas; 2020 sessile serrated lesion + hyperplastic polyp.",
  "none (benign after benign)")

# ---------------------------------------------------------------- FL-041 uncertain benign prior
P = "FL-041"
R(P, "FL041-A", "2016-02-04", "2016-02-02", KB, "original", "au", "KB16-018807",
  "ANDERSSON, Kirsty   MRN: KB-3022108   DOB: 01/12/1970 (F)", "Angus McTavish", sec=dict(
    hx="Pelvic mass 70 mm, ?uterine origin, ?ovarian. Core biopsy.",
    gross="Three cores of firm white tissue, 8-14 mm. All embedded (A1).",
    micro="Fascicles of spindle cells with eosinophilic cytoplasm and bland elongated nuclei. No atypia;\n"
          "mitoses are not seen. No necrosis in the sample.",
    ihc="Desmin, SMA and h-caldesmon positive. CD10 negative. CD117 and DOG1 negative.",
    dx="Pelvic mass, core biopsy: smooth muscle neoplasm, favour leiomyoma.",
    comment="Sampling is limited; the excision specimen will allow full assessment of atypia, mitoses and\n"
            "necrosis."),
  dx="8890/0:unc", st="desmin:+ SMA:+ h-caldesmon:+ CD10:- CD117:- DOG1:-")
R(P, "FL041-B", "2016-03-17", "2016-03-15", KB, "original", "au", "KB16-038315",
  "ANDERSSON, Kirsty   MRN: KB-3022108   DOB: 01/12/1970 (F)", "Fiona Strathdee", sec=dict(
    hx="Pelvic mass, core (KB16-018807) smooth muscle neoplasm. Total hysterectomy and BSO.",
    gross="Uterus 610 g with a subserosal pedunculated mass 75 mm, soft and tan with yellow necrotic areas.",
    micro="Cellular smooth muscle tumour with diffuse moderate atypia, 13 mitoses per 10 HPF and coagulative\n"
          "tumour cell necrosis. Serosa breached focally.",
    ihc="Desmin and h-caldesmon positive. p16 diffusely positive. Ki-67 35%.",
    dx="Uterus, hysterectomy: leiomyosarcoma, 75 mm, subserosal.",
    syn="Histological type: leiomyosarcoma\nSize: 75 mm\nMitoses: 13/10 HPF\nNecrosis: present\nFIGO stage: IB"),
  dx="8890/3:aff", st="desmin:+ h-caldesmon:+ p16:+ Ki-67:+")
S(P, "2016 core: smooth muscle neoplasm, 'favour leiomyoma' (uncertain); 6 weeks later hysterectomy: LMS.",
  "none (prior benign is not affirmed)")

# ---------------------------------------------------------------- FL-042 melanoma in situ -> melanoma
P = "FL-042"
R(P, "FL042-A", "2015-09-10", "2015-09-08", IB, "original", "au", "IP15-140712",
  "BARTHOLOMEW, Ronald   MRN: IB-0671129   DOB: 19/01/1947 (M)", "Mei-Lin Barraclough", sec=dict(
    hx="Irregular pigmented macule right cheek 15 mm. Excision.",
    gross="Ellipse of skin 30 x 14 mm with an irregular tan-brown macule 15 mm.",
    micro="Sun-damaged skin with a confluent lentiginous proliferation of atypical junctional melanocytes\n"
          "extending down adnexal epithelium. No dermal invasion on multiple levels.",
    ihc="SOX10 and Melan-A highlight the confluent junctional atypical melanocytes.",
    dx="Skin, right cheek: melanoma in situ (lentigo maligna type). Margins clear (closest 3 mm)."),
  dx="8720/2:aff", st="SOX10:+ Melan-A:+")
R(P, "FL042-B", "2020-11-19", "2020-11-17", KB, "original", "au", "KB20-201117",
  "BARTHOLOMEW, Ronald   MRN: KB-6441270   DOB: 19/01/1947 (M)", "Rohan Pillai", sec=dict(
    hx="Melanoma in situ right cheek 2015. New nodule at the edge of the scar. Excision.",
    gross="Ellipse of skin 28 x 12 mm with a pink-brown nodule 6 mm.",
    micro="Invasive melanoma with a dermal nodule of spindled and epithelioid melanocytes, with an in situ\n"
          "component at the edge. Dermal mitoses 4/mm2.",
    ihc="SOX10 positive; Melan-A positive. HMB-45 negative in the spindle cells.",
    dx="Skin, right cheek: invasive melanoma (lentigo maligna melanoma), Breslow 2.1 mm, Clark level IV.\n"
       "Margins clear of melanoma (closest 4 mm).",
    syn="Breslow thickness: 2.1 mm\nUlceration: absent\nMitoses: 4/mm2\nMicrosatellites: absent\npT: pT3a"),
  dx="8720/2:hist 8720/3:aff 8720/3:neg", st="SOX10:+ Melan-A:+ HMB-45:-")
S(P, "2015 melanoma in situ (8720/2); 2020 invasive melanoma at the scar.",
  "none (in situ prior is neither benign nor uncertain-potential)")

# ---------------------------------------------------------------- FL-043 atypical hyperplasia -> endometrioid carcinoma
P = "FL-043"
R(P, "FL043-A", "2018-01-25", "2018-01-23", MV, "original", "cap", "S18-02904",
  "CHATTERTON, BEVERLY    MRN: MV-5290318    DOB: 10/10/1961 (F)", "Ravi S. Anand", sec=dict(
    dx="A. ENDOMETRIUM, PIPELLE BIOPSY:\n   - ATYPICAL HYPERPLASIA / ENDOMETRIOID INTRAEPITHELIAL NEOPLASIA (EIN).",
    comment="Hysterectomy is recommended given the risk of a coexisting carcinoma.",
    hx="56-year-old with postmenopausal bleeding; endometrial thickness 14 mm; BMI 41.",
    gross="Received in formalin are tan-pink fragments, 2.2 x 1.8 x 0.4 cm in aggregate. Entirely submitted A1-A2.",
    micro="Crowded endometrioid glands with a gland-to-stroma ratio exceeding 1:1 and cytologic alteration\n"
          "compared with background glands. No confluent or cribriform growth; no stromal invasion.",
    ihc="PAX8 positive; PTEN shows loss in the crowded glands."),
  dx="8380/2:aff", st="PAX8:+")
R(P, "FL043-B", "2018-03-09", "2018-03-07", MV, "original", "cap", "S18-08816",
  "CHATTERTON, BEVERLY    MRN: MV-5290318    DOB: 10/10/1961 (F)", "Helen J. Marchetti", sec=dict(
    dx="A. UTERUS, CERVIX, BILATERAL TUBES AND OVARIES, ROBOTIC HYSTERECTOMY AND BSO:\n"
       "   - ENDOMETRIOID ADENOCARCINOMA, FIGO GRADE 1, 1.8 CM.\n   - MYOMETRIAL INVASION 3 MM OF 16 MM (<50%).\n"
       "   - BACKGROUND ATYPICAL HYPERPLASIA.\n   - CERVIX AND ADNEXA FREE OF TUMOR.",
    syn="Histologic Type: Endometrioid carcinoma\nHistologic Grade: FIGO 1\nMyometrial Invasion: 3 mm / 16 mm\n"
        "LVSI: Not identified\nMMR: MLH1, PMS2, MSH2, MSH6 intact\npT: pT1a",
    hx="Pipelle January 2018: atypical hyperplasia.",
    gross="Uterus 140 g with a polypoid tan fundal lesion 1.8 cm; grossly superficial invasion.",
    ihc="MLH1, PMS2, MSH2 and MSH6 intact. ER 95%, PR 80%."),
  dx="8380/2:hist 8380/3:aff 8380/2:aff", st="MLH1:+ PMS2:+ MSH2:+ MSH6:+ ER:+ PR:+")
S(P, "2018 pipelle: atypical hyperplasia/EIN (8380/2); 6 weeks later hysterectomy: endometrioid adenocarcinoma.",
  "none (8380/2 prior is not benign /0)")

# ---------------------------------------------------------------- FL-044 gastric leiomyoma -> GIST
P = "FL-044"
R(P, "FL044-A", "2014-10-16", "2014-10-14", KB, "original", "au", "KB14-166021",
  "TAYLOR-HUNT, Marjorie   MRN: KB-2188316   DOB: 05/05/1955 (F)", "Angus McTavish", sec=dict(
    hx="Incidental 20 mm submucosal lesion gastric cardia on gastroscopy. Endoscopic resection.",
    gross="Firm white nodule 20 x 18 x 15 mm with overlying mucosa. Bisected, all embedded.",
    micro="Paucicellular fascicles of bland eosinophilic smooth muscle cells arising from the muscularis\n"
          "mucosae. No atypia, mitoses or necrosis.",
    ihc="Desmin and SMA diffusely positive. CD117 and DOG1 negative (CD117 highlights scattered mast cells\n"
        "only). CD34 negative. S100 negative.",
    dx="Stomach (cardia), endoscopic resection: leiomyoma, 20 mm."),
  dx="8890/0:aff", st="desmin:+ SMA:+ CD117:- DOG1:- CD34:- S100:-")
R(P, "FL044-B", "2019-07-25", "2019-07-23", KB, "original", "au", "KB19-128870",
  "TAYLOR-HUNT, Marjorie   MRN: KB-2188316   DOB: 05/05/1955 (F)", "Fiona Strathdee", sec=dict(
    hx="Gastric leiomyoma resected 2014. New 55 mm exophytic mass of the gastric body. Wedge resection.",
    gross="Gastric wedge 80 x 60 x 40 mm with an exophytic tan, focally haemorrhagic mass 55 mm.",
    micro="Cellular spindle cells in short fascicles with perinuclear vacuoles and skeinoid fibres.\n"
          "Mitoses 3 per 5 mm2. No necrosis. Distinct from the cardia lesion of 2014.",
    ihc="CD117 and DOG1 strongly and diffusely positive. CD34 positive. Desmin and S100 negative.",
    dx="Stomach (body), wedge resection: gastrointestinal stromal tumour (GIST), spindle cell type, 55 mm.\n"
       "Risk (Miettinen): low. Margins clear.",
    comment="KIT/PDGFRA mutation analysis has been requested."),
  dx="8890/0:hist 8936/3:aff", st="CD117:+ DOG1:+ CD34:+ desmin:- S100:-")
S(P, "2014 gastric leiomyoma (CD117/DOG1 negative); 2019 separate gastric GIST.",
  "none (different family: smooth muscle vs GIST)")

# ---------------------------------------------------------------- FL-045 lipoma -> review ALT (/0 -> /1)
P = "FL-045"
R(P, "FL045-A", "2019-04-11", "2019-04-09", CH, "original", "cap", "CS19-03118",
  "McALLISTER, DUNCAN    MRN: 0074470    DOB: 09/02/1958 (M)", "Walter P. Ng", sec=dict(
    dx="A. SOFT TISSUE MASS, LEFT THIGH (INTRAMUSCULAR), EXCISION:\n   - LIPOMA (INTRAMUSCULAR), 12 CM.",
    comment="Referred for review at the request of the orthopedic oncologist given the size and depth.",
    hx="60-year-old man with a deep 12 cm left thigh mass.",
    gross="Received a lobulated yellow mass 12 x 9 x 6 cm with entrapped skeletal muscle at the periphery.",
    micro="Mature adipose tissue infiltrating skeletal muscle. Fibrous septa are thin; rare enlarged nuclei\n"
          "are noted in septa, interpreted as degenerative."),
  dx="8850/0:aff")
R(P, "FL045-B", "2019-05-02", "2019-04-09", MV, "review", "cap", "R19-00201",
  "McALLISTER, DUNCAN    MRN: MV-7081176    DOB: 09/02/1958 (M)", "Ravi S. Anand", sec=dict(
    material="Material: 9 H&E slides and block A5, outside accession CS19-03118 (Cedar Hollow).",
    dx="SOFT TISSUE MASS, LEFT THIGH, EXCISION (OUTSIDE CS19-03118, 04/09/2019):\n"
       "   - ATYPICAL LIPOMATOUS TUMOR, 12 CM.\n   - NO DEDIFFERENTIATION IDENTIFIED.",
    comment="Scattered hyperchromatic atypical stromal cells in thickened septa are MDM2 and CDK4 positive.\n"
            "Local recurrence risk is higher than for lipoma; metastasis is not expected without\n"
            "dedifferentiation. Clinical surveillance is recommended.",
    hx="Outside diagnosis: intramuscular lipoma. Second opinion requested.",
    micro="Thickened fibrous septa containing scattered atypical hyperchromatic stromal cells. No\n"
          "non-lipogenic cellular areas in all sections reviewed.",
    ihc="MDM2 positive. CDK4 positive. S100 highlights adipocytes."),
  dx="8850/0:hist 8850/1:aff", st="MDM2:+ CDK4:+ S100:+")
S(P, "2019 outside intramuscular lipoma; in-house review of the same specimen: atypical lipomatous tumour (8850/1), no dedifferentiation.",
  "none (review changes /0 to /1, not to malignant)")

# ---------------------------------------------------------------- FL-046 concordant review
P = "FL-046"
R(P, "FL046-A", "2017-10-05", "2017-10-03", TD, "original", "india", "HP-1710684",
  "Mrs. Meera Lokhande (F/40)", "R. K. Mhaske", mrn="TDH-5107739", ref="Dr. A. Gholap (OBG)", sec=dict(
    spec="Myomectomy specimen - multiple.",
    hx="40 yrs, infertility, multiple intramural masses on USG.",
    gross="Received three grey white masses 6, 3 and 2 cm. C/S whorled; the largest with a soft cellular area.",
    micro="Cellular areas of smooth muscle with up to 6 mitoses/10 HPF. No atypia. No tumour cell necrosis.",
    ihc="Desmin +ve, h-caldesmon +ve, CD10 -ve.",
    dx="Myomectomy: Leiomyomas, mitotically active (largest 6 cm).",
    comment="Slides sent to higher centre for opinion in view of mitotic activity."),
  dx="8890/0:aff", st="desmin:+ h-caldesmon:+ CD10:-")
R(P, "FL046-B", "2017-11-02", "2017-10-03", KM, "review", "india", "H-17-R-0204",
  "Mrs. Meera Lokhande (F/40)", "Sanjay Kelkar", mrn="KMH-0610493", ref="Dr. P. Nandurkar (Gynaec)", sec=dict(
    material="Outside slides (9) and blocks (3) of HP-1710684, Trivenipur District Hospital, received 27-10-2017.",
    spec="Review of outside myomectomy slides.",
    hx="Outside diagnosis: mitotically active leiomyoma. Opinion sought.",
    micro="Smooth muscle tumour with cellular areas and up to 7 mitoses/10 HPF. No significant atypia and no\n"
          "coagulative tumour cell necrosis on all slides.",
    ihc="Ki-67: 5%. p16: patchy +ve.",
    dx="Myomectomy (outside HP-1710684): Mitotically active leiomyoma. No evidence of malignancy.",
    comment="We agree with the outside diagnosis. Criteria for leiomyosarcoma or STUMP are not met."),
  dx="8890/0:hist 8890/0:aff 8890/3:neg 8897/1:neg", st="Ki-67:+ p16:+")
S(P, "2017 outside mitotically active leiomyoma; concordant in-house review ('criteria for leiomyosarcoma or STUMP are not met').",
  "none (concordant review; negated malignant mention)")

# ---------------------------------------------------------------- FL-047 schwannoma -> metastatic melanoma
P = "FL-047"
R(P, "FL047-A", "2013-06-20", "2013-06-18", MV, "original", "cap", "S13-21190",
  "ISHIKAWA, DANIEL    MRN: MV-1559208    DOB: 02/27/1964 (M)", "Helen J. Marchetti", sec=dict(
    dx="A. SOFT TISSUE MASS, RIGHT POPLITEAL FOSSA, EXCISION:\n   - SCHWANNOMA, 2.6 CM.",
    hx="49-year-old with a tender popliteal mass.",
    gross="Encapsulated tan-yellow ovoid mass 2.6 x 1.8 x 1.5 cm. A1-A3.",
    micro="Encapsulated tumor with Antoni A areas, Verocay bodies and Antoni B areas with hyalinized vessels.\n"
          "No atypia or mitoses. No melanin pigment.",
    ihc="S100 and SOX10 are diffusely positive. HMB-45 and Melan-A are negative."),
  dx="9560/0:aff", st="S100:+ SOX10:+ HMB-45:- Melan-A:-")
R(P, "FL047-B", "2020-02-27", "2020-02-25", MV, "original", "cap", "S20-06612",
  "ISHIKAWA, DANIEL    MRN: MV-1559208    DOB: 02/27/1964 (M)", "Ravi S. Anand", sec=dict(
    dx="A. LYMPH NODE, LEFT CERVICAL, EXCISION:\n   - METASTATIC MELANOMA.",
    comment="The right popliteal schwannoma (2013) is unrelated; it lacked melanocytic markers and\n"
            "pigment. Dermatologic examination for a primary is recommended.",
    hx="56-year-old with left neck mass. Past history: schwannoma right popliteal fossa (2013).",
    gross="Lymph node 2.8 x 2.2 x 1.9 cm with a gray-black cut surface.",
    micro="Sheets of epithelioid cells with macronucleoli and melanin pigment replacing the node.",
    ihc="Tumor cells are positive for S100, SOX10, Melan-A and HMB-45; pan-cytokeratin negative."),
  dx="9560/0:hist 8720/6:aff", st="S100:+ SOX10:+ Melan-A:+ HMB-45:+ pan-cytokeratin:-")
S(P, "2013 schwannoma (S100/SOX10 positive); 2020 cervical node metastatic melanoma (S100/SOX10 positive).",
  "none (different family: nerve sheath vs melanocytic; shared S100/SOX10 is a trap)")

# ---------------------------------------------------------------- FL-048 same specimen date, two originals
P = "FL-048"
R(P, "FL048-A", "2018-07-20", "2018-07-18", PD, "original", "cap", "PD18-12207",
  "BERGSTROM, HENRIK    MRN: PD-201558    DOB: 11/11/1959 (M)", "Keisha L. Broadnax", sec=dict(
    dx="A. SKIN, LEFT LOWER BACK, SHAVE:\n   - COMPOUND NEVUS WITH CONGENITAL FEATURES.\n   - BASE INVOLVED.",
    hx="58-year-old man, full skin check. Two lesions removed at the same visit; right forearm lesion\n"
       "submitted separately (PD18-12208).",
    gross="Received in formalin is a tan-brown shave 0.7 x 0.6 x 0.2 cm, bisected and entirely submitted.",
    micro="Compound melanocytic nevus with nevus cells extending around adnexa and between collagen bundles.\n"
          "No atypia, pagetoid spread or dermal mitoses."),
  dx="8720/0:aff")
R(P, "FL048-B", "2018-07-23", "2018-07-18", PD, "original", "cap", "PD18-12208",
  "BERGSTROM, HENRIK    MRN: PD-201558    DOB: 11/11/1959 (M)", "Simone Ardelean", sec=dict(
    dx="A. SKIN, RIGHT FOREARM, EXCISION:\n   - INVASIVE MELANOMA, SUPERFICIAL SPREADING TYPE, BRESLOW 0.6 MM.\n"
       "   - MARGINS CLEAR (PERIPHERAL 2 MM, DEEP 1.5 MM).",
    comment="Intradepartmental consultation obtained (Dr Broadnax concurs). Wide local excision with 1 cm\n"
            "margins is recommended.",
    hx="58-year-old man; irregular variegated lesion right forearm, 9 mm. Collected at the same visit\n"
       "as PD18-12207.",
    gross="Received in formalin is an ellipse of skin 1.8 x 0.8 cm with a 0.9 cm variegated macule.",
    micro="Asymmetric junctional melanocytic proliferation with pagetoid scatter and a small dermal\n"
          "component without maturation. Dermal mitoses 1/mm2.",
    ihc="SOX10 and Melan-A positive; HMB-45 positive in dermal cells."),
  dx="8720/3:aff", st="SOX10:+ Melan-A:+ HMB-45:+")
S(P, "Two originals from the same visit (specimen date 2018-07-18): back compound naevus (signed 07-20) and forearm melanoma (signed 07-23).",
  "none (not strictly later by specimen date; neither report is a review)")

# ---------------------------------------------------------------- FL-049 phyllodes benign -> benign recurrence
P = "FL-049"
R(P, "FL049-A", "2016-05-26", "2016-05-24", KB, "original", "au", "KB16-091127",
  "DIMITRIOU, Helena   MRN: KB-3318760   DOB: 12/08/1983 (F)", "Fiona Strathdee", sec=dict(
    hx="Left breast lump 30 mm. Core: fibroepithelial lesion. Excision.",
    gross="Circumscribed lobulated mass 31 x 25 x 20 mm with slit-like spaces. A1-A6.",
    micro="Fibroepithelial tumour with leaf-like fronds and mildly cellular stroma, minimal atypia and\n"
          "1 mitosis per 10 HPF. Well defined border; no stromal overgrowth.",
    dx="Left breast: benign phyllodes tumour, 31 mm. Margin focally involved."),
  dx="9020/0:aff")
R(P, "FL049-B", "2019-08-22", "2019-08-20", KB, "original", "au", "KB19-150449",
  "DIMITRIOU, Helena   MRN: KB-3318760   DOB: 12/08/1983 (F)", "Angus McTavish", sec=dict(
    hx="Benign phyllodes tumour left breast 2016, margin involved. Recurrent lump 25 mm at the scar.\n"
       "?Malignant phyllodes tumour.",
    gross="Lobulated tan mass 26 x 22 x 18 mm. Margins inked. A1-A6.",
    micro="Recurrent fibroepithelial tumour with leaf-like architecture, mildly cellular stroma, minimal\n"
          "atypia and up to 2 mitoses per 10 HPF. No stromal overgrowth; border well defined.",
    ihc="CD34 positive in stromal cells. Pan-cytokeratin negative in stroma.",
    dx="Left breast: recurrent benign phyllodes tumour, 26 mm. Margins clear (closest 3 mm).",
    comment="No features of malignant phyllodes tumour are identified."),
  dx="9020/0:hist 9020/3:hyp 9020/0:aff 9020/3:neg", st="CD34:+ pan-cytokeratin:-")
S(P, "2016 benign phyllodes; 2019 recurrent benign phyllodes; clinical '?Malignant phyllodes tumour' and 'No features of malignant phyllodes tumour'.",
  "none (hypothetical + negated malignant mentions; benign after benign)")
