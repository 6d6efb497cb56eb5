"""Who acts and who is acted upon: actor and recipient codes of single sentences."""

from __future__ import annotations

import pytest

from tidings.api import Pipeline
from tidings.model import EventMention


def _event(pipeline: Pipeline, sentence: str, event_type: str) -> EventMention:
    result = pipeline.run(pipeline.article(sentence, published="2024-03-12"))
    events = [e for e in result.events if e.event_type.value == event_type]
    assert events, f"no {event_type} in {result.events}"
    return events[0]


@pytest.mark.parametrize(
    ("sentence", "event_type", "actors", "recipients"),
    [
        # a party named inside a complement of the trigger
        (
            "Canada agreed on Monday to send medical supplies for hospitals in Sudan.",
            "AID",
            {"CAN"},
            {"SDN"},
        ),
        (
            "Dock workers in Chile went on strike to protest against Argentina's new tariffs.",
            "PROTEST",
            {"CHL"},
            {"ARG"},
        ),
        # a venue is not a party; the target of a protest is the government where it is held
        (
            "Thousands of farmers protested in Lima on Tuesday.",
            "PROTEST",
            {"PER"},
            {"PER"},
        ),
        # repression with no named target is aimed at the actor's own country
        ("Peruvian police seized weapons from a warehouse.", "COERCE", {"PER"}, {"PER"}),
        # a stance passive: the subject is committed, not acted upon
        (
            "Officials said Mexico is committed to reopening the border crossing.",
            "AGREE",
            {"MEX"},
            set(),
        ),
        # an apposition says who an unknown name is
        (
            "Anna Kowalczyk, the Polish foreign minister, criticised Belarus on Friday.",
            "ACCUSE",
            {"POL"},
            {"BLR"},
        ),
        # a people living in another country is coded to the country it lives in
        ("Ethnic Hungarians in Romania demanded more autonomy.", "REQUEST", {"ROU"}, set()),
        # an amount of events takes the actor of the verb that carries it
        (
            "Greece and Italy began two weeks of naval exercises.",
            "COOPERATE",
            {"GRC", "ITA"},
            set(),
        ),
        # a list member the parser reads as an apposition of the first
        (
            "Brazil, the powerful Argentina, and tiny Uruguay signed a trade agreement with Japan.",
            "SUPPORT",
            {"BRA", "ARG", "URY"},
            {"JPN"},
        ),
        # an official of no known country in a sentence about one country is its own ...
        (
            "President Emeka Okonjo promised the Nigerian people new elections next year.",
            "AGREE",
            {"NGA"},
            {"NGA"},
        ),
        # ... but not when the sentence names several, nor a group that may be foreign
        (
            "President Emeka Okonjo criticised Ghana and Togo on Wednesday.",
            "ACCUSE",
            {None},
            {"GHA", "TGO"},
        ),
        ("A human rights group criticised the Croatian authorities.", "ACCUSE", {None}, {"HRV"}),
        # a country misspelt by one letter is still recognised
        ("Afganistan rejected an offer from Pakistan.", "REJECT", {"AFG"}, {"PAK"}),
    ],
)
def test_roles(
    pipeline: Pipeline, sentence: str, event_type: str, actors: set[str], recipients: set[str]
) -> None:
    event = _event(pipeline, sentence, event_type)
    assert {a.country for a in event.actors} == actors
    assert {r.country for r in event.recipients} >= recipients
    if not recipients:
        assert not {r.country for r in event.recipients} & actors - {None}


def test_group_without_country_keeps_its_sector(pipeline: Pipeline) -> None:
    """A described group the knowledge base cannot place still acts, uncoded by country."""
    event = _event(pipeline, "Islamist fighters attacked a convoy near the border.", "ASSAULT")
    assert [(a.country, a.sector) for a in event.actors] == [(None, "REB")]


def test_participle_modifier_is_read_on_its_own(pipeline: Pipeline) -> None:
    """ "will return equipment seized last year": the seizure happened."""
    event = _event(
        pipeline,
        "Rebels said they will return trucks seized by the Chadian army last year.",
        "COERCE",
    )
    assert event.status.value == "occurred"


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        ("The Chinese foreign ministry protested the visit on Monday.", "ACCUSE"),
        ("Thousands of students protested in Dhaka on Monday.", "PROTEST"),
    ],
)
def test_officials_protest_in_words_crowds_in_the_street(
    pipeline: Pipeline, sentence: str, event_type: str
) -> None:
    _event(pipeline, sentence, event_type)
