"""Who acts and who is acted upon: argument heads of a trigger from the dependency parse."""

from __future__ import annotations

from dataclasses import dataclass

from tidings.extract.syntax import conjuncts, preposition_objects
from tidings.model import Analysis, Token

__all__ = ["Roles", "find_roles", "named_in_complements"]

# Verbs whose object names an event they do not change: "held talks", "launched an attack".
LIGHT_VERBS = frozenset(
    "hold have conduct launch stage carry mount make pay sign reach host attend begin start "
    "resume continue join engage open wage lead organise organize order step intensify "
    "escalate announce propose offer plan seek facilitate schedule arrange cancel postpone "
    "scrap suspend delay abandon want declare".split()
)
# "urged Iran to talk": the object, not the subject, does the embedded action.
_OBJECT_CONTROL = frozenset("urge ask invite press force persuade tell call allow order".split())
# Passives that describe their subject's stance: "is committed to", "is determined to".
_STATIVE_PASSIVES = frozenset(
    "commit committed determine determined resolve prepare prepared dedicate oblige".split()
)
_RECIPIENT_PREPS = frozenset(
    {"with", "to", "against", "on", "at", "into", "upon", "toward", "towards"}
)
_NOUN_RECIPIENT_PREPS = frozenset(
    {"with", "to", "against", "on", "upon", "toward", "towards", "for"}
)
_ACTOR_MOD_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
_AUTHOR_PREPS = frozenset({"by", "from", "of"})
_TOPIC_PREPS = frozenset({"of", "about", "over"})
_PARTNER_PREPS = frozenset({"with", "between", "to", "against"})
# Slots through which an event noun hangs from the verb that carries it.
_CARRIER_DEPS = frozenset(
    {"dobj", "obj", "pobj", "prep", "compound", "attr", "nsubjpass", "oprd", "conj"}
)
# "engaged in talks", "joined in the protest", "pressed for a ceasefire"
_TAKING_PART_PREPS = frozenset({"in", "into", "for"})
_REPORTING_VERBS = frozenset(
    "say tell report state add note claim insist indicate signal confirm reveal "
    "disclose assert acknowledge write quote cite describe call see view".split()
)
_MEASURE_NOUNS = frozenset("round series wave spate string bout day week month year".split())
_OF_IS_RECIPIENT = frozenset({"COERCE", "ASSAULT", "RETREAT", "CONCEDE", "AID", "SANCTION"})


@dataclass(frozen=True, slots=True)
class Roles:
    """Head tokens of the actor and recipient phrases of one trigger.

    ``recipients`` holds alternatives in order of preference ("imposed sanctions
    on Iran": the object "sanctions", then "Iran"); the first that names an
    actor is the recipient.
    """

    actors: tuple[Token, ...]
    recipients: tuple[tuple[Token, ...], ...]
    reciprocal: bool = False  # "talks between X and Y": every party is an actor


def find_roles(
    analysis: Analysis, trigger: Token, event_type: str, events: frozenset[int] = frozenset()
) -> Roles:
    """Actor and recipient heads of ``trigger`` (a verb or an event noun).

    ``event_type`` is its PLOVER type name; ``events`` are the tokens of the
    sentence that are event words themselves (an event noun does not take its
    actor from a governing event verb: in "Iran condemned the attack" Iran is
    not the attacker).
    """
    if trigger.pos in ("NOUN", "PROPN"):
        return _noun_roles(analysis, trigger, event_type, events)
    return _verb_roles(analysis, trigger)


def _verb_roles(analysis: Analysis, verb: Token) -> Roles:
    children = analysis.children(verb)
    actors: tuple[Token, ...] = ()
    recipients: tuple[tuple[Token, ...], ...] = ()
    for child in children:
        if child.dep in ("nsubj", "csubj"):
            # Two subjects are one phrase the parser split ("the news agency WFNA said").
            actors = (*actors, *conjuncts(analysis, child))
        elif child.dep == "nsubjpass" and verb.lemma.lower() in _STATIVE_PASSIVES:
            actors = conjuncts(analysis, child)  # "Vietnam is committed to opening up"
        elif child.dep == "nsubjpass":
            recipients = (conjuncts(analysis, child),)
        elif child.dep == "agent":
            actors = tuple(
                t
                for g in analysis.children(child)
                if g.dep == "pobj"
                for t in conjuncts(analysis, g)
            )
    if not recipients:
        # Candidates in order of preference; the caller keeps those that resolve:
        # "attacked Ukraine", "imposed sanctions on Iran", "sent aid to Gaza".
        found: list[tuple[Token, ...]] = []
        for child in children:
            if child.dep in ("dobj", "dative", "obj"):
                found.append(conjuncts(analysis, child))
                for _, obj in preposition_objects(analysis, child, _RECIPIENT_PREPS):
                    found.append(conjuncts(analysis, obj))
                # "rejected Iraq's proposal", "dismissed an appeal from the president",
                # "rejected calls by Kofi Annan": the object's owner or author.
                found.extend(
                    conjuncts(analysis, g) for g in analysis.children(child) if g.dep == "poss"
                )
                for _, obj in preposition_objects(analysis, child, _AUTHOR_PREPS):
                    found.append(conjuncts(analysis, obj))
                # "welcomed a resumption of ties with Osgiliath"
                found.extend(_nested_partners(analysis, child))
        for _, obj in preposition_objects(analysis, verb, _RECIPIENT_PREPS):
            found.append(conjuncts(analysis, obj))
        for _, obj in preposition_objects(analysis, verb, _TOPIC_PREPS):
            found.append(conjuncts(analysis, obj))  # "warned of the Prince", "complained about"
        for child in children:  # "demanded that the US withdraw"
            if child.dep == "ccomp":
                found.extend(
                    conjuncts(analysis, g) for g in analysis.children(child) if g.dep == "nsubj"
                )
        recipients = tuple(found)
    if not actors:
        actors = _controller(analysis, verb)
    return Roles(actors, recipients)


# Dependents that never lead to the party an event is aimed at.
_NOT_COMPLEMENT = frozenset(
    {"nsubj", "nsubjpass", "csubj", "agent", "punct", "aux", "auxpass", "neg", "mark", "cc"}
    | {"conj", "parataxis"}  # a coordinated verb is a predicate of its own
)
_NAMED = frozenset({"GPE", "LOC", "NORP", "ORG", "PERSON"})
# "arrested protesters in Nairobi": a place after these is the venue, not a party.
_LOCATIVE_PREPS = frozenset("in at near outside inside around across throughout within".split())


def named_in_complements(
    analysis: Analysis, trigger: Token, depth: int = 6
) -> list[tuple[Token, ...]]:
    """Named parties inside the trigger's complements, nearest first.

    The last resort for a recipient when no argument slot names one: "agreed to
    provide aid **for Romania and Poland**", "a hunger strike to protest against
    **Sweden**'s decision", "complained over two **Israeli** air raids". Subjects
    (the actor's side) are not searched, nor clauses that report the event, nor what a
    reporting trigger says ("…, the agency said on Thursday" has no target), and a
    place after a locative preposition that places the event is its venue ("arrested
    protesters in Nairobi"), not a party.
    """
    found: list[tuple[Token, ...]] = []
    level = [trigger]
    says = trigger.lemma.lower() in _REPORTING_VERBS
    for _ in range(depth):
        below: list[Token] = []
        for node in level:
            for child in analysis.children(node):
                if child.dep in _NOT_COMPLEMENT or (
                    child.pos in ("VERB", "AUX") and child.lemma.lower() in _REPORTING_VERBS
                ):
                    continue
                if says and node is trigger and child.dep == "ccomp":
                    continue
                venue = (
                    child.dep == "pobj"
                    and node.lower in _LOCATIVE_PREPS
                    and child.ent_type in ("GPE", "LOC", "FAC")
                    and _sets_scene(analysis, node, trigger)
                )
                if child.ent_type in _NAMED and child.dep not in ("compound", "flat") and not venue:
                    found.append(conjuncts(analysis, child))
                below.append(child)
        level = below
    return found


def _sets_scene(analysis: Analysis, prep: Token, trigger: Token) -> bool:
    """Whether a locative phrase places the event ("arrested protesters in Nairobi") rather
    than a noun ("parties to the conflict in Iraq")."""
    head = analysis.head(prep)
    return head is None or head.i == trigger.i or head.pos in ("VERB", "AUX")


def _nested_partners(analysis: Analysis, noun: Token, depth: int = 3) -> list[tuple[Token, ...]]:
    """Partners named inside an object phrase: "a resumption of ties **with X**",
    "a resumption of ties **between X and Y**", down a few "of" links."""
    found: list[tuple[Token, ...]] = []
    node: Token | None = noun
    for _ in range(depth):
        if node is None:
            break
        for _, obj in preposition_objects(analysis, node, _PARTNER_PREPS):
            found.append(conjuncts(analysis, obj))
        node = next((o for _, o in preposition_objects(analysis, node, frozenset({"of"}))), None)
    return found


def _controller(analysis: Analysis, verb: Token) -> tuple[Token, ...]:
    """The understood subject of a subjectless verb ("agreed to meet", "troops who fired")."""
    head = analysis.head(verb)
    if head is None:
        return ()
    if verb.dep == "pcomp" and head.dep == "prep":
        # "youths resorted to throwing stones", "threatened with cutting off aid"
        carrier = analysis.head(head)
        return _verb_roles(analysis, carrier).actors if carrier is not None else ()
    if (
        verb.dep == "acl"
        and verb.tag == "VB"
        and head.pos == "NOUN"
        and head.dep in ("dobj", "attr")
    ):
        # "Israel and the Palestinians reached a consensus to exchange information"
        carrier = analysis.head(head)
        if carrier is not None and carrier.pos in ("VERB", "AUX"):
            return _verb_roles(analysis, carrier).actors
    if verb.dep in ("relcl", "acl") and head.pos in ("NOUN", "PROPN", "PRON"):
        return conjuncts(analysis, head)
    if verb.dep in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "acomp"):
        if verb.dep == "xcomp" and head.lemma.lower() in _OBJECT_CONTROL:
            for child in analysis.children(head):
                if child.dep in ("dobj", "obj"):
                    return conjuncts(analysis, child)
        for child in analysis.children(head):
            if child.dep in ("nsubj", "nsubjpass") and verb.dep != "ccomp":
                return conjuncts(analysis, child)
        if verb.dep in ("xcomp", "conj"):
            return _controller(analysis, head)
    return ()


def _noun_roles(analysis: Analysis, noun: Token, event_type: str, events: frozenset[int]) -> Roles:
    children = analysis.children(noun)
    for _, obj in preposition_objects(analysis, noun, frozenset({"between", "among"})):
        return Roles(conjuncts(analysis, obj), (), reciprocal=True)
    actors: list[Token] = []
    recipients: list[tuple[Token, ...]] = []
    for child in children:
        if child.dep in _ACTOR_MOD_DEPS and (child.ent_type in ("GPE", "NORP", "ORG", "PERSON")):
            actors.append(child)
        elif child.dep == "poss" and child.pos in ("PRON", "PROPN", "NOUN"):
            actors.append(child)  # "their hunger strike", "the army's offensive"
    for _, obj in preposition_objects(analysis, noun, frozenset({"by"})):
        actors.extend(conjuncts(analysis, obj))
    for _, obj in preposition_objects(analysis, noun, _NOUN_RECIPIENT_PREPS):
        recipients.append(conjuncts(analysis, obj))
    for _, obj in preposition_objects(analysis, noun, frozenset({"of"})):
        if event_type in _OF_IS_RECIPIENT:
            recipients.append(conjuncts(analysis, obj))
        else:
            actors.extend(conjuncts(analysis, obj))
    if all(a.pos == "PRON" for a in actors):
        # "fundamentalists continued their hunger strike": the owner is the subject too
        actors.extend(_governing_subject(analysis, noun, events))
    if len(actors) > 1 and not recipients and event_type in ("CONSULT", "COOPERATE", "ASSAULT"):
        # "U.S.-Russia talks", "Israeli-Palestinian clashes": the parties act together.
        return Roles(tuple(actors), (), reciprocal=True)
    carrier = analysis.head(noun)
    if noun.dep in ("dobj", "obj") and carrier is not None and carrier.pos == "VERB":
        # "halted economic aid to Serbia", "held talks with Iran": the verb's phrases
        for _, obj in preposition_objects(analysis, carrier, _RECIPIENT_PREPS):
            recipients.append(conjuncts(analysis, obj))
    return Roles(tuple(actors), tuple(recipients))


def _measures(analysis: Analysis, prep: Token) -> bool:
    """ "three rounds **of** talks", "ten days **of** war games": an amount of events."""
    head = analysis.head(prep)
    return (
        prep.lower == "of"
        and head is not None
        and (head.ent_type in ("DATE", "TIME", "CARDINAL") or head.lemma.lower() in _MEASURE_NOUNS)
    )


def _governing_subject(
    analysis: Analysis, noun: Token, events: frozenset[int]
) -> tuple[Token, ...]:
    """The actor of the verb whose object carries ``noun``.

    "Russia launched an attack", "Israel and Lebanon renewed negotiations", "the
    United States speeded up the withdrawal": the subject (or understood subject)
    of the nearest governing verb, unless that verb reports or is an event itself.
    """
    node = noun
    while node.dep in _CARRIER_DEPS:
        head = analysis.head(node)
        if head is None or head.i in events:
            return ()
        if (
            head.dep == "prep"
            and node.dep == "pobj"
            and head.lower not in _TAKING_PART_PREPS
            and not _measures(analysis, head)
        ):
            return ()  # "during the summit": the verb's subject did not hold the summit
        if head.pos in ("VERB", "AUX"):
            particle = any(c.dep == "prt" for c in analysis.children(head))
            if head.lemma.lower() in _REPORTING_VERBS and not particle:  # "called off" is no report
                return ()
            roles = _verb_roles(analysis, head)
            if not roles.actors and node.dep == "prep" and roles.recipients:
                return roles.recipients[0]  # "Serb forces were engaged in ethnic cleansing"
            return roles.actors
        node = head
    return ()
