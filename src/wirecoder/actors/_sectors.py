"""Head nouns that say which PLOVER sector a group of people belongs to.

"Russian *forces*" are MIL, "Ukrainian *civilians*" CVL, "gunmen" REB. The catalog composes a
demonym with these nouns; the events stage uses them alone for actors no catalog names.
"""

from __future__ import annotations

from ._fold import fold

_SECTOR_NOUNS: dict[str, str] = {
    "MIL": (
        "forces, force, troops, army, armies, military, militaries, soldiers, soldier, "
        "servicemen, serviceman, service members, navy, air force, air defence, air defense, air "
        "defences, air defenses, artillery, units, unit, brigade, brigades, battalion, marines, "
        "paratroopers, warplanes, warplane, jets, fighter jets, drones, drone, missiles, tanks, "
        "warships, gunboats, commander, commanders, general, generals, defence ministry, defense "
        "ministry, ministry of defence, ministry of defense, military command, general staff, "
        "armed forces, special forces, national guard, border guards, border guard, sniper, "
        "snipers, gunners, navy ships, air strikes, airstrikes, shelling, occupiers, invaders, "
        "defenders, mercenaries, aircraft, helicopters, helicopter gunships, gunships, bombers"
    ),
    "GOV": (
        "government, governments, authorities, authority, officials, official, president, prime "
        "minister, premier, minister, ministers, ministry, foreign minister, foreign ministry, "
        "defence minister, defense minister, defence secretary, defense secretary, interior "
        "minister, interior ministry, secretary of state, leader, leaders, leadership, "
        "administration, cabinet, diplomats, diplomat, ambassador, embassy, envoy, negotiator, "
        "negotiators, counterpart, regime, governor, mayor, delegation, king, emir, monarch, "
        "chancellor, state, junta, presidency, head of state"
    ),
    "COP": (
        "police, policemen, policeman, police officers, police officer, security forces, riot "
        "police, border police, gendarmes, gendarmerie"
    ),
    "SPY": (
        "intelligence, intelligence services, intelligence service, intelligence agency, military "
        "intelligence, spies, spy agency, security service"
    ),
    "CVL": (
        "civilians, civilian, residents, resident, people, villagers, citizens, citizen, man, "
        "woman, men, women, children, child, boy, boys, girl, girls, family, families, farmers, "
        "farmer, worshippers, pilgrims, passengers, nationals, national, hostages, hostage, "
        "inhabitants, population, shoppers, motorists, fishermen, herders, teenager, teenagers, "
        "pensioners, elderly, mob, crowd, crowds, villagers, tourists, worshipers, patients"
    ),
    "JRN": (
        "journalists, journalist, reporters, reporter, photographer, photojournalist, cameraman, "
        "media, news agency, news agencies, state media, broadcaster, television, newspaper, "
        "state television, state news agency, radio, tv, channel, news website"
    ),
    "REB": (
        "rebels, rebel, insurgents, insurgent, militants, militant, fighters, fighter, "
        "guerrillas, guerrilla, separatists, separatist, jihadists, jihadist, militia, militias, "
        "militiamen, gunmen, gunman, armed group, armed groups, armed men, extremists, "
        "terrorists, terrorist, bandits, insurgency, paramilitaries, paramilitary"
    ),
    "OPP": (
        "opposition, protesters, protester, demonstrators, demonstrator, activists, activist, "
        "dissidents, dissident, opposition leader, opposition figures, rioters, rioter, strikers, "
        "looters, marchers, anti-government protesters, islamists, fundamentalists, nationalists"
    ),
    "LEG": (
        "parliament, lawmakers, lawmaker, legislators, parliamentarians, mps, senators, senator, "
        "congress, legislature, deputies"
    ),
    "JUD": "court, courts, judge, judges, prosecutors, prosecutor, judiciary, tribunal",
    "REF": "refugees, refugee, displaced, displaced people, migrants, asylum seekers, evacuees",
    "HLH": "doctors, doctor, medics, medic, paramedics, nurses, health ministry, hospital",
    "NGO": "aid workers, aid worker, aid groups, aid agencies, charity, charities, volunteers",
    "EDU": "students, student, teachers, teacher, university, pupils, schoolchildren",
    "BUS": "companies, company, firms, firm, businessmen, businesses, traders, merchants",
    "LAB": "workers, worker, unions, union, miners, labourers, laborers",
    "REL": "clerics, cleric, priest, priests, imam, church, mosque",
}
"""Sector -> comma-separated head nouns (one or more words each)."""

SECTOR_LABELS: dict[str, str] = {
    "MIL": "military",
    "GOV": "government",
    "COP": "police",
    "SPY": "intelligence",
    "CVL": "civilians",
    "JRN": "media",
    "REB": "armed group",
    "OPP": "opposition",
    "LEG": "legislature",
    "JUD": "judiciary",
    "REF": "refugees",
    "HLH": "health services",
    "NGO": "aid groups",
    "EDU": "education",
    "BUS": "business",
    "LAB": "labour",
    "REL": "clergy",
}
"""A readable name for the sector part of a composed actor ("Russian military")."""

SECTOR_KINDS: dict[str, str] = {
    "MIL": "military",
    "GOV": "government",
    "COP": "police",
    "SPY": "agency",
}
"""The ``kind`` of a composed actor; sectors not listed are populations or groups."""

STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY"})
"""Sectors of a state: its government, armed forces, police and intelligence services."""

ARMED_SECTORS = frozenset({"MIL", "REB", "COP"})
"""Sectors that carry arms: armed forces, armed groups, police."""

COMBATANT_SECTORS = frozenset({"MIL", "REB"})
"""Sectors that fight: armed forces and armed groups."""

TITLE_SECTORS = frozenset({"GOV", "MIL", "SPY", "COP", "OPP", "LEG", "JUD", "REB", "JRN"})
"""Sectors whose composed phrase can be a title before a name: "Turkish Foreign Minister X"."""

SECTOR_NOUNS: dict[tuple[str, ...], str] = {
    fold(noun): sector for sector, nouns in _SECTOR_NOUNS.items() for noun in nouns.split(", ")
}
"""Folded head noun (one or more words) -> PLOVER sector code."""

LONGEST_NOUN = max(len(key) for key in SECTOR_NOUNS)


def sector_of(noun: str) -> str | None:
    """The sector a head noun names ("troops" -> MIL), or None."""
    return SECTOR_NOUNS.get(fold(noun))
