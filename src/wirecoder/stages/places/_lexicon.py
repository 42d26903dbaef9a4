"""Word lists of the places stage: what marks a province, a river, a road, an outlet, a title,
and the verbs and nouns that make a place name stand for its government or forces."""

from __future__ import annotations

from typing import Literal

Hint = Literal["admin1", "admin2", "river", "road", "water"] | None


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


PLACE_LABELS = words("GPE LOC FAC")
ADMIN_WORDS: dict[str, Hint] = {
    **dict.fromkeys(
        words("province provinces region oblast governorate state prefecture krai"), "admin1"
    ),
    **dict.fromkeys(words("district raion county municipality"), "admin2"),
}
WATER_WORDS: dict[str, Hint] = {
    "river": "river",
    **dict.fromkeys(words("sea strait gulf reservoir lake bay"), "water"),
}
LOCATIVES = words("in near outside towards toward around into across through via outskirts")
ROAD_WORDS = words("road route highway motorway roadway artery")
ATTACK_NOUNS = words("strike airstrike attack shelling bombardment bombing assault offensive raid")
"""Nouns whose "on X" / "of X" is where the blow falls: a place, when the gazetteer has one."""
SEIZE_VERBS = words("capture seize recapture retake liberate occupy encircle storm")
"""Verbs whose object is ground: "captured Soledar" is the town, not a person taken."""
MEDIA_WORDS = words("""
    radio tv television news agency press times post journal gazette herald tribune daily channel
    broadcasting network media newspaper telegraph observer monitor magazine online
""")
"""A word that makes an ORG entity an outlet: nothing in its name is a place ("NV Radio")."""
ORG_WORDS = words("""
    ministry command council committee party university bank company corp corporation inc ltd group
    institute foundation fund association union army forces brigade battalion regiment service
    office court police guard club fc airlines airways federation authority commission government
""")
"""A word that makes an ORG entity an institution: a place in its name stands for the state or
city it belongs to ("Bank of Japan", "US Special Forces"), a metonym."""
OUTLETS = words("""
    reuters ap afp cnn bbc tass ria interfax ukrinform xinhua sky nbc cbs abc fox npr dpa efe ansa
    kyodo yonhap bloomberg unian rbc izvestia kommersant meduza nv politico suspilne telegram
""") | {"ria novosti", "al jazeera"}
NOT_PLACES = words("""
    january february march april may june july august september october november december monday
    tuesday wednesday thursday friday saturday sunday president minister general mr mrs ms god the a
    i we west east north south western eastern northern southern central new old great little lake
    mount saint st said says will news live time street city world university state states union
    republic kingdom independence liberty victory hope paradise friendship progress freedom church
    man police army media online video photo reporting editing writing additional
""") | {"prime minister"}
"""Capitalised words that GeoNames knows as some place but that English copy means otherwise."""
CONNECTORS = words("of de del la le el al upon on the and du des -")
TITLES = words("""
    mr mrs ms dr president minister general gen colonel col governor mayor spokesman spokeswoman
    commander sergeant lieutenant captain major senator rep judge prince king
""")
SPEECH_VERBS = words("""
    say tell announce claim deny accuse warn insist state declare urge demand accept reject refuse
    agree want seek threaten vow promise sign condemn welcome respond sanction recognize recognise
    consider decide argue believe hope fear plan propose call blame allege confirm acknowledge
    report order ask expel summon impose pledge offer negotiate admit vote veto approve ban host
    back support oppose push criticise criticize praise thank invite discuss meet talk agree sign
    join lead ratify try attempt aim intend wish strive struggle fail manage protest complain
    appeal apologise apologize
""")
"""Verbs whose subject, when a place, is its government speaking, wanting or deciding, active or
passive ("Kyiv was urged to", "the town that Moscow has tried to take"), and whose addressee
after "to" is a government too ("protested to Kyiv")."""
ACTION_VERBS = words("""
    invade annex advance attack seize capture launch fire strike shell bomb take make gain lose
    fight deploy send supply withdraw occupy control retaliate halt suspend resume mobilise mobilize
""")
"""Verbs whose active subject, when a place, is its forces acting ("Russia has seized"); as a
passive subject the place is where it happened ("Avdiivka was shelled")."""
AGENT_NOUNS = words("""
    forces troops army military government president leader leadership minister ministry officials
    assault offensive invasion attack attacks war security interests ally allies aims ambassador
    embassy envoy navy parliament intelligence concerns position demands proposal decision strikes
    bombardment campaign commanders defence defense command staff authorities spokesman
    spokeswoman spokesperson force
""")
"""Possessed nouns that make "Russia's ..." the state acting, not the land."""
FALL_VERBS = words("fall")
"""Intransitive verbs of a change of hands: their subject is the ground that changed ("Vuhledar
fell to Russian forces")."""
AGENT_PREPOSITIONS = words("by")
"""Prepositions whose object is who acted ("arrested by Kyiv"), not where."""
STANCE_ADJECTIVES = words("""
    concerned worried ready willing opposed determined keen prepared reluctant unwilling committed
    confident
""")
BACKING_WORDS = words(
    "backed led installed appointed allied friendly sponsored imposed brokered aligned funded"
)
"""Second halves of "Moscow-backed": the place is the government behind something."""
