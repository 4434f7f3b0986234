"""The IndoGeoIE label schema: the single source of every label list.

Everything that names a label derives it from here: the Label Studio config
(:mod:`indogeoie.formats.labelstudio_export`), the IOB2 tag lists, the Hugging Face features,
the tables in ``annotations/GUIDELINES.md`` and the validator. Nothing else in
the project types a label name.

>>> ENTITY_TYPES[:3]
('PER', 'ORG', 'NORP')
>>> iob2_tags(("GPE",))
('O', 'B-GPE', 'I-GPE')
>>> EVENT_TYPES[-1]
'ASSAULT'
"""

from __future__ import annotations

from dataclasses import dataclass

#: Semantic version of the schema. Bump the major version when a label is
#: removed or its meaning changes, the minor version when one is added.
SCHEMA_VERSION = "1.0.0"

#: The event ontology the 16 event types are taken from.
EVENT_ONTOLOGY = "PLOVER 2.0"

LANGUAGE_ISO639_3 = "ind"
LANGUAGE_BCP47 = "id"


@dataclass(frozen=True)
class LabelDef:
    """One label: its name, a one-line definition and Indonesian examples."""

    name: str
    definition: str
    examples: tuple[str, ...]


ENTITY_DEFS: tuple[LabelDef, ...] = (
    LabelDef("PER", "A named person.", ("Qassem Soleimani", "Brett McGurk", "Hossein Taeb")),
    LabelDef(
        "ORG",
        "A named organisation: government body, ministry, military force or unit, "
        "militia, party, international body, company, news outlet.",
        ("Garda Revolusi Iran", "Kataib Hizbullah", "ISIS", "PBB", "Reuters"),
    ),
    LabelDef(
        "NORP",
        "A nationality, religious, ethnic or political group named as a group, "
        "not an organisation.",
        ("Syiah", "Kurdi"),
    ),
    LabelDef(
        "GPE",
        "A country, city, province or other geopolitical area, also where it stands "
        "for its government.",
        ("Iran", "AS", "Amerika Serikat", "Washington", "Baghdad", "Teheran"),
    ),
    LabelDef(
        "LOC",
        "A geographical place that is not a GPE.",
        ("Timur Tengah", "Great Salt Desert"),
    ),
    LabelDef(
        "FAC",
        "A named or specific building, base, airport, embassy or hospital.",
        ("Kedutaan AS di Baghdad", "bandara Baghdad"),
    ),
    LabelDef("EVENT", "A named event.", ("Perang Irak", "Perang Dunia I")),
    LabelDef(
        "WEAPON",
        "A named weapon system, or a specific weapon type used as an instrument.",
        ("rudal Siccil", "rudal", "bom pinggir jalan"),
    ),
    LabelDef(
        "DATE",
        "A date, time, day or period.",
        ("27 Desember 2019", "Rabu (24/1/2024)", "pekan lalu", "2011", "07:31 WIB"),
    ),
    LabelDef(
        "QUANTITY",
        "A count or amount, without the counted noun.",
        ("2.500", "sekitar 50", "ribuan", "25"),
    ),
)

# The 16 PLOVER 2.0 event types, in the PLOVER order (from cooperation to
# conflict). Definitions paraphrase the PLOVER 2.0 categories for this corpus.
EVENT_DEFS: tuple[LabelDef, ...] = (
    LabelDef(
        "AGREE",
        "An actor agrees to, signs or settles on a future action or arrangement "
        "with another.",
        ("sepakat", "setuju", "bersepakat"),
    ),
    LabelDef(
        "CONSULT",
        "Actors meet, visit, talk or negotiate.",
        ("pertemuan", "kunjungan", "membahas", "dialog"),
    ),
    LabelDef(
        "SUPPORT",
        "An actor expresses or gives political support, sympathy or praise to another "
        "actor or its policy.",
        ("didukung", "dukungan", "mendukung", "belasungkawa"),
    ),
    LabelDef(
        "CONCEDE",
        "An actor yields: eases a demand or a sanction, releases, apologises, "
        "agrees to a ceasefire or makes another concession.",
        ("gencatan senjata", "mengalah"),
    ),
    LabelDef(
        "COOPERATE",
        "Actors act together or coordinate: joint operations, security, diplomatic "
        "or economic cooperation.",
        ("bekerja sama", "kerjasama", "koordinasi"),
    ),
    LabelDef(
        "AID",
        "An actor gives material help: military, economic or humanitarian aid, "
        "training, arms, advice.",
        ("mempersenjatai", "melatih", "dukungan logistik"),
    ),
    LabelDef(
        "RETREAT",
        "An actor withdraws forces or pulls back from a position or commitment.",
        ("penarikan", "menarik", "mundur", "meninggalkan"),
    ),
    LabelDef(
        "REQUEST",
        "An actor asks, urges, demands or appeals that another act.",
        ("mendesak", "meminta", "menyarankan"),
    ),
    LabelDef(
        "ACCUSE",
        "An actor accuses, blames, criticises or condemns another.",
        ("menuduh", "dituduh", "mengutuk", "tuduhan"),
    ),
    LabelDef(
        "REJECT",
        "An actor rejects, refuses or denies a proposal, an accusation or a demand.",
        ("membantah", "menolak", "enggan"),
    ),
    LabelDef(
        "THREATEN",
        "An actor threatens force, sanctions or other harm.",
        ("akan membalas", "ancaman", "akan Balas"),
    ),
    LabelDef(
        "SANCTION",
        "An actor imposes a sanction, blacklist, embargo or the breaking of ties.",
        ("daftar hitam sanksi", "sanksi", "embargo"),
    ),
    LabelDef(
        "PROTEST",
        "Civilians demonstrate, rally, strike or riot.",
        ("demonstrasi", "unjuk rasa"),
    ),
    LabelDef(
        "MOBILIZE",
        "An actor raises, moves, deploys or exercises forces, or puts them on alert.",
        ("menguji", "latihan militer", "menggerakkan", "mengirim"),
    ),
    LabelDef(
        "COERCE",
        "An actor uses force short of armed attack: seizure, arrest, blockade, "
        "siege, expulsion, restriction.",
        ("mengepung", "menguasai", "memaksa"),
    ),
    LabelDef(
        "ASSAULT",
        "An actor uses armed force: attack, bombing, killing, airstrike, invasion.",
        ("serangan", "menewaskan", "menghantam", "menginvasi", "membunuh"),
    ),
)

ROLE_DEFS: tuple[LabelDef, ...] = (
    LabelDef(
        "Actor",
        "Who performs the event: the attacker, the one who requests, accuses, "
        "meets or withdraws.",
        ("AS in 'AS melancarkan serangan'",),
    ),
    LabelDef(
        "Recipient",
        "Who the event is directed at or done to: the target, the one asked, "
        "accused, met, aided or sanctioned.",
        ("Qassem Soleimani in 'menempatkan Qassem Soleimani dalam daftar hitam sanksi'",),
    ),
    LabelDef(
        "Location",
        "Where the event takes place.",
        ("Baghdad in 'pertemuan di Baghdad'",),
    ),
    LabelDef(
        "Time",
        "When the event takes place.",
        ("27 Desember 2019 in 'pada 27 Desember 2019 ... menghantam'",),
    ),
    LabelDef(
        "Instrument",
        "The weapon or means with which the event is carried out.",
        ("rudal in 'puluhan rudal ... menghantam pangkalan'",),
    ),
)

# After PLOVER's auxiliary modes; "asserted" is the default for a reported fact.
MODALITY_DEFS: tuple[LabelDef, ...] = (
    LabelDef(
        "asserted",
        "The text reports the event as having happened or as happening.",
        ("AS melancarkan serangan balasan",),
    ),
    LabelDef(
        "negated",
        "The text says the event did not or does not happen.",
        ("AS tidak akan menarik pasukannya", "tidak segera menanggapi"),
    ),
    LabelDef(
        "future",
        "The text reports the event as planned, announced or expected.",
        ("akan membalas serangan itu", "akan menjadi target serangan"),
    ),
    LabelDef(
        "hypothetical",
        "The event is conditional, possible, wished for or asked for, not reported.",
        ("jika kepentingan AS diserang", "untuk memaksa Washington"),
    ),
)

#: Which entity types may fill each role (the guidelines' "role types" rule).
ROLE_FILLERS: dict[str, tuple[str, ...]] = {
    "Actor": ("PER", "ORG", "NORP", "GPE"),
    "Recipient": ("PER", "ORG", "NORP", "GPE", "FAC"),
    "Location": ("GPE", "LOC", "FAC"),
    "Time": ("DATE",),
    "Instrument": ("WEAPON",),
}

ENTITY_TYPES: tuple[str, ...] = tuple(d.name for d in ENTITY_DEFS)
EVENT_TYPES: tuple[str, ...] = tuple(d.name for d in EVENT_DEFS)
ROLES: tuple[str, ...] = tuple(d.name for d in ROLE_DEFS)
MODALITIES: tuple[str, ...] = tuple(d.name for d in MODALITY_DEFS)
# Names the code refers to one by one (the tuples above keep the schema's order).
ACTOR, RECIPIENT, LOCATION, TIME, INSTRUMENT = ROLES
ASSERTED, NEGATED, FUTURE, HYPOTHETICAL = MODALITIES
#: The roles that name the parties of an event (who acts, who undergoes it).
PARTY_ROLES: tuple[str, ...] = (ACTOR, RECIPIENT)
DEFAULT_MODALITY = "asserted"

#: Actor sectors, PLOVER style (CAMEO's agent codes): what kind of actor an ORG, NORP or PER mention is.
SECTOR_DEFS: tuple[LabelDef, ...] = (
    LabelDef("GOV", "Government: heads of state, ministries, diplomats, officials, legislatures, courts.", ()),
    LabelDef("MIL", "Military: armed forces, soldiers, military commanders.", ()),
    LabelDef("COP", "Police, intelligence and security services.", ()),
    LabelDef("REB", "Rebels, militias and other armed non-state groups.", ()),
    LabelDef("PTY", "A political party.", ()),
    LabelDef("IGO", "An international (intergovernmental) organisation.", ()),
    LabelDef("NGO", "A non-governmental organisation.", ()),
    LabelDef("MED", "Media.", ()),
    LabelDef("BUS", "Business.", ()),
    LabelDef("REL", "A religious organisation or leader.", ()),
)
SECTORS: tuple[str, ...] = tuple(d.name for d in SECTOR_DEFS)
#: Entity types an actor normalisation applies to (those that can be an Actor or a Recipient, and FAC).
ACTOR_TYPES: tuple[str, ...] = ("PER", "ORG", "NORP", "GPE", "FAC")

#: PLOVER's quad classes (openeventdata/PLOVER README, "PLOVER quad categories"; DEMAND and
#: DISAPPROVE there are REQUEST and ACCUSE in PLOVER 2.0, and INVESTIGATE is folded into ACCUSE).
QUAD_CLASSES: dict[int, str] = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
                                4: "material conflict"}
QUAD_OF: dict[str, int] = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "SANCTION": 3,
    "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}
#: Event types whose PLOVER record needs a recipient (the others may have none).
RECIPIENT_REQUIRED: tuple[str, ...] = ("COOPERATE", "AID", "SANCTION")
#: The PLOVER ``mode`` given by a modality (``asserted`` gives none).
PLOVER_MODE: dict[str, str] = {"negated": "negation", "future": "future", "hypothetical": "hypothetical"}

# Names of the Label Studio control tags. They are part of the schema because
# every export keys its regions by them.
ENTITY_CONTROL = "entity"
TRIGGER_CONTROL = "trigger"
MODALITY_CONTROL = "modality"
TEXT_OBJECT = "text"


def iob2_tags(types: tuple[str, ...]) -> tuple[str, ...]:
    """IOB2 tag names for ``types``: ``O`` first, then ``B-X``, ``I-X`` per type.

    Args:
        types: label names in schema order.

    >>> iob2_tags(("PER", "ORG"))
    ('O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG')
    """
    tags = ["O"]
    for name in types:
        tags += [f"B-{name}", f"I-{name}"]
    return tuple(tags)


NER_TAGS: tuple[str, ...] = iob2_tags(ENTITY_TYPES)
TRIGGER_TAGS: tuple[str, ...] = iob2_tags(EVENT_TYPES)
