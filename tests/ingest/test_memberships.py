"""Memberships: appositions, "is a member of", "joined … as", lists of states, chairmanships."""

from __future__ import annotations

import pytest

from graph.ingest.gazetteer import Gazetteer

from .conftest import extraction


def mems(gz: Gazetteer, text: str) -> list[tuple]:
    ex = extraction(gz, text)
    return [(ex.label(m.member), ex.label(m.organization), m.status, m.since) for m in ex.memberships]


def test_apposition_list_and_joined_with_year(gz: Gazetteer) -> None:
    assert mems(gz, "Hungary, an observer of the OTS, hosted the meeting. Kazakhstan, Kyrgyzstan and Uzbekistan "
                    "are members of the TURKSOY. Turkmenistan joined the OTS as an observer in 2021.") == [
        ("Hungary", "OTS", "observer", None),
        ("Kazakhstan", "TURKSOY", "member", None),
        ("Kyrgyzstan", "TURKSOY", "member", None),
        ("Uzbekistan", "TURKSOY", "member", None),
        ("Turkmenistan", "OTS", "observer", "2021"),
    ]


def test_member_states_list_and_chairmanship(gz: Gazetteer) -> None:
    assert mems(gz, "The OTS member states Azerbaijan and Türkiye signed. Azerbaijan's Chairmanship of the OTS "
                    "ends in 2026.") == [
        ("Azerbaijan", "OTS", "member", None),
        ("Türkiye", "OTS", "member", None),
        ("Azerbaijan", "OTS", "chair", None),
    ]


def test_a_ministry_is_no_organization_of_members(gz: Gazetteer) -> None:
    assert mems(gz, "Hungary is a member of the Ministry of Culture.") == []


def test_an_organization_used_as_a_modifier_is_not_the_one_observed(gz: Gazetteer) -> None:
    ex = extraction(gz, "Its members are Türkiye, Azerbaijan and Kazakhstan, while EU state Hungary and Turkmenistan "
                        "have observer status in the OTS. The OTS met.")
    assert sorted((ex.label(m.member), ex.label(m.organization), m.status) for m in ex.memberships) == [
        ("Hungary", "OTS", "observer"), ("Turkmenistan", "OTS", "observer")]
    ex = extraction(gz, "The OTS met in Baku. Its members are Türkiye, Azerbaijan and Kazakhstan, while EU state "
                        "Hungary and Turkmenistan have observer status.")
    assert ("Hungary", "OTS", "observer") in [
        (ex.label(m.member), ex.label(m.organization), m.status) for m in ex.memberships]


def test_an_organization_that_unites_states_accession_and_taking_over_the_chairmanship(gz: Gazetteer) -> None:
    def rows(text: str) -> list[tuple]:
        ex = extraction(gz, text)
        return sorted((ex.label(m.member), ex.label(m.organization), m.status) for m in ex.memberships)
    assert rows("The OTS unites Azerbaijan and Kazakhstan, and Hungary as an observer.") == [
        ("Azerbaijan", "OTS", "member"), ("Hungary", "OTS", "observer"), ("Kazakhstan", "OTS", "member")]
    assert rows("At the session Kyrgyzstan took over the TURKPA Chairmanship from Kazakhstan. They welcomed "
                "Uzbekistan’s accession to the OTS. The TRNC became an observer member of TURKPA.") == [
        ("Kyrgyzstan", "TURKPA", "chair"), ("TRNC", "TURKPA", "observer"), ("Uzbekistan", "OTS", "member")]
    assert rows("The OTS met. Azerbaijan, the current chair of the organization, spoke.") == [
        ("Azerbaijan", "OTS", "chair")]


def test_its_members_members_include_granted_status_at_a_summit_of_and_admitted_as(gz: Gazetteer) -> None:
    def rows(text: str) -> list[tuple]:
        ex = extraction(gz, text)
        return sorted((ex.label(m.member), ex.label(m.organization), m.status) for m in ex.memberships)
    assert rows("The OTS met. Georgia and Kazakhstan are its members, while Hungary and Mongolia are observers.") == [
        ("Georgia", "OTS", "member"), ("Hungary", "OTS", "observer"), ("Kazakhstan", "OTS", "member"),
        ("Mongolia", "OTS", "observer")]
    assert rows("TURKSOY's members include Georgia and Kazakhstan.") == [
        ("Georgia", "TURKSOY", "member"), ("Kazakhstan", "TURKSOY", "member")]
    assert rows("Georgia was granted observer status at the Baku summit of the OTS. Later Hungary was admitted to "
                "TURKSOY as an observer.") == [("Georgia", "OTS", "observer"), ("Hungary", "TURKSOY", "observer")]


def test_observer_status_as_a_noun_accepted_as_granted_to_and_admission_as_an_observer(gz: Gazetteer) -> None:
    def rows(text: str) -> list[tuple]:
        ex = extraction(gz, text)
        return sorted((ex.label(m.member), ex.label(m.organization), m.status) for m in ex.memberships)
    assert rows("They hailed Georgia's observer status in the OTS.") == [("Georgia", "OTS", "observer")]
    assert rows("The leaders accepted Mongolia as an observer member at the OTS summit.") == [
        ("Mongolia", "OTS", "observer")]
    assert rows("TURKSOY granted observer status to Georgia. They welcomed Mongolia's admission to the OTS as an "
                "observer state.") == [("Georgia", "TURKSOY", "observer"), ("Mongolia", "OTS", "observer")]


def test_two_lists_in_one_sentence_and_a_serial_comma(gz: Gazetteer) -> None:
    assert mems(gz, "The TURKSOY member states are Kazakhstan and Kyrgyzstan, and Hungary, Turkmenistan and Mongolia are "
                    "observer states.") == [
        ("Kazakhstan", "TURKSOY", "member", None), ("Kyrgyzstan", "TURKSOY", "member", None),
        ("Hungary", "TURKSOY", "observer", None), ("Turkmenistan", "TURKSOY", "observer", None),
        ("Mongolia", "TURKSOY", "observer", None)]
    assert mems(gz, "The OTS has five members, while Hungary, Mongolia, and Ukraine have observer status.") == [
        ("Hungary", "OTS", "observer", None), ("Mongolia", "OTS", "observer", None), ("Ukraine", "OTS", "observer", None)]


def test_chairs_that_hold_the_chairmanship_and_the_organization_as_a_reference(gz: Gazetteer) -> None:
    assert mems(gz, "Kyrgyzstan now holds the chairmanship of the TURKSOY. Hungary, as the chair of the OTS, "
                    "spoke first.") == [("Kyrgyzstan", "TURKSOY", "chair", None), ("Hungary", "OTS", "chair", None)]
    assert mems(gz, "The International Turkic Academy met in May. Member states of the organization are Kazakhstan "
                    "and Kyrgyzstan. The organization also brings together Hungary and Mongolia as full members.") == [
        ("Kazakhstan", "International Turkic Academy", "member", None),
        ("Kyrgyzstan", "International Turkic Academy", "member", None),
        ("Hungary", "International Turkic Academy", "member", None),
        ("Mongolia", "International Turkic Academy", "member", None)]


def test_which_includes_consisting_of_founded_by_joined_in_a_year_and_as_a_member(gz: Gazetteer) -> None:
    assert mems(gz, "She spoke about the TURKSOY, which unites Kazakhstan and Kyrgyzstan.") == [
        ("Kazakhstan", "TURKSOY", "member", None), ("Kyrgyzstan", "TURKSOY", "member", None)]
    assert mems(gz, "The International Turkic Academy was founded in 2010 by Kazakhstan and Kyrgyzstan.") == [
        ("Kazakhstan", "International Turkic Academy", "member", None),
        ("Kyrgyzstan", "International Turkic Academy", "member", None)]
    assert mems(gz, "Mongolia joined the TURKSOY in 2012. Hungary, as an observer of the OTS, sent a minister.") == [
        ("Mongolia", "TURKSOY", "member", "2012"), ("Hungary", "OTS", "observer", None)]


def test_an_intergovernmental_organization_that_unites_founders_and_elliptic_years(gz: Gazetteer) -> None:
    assert mems(gz, "The TURKSOY is an international organization that unites Kazakhstan and Kyrgyzstan.") == [
        ("Kazakhstan", "TURKSOY", "member", None), ("Kyrgyzstan", "TURKSOY", "member", None)]
    assert mems(gz, "Kazakhstan and Kyrgyzstan founded the International Turkic Academy in 2010.") == [
        ("Kazakhstan", "International Turkic Academy", "member", None),
        ("Kyrgyzstan", "International Turkic Academy", "member", None)]
    assert sorted(mems(gz, "Hungary became an observer of the OTS in 2018, Mongolia in 2020 and Georgia in 2023.")) == [
        ("Georgia", "OTS", "observer", "2023"), ("Hungary", "OTS", "observer", "2018"),
        ("Mongolia", "OTS", "observer", "2020")]


def test_lists_of_organizations_org_member_and_chaired(gz: Gazetteer) -> None:
    assert mems(gz, "Kyrgyzstan is a member of the CSTO, the SCO and the EAEU.") == [
        ("Kyrgyzstan", "CSTO", "member", None), ("Kyrgyzstan", "SCO", "member", None),
        ("Kyrgyzstan", "EAEU", "member", None)]
    assert mems(gz, "Georgia is a GUAM and BSEC member state.") == [
        ("Georgia", "GUAM", "member", None), ("Georgia", "BSEC", "member", None)]
    assert mems(gz, "Uzbekistan chaired the SCO in 2022. Kazakhstan chaired the SCO summit.") == [
        ("Uzbekistan", "SCO", "chair", None)]


def test_a_full_stop_at_the_end_of_a_text_is_not_part_of_a_name(gz: Gazetteer) -> None:
    ex = extraction(gz, "The delegation visited the Osh State University of Technology.")
    assert [e.label for e in ex.entities.values() if e.kind == "Organization"] == ["Osh State University of Technology"]


def test_one_of_the_members_of_which_is_a_member_and_chairs_stated_otherwise(gz: Gazetteer) -> None:
    assert mems(gz, "Kyrgyzstan is one of the founding members of the TURKSOY.") == [("Kyrgyzstan", "TURKSOY", "member", None)]
    assert mems(gz, "The TURKSOY, of which Mongolia is an observer, met.") == [("Mongolia", "TURKSOY", "observer", None)]
    assert sorted(mems(gz, "As the TURKSOY chair, Kyrgyzstan spoke. Hungary is the current chair of the OTS.")) == [
        ("Hungary", "OTS", "chair", None), ("Kyrgyzstan", "TURKSOY", "chair", None)]


def test_lists_with_also_a_described_list_after_a_colon_and_observers_to(gz: Gazetteer) -> None:
    assert mems(gz, "The TURKSOY has five members. Its members are Kazakhstan and Kyrgyzstan. Mongolia and Georgia "
                    "also have observer status.") == [
        ("Kazakhstan", "TURKSOY", "member", None), ("Kyrgyzstan", "TURKSOY", "member", None),
        ("Mongolia", "TURKSOY", "observer", None), ("Georgia", "TURKSOY", "observer", None)]
    assert mems(gz, "The TURKSOY is an international organization uniting several Turkic-speaking states: Kazakhstan and "
                    "Kyrgyzstan. Mongolia and Georgia are observer states to the organization.") == [
        ("Kazakhstan", "TURKSOY", "member", None), ("Kyrgyzstan", "TURKSOY", "member", None),
        ("Mongolia", "TURKSOY", "observer", None), ("Georgia", "TURKSOY", "observer", None)]


def test_which_joined_participates_as_observer_with_observers_and_list_appositions(gz: Gazetteer) -> None:
    assert mems(gz, "Mongolia, which joined the TURKSOY as an observer in 2019, sent a choir.") == [
        ("Mongolia", "TURKSOY", "observer", "2019")]
    assert mems(gz, "Georgia participates in the TURKSOY as an observer.") == [("Georgia", "TURKSOY", "observer", None)]
    assert mems(gz, "The TURKSOY unites Kazakhstan and Kyrgyzstan, with Mongolia and Georgia as observers.") == [
        ("Kazakhstan", "TURKSOY", "member", None), ("Kyrgyzstan", "TURKSOY", "member", None),
        ("Mongolia", "TURKSOY", "observer", None), ("Georgia", "TURKSOY", "observer", None)]
    assert mems(gz, "Leaders of Kazakhstan and Kyrgyzstan, both members of the TURKSOY, spoke.") == [
        ("Kazakhstan", "TURKSOY", "member", None), ("Kyrgyzstan", "TURKSOY", "member", None)]


def test_the_parliaments_of_the_states_make_the_states_members(gz: Gazetteer) -> None:
    assert mems(gz, "The TURKSOY brings together the parliaments of Kazakhstan and Kyrgyzstan.") == [
        ("Kazakhstan", "TURKSOY", "member", None), ("Kyrgyzstan", "TURKSOY", "member", None)]
    assert mems(gz, "The TURKSOY members are the national parliaments of Kazakhstan and Kyrgyzstan.") == [
        ("Kazakhstan", "TURKSOY", "member", None), ("Kyrgyzstan", "TURKSOY", "member", None)]


def test_a_state_along_with_others_is_a_member(gz: Gazetteer) -> None:
    assert mems(gz, "Kazakhstan, along with Kyrgyzstan and Mongolia, is a member of the TURKSOY.") == [
        ("Kazakhstan", "TURKSOY", "member", None), ("Kyrgyzstan", "TURKSOY", "member", None),
        ("Mongolia", "TURKSOY", "member", None)]


def test_the_council_is_the_last_body_named_with_that_head_word(gz: Gazetteer) -> None:
    assert mems(gz, "The Turkic Council opened an office in Budapest, a step for EU-Turkic relations. "
                    "Hungary has held observer status in the Council since 2018.") == [
        ("Hungary", "Turkic Council", "observer", "2018")]
    # lower case, and another head word: the organization, not the EU named after it
    assert mems(gz, "Leaders of the Organization of Turkic States met EU envoys. Turkmenistan, which joined the "
                    "organisation as an observer, sent its deputy premier.") == [
        ("Turkmenistan", "Organization of Turkic States", "observer", None)]


def test_lists_that_make_up_the_members_or_were_recognised_as_observers(gz: Gazetteer) -> None:
    assert mems(gz, "The TURKSOY met in Ankara. Kazakhstan, Kyrgyzstan and Türkiye make up the group's members, "
                    "while Mongolia and Georgia were recognised as observers within the group.") == [
        ("Kazakhstan", "TURKSOY", "member", None), ("Kyrgyzstan", "TURKSOY", "member", None),
        ("Türkiye", "TURKSOY", "member", None),
        ("Mongolia", "TURKSOY", "observer", None), ("Georgia", "TURKSOY", "observer", None)]
    assert mems(gz, "Azerbaijan and Uzbekistan together formed the membership of the OTS in its first year. "
                    "Hungary and Turkmenistan have been officially accepted as observers.") == [
        ("Azerbaijan", "OTS", "member", None), ("Uzbekistan", "OTS", "member", None),
        ("Hungary", "OTS", "observer", None), ("Turkmenistan", "OTS", "observer", None)]


def test_a_state_as_the_new_term_president_of_the_body_is_its_chair(gz: Gazetteer) -> None:
    assert mems(gz, "Delegates wished success to Kyrgyzstan, as the new Term President of the TURKSOY.") == [
        ("Kyrgyzstan", "TURKSOY", "chair", None)]
    assert mems(gz, "The OTS met in Baku. Hungary, the incoming rotating president of the organisation, spoke first.") == [
        ("Hungary", "OTS", "chair", None)]
    # a person is no chair state
    assert mems(gz, "Kubanychbek Omuraliev, the new president of the TURKSOY, spoke.") == []


def test_a_founder_of_the_body_is_a_member(gz: Gazetteer) -> None:
    assert mems(gz, "The TURKSOY met. Kazakhstan, as one of the founders of the Organization, pledged support.") == [
        ("Kazakhstan", "TURKSOY", "member", None)]
    assert mems(gz, "Azerbaijan was a founding state of the OTS and Türkiye is a co-founder of the TURKSOY.") == [
        ("Azerbaijan", "OTS", "member", None), ("Türkiye", "TURKSOY", "member", None)]


def test_the_organization_after_an_event_named_after_it(gz: Gazetteer) -> None:
    assert mems(gz, "The OTS summit opened in Baku. Hungary, the incoming rotating president of the organisation, "
                    "spoke first.") == [("Hungary", "OTS", "chair", None)]
    assert mems(gz, "Delegates left the 12th TURKSOY meeting. Georgia was admitted to the organization as an observer.") == [
        ("Georgia", "TURKSOY", "observer", None)]


def test_chairmanships_held_under_and_handed_over(gz: Gazetteer) -> None:
    assert mems(gz, "Kazakhstan holds the TURKSOY chairmanship this year.") == [("Kazakhstan", "TURKSOY", "chair", None)]
    assert mems(gz, "The summit of the OTS was held under Kyrgyzstan's rotating presidency.") == [
        ("Kyrgyzstan", "OTS", "chair", None)]
    assert mems(gz, "The TURKSOY met. The chairmanship of the organization passed to Azerbaijan.") == [
        ("Azerbaijan", "TURKSOY", "chair", None)]
    assert mems(gz, "At the OTS summit Türkiye handed over the chairmanship to Uzbekistan.") == [
        ("Uzbekistan", "OTS", "chair", None)]
    assert mems(gz, "At the OTS summit Türkiye will hand over the chairmanship to Uzbekistan.") == []


def test_a_list_whose_body_is_named_later_and_a_single_state_that_became_an_observer(gz: Gazetteer) -> None:
    assert mems(gz, "Kazakhstan and Kyrgyzstan are full members, while Mongolia and Georgia are observers of the "
                    "TURKSOY.") == [
        ("Kazakhstan", "TURKSOY", "member", None), ("Kyrgyzstan", "TURKSOY", "member", None),
        ("Mongolia", "TURKSOY", "observer", None), ("Georgia", "TURKSOY", "observer", None)]
    assert mems(gz, "The TURKSOY held a session in Ankara. Hungary became an observer in 2018.") == [
        ("Hungary", "TURKSOY", "observer", "2018")]


def test_a_list_that_are_the_founding_members(gz: Gazetteer) -> None:
    assert mems(gz, "Kazakhstan, Kyrgyzstan and Türkiye are the founding members of the TURKSOY.") == [
        ("Kazakhstan", "TURKSOY", "member", None), ("Kyrgyzstan", "TURKSOY", "member", None),
        ("Türkiye", "TURKSOY", "member", None)]
    assert mems(gz, "Georgia and Mongolia were the full members of the TURKSOY at that time.") == [
        ("Georgia", "TURKSOY", "member", None), ("Mongolia", "TURKSOY", "member", None)]


def test_a_founding_year_between_the_body_and_its_members(gz: Gazetteer) -> None:
    assert mems(gz, "The TURKSOY, founded in 1993, unites Kazakhstan and Kyrgyzstan.") == [
        ("Kazakhstan", "TURKSOY", "member", None), ("Kyrgyzstan", "TURKSOY", "member", None)]
    assert mems(gz, "The OTS, set up in 2009, now comprises Azerbaijan and Türkiye.") == [
        ("Azerbaijan", "OTS", "member", None), ("Türkiye", "OTS", "member", None)]


def test_more_states_since_a_year_after_one_membership(gz: Gazetteer) -> None:
    assert sorted(mems(gz, "Hungary has been an observer of the TURKSOY since 2018, Georgia since 2021 and Mongolia "
                           "since 2023.")) == [
        ("Georgia", "TURKSOY", "observer", "2021"), ("Hungary", "TURKSOY", "observer", "2018"),
        ("Mongolia", "TURKSOY", "observer", "2023")]


def test_a_state_that_attends_the_bodys_work_as_an_observer(gz: Gazetteer) -> None:
    assert mems(gz, "Mongolia attended the 40th session of the TURKSOY as an observer state.") == [
        ("Mongolia", "TURKSOY", "observer", None)]
    assert mems(gz, "Georgia also participates in the work of the OTS as an observer.") == [
        ("Georgia", "OTS", "observer", None)]
    assert mems(gz, "Mongolia was welcomed as an observer at the TURKSOY meeting in Baku.") == [
        ("Mongolia", "TURKSOY", "observer", None)]
    # no body named, or two: no membership
    assert mems(gz, "Georgia attended the forum as an observer.") == []
    assert mems(gz, "Georgia attended the OTS and TURKSOY meetings as an observer.") == []


def test_a_body_named_at_the_end_of_an_events_name_is_the_organization_referred_to(gz: Gazetteer) -> None:
    # the event's name swallows the body's name and its acronym: the body is still the one the members are of
    assert mems(gz, "The 5th Summit of Heads of State of the Organization of Turkic States (OTS) opened in Baku. The meeting "
                    "gathered the leaders of the member states – Azerbaijan, Kazakhstan and Uzbekistan.") == [
        ("Azerbaijan", "Organization of Turkic States", "member", None),
        ("Kazakhstan", "Organization of Turkic States", "member", None),
        ("Uzbekistan", "Organization of Turkic States", "member", None),
    ]
    assert mems(gz, "The 5th Summit of Heads of State of the Organization of Turkic States opened in Baku. Hungary, an "
                    "observer of the organization, attended.") == [("Hungary", "Organization of Turkic States", "observer", None)]


def test_wider_word_lists_of_the_list_and_status_forms(gz: Gazetteer) -> None:
    # "member states, namely …", "observer nations, including …"
    assert mems(gz, "The OTS met in Baku. The organization has five member states, namely Azerbaijan, Kazakhstan and "
                    "Uzbekistan, and observer nations, including Hungary.") == [
        ("Azerbaijan", "OTS", "member", None), ("Kazakhstan", "OTS", "member", None),
        ("Uzbekistan", "OTS", "member", None), ("Hungary", "OTS", "observer", None),
    ]
    # "the organization's observers are …", "the Council includes …", "the bloc brings together the Turkic states …"
    assert mems(gz, "The OTS met in Baku. The organization's observers are Hungary and Turkmenistan.") == [
        ("Hungary", "OTS", "observer", None), ("Turkmenistan", "OTS", "observer", None)]
    assert mems(gz, "The Turkic Council met in Baku. At present, the Council includes Azerbaijan and Kyrgyzstan.") == [
        ("Azerbaijan", "Turkic Council", "member", None), ("Kyrgyzstan", "Turkic Council", "member", None)]
    assert mems(gz, "The OTS met. The bloc brings together the Turkic states Azerbaijan and Kazakhstan.") == [
        ("Azerbaijan", "OTS", "member", None), ("Kazakhstan", "OTS", "member", None)]
    # "was given / has already been granted / were awarded observer status"
    assert mems(gz, "The OTS met. Hungary was given observer status in the organisation in 2018.") == [
        ("Hungary", "OTS", "observer", "2018")]
    assert mems(gz, "The OTS met. Hungary has already been granted observer status.") == [("Hungary", "OTS", "observer", None)]
    assert mems(gz, "Hungary and Turkmenistan were awarded observer status in the OTS.") == [
        ("Hungary", "OTS", "observer", None), ("Turkmenistan", "OTS", "observer", None)]


def test_wider_word_lists_keep_what_is_no_membership(gz: Gazetteer) -> None:
    assert mems(gz, "The OTS met in Baku. Kazakhstan met the member states, as well as Hungary.") == []
    assert mems(gz, "The OTS met in Baku. Hungary hopes to be given observer status.") == []


def test_dash_and_bracket_appositions_which_clauses_and_hyphenated_words(gz: Gazetteer) -> None:
    assert mems(gz, "Hungary – an observer state of the OTS – sent a delegation.") == [("Hungary", "OTS", "observer", None)]
    assert mems(gz, "Hungary (an observer of the OTS) sent a delegation.") == [("Hungary", "OTS", "observer", None)]
    assert mems(gz, "The OTS met. Hungary and Turkmenistan, which hold observer status, also attended.") == [
        ("Hungary", "OTS", "observer", None), ("Turkmenistan", "OTS", "observer", None)]
    assert mems(gz, "Kyrgyzstan's one-year chairmanship of the OTS ended.") == [("Kyrgyzstan", "OTS", "chair", None)]
    # no body named before: the one named next in the sentence; "its members" keeps the body named before
    assert mems(gz, "Observer states Hungary and Turkmenistan also attended the OTS summit.") == [
        ("Hungary", "OTS", "observer", None), ("Turkmenistan", "OTS", "observer", None)]
    assert mems(gz, "The OTS met. Its members are Azerbaijan and Kazakhstan, while EU state Hungary is an observer.") == [
        ("Azerbaijan", "OTS", "member", None), ("Kazakhstan", "OTS", "member", None), ("Hungary", "OTS", "observer", None)]
    assert mems(gz, "Hungary (the host of the OTS meeting) sent a delegation.") == []


def test_an_accession_spoken_of_as_a_wish_or_the_future_is_no_membership(gz: Gazetteer) -> None:
    assert mems(gz, "Uzbekistan's accession to the Turkic Council was welcomed.") == [("Uzbekistan", "Turkic Council", "member", None)]
    assert mems(gz, "Uzbekistan's accession to the WTO is expected in 2026.") == []
    assert mems(gz, "Kazakhstan supports Uzbekistan's accession to the WTO.") == []
    assert mems(gz, "Azerbaijan's accession to the WTO will boost trade.") == []


def test_an_adverb_before_the_verb_of_a_members_list(gz: Gazetteer) -> None:
    assert mems(gz, "The ECO met. Its members now include Afghanistan and Azerbaijan.") == [
        ("Afghanistan", "ECO", "member", None), ("Azerbaijan", "ECO", "member", None)]
    assert mems(gz, "The OTS member states currently are Azerbaijan and Kazakhstan.") == [
        ("Azerbaijan", "OTS", "member", None), ("Kazakhstan", "OTS", "member", None)]


def test_hyphenated_member_states_and_observer_countries(gz: Gazetteer) -> None:
    assert mems(gz, "The OTS member-states Azerbaijan and Kazakhstan signed.") == [
        ("Azerbaijan", "OTS", "member", None), ("Kazakhstan", "OTS", "member", None)]
    assert mems(gz, "Hungary, an observer-country of the OTS, attended.") == [("Hungary", "OTS", "observer", None)]
    assert mems(gz, "Hungary is an observer-state of the OTS.") == [("Hungary", "OTS", "observer", None)]
    assert mems(gz, "The OTS participating states Azerbaijan and Kazakhstan signed.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Mongolia joined the International Turkic Academy as an observer. The academy was founded in 2010 by Türkiye, "
     "Kyrgyzstan and Azerbaijan.",
     [("Mongolia", "International Turkic Academy", "observer", None), ("Türkiye", "International Turkic Academy", "member", None),
      ("Kyrgyzstan", "International Turkic Academy", "member", None), ("Azerbaijan", "International Turkic Academy", "member", None)]),
    ("The International Turkic Academy held a session. The Academy, founded by Kazakhstan and Azerbaijan, studies languages.",
     [("Kazakhstan", "International Turkic Academy", "member", None), ("Azerbaijan", "International Turkic Academy", "member", None)]),
    ("TURKSOY opened a show in Ankara. The organization was jointly set up by the ministries of culture of Türkiye and Kyrgyzstan.",
     [("Türkiye", "TURKSOY", "member", None), ("Kyrgyzstan", "TURKSOY", "member", None)]),
    ("The OTS was co-founded by the heads of state of Kazakhstan and Azerbaijan.",
     [("Kazakhstan", "OTS", "member", None), ("Azerbaijan", "OTS", "member", None)]),
])
def test_founders_of_a_body_named_by_its_head_word(gz: Gazetteer, text: str, expected: list[tuple]) -> None:
    assert mems(gz, text) == expected


@pytest.mark.parametrize("text", [
    "The International Turkic Academy met. The museum was founded in 2010 by Türkiye and Kyrgyzstan.",
    "The OTS met. The company was founded by Kazakhstan and Azerbaijan.",
    "The UN met in Geneva. The group was founded in 2019 by Kazakhstan and Uzbekistan.",
    "The OTS met. The bank was founded by Kazakhstan and Uzbekistan.",
])
def test_a_founder_of_no_body_is_no_member(gz: Gazetteer, text: str) -> None:
    assert mems(gz, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The Turkish Republic of Northern Cyprus (TRNC), which holds observer status in the OTS, sent a delegation.",
     [("Turkish Republic of Northern Cyprus", "OTS", "observer", None)]),
    ("The Turkish Republic of Northern Cyprus (TRNC) is an observer of the SCO.",
     [("Turkish Republic of Northern Cyprus", "SCO", "observer", None)]),
    ("The International Organization of Turkic Culture (TURKSOY) unites Azerbaijan and Kyrgyzstan.",
     [("Azerbaijan", "International Organization of Turkic Culture", "member", None),
      ("Kyrgyzstan", "International Organization of Turkic Culture", "member", None)]),
    ("The Organization of Turkic States (OTS) granted the TRNC observer status in 2022.",
     [("TRNC", "Organization of Turkic States", "observer", None)]),
])
def test_a_name_with_its_own_acronym_in_brackets_reads_as_the_name(gz: Gazetteer, text: str, expected: list[tuple]) -> None:
    assert mems(gz, text) == expected


def test_a_bracket_of_another_name_is_no_acronym(gz: Gazetteer) -> None:
    assert mems(gz, "The leaders of the OTS (Azerbaijan and Kazakhstan) met.") == [
        ("Azerbaijan", "OTS", "member", None), ("Kazakhstan", "OTS", "member", None)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Kyrgyzstan values the work of the SCO, of which it is a founding member.", [("Kyrgyzstan", "SCO", "member", None)]),
    ("Hungary praised the OTS, of which the country is an observer.", [("Hungary", "OTS", "observer", None)]),
    ("Hungary and Austria praised the OTS, of which it is an observer.", []),
])
def test_of_which_it_is_a_member_is_the_one_state_named_before(gz: Gazetteer, text: str, expected: list[tuple]) -> None:
    assert mems(gz, text) == expected
