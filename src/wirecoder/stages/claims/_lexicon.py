"""Word lists behind attribution: reporting verbs, their strength and stance, source nouns.

Written by hand for wire copy about conflicts; the verb list was checked against what
attribution corpora count as a cue (speech, writing, belief and stated intention).
"""

from __future__ import annotations


def words(text: str) -> list[str]:
    """The whitespace-separated words of a lexicon block."""
    return text.split()


SPEECH_VERBS = frozenset(
    words(
        """
        say tell add report state announce declare claim allege deny confirm acknowledge admit
        insist argue assert warn note explain write tweet post suggest predict estimate
        reiterate stress emphasize emphasise repeat comment reply respond answer ask urge
        accuse blame describe concede maintain vow pledge promise threaten recall indicate
        reveal disclose conclude mention testify quote cite boast contend observe point caution
        forecast assess judge complain criticize criticise praise dismiss reject question brief
        inform advise assure caution lament charge counter retort remark wonder speculate
        acknowledge signal hint declare proclaim recount describe characterize characterise
        label brand dub call demand propose recommend order instruct request invite reassure
        rule decide agree imply continue yell shout clarify joke
        """
    )
)
"""Verbs whose subject is a source and whose complement is what the source put forward."""

FINDING_VERBS = frozenset(words("find show reveal suggest indicate conclude"))
"""Verbs of evidence whose subject may be a poll, study or document ("the survey found that")."""

COGNITION_VERBS = frozenset(
    words(
        """
        believe think fear hope expect feel know doubt worry suspect consider assume understand
        realize realise see view regard estimate reckon want plan intend
        """
    )
)
"""Verbs of belief and intention: attributions too, but only with a clausal complement."""

INFINITIVE_VERBS = frozenset(
    words(
        """
        vow pledge promise threaten plan want intend hope expect refuse agree decline deny
        claim seem appear
        """
    )
)
"""Verbs whose "to" complement is a stated position ("vowed to retake"); "asked X to leave" is not."""

OBJECT_VERBS = frozenset(
    words(
        """
        call describe accuse endorse urge praise criticize criticise blame condemn oppose
        reject dismiss deny question welcome hail applaud slam blast denounce refer demand
        propose recommend request warn cite characterize characterise label brand dub show
        promise pledge vow announce confirm acknowledge admit talk speak defend
        decline express hope vote highlight tout promote portray mock rail encourage
        persuade remember imagine discuss insist stress note ask point allude respond look
        tweet post see view regard say identify
        """
    )
)
"""Verbs whose object is the content: "endorsed Cruz", "called him a liar", "denied the report".
Verbs that are as often deeds as words in conflict reports (attack, back, push, support) are not."""

OBJECT_PREPOSITIONS: dict[str, frozenset[str]] = {
    "call": frozenset({"for", "on"}),
    "describe": frozenset({"as"}),
    "characterize": frozenset({"as"}),
    "characterise": frozenset({"as"}),
    "accuse": frozenset({"of"}),
    "blame": frozenset({"for", "on"}),
    "criticize": frozenset({"for"}),
    "criticise": frozenset({"for"}),
    "praise": frozenset({"for"}),
    "condemn": frozenset({"for"}),
    "refer": frozenset({"to"}),
    "warn": frozenset({"of", "about", "against"}),
    "urge": frozenset({"to"}),
    "talk": frozenset({"about", "of"}),
    "speak": frozenset({"about", "of"}),
    "vote": frozenset({"for", "against"}),
    "rail": frozenset({"against"}),
    "portray": frozenset({"as"}),
    "hope": frozenset({"for"}),
    "insist": frozenset({"on"}),
    "ask": frozenset({"about", "for"}),
    "point": frozenset({"to"}),
    "allude": frozenset({"to"}),
    "respond": frozenset({"to"}),
    "look": frozenset({"at"}),
    "see": frozenset({"as"}),
    "view": frozenset({"as"}),
    "regard": frozenset({"as"}),
    "identify": frozenset({"as"}),
}
"""Prepositions that carry the content after an object verb ("accused X of Y", "referring to X")."""

WEAK_VERBS = frozenset(["claim", "allege", "insist", "contend", "purport", "maintain", "boast"])
STRONG_VERBS = frozenset(
    ["confirm", "acknowledge", "admit", "concede", "verify", "establish", "reveal", "prove"]
)
DENIAL_VERBS = frozenset(["deny", "reject", "dismiss", "refute", "rebut", "dispute"])
FORECAST_VERBS = frozenset(
    words(
        """
        predict forecast expect warn vow pledge promise threaten plan intend hope
        """
    )
)

SOURCE_NOUNS: dict[str, str] = {
    "official": """
        spokesman spokeswoman spokesperson spokespeople press secretary official officials
        minister ministers president governor mayor ambassador envoy diplomat diplomats aide
        aides adviser advisor lawmaker senator
        """,
    "government": """
        ministry government kremlin administration cabinet authorities authority embassy consulate
        mission office council parliament presidency
        """,
    "military": """
        army military forces force command commander commanders staff troops general officer
        officers brigade battalion navy air
        """,
    "intelligence": "intelligence",
    "news_agency": "agency agencies wire",
    "media": """
        newspaper paper channel television broadcaster outlet outlets media radio magazine daily
        website station
        """,
    "expert": """
        analyst analysts expert experts researcher researchers professor think-tank institute
        observer observers
        """,
    "witness": """
        witness witnesses resident residents survivor survivors villager villagers eyewitness
        eyewitnesses neighbour neighbor
        """,
    "anonymous": "source sources insider insiders",
    "organization": "group organisation organization charity party union committee",
}
"""Source kind by the role noun of a source phrase ("a military spokesman" is an official)."""

CUE_VERBS = SPEECH_VERBS | COGNITION_VERBS | FINDING_VERBS | OBJECT_VERBS
"""Every verb that can be the cue of an attribution."""

STANCE_VERBS = frozenset(words("support back favor favour oppose offer"))
"""Verbs of a position that are also deeds ("backed the plan" / "artillery backed the assault"):
cues only when a speaker is their subject."""

SPEAKER_NOUNS = frozenset(
    words(
        """
        voter official lawmaker senator leader president minister spokesman spokeswoman
        spokesperson analyst expert critic supporter opponent resident witness democrat
        republican member diplomat government ministry administration campaign party group
        poll survey report study people american candidate governor mayor activist observer
        """
    )
)
"""Head nouns of subjects that can hold a view, for verbs that are cues only with a speaker."""

SETTING_NOUNS = frozenset(
    words(
        """
        rally event conference interview statement meeting speech briefing hearing debate
        appearance call session forum summit visit program programme show broadcast address
        tweet post twitter facebook telegram
        """
    )
)
"""Heads of phrases that say where something was said ("at a rally"), not what."""

CITED_NOUNS = frozenset(
    words(
        """
        service services police prosecutor prosecutors rescuers monitors mission statement
        statements data figures document documents
        """
    )
)
"""Heads of what a report cites besides speakers ("citing emergency services", "citing data")."""

APPEARANCE_VERBS = frozenset(words("seem appear"))
"""The reporter's hedged reading: "Sanders seemed to be of two minds" attributes to no one."""

VIEW_VERBS = frozenset(words("see view regard identify"))
"""Verbs that report a view only with "as": "sees the truce as a trap"."""

CHANNEL_NOUNS = frozenset(words("statement interview"))
"""How something was said, written into the cue: "said in a statement"."""

ANONYMOUS_NOUNS = frozenset(SOURCE_NOUNS["anonymous"].split())
"""Unnamed speakers that may head a headline attribution ("Insiders: ...")."""
