"""The memberships recall layer: membership nouns, chair offices before a body's name, admissions with a rank,
a body's countries; and what is no membership (a wish, a plan, the future, a state merely named)."""

from __future__ import annotations

import pytest

from graph.ingest.gazetteer import Gazetteer

from .test_memberships import mems


@pytest.mark.parametrize(("text", "expected"), [
    ("The observer membership of the TRNC in the OTS and TURKPA matters to us.",
     [("TRNC", "OTS", "observer", None), ("TRNC", "TURKPA", "observer", None)]),
    ("Kazakhstan's membership in the OTS is valuable.", [("Kazakhstan", "OTS", "member", None)]),
    ("Hungary's OTS observer membership was praised.", [("Hungary", "OTS", "observer", None)]),
    ("Mongolia's status as an observer state of the SCO dates back to 2004.", [("Mongolia", "SCO", "observer", None)]),
    ("Regarding the six-month Hungarian EU presidency, the minister spoke.", [("Hungary", "EU", "chair", None)]),
    ("Pakistan, which holds the SCO presidency, hosted the meeting.", [("Pakistan", "SCO", "chair", None)]),
    ("Kazakhstan, the current OTS chair, hosted the talks.", [("Kazakhstan", "OTS", "chair", None)]),
    ("As the current chair of the OTS, Kazakhstan hosted the summit.", [("Kazakhstan", "OTS", "chair", None)]),
    ("The summit of the OTS was held under the chairmanship of Kyrgyzstan.", [("Kyrgyzstan", "OTS", "chair", None)]),
    (("The OTS met. Our country was admitted to the organization, under its full name, the Turkish Republic of "
      "Northern Cyprus, as the third observer state after Hungary and Turkmenistan."),
     [("Turkish Republic of Northern Cyprus", "OTS", "observer", None), ("Hungary", "OTS", "observer", None),
      ("Turkmenistan", "OTS", "observer", None)]),
    ("Turkmenistan was admitted to the OTS at the Samarkand summit as an observer.", [("Turkmenistan", "OTS", "observer", None)]),
    ("The TRNC was admitted to the OTS as an Observer Member State.", [("TRNC", "OTS", "observer", None)]),
    ("The OTS countries Azerbaijan and Kazakhstan signed the deal.",
     [("Azerbaijan", "OTS", "member", None), ("Kazakhstan", "OTS", "member", None)]),
])
def test_forms_of_the_word_lists(gz: Gazetteer, text: str, expected: list[tuple]) -> None:
    assert mems(gz, text) == expected


@pytest.mark.parametrize("text", [
    "Türkiye's EU membership process was discussed.",
    "Orbán backs Türkiye's membership in the EU.",
    "The OTS discussed the TRNC's possible membership in the organization.",
    "The TRNC's membership bid in the OTS was discussed.",
    "Ahead of the upcoming Hungarian EU presidency, the minister spoke.",
    "Kazakhstan will hold the OTS chairmanship next year.",
    "Kazakhstan and OTS chairmanship were discussed.",
    "The meeting of the OTS was held under the chairmanship of Kyrgyzstan's Foreign Minister.",
    "Kazakhstan hosted the summit of the OTS under the presidency of Tokayev.",
    "Hungary was accepted to the OTS summit as a guest.",
    "The OTS countries and Hungary signed the deal.",
    "Kazakhstan and Hungary discussed cooperation within the OTS.",
])
def test_what_is_no_membership(gz: Gazetteer, text: str) -> None:
    assert mems(gz, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The OTS met in Baku. Hungary, which has been an observer since 2018, attended.", [("Hungary", "OTS", "observer", "2018")]),
    ("The OTS met in Baku. Turkmenistan is also an observer.", [("Turkmenistan", "OTS", "observer", None)]),
    ("The OTS met in Baku. Hungary joined as an observer in 2018.", [("Hungary", "OTS", "observer", "2018")]),
    ("The OTS was founded in 2009, with Uzbekistan joining in 2019.", [("Uzbekistan", "OTS", "member", "2019")]),
    ("The OTS met. Hungary became an observer in 2018 and Turkmenistan in 2021.",
     [("Hungary", "OTS", "observer", "2018"), ("Turkmenistan", "OTS", "observer", "2021")]),
    ("Since joining the OTS as an observer in 2018, Hungary has hosted two meetings.", [("Hungary", "OTS", "observer", None)]),
    ("After becoming a member of the SCO, Pakistan took an active part.", [("Pakistan", "SCO", "member", None)]),
    ("Founded in 2009 by Azerbaijan, Kazakhstan and Turkey, the OTS promotes cooperation.",
     [("Azerbaijan", "OTS", "member", None), ("Kazakhstan", "OTS", "member", None), ("Turkey", "OTS", "member", None)]),
    ("The OTS – comprising Azerbaijan, Kazakhstan and Uzbekistan – met.",
     [("Azerbaijan", "OTS", "member", None), ("Kazakhstan", "OTS", "member", None), ("Uzbekistan", "OTS", "member", None)]),
    ("The countries of the OTS, Azerbaijan and Kazakhstan, signed.",
     [("Azerbaijan", "OTS", "member", None), ("Kazakhstan", "OTS", "member", None)]),
    ("Mongolia, an SCO observer, attended.", [("Mongolia", "SCO", "observer", None)]),
    ("Kazakhstan, a fellow OTS member, supported the idea.", [("Kazakhstan", "OTS", "member", None)]),
    ("Kazakhstan is one of the five OTS member states.", [("Kazakhstan", "OTS", "member", None)]),
    ("Hungary and Turkmenistan are among the observers of the OTS.",
     [("Hungary", "OTS", "observer", None), ("Turkmenistan", "OTS", "observer", None)]),
    ("The OTS chairmanship passed from Kazakhstan to Azerbaijan.", [("Azerbaijan", "OTS", "chair", None)]),
    ("Kyrgyzstan was elected chair of the OTS.", [("Kyrgyzstan", "OTS", "chair", None)]),
])
def test_forms_with_the_body_elsewhere(gz: Gazetteer, text: str, expected: list[tuple]) -> None:
    assert mems(gz, text) == expected


@pytest.mark.parametrize("text", [
    "The OTS met in Baku. Hungary wants to become a full member.",
    "The OTS met in Baku. The TRNC will be a member in 2030.",
    "The OTS met in Baku. The TRNC is not a member.",
    "The OTS met in Baku. Kazakhstan joined in the discussion.",
    "The OTS met in Baku. Kazakhstan's minister joined in 2019.",
    "The OTS met in Baku. Hungary is an observer of the process.",
    "The OTS met in Baku. Since joining the talks, Kazakhstan has hosted two meetings.",
    "After joining the OTS summit, Kazakhstan's president flew home.",
    "Founded in 2009 by President Nazarbayev, the OTS promotes cooperation.",
    "The OTS chairmanship will pass from Kazakhstan to Azerbaijan.",
    "Kyrgyzstan is expected to be elected chair of the OTS.",
    "Kazakhstan, an OTS summit participant, spoke.",
    "The OTS met in Baku. Uzbekistan is a major partner.",
])
def test_what_is_no_membership_with_the_body_elsewhere(gz: Gazetteer, text: str) -> None:
    assert mems(gz, text) == []


def test_international_banks_leagues_and_movements_have_members(gz: Gazetteer) -> None:
    assert mems(gz, "Mongolia is a member of the Asian Infrastructure Investment Bank.") == [
        ("Mongolia", "Asian Infrastructure Investment Bank", "member", None)]
    assert mems(gz, "Hungary is a member of the Central Bank of Europe.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The OTS met. Hungary, as an observer, took part.", [("Hungary", "OTS", "observer", None)]),
    ("The OTS met. The TRNC, an observer since 2022, took part.", [("TRNC", "OTS", "observer", "2022")]),
    ("The TRNC participates in the OTS with observer status.", [("TRNC", "OTS", "observer", None)]),
    ("Hungary is represented in the OTS as an observer.", [("Hungary", "OTS", "observer", None)]),
    ("The OTS met. The five founding states are Azerbaijan, Kazakhstan and Türkiye.",
     [("Azerbaijan", "OTS", "member", None), ("Kazakhstan", "OTS", "member", None), ("Türkiye", "OTS", "member", None)]),
    ("The founders of TURKSOY were Azerbaijan and Kyrgyzstan.",
     [("Azerbaijan", "TURKSOY", "member", None), ("Kyrgyzstan", "TURKSOY", "member", None)]),
    ("The OTS met. The founders of the company are Kazakhstan and Hungary.", []),
    ("The OTS met. Hungary, as a guest, took part.", []),
    ("Hungary participates in the OTS summit with great interest.", []),
])
def test_status_in_a_participation_appositions_and_founders(gz: Gazetteer, text: str, expected: list[tuple]) -> None:
    assert mems(gz, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Observer status in the OTS was granted to Hungary in 2018.", [("Hungary", "OTS", "observer", None)]),
    ("Observer status was granted to Hungary at the OTS summit in 2018.", [("Hungary", "OTS", "observer", None)]),
    ("The OTS granted Turkmenistan observer status in 2021.", [("Turkmenistan", "OTS", "observer", None)]),
    ("The OTS welcomed Turkmenistan as a new observer and supported its plans.", [("Turkmenistan", "OTS", "observer", None)]),
    ("Hungary's admission as an observer to the OTS was a milestone.", [("Hungary", "OTS", "observer", None)]),
    ("The accession of Uzbekistan to the Turkic Council was welcomed.", [("Uzbekistan", "Turkic Council", "member", None)]),
    ("Turkmenistan was granted the status of an observer in the OTS.", [("Turkmenistan", "OTS", "observer", None)]),
    ("The observer status of Hungary in the OTS was praised.", [("Hungary", "OTS", "observer", None)]),
    ("Uzbekistan officially became the fifth member of the Turkic Council in 2019.",
     [("Uzbekistan", "Turkic Council", "member", None)]),
    ("Hungary became the first EU country to join the OTS as an observer.", [("Hungary", "OTS", "observer", None)]),
    ("Kazakhstan and Uzbekistan, as fellow members of the OTS, cooperate closely.",
     [("Kazakhstan", "OTS", "member", None), ("Uzbekistan", "OTS", "member", None)]),
    ("The accession of Uzbekistan to the WTO is expected next year.", []),
    ("The accession of Uzbekistan to the OTS would strengthen it.", []),
    ("The OTS will grant Hungary observer status.", []),
])
def test_grants_admissions_and_accessions(gz: Gazetteer, text: str, expected: list[tuple]) -> None:
    assert mems(gz, text) == expected


def test_a_bare_statement_keeps_the_body_the_state_is_known_of(gz: Gazetteer) -> None:
    assert mems(gz, "The ECO met. Its members include Uzbekistan and Iran. The OIC met later. Uzbekistan joined in 1996.") == [
        ("Uzbekistan", "ECO", "member", None), ("Iran", "ECO", "member", None)]
    assert mems(gz, "The ECO met. The OIC met later. Uzbekistan joined in 1996.") == [("Uzbekistan", "OIC", "member", "1996")]


@pytest.mark.parametrize(("text", "expected"), [
    ('"We made the right choice by joining the OTS as an observer," said Hungarian Foreign Minister Péter Szijjártó.',
     [("Hungary", "OTS", "observer", None)]),
    ('"Our country joined the Turkic Council in 2019," said Uzbek Foreign Minister Abdulaziz Kamilov.',
     [("Uzbekistan", "Turkic Council", "member", None)]),
    ('"We will consider joining the OTS as an observer," said Hungarian Foreign Minister Péter Szijjártó.', []),
    ('"We welcome Turkmenistan joining the OTS as an observer," said Hungarian Foreign Minister Péter Szijjártó.', []),
])
def test_the_speakers_own_country_in_the_first_person(gz: Gazetteer, text: str, expected: list[tuple]) -> None:
    assert mems(gz, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Azerbaijan, the country chairing the OTS, hosted the summit.", [("Azerbaijan", "OTS", "chair", None)]),
    ("Kazakhstan, the state which holds the presidency of the CICA, hosted.", [("Kazakhstan", "CICA", "chair", None)]),
    ("The OTS met. During Azerbaijan's chairmanship, many projects were launched.", [("Azerbaijan", "OTS", "chair", None)]),
    ("The OTS met. The chairmanship was handed over from Kyrgyzstan to Azerbaijan.", [("Azerbaijan", "OTS", "chair", None)]),
    ("Kazakhstan's chairmanship of the OTS will begin next year.", []),
    ("The OTS met. Kazakhstan's chairmanship is expected to start in May.", []),
    ("The OTS met. Azerbaijan, as the chair, opened the meeting.", []),
    ("The OTS met. Tokayev's chairmanship of the meeting was praised.", []),
])
def test_more_chairs(gz: Gazetteer, text: str, expected: list[tuple]) -> None:
    assert mems(gz, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The OTS met in Baku. During the presidency of Kazakhstan last year, much was done in our organization.",
     [("Kazakhstan", "OTS", "chair", None)]),
    ("The OTS met. Throughout Kyrgyzstan's presidency, the organization grew.", [("Kyrgyzstan", "OTS", "chair", None)]),
    ("In the course of the rotating chairmanship of Azerbaijan, the CICA adopted a plan.", [("Azerbaijan", "CICA", "chair", None)]),
    ("During its chairmanship of the organization, Azerbaijan launched projects of TURKSOY.", [("Azerbaijan", "TURKSOY", "chair", None)]),
    ("The SCO met. During its presidency in 2025, Kyrgyzstan hosted ten meetings.", [("Kyrgyzstan", "SCO", "chair", None)]),
    ("During Hungary's presidency of the EU, trade grew.", [("Hungary", "EU", "chair", None)]),
    ("The OTS met. During its presidency, Kazakhstan will host the summit.", [("Kazakhstan", "OTS", "chair", None)]),
])
def test_the_time_of_a_states_office(gz: Gazetteer, text: str, expected: list[tuple]) -> None:
    assert mems(gz, text) == expected


@pytest.mark.parametrize("text", [
    "The OTS met. During the presidency of Tokayev, Kazakhstan grew.",
    "The OTS met. During his presidency, Tokayev visited Baku.",
    "During the presidency of Kazakhstan, trade grew.",
    "The OTS met. During the presidency of Kazakhstan next year, the summit may move.",
])
def test_no_time_of_a_states_office(gz: Gazetteer, text: str) -> None:
    assert mems(gz, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The OTS Summit opened in Baku. I would like to note that during the presidency of Kazakhstan last year, much was done "
     "in our organization.", [("Kazakhstan", "OTS", "chair", None)]),
    ("The Informal SCO Summit opened. We would like to stress that Mongolia is also an observer.", [("Mongolia", "SCO", "observer", None)]),
    ("The 10th TURKPA Plenary Session opened. Throughout Azerbaijan's chairmanship, the assembly grew.",
     [("Azerbaijan", "TURKPA", "chair", None)]),
])
def test_an_event_named_after_its_body_and_a_speakers_politeness(gz: Gazetteer, text: str, expected: list[tuple]) -> None:
    assert mems(gz, text) == expected


@pytest.mark.parametrize("text", [
    "The OTS Summit opened. We would like Hungary to become an observer.",
    "The OTS Summit opened. We would like to see Mongolia as an observer.",
    "The Baku Summit opened. Throughout Azerbaijan's chairmanship, the assembly grew.",
])
def test_no_membership_from_a_wish_or_an_event_of_no_body(gz: Gazetteer, text: str) -> None:
    assert mems(gz, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ('The ministers met the Central Asian states known as the "C5" (Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan, and '
     'Uzbekistan) in Doha.', [(s, "C5", "member", None) for s in ("Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan")]),
    ("Azerbaijan, Georgia and Türkiye, known collectively as the T3, signed a deal.",
     [(s, "T3", "member", None) for s in ("Azerbaijan", "Georgia", "Türkiye")]),
    ('Kazakhstan and Kyrgyzstan, referred to jointly as "K2", signed a deal.', [(s, "K2", "member", None) for s in ("Kazakhstan", "Kyrgyzstan")]),
    ("The leaders of the OTS (Azerbaijan, Kazakhstan and Türkiye) met in Shusha.",
     [(s, "OTS", "member", None) for s in ("Azerbaijan", "Kazakhstan", "Türkiye")]),
])
def test_a_group_known_by_a_name_and_a_body_with_its_states_in_brackets(gz: Gazetteer, text: str, expected: list[tuple]) -> None:
    assert mems(gz, text) == expected


@pytest.mark.parametrize("text", [
    'Kazakhstan called the "C5" format useful.',
    "He was the ambassador to Saudi Arabia (Oman, Bahrain and Kuwait concurrently).",
    "The leaders of the OTS (Azerbaijan and Baku) met.",
    "The OTS (Kazakhstan) opened an office.",
    'Tokayev, known as the "Reformer", met Erdogan.',
    'The states known as the "C5" could one day include Mongolia and Afghanistan.',
])
def test_no_group_membership(gz: Gazetteer, text: str) -> None:
    assert mems(gz, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Kyrgyzstan, currently chairing the OTS, hosted the talks.", [("Kyrgyzstan", "OTS", "chair", None)]),
    ("Kazakhstan, the SCO's current chair, welcomed the guests.", [("Kazakhstan", "SCO", "chair", None)]),
    ("The OTS met in Baku. Azerbaijan now chairs the organization, the ministers recalled.", [("Azerbaijan", "OTS", "chair", None)]),
])
def test_a_chair_by_participle_possessive_or_common_noun(gz: Gazetteer, text: str, expected: list[tuple]) -> None:
    assert mems(gz, text) == expected


@pytest.mark.parametrize("text", [
    "Kazakhstan chaired the OTS meeting of foreign ministers.",
    "The OTS met in Baku. Kazakhstan chaired the organization's meeting of ministers.",
    "Azerbaijan, chairing the OTS summit, greeted the guests.",
    "The OTS met in Baku. Kyrgyzstan will chair the organization next year.",
])
def test_no_chair_of_a_meeting_or_a_coming_term(gz: Gazetteer, text: str) -> None:
    assert mems(gz, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Three countries (Kazakhstan, Kyrgyzstan and Uzbekistan) are founding members of the SCO.",
     [(s, "SCO", "member", None) for s in ("Kazakhstan", "Kyrgyzstan", "Uzbekistan")]),
    ("The SCO summit brought together the leaders of China, Russia and Kazakhstan, all member states of the organization.",
     [(s, "SCO", "member", None) for s in ("China", "Russia", "Kazakhstan")]),
    ("Kazakhstan and Kyrgyzstan are OTS members, with Hungary and Turkmenistan enjoying observer status.",
     [("Kazakhstan", "OTS", "member", None), ("Kyrgyzstan", "OTS", "member", None),
      ("Hungary", "OTS", "observer", None), ("Turkmenistan", "OTS", "observer", None)]),
    ("Uzbekistan was among the founders of the SCO.", [("Uzbekistan", "SCO", "member", None)]),
    ("Kyrgyzstan is a member of both the OTS and the CSTO.", [("Kyrgyzstan", "OTS", "member", None), ("Kyrgyzstan", "CSTO", "member", None)]),
])
def test_lists_set_apart_and_statuses_after_them(gz: Gazetteer, text: str, expected: list[tuple]) -> None:
    assert sorted(mems(gz, text)) == sorted(expected)


@pytest.mark.parametrize("text", [
    "The OTS met. The talks were held with Hungary and Qatar having observer status at the meeting.",
    "The OTS met in Baku. The ministers of Azerbaijan and Hungary, the guests of the organization, spoke.",
    "The OTS met in Baku. Kazakhstan, the summit's host, greeted guests.",
])
def test_no_status_from_a_meeting_or_a_guest(gz: Gazetteer, text: str) -> None:
    assert mems(gz, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The SCO met in Astana. Kazakhstan holds the rotating presidency.", [("Kazakhstan", "SCO", "chair", None)]),
    ("The OTS met in Baku. Kyrgyzstan has assumed the chairmanship.", [("Kyrgyzstan", "OTS", "chair", None)]),
    ("The TURKSOY meeting closed with Türkiye handing over the chairmanship to Azerbaijan.", [("Azerbaijan", "TURKSOY", "chair", None)]),
])
def test_a_chair_held_or_taken_with_the_body_named_before(gz: Gazetteer, text: str, expected: list[tuple]) -> None:
    assert mems(gz, text) == expected


@pytest.mark.parametrize("text", [
    "The OTS met in Baku. Kyrgyzstan will assume the chairmanship next year.",
    "The OTS met in Baku. Kazakhstan held the chairmanship of the meeting.",
    "The OTS met in Baku. Tokayev assumed the presidency in 2019.",
    "The OTS met in Baku. Kyrgyzstan is expected to take over the chairmanship.",
    "The OTS summit will close with Azerbaijan handing over the chairmanship to Kyrgyzstan.",
])
def test_no_chair_held_in_the_future_or_by_a_person(gz: Gazetteer, text: str) -> None:
    assert mems(gz, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Trade was discussed in the SCO, which Kazakhstan chairs.", [("Kazakhstan", "SCO", "chair", None)]),
    ("The OTS, currently chaired by Azerbaijan, met in Gabala.", [("Azerbaijan", "OTS", "chair", None)]),
])
def test_a_chair_after_the_body(gz: Gazetteer, text: str, expected: list[tuple]) -> None:
    assert mems(gz, text) == expected


@pytest.mark.parametrize("text", [
    "The OTS summit, chaired by Kyrgyzstan, adopted a declaration.",
    "The OTS, chaired by President Japarov, adopted a declaration.",
    "The OTS, which will be chaired by Kazakhstan next year, met.",
])
def test_no_chair_after_a_meeting_a_person_or_the_future(gz: Gazetteer, text: str) -> None:
    assert mems(gz, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The SCO met in Astana. Its rotating chair, Kazakhstan, opened the talks.", [("Kazakhstan", "SCO", "chair", None)]),
    ("The TURKSOY chair, Azerbaijan, welcomed the guests.", [("Azerbaijan", "TURKSOY", "chair", None)]),
    ("The OTS met in Baku. The chair country Azerbaijan opened the talks.", [("Azerbaijan", "OTS", "chair", None)]),
])
def test_a_chairs_office_before_the_state(gz: Gazetteer, text: str, expected: list[tuple]) -> None:
    assert mems(gz, text) == expected


@pytest.mark.parametrize("text", [
    "The OTS met in Baku. The chair, Tokayev, opened the talks.",
    "The OTS met in Baku. The incoming chair, Kazakhstan, will host next year.",
    "The OTS chair Kyrgyzstan's president opened the talks.",
])
def test_no_chair_before_a_person_or_a_coming_term(gz: Gazetteer, text: str) -> None:
    assert mems(gz, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Mongolia is an observer of the SCO, as is Belarus.", [("Mongolia", "SCO", "observer", None), ("Belarus", "SCO", "observer", None)]),
    ("Kyrgyzstan is a member of the CSTO, as are Kazakhstan and Tajikistan.",
     [("Kyrgyzstan", "CSTO", "member", None), ("Kazakhstan", "CSTO", "member", None), ("Tajikistan", "CSTO", "member", None)]),
    ("Mongolia is an observer of the SCO, as is well known.", [("Mongolia", "SCO", "observer", None)]),
    ("Kazakhstan chairs the CICA, as is Kyrgyzstan.", [("Kazakhstan", "CICA", "chair", None)]),
])
def test_as_is_b_repeats_the_membership_stated_before(gz: Gazetteer, text: str, expected: list[tuple]) -> None:
    assert mems(gz, text) == expected
