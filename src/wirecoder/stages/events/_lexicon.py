"""The event lexicon: words and phrases that trigger PLOVER events, with their mode and context.

Modes follow the PLOVER manual (ASSAULT: abduct, beat, torture, execute, sexual, assassinate,
destroy, primitive, firearms, explosives, suicide-attack, heavy-weapons; COERCE: arrest, deport,
confiscate, restrict, ban, censor, curfew, martial-law, withhold; CONSULT: visit, phone,
multilateral, third-party; RETREAT: withdraw, release, return, disarm, ceasefire, access, resign;
PROTEST: demo, riot, strike-gen, strike-hun, boycott, obstruct; MOBILIZE: troops, weapons, police;
SANCTION: convict, cancel, expel, withdraw, sever; AID: economic, military, humanitarian, asylum;
THREATEN: restrict, ban, arrest, relations, expel, territory, violence). Conflict reporting needs a
few more, named in the same style: ASSAULT ``aerial``, ``drone``, ``grenade``, ``chemical`` and
``clash`` (two-sided fighting), territorial control ``capture``/``advance`` (ASSAULT) and
``withdraw`` (RETREAT), RETREAT ``surrender``, COERCE ``defuse`` (weapons intercepted, defused or
seized), MOBILIZE ``base`` (a base, post or headquarters set up) and ``realign`` (a group forms,
splits, merges or defects), ACCUSE ``responsibility`` (a claim of responsibility).
Contexts are PLOVER's (terrorism, cbrn, crime, crime_theft, crime_drugs, crime_sexual,
crime_murder, enviro_disaster, migration, humanitarian, election, human_rights, military,
diplomatic, economic, legal, government), plus ``territory`` for territorial control.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...schema import PloverType


def words(text: str) -> frozenset[str]:
    """The set of the space-separated words of ``text``: word lists stay readable."""
    return frozenset(text.split())


@dataclass(frozen=True, slots=True)
class Trigger:
    """What a trigger word means: PLOVER type, mode and contexts, and how it behaves."""

    type: PloverType
    mode: str | None = None
    context: tuple[str, ...] = ()
    casualty: bool = False
    """"killed", "wounded": a harm that joins a more specific attack in its sentence."""
    needs_object: bool = False
    """Only a trigger with a fitting object ("took the town", "threatened to strike")."""


def _t(kind: PloverType, mode: str | None = None, *context: str, **flags: bool) -> Trigger:
    return Trigger(kind, mode, tuple(context), **flags)


_CASUALTY = _t("ASSAULT", casualty=True)

VERBS: dict[str, Trigger] = {
    # ASSAULT, by weapon or form
    "attack": _t("ASSAULT"),
    "assault": _t("ASSAULT"),
    "strike": _t("ASSAULT"),
    "hit": _t("ASSAULT", needs_object=True),
    "target": _t("ASSAULT", needs_object=True),
    "pound": _t("ASSAULT"),
    "shell": _t("ASSAULT", "heavy-weapons"),
    "bombard": _t("ASSAULT", "heavy-weapons"),
    "bomb": _t("ASSAULT", "explosives"),
    "airstrike": _t("ASSAULT", "aerial"),
    "raid": _t("ASSAULT"),
    "storm": _t("ASSAULT"),
    "ambush": _t("ASSAULT", "firearms"),
    "shoot": _t("ASSAULT", "firearms"),
    "gun": _t("ASSAULT", "firearms"),
    "stab": _t("ASSAULT", "primitive"),
    "hack": _t("ASSAULT", "primitive", needs_object=True),
    "behead": _t("ASSAULT", "execute"),
    "execute": _t("ASSAULT", "execute"),
    "assassinate": _t("ASSAULT", "assassinate"),
    "massacre": _t("ASSAULT", None, casualty=True),
    "slaughter": _t("ASSAULT", None, casualty=True),
    "kill": _CASUALTY,
    "murder": _t("ASSAULT", None, "crime_murder", casualty=True),
    "wound": _CASUALTY,
    "injure": _CASUALTY,
    "maim": _CASUALTY,
    "lynch": _t("ASSAULT", "beat"),
    "beat": _t("ASSAULT", "beat", needs_object=True),
    "torture": _t("ASSAULT", "torture"),
    "abduct": _t("ASSAULT", "abduct"),
    "kidnap": _t("ASSAULT", "abduct"),
    "hijack": _t("ASSAULT", "abduct"),
    "rape": _t("ASSAULT", "sexual", "crime_sexual"),
    "molest": _t("ASSAULT", "sexual", "crime_sexual"),
    "torch": _t("ASSAULT", "destroy"),
    "burn": _t("ASSAULT", "destroy", needs_object=True),
    "loot": _t("ASSAULT", "destroy", "crime_theft"),
    "ransack": _t("ASSAULT", "destroy"),
    "vandalize": _t("ASSAULT", "destroy"),
    "vandalise": _t("ASSAULT", "destroy"),
    "destroy": _t("ASSAULT", "destroy"),
    "demolish": _t("ASSAULT", "destroy"),
    "raze": _t("ASSAULT", "destroy"),
    "detonate": _t("ASSAULT", "explosives"),
    "explode": _t("ASSAULT", "explosives"),
    "clash": _t("ASSAULT", "clash"),
    "fight": _t("ASSAULT", "clash"),
    "battle": _t("ASSAULT", "clash"),
    "skirmish": _t("ASSAULT", "clash"),
    # territorial control
    "seize": _t("ASSAULT", "capture", "territory", needs_object=True),
    "capture": _t("ASSAULT", "capture", "territory", needs_object=True),
    "take": _t("ASSAULT", "capture", "territory", needs_object=True),
    "overrun": _t("ASSAULT", "capture", "territory"),
    "occupy": _t("ASSAULT", "capture", "territory"),
    "recapture": _t("ASSAULT", "capture", "territory"),
    "retake": _t("ASSAULT", "capture", "territory"),
    "regain": _t("ASSAULT", "capture", "territory"),
    "liberate": _t("ASSAULT", "capture", "territory"),
    "invade": _t("ASSAULT", "advance", "territory"),
    "advance": _t("ASSAULT", "advance", "territory"),
    "encircle": _t("ASSAULT", "advance", "territory"),
    "surround": _t("ASSAULT", "advance", "territory", needs_object=True),
    "withdraw": _t("RETREAT", "withdraw", "territory"),
    "retreat": _t("RETREAT", "withdraw", "territory"),
    "abandon": _t("RETREAT", "withdraw", "territory", needs_object=True),
    "vacate": _t("RETREAT", "withdraw", "territory"),
    "evacuate": _t("AID", "humanitarian", "humanitarian", needs_object=True),
    "cede": _t("RETREAT", "withdraw", "territory"),
    "surrender": _t("RETREAT", "surrender", "military"),
    # COERCE
    "arrest": _t("COERCE", "arrest"),
    "detain": _t("COERCE", "arrest"),
    "jail": _t("COERCE", "arrest"),
    "imprison": _t("COERCE", "arrest"),
    "apprehend": _t("COERCE", "arrest"),
    "nab": _t("COERCE", "arrest"),
    "hold": _t("COERCE", "arrest", needs_object=True),
    "sentence": _t("COERCE", "arrest", "legal"),
    "deport": _t("COERCE", "deport", "migration"),
    "confiscate": _t("COERCE", "confiscate"),
    "ban": _t("COERCE", "ban"),
    "outlaw": _t("COERCE", "ban"),
    "censor": _t("COERCE", "censor"),
    "disperse": _t("COERCE", "restrict"),
    "suppress": _t("COERCE", "restrict"),
    "quell": _t("COERCE", "restrict"),
    "crush": _t("COERCE", "restrict", needs_object=True),
    "form": _t("MOBILIZE", "realign", "military", needs_object=True),
    "fortify": _t("MOBILIZE", "troops", "military"),
    "defuse": _t("COERCE", "defuse"),
    "intercept": _t("COERCE", "defuse"),
    "thwart": _t("COERCE", "defuse"),
    "foil": _t("COERCE", "defuse"),
    "neutralize": _t("COERCE", "defuse", needs_object=True),
    "neutralise": _t("COERCE", "defuse", needs_object=True),
    "dismantle": _t("COERCE", "defuse", needs_object=True),
    # PROTEST
    "protest": _t("PROTEST", "demo"),
    "demonstrate": _t("PROTEST", "demo"),
    "rally": _t("PROTEST", "demo"),
    "march": _t("PROTEST", "demo"),
    "picket": _t("PROTEST", "demo"),
    "riot": _t("PROTEST", "riot"),
    "boycott": _t("PROTEST", "boycott"),
    "blockade": _t("PROTEST", "obstruct"),
    # MOBILIZE
    "deploy": _t("MOBILIZE", "troops", "military"),
    "mobilize": _t("MOBILIZE", "troops", "military"),
    "mobilise": _t("MOBILIZE", "troops", "military"),
    "reinforce": _t("MOBILIZE", "troops", "military"),
    "mass": _t("MOBILIZE", "troops", "military", needs_object=True),
    "station": _t("MOBILIZE", "troops", "military", needs_object=True),
    "establish": _t("MOBILIZE", "base", "military", needs_object=True),
    "defect": _t("MOBILIZE", "realign", "military"),
    "merge": _t("MOBILIZE", "realign", "military", needs_object=True),
    # CONSULT
    "meet": _t("CONSULT", None, "diplomatic"),
    "visit": _t("CONSULT", "visit", "diplomatic"),
    "host": _t("CONSULT", "visit", "diplomatic", needs_object=True),
    "negotiate": _t("CONSULT", None, "diplomatic"),
    "mediate": _t("CONSULT", "third-party", "diplomatic"),
    "discuss": _t("CONSULT", None, "diplomatic"),
    "consult": _t("CONSULT", None, "diplomatic"),
    # AGREE, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT
    "agree": _t("AGREE"),
    "accept": _t("AGREE", needs_object=True),
    "offer": _t("AGREE", needs_object=True),
    "promise": _t("AGREE"),
    "pledge": _t("AGREE"),
    "sign": _t("SUPPORT", None, "diplomatic", needs_object=True),
    "ratify": _t("SUPPORT", None, "legal"),
    "endorse": _t("SUPPORT"),
    "praise": _t("SUPPORT"),
    "welcome": _t("SUPPORT", needs_object=True),
    "recognize": _t("SUPPORT", None, "diplomatic", needs_object=True),
    "recognise": _t("SUPPORT", None, "diplomatic", needs_object=True),
    "apologize": _t("CONCEDE"),
    "apologise": _t("CONCEDE"),
    "pardon": _t("CONCEDE", None, "legal"),
    "concede": _t("CONCEDE"),
    "lift": _t("CONCEDE", needs_object=True),
    "ease": _t("CONCEDE", needs_object=True),
    "cooperate": _t("COOPERATE"),
    "extradite": _t("COOPERATE", None, "legal"),
    "aid": _t("AID"),
    "donate": _t("AID", "economic", "economic"),
    "supply": _t("AID", needs_object=True),
    "release": _t("RETREAT", "release", needs_object=True),
    "free": _t("RETREAT", "release", needs_object=True),
    "control": _t("ASSAULT", "capture", "territory", needs_object=True),
    "recover": _t("ASSAULT", "capture", "territory", needs_object=True),
    "resign": _t("RETREAT", "resign", "government"),
    "disarm": _t("RETREAT", "disarm", "military"),
    "support": _t("SUPPORT", needs_object=True),
    "back": _t("SUPPORT", needs_object=True),
    "forgive": _t("SUPPORT"),
    "defend": _t("SUPPORT", needs_object=True),
    "give": _t("AID", needs_object=True),
    "provide": _t("AID", needs_object=True),
    "grant": _t("AID", needs_object=True),
    "contribute": _t("AID", needs_object=True),
    "deliver": _t("AID", needs_object=True),
    "send": _t("AID", needs_object=True),
    "allow": _t("CONCEDE", needs_object=True),
    "permit": _t("CONCEDE", needs_object=True),
    "share": _t("COOPERATE", needs_object=True),
    "demobilize": _t("RETREAT", "disarm", "military"),
    "demobilise": _t("RETREAT", "disarm", "military"),
    "complain": _t("ACCUSE"),
    "indict": _t("ACCUSE", None, "legal"),
    "summon": _t("ACCUSE", None, "diplomatic", needs_object=True),
    "oppose": _t("REJECT"),
    "dismiss": _t("REJECT", needs_object=True),
    "renege": _t("REJECT"),
    "defy": _t("REJECT", needs_object=True),
    "violate": _t("REJECT", needs_object=True),
    "flout": _t("REJECT", needs_object=True),
    "halt": _t("SANCTION", "sever", needs_object=True),
    "freeze": _t("SANCTION", "sever", needs_object=True),
    "cut": _t("SANCTION", "sever", needs_object=True),
    "reduce": _t("SANCTION", "sever", needs_object=True),
    "end": _t("SANCTION", "sever", needs_object=True),
    "stop": _t("SANCTION", "sever", needs_object=True),
    "prohibit": _t("SANCTION", "sever", needs_object=True),
    "block": _t("PROTEST", "obstruct", needs_object=True),
    "prevent": _t("COERCE", "restrict", needs_object=True),
    "strengthen": _t("MOBILIZE", "troops", "military", needs_object=True),
    "bolster": _t("MOBILIZE", "troops", "military", needs_object=True),
    # REQUEST, ACCUSE, REJECT, THREATEN, SANCTION
    "demand": _t("REQUEST"),
    "urge": _t("REQUEST"),
    "request": _t("REQUEST"),
    "appeal": _t("REQUEST"),
    "accuse": _t("ACCUSE"),
    "blame": _t("ACCUSE"),
    "condemn": _t("ACCUSE"),
    "denounce": _t("ACCUSE"),
    "criticize": _t("ACCUSE"),
    "criticise": _t("ACCUSE"),
    "allege": _t("ACCUSE"),
    "charge": _t("ACCUSE", None, "legal", needs_object=True),
    "investigate": _t("ACCUSE", None, "legal"),
    "probe": _t("ACCUSE", None, "legal"),
    "sue": _t("ACCUSE", None, "legal"),
    "reject": _t("REJECT"),
    "refuse": _t("REJECT"),
    "deny": _t("REJECT"),
    "veto": _t("REJECT"),
    "rebuff": _t("REJECT"),
    "threaten": _t("THREATEN", needs_object=True),
    "warn": _t("THREATEN", needs_object=True),
    "vow": _t("THREATEN", needs_object=True),
    "sanction": _t("SANCTION"),
    "expel": _t("SANCTION", "expel", "diplomatic"),
    "embargo": _t("SANCTION", "sever", "economic"),
    "convict": _t("SANCTION", "convict", "legal"),
    "recall": _t("SANCTION", "withdraw", "diplomatic", needs_object=True),
    "suspend": _t("SANCTION", "sever", needs_object=True),
    "cancel": _t("SANCTION", "cancel", needs_object=True),
}
"""Verb lemma -> trigger."""

NOUNS: dict[str, Trigger] = {
    "attack": _t("ASSAULT"),
    "assault": _t("ASSAULT"),
    "strike": _t("ASSAULT"),
    "airstrike": _t("ASSAULT", "aerial"),
    "raid": _t("ASSAULT"),
    "bombing": _t("ASSAULT", "explosives"),
    "bombardment": _t("ASSAULT", "heavy-weapons"),
    "shelling": _t("ASSAULT", "heavy-weapons"),
    "barrage": _t("ASSAULT", "heavy-weapons"),
    "ambush": _t("ASSAULT", "firearms"),
    "shooting": _t("ASSAULT", "firearms"),
    "gunfire": _t("ASSAULT", "firearms"),
    "shootout": _t("ASSAULT", "clash"),
    "gunfight": _t("ASSAULT", "clash"),
    "firefight": _t("ASSAULT", "clash"),
    "clash": _t("ASSAULT", "clash"),
    "fighting": _t("ASSAULT", "clash"),
    "battle": _t("ASSAULT", "clash"),
    "skirmish": _t("ASSAULT", "clash"),
    "hostility": _t("ASSAULT", "clash"),
    "offensive": _t("ASSAULT", "advance", "territory"),
    "counteroffensive": _t("ASSAULT", "advance", "territory"),
    "invasion": _t("ASSAULT", "advance", "territory"),
    "incursion": _t("ASSAULT", "advance", "territory"),
    "advance": _t("ASSAULT", "advance", "territory"),
    "gain": _t("ASSAULT", "advance", "territory"),
    "capture": _t("ASSAULT", "capture", "territory"),
    "seizure": _t("ASSAULT", "capture", "territory"),
    "takeover": _t("ASSAULT", "capture", "territory"),
    "occupation": _t("ASSAULT", "capture", "territory"),
    "withdrawal": _t("RETREAT", "withdraw", "territory"),
    "retreat": _t("RETREAT", "withdraw", "territory"),
    "pullout": _t("RETREAT", "withdraw", "territory"),
    "explosion": _t("ASSAULT", "explosives"),
    "blast": _t("ASSAULT", "explosives"),
    "massacre": _t("ASSAULT", None, casualty=True),
    "killing": _t("ASSAULT", None, casualty=True),
    "murder": _t("ASSAULT", None, "crime_murder", casualty=True),
    "assassination": _t("ASSAULT", "assassinate"),
    "execution": _t("ASSAULT", "execute"),
    "abduction": _t("ASSAULT", "abduct"),
    "kidnapping": _t("ASSAULT", "abduct"),
    "hijacking": _t("ASSAULT", "abduct"),
    "rape": _t("ASSAULT", "sexual", "crime_sexual"),
    "torture": _t("ASSAULT", "torture"),
    "arson": _t("ASSAULT", "destroy"),
    "looting": _t("ASSAULT", "destroy", "crime_theft"),
    "lynching": _t("ASSAULT", "beat"),
    "stabbing": _t("ASSAULT", "primitive"),
    "arrest": _t("COERCE", "arrest"),
    "detention": _t("COERCE", "arrest"),
    "crackdown": _t("COERCE", "restrict"),
    "suppression": _t("COERCE", "restrict"),
    "curfew": _t("COERCE", "curfew"),
    "deportation": _t("COERCE", "deport", "migration"),
    "interception": _t("COERCE", "defuse"),
    "protest": _t("PROTEST", "demo"),
    "demonstration": _t("PROTEST", "demo"),
    "rally": _t("PROTEST", "demo"),
    "march": _t("PROTEST", "demo"),
    "riot": _t("PROTEST", "riot"),
    "unrest": _t("PROTEST", "riot"),
    "boycott": _t("PROTEST", "boycott"),
    "walkout": _t("PROTEST", "strike-lim"),
    "deployment": _t("MOBILIZE", "troops", "military"),
    "mobilization": _t("MOBILIZE", "troops", "military"),
    "mobilisation": _t("MOBILIZE", "troops", "military"),
    "buildup": _t("MOBILIZE", "troops", "military"),
    "drill": _t("MOBILIZE", "troops", "military"),
    "defection": _t("MOBILIZE", "realign", "military"),
    "talk": _t("CONSULT", None, "diplomatic"),
    "meeting": _t("CONSULT", None, "diplomatic"),
    "visit": _t("CONSULT", "visit", "diplomatic"),
    "summit": _t("CONSULT", "multilateral", "diplomatic"),
    "negotiation": _t("CONSULT", None, "diplomatic"),
    "dialogue": _t("CONSULT", None, "diplomatic"),
    "mediation": _t("CONSULT", "third-party", "diplomatic"),
    "agreement": _t("AGREE", None, "diplomatic"),
    "deal": _t("AGREE", None, "diplomatic"),
    "accord": _t("AGREE", None, "diplomatic"),
    "treaty": _t("AGREE", None, "diplomatic"),
    "ceasefire": _t("RETREAT", "ceasefire", "military"),
    "truce": _t("RETREAT", "ceasefire", "military"),
    "consensus": _t("AGREE"),
    "hearing": _t("ACCUSE", None, "legal"),
    "trial": _t("ACCUSE", None, "legal"),
    "suspension": _t("SANCTION", "sever"),
    "welcome": _t("CONSULT", "visit", "diplomatic"),
    "patrol": _t("MOBILIZE", "police"),
    "blockade": _t("COERCE", "restrict"),
    "restriction": _t("COERCE", "restrict"),
    "indictment": _t("ACCUSE", None, "legal"),
    "complaint": _t("ACCUSE"),
    "surrender": _t("RETREAT", "surrender", "military"),
    "release": _t("RETREAT", "release"),
    "swap": _t("RETREAT", "release"),
    "resignation": _t("RETREAT", "resign", "government"),
    "apology": _t("CONCEDE"),
    "amnesty": _t("CONCEDE", None, "legal"),
    "aid": _t("AID", None, "humanitarian"),
    "assistance": _t("AID"),
    "asylum": _t("AID", "asylum", "migration"),
    "accusation": _t("ACCUSE"),
    "allegation": _t("ACCUSE"),
    "condemnation": _t("ACCUSE"),
    "investigation": _t("ACCUSE", None, "legal"),
    "probe": _t("ACCUSE", None, "legal"),
    "lawsuit": _t("ACCUSE", None, "legal"),
    "rejection": _t("REJECT"),
    "refusal": _t("REJECT"),
    "denial": _t("REJECT"),
    "demand": _t("REQUEST"),
    "appeal": _t("REQUEST"),
    "threat": _t("THREATEN"),
    "ultimatum": _t("THREATEN"),
    "sanction": _t("SANCTION", None, "economic"),
    "embargo": _t("SANCTION", "sever", "economic"),
    "expulsion": _t("SANCTION", "expel", "diplomatic"),
    "conviction": _t("SANCTION", "convict", "legal"),
}
"""Noun lemma -> trigger."""

PHRASES: dict[tuple[str, ...], Trigger] = {
    ("air", "strike"): _t("ASSAULT", "aerial"),
    ("air", "raid"): _t("ASSAULT", "aerial"),
    ("drone", "strike"): _t("ASSAULT", "drone"),
    ("drone", "attack"): _t("ASSAULT", "drone"),
    ("missile", "strike"): _t("ASSAULT", "heavy-weapons"),
    ("missile", "attack"): _t("ASSAULT", "heavy-weapons"),
    ("rocket", "attack"): _t("ASSAULT", "heavy-weapons"),
    ("artillery", "fire"): _t("ASSAULT", "heavy-weapons"),
    ("mortar", "fire"): _t("ASSAULT", "heavy-weapons"),
    ("grenade", "attack"): _t("ASSAULT", "grenade"),
    ("suicide", "bombing"): _t("ASSAULT", "suicide-attack", "terrorism"),
    ("suicide", "attack"): _t("ASSAULT", "suicide-attack", "terrorism"),
    ("suicide", "bomber"): _t("ASSAULT", "suicide-attack", "terrorism"),
    ("car", "bomb"): _t("ASSAULT", "explosives"),
    ("chemical", "attack"): _t("ASSAULT", "chemical", "cbrn"),
    ("gas", "attack"): _t("ASSAULT", "chemical", "cbrn"),
    ("open", "fire"): _t("ASSAULT", "firearms"),
    ("gun", "down"): _t("ASSAULT", "firearms"),
    ("shoot", "dead"): _t("ASSAULT", "firearms", casualty=True),
    ("set", "fire"): _t("ASSAULT", "destroy"),
    ("set", "ablaze"): _t("ASSAULT", "destroy"),
    ("set", "on", "fire"): _t("ASSAULT", "destroy"),
    ("blow", "up"): _t("ASSAULT", "explosives"),
    ("blow", "himself", "up"): _t("ASSAULT", "suicide-attack", "terrorism"),
    ("blow", "herself", "up"): _t("ASSAULT", "suicide-attack", "terrorism"),
    ("blow", "themselves", "up"): _t("ASSAULT", "suicide-attack", "terrorism"),
    ("take", "control"): _t("ASSAULT", "capture", "territory"),
    ("seize", "control"): _t("ASSAULT", "capture", "territory"),
    ("gain", "control"): _t("ASSAULT", "capture", "territory"),
    ("regain", "control"): _t("ASSAULT", "capture", "territory"),
    ("push", "back"): _t("ASSAULT", "capture", "territory"),
    ("sexual", "assault"): _t("ASSAULT", "sexual", "crime_sexual"),
    ("sexually", "assault"): _t("ASSAULT", "sexual", "crime_sexual"),
    ("sexual", "violence"): _t("ASSAULT", "sexual", "crime_sexual"),
    ("take", "over"): _t("ASSAULT", "capture", "territory"),
    ("fall", "to"): _t("ASSAULT", "capture", "territory"),
    ("push", "into"): _t("ASSAULT", "advance", "territory"),
    ("pull", "back"): _t("RETREAT", "withdraw", "territory"),
    ("pull", "out"): _t("RETREAT", "withdraw", "territory"),
    ("hand", "over"): _t("RETREAT", "withdraw", "territory"),
    ("round", "up"): _t("COERCE", "arrest"),
    ("crack", "down"): _t("COERCE", "restrict"),
    ("break", "up"): _t("COERCE", "restrict"),
    ("tear", "gas"): _t("COERCE", "restrict"),
    ("water", "cannon"): _t("COERCE", "restrict"),
    ("shoot", "down"): _t("COERCE", "defuse", "military"),
    ("martial", "law"): _t("COERCE", "martial-law"),
    ("state", "of", "emergency"): _t("COERCE", "martial-law"),
    ("hunger", "strike"): _t("PROTEST", "strike-hun"),
    ("stop", "work"): _t("PROTEST", "strike-lim"),
    ("call", "off"): _t("CONCEDE"),
    ("on", "alert"): _t("MOBILIZE", "troops", "military"),
    ("war", "game"): _t("COOPERATE", None, "military"),
    ("joint", "exercise"): _t("COOPERATE", None, "military"),
    ("joint", "drill"): _t("COOPERATE", None, "military"),
    ("ethnic", "cleansing"): _t("ASSAULT", None, "religion_ethnicity"),
    ("sexually", "abuse"): _t("ASSAULT", "sexual", "crime_sexual"),
    ("violate", "the", "ceasefire"): _t("ASSAULT", "clash", "military"),
    ("reach", "agreement"): _t("AGREE"),
    ("reach", "an", "agreement"): _t("AGREE"),
    ("reach", "a", "consensus"): _t("AGREE"),
    ("reach", "a", "deal"): _t("AGREE"),
    ("state", "of", "siege"): _t("COERCE", "martial-law"),
    ("beef", "up"): _t("MOBILIZE", "troops", "military"),
    ("general", "strike"): _t("PROTEST", "strike-gen"),
    ("go", "on", "strike"): _t("PROTEST", "strike-lim"),
    ("set", "up"): _t("MOBILIZE", "base", "military", needs_object=True),
    ("send", "troops"): _t("MOBILIZE", "troops", "military"),
    ("hold", "talks"): _t("CONSULT", None, "diplomatic"),
    ("news", "conference"): _t("CONSULT", None, "diplomatic"),
    ("press", "conference"): _t("CONSULT", None, "diplomatic"),
    ("phone", "call"): _t("CONSULT", "phone", "diplomatic"),
    ("telephone", "call"): _t("CONSULT", "phone", "diplomatic"),
    ("speak", "by", "phone"): _t("CONSULT", "phone", "diplomatic"),
    ("call", "for"): _t("REQUEST"),
    ("call", "on"): _t("REQUEST"),
    ("claim", "responsibility"): _t("ACCUSE", "responsibility", "terrorism"),
    ("cut", "ties"): _t("SANCTION", "sever", "diplomatic"),
    ("sever", "ties"): _t("SANCTION", "sever", "diplomatic"),
    ("impose", "sanction"): _t("SANCTION", None, "economic"),
    ("air", "-", "strike"): _t("ASSAULT", "aerial"),
    ("counter", "-", "offensive"): _t("ASSAULT", "advance", "territory"),
    ("sit", "-", "in"): _t("PROTEST", "demo"),
    ("build", "-", "up"): _t("MOBILIZE", "troops", "military"),
}
"""Lemma sequences -> trigger; they win over the single words they contain. A hyphenated word
is a phrase: the tokenizer splits "counter-offensive" into "counter", "-", "offensive"."""

LIGHT_VERBS = words(
    "launch carry conduct stage mount make hold unleash perform wage commit begin continue "
    "start resume step escalate intensify repel repulse tell attend address give join "
    "organize organise lead"
)
"""Verbs whose object names the event ("launched an offensive"): their subject is its actor."""

REPORTING_VERBS = words(
    "say tell report announce state claim add confirm write note insist assert declare "
    "quote cite accuse allege"
)

OBJECT_MEANS_TERRITORY = words(
    "city town village district province region area territory centre center bank position "
    "positions base airport hill height heights border road highway crossing checkpoint outpost "
    "settlement neighbourhood neighborhood suburb port island oblast county capital stronghold "
    "camp camps post posts barracks villages towns areas regions districts territories "
    "airfield bridge hub line front frontline part control"
)
"""Objects that make "took X" or "seized X" a territorial event."""

OBJECT_MEANS_WEAPON = words(
    "firearm firearms pistol pistols revolver revolvers carbine carbines musket muskets cartridge "
    "cartridges round rounds projectile projectiles munition munitions ordnance stash arsenal "
    "landmine landmines ieds uxo warhead warheads "
    "weapon weapons arms ammunition explosive explosives device devices ied bomb bombs mine mines "
    "rocket rockets missile missiles drone drones grenade grenades rifle rifles gun guns cache "
    "package packages shell shells launcher launchers"
)
"""Objects that make "seized X", "found X" or "shot down X" a disrupted weapons use."""

OBJECT_MEANS_BASE = words(
    "base bases post posts outpost outposts headquarters hq checkpoint checkpoints camp camps "
    "point points position positions station"
)

WEAPON_FINDS = words(
    "find discover uncover recover unearth retrieve clear remove destroy seize capture confiscate "
    "intercept defuse dismantle neutralize neutralise recover locate identify"
)
"""Verbs that, with weapons as object, disrupt weapons use: "a cache of arms was found"."""

AID_OBJECTS = words(
    "aid assistance grant grants loan loans money dollars euros funds funding credit food medicine "
    "medicines supplies arms weapons troops equipment relief asylum refuge shelter support help "
    "material ammunition vaccines fuel goods intelligence photographs tents blankets water"
)
"""What is given for "give", "provide", "send" to be AID."""

TIES = words(
    "aid assistance ties relations links contacts talks negotiations mediation supplies "
    "cooperation flights trade imports exports dialogue diplomatic embassy programme program "
    "visit visits trip trips meeting meetings summit deliveries efforts"
)
"""What is halted, suspended or cut for it to be a SANCTION."""

LIFTED = words("blockade blockades siege sieges")
"""What is lifted or eased for it to be a material RETREAT rather than a verbal concession."""

TROOP_MOVES = words(
    "move send dispatch transfer redeploy forward bring rush airlift deploy pour amass"
)
"""Verbs that, with troops as object, mobilize them: "Syria is moving troops to the border"."""

AGREEMENT_OBJECTS = words(
    "agreement agreements deal deals accord accords treaty treaties ceasefire truce pact memorandum "
    "declaration protocol armistice settlement roadmap"
)
"""What must be signed for "sign" to be a PLOVER agreement event."""

MILITARY_TARGETS = words(
    "checkpoint checkpoints base bases post posts outpost outposts position positions convoy "
    "convoys patrol patrols barracks garrison headquarters camp camps trench trenches"
)
"""Objects of an attack that stand for the force holding them."""

VIOLENT_PROTEST_CUES = words(
    "violent violence clash clashes clashed stone stones rock rocks projectile projectiles bottles "
    "molotov firebomb firebombs petrol torched vandalised vandalized smashed looted rioting riot "
    "riots ugly firecrackers fireworks scuffle scuffles scuffled pelted pelt pepper-sprayed"
)

PEOPLE_OBJECTS = words(
    "people person man men woman women child children civilian civilians member members "
    "suspect suspects militant militants fighter fighters soldier soldiers activist activists "
    "protester protesters journalist journalists leader leaders official officials worker "
    "workers student students hostage hostages prisoner prisoners citizen citizens resident "
    "residents migrant migrants"
)
