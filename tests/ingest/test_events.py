"""Events: named and unnamed, dates, venues, cities, parts."""

from __future__ import annotations

from graph.ingest.gazetteer import Gazetteer

from .conftest import extraction


def events(gz: Gazetteer, text: str) -> list[tuple]:
    ex = extraction(gz, text)
    return [(e.label, e.kind, e.date and e.date.isoformat(), ex.label(e.venue), ex.label(e.city), ex.label(e.parent),
             e.named) for e in ex.events]


def test_named_event_with_venue_city_and_two_parts(gz: Gazetteer) -> None:
    assert events(gz, "On 5 February the Silk Road Business Forum was held at the Hilton Hotel in Baku. The opening "
                      "session was addressed by Rovshan Sadigbayli. The forum was followed by a gala concert.") == [
        ("Silk Road Business Forum", "Meeting", "2026-02-05", "Hilton Hotel", "Baku", None, True),
        ("Opening session of the Silk Road Business Forum", "Session", "2026-02-05", "Hilton Hotel", "Baku",
         "Silk Road Business Forum", False),
        ("Gala concert of the Silk Road Business Forum", "Concert", "2026-02-05", "Hilton Hotel", "Baku",
         "Silk Road Business Forum", False),
    ]


def test_unnamed_meeting_and_credentials(gz: Gazetteer) -> None:
    assert events(gz, "Azamat Bekov met Péter Szijjártó on 3 March 2026.") == [
        ("Meeting of Azamat Bekov and Péter Szijjártó", "Meeting", "2026-03-03", None, None, None, False)]
    assert events(gz, "Azamat Bekov presented his credentials to President Sadyr Japarov yesterday.") == [
        ("Presentation of credentials by Azamat Bekov", "Meeting", "2026-01-15", None, None, None, False)]


def test_dateline_city_and_a_referenced_event_without_date(gz: Gazetteer) -> None:
    assert events(gz, "BAKU, 16 January 2026 – Azamat Bekov received Emre Yalçın today. They recalled the "
                      "decisions of the 12th Summit in Gabala.") == [
        ("Meeting of Azamat Bekov and Emre Yalçın", "Meeting", "2026-01-16", None, "Baku", None, False),
        ("12th Summit", "Summit", None, None, "Gabala", None, True),
    ]


def test_a_coming_event_gets_no_date_and_a_trigger_without_anchor_no_event(gz: Gazetteer) -> None:
    assert events(gz, "Earlier, the Turkic Youth Forum gathered students.") == [
        ("Turkic Youth Forum", "Meeting", None, None, None, None, True)]
    assert events(gz, "Relations were discussed at length.") == []


def test_a_date_inside_the_trigger_and_a_city_closing_the_sentence(gz: Gazetteer) -> None:
    # "gather … on 20 January for a meeting": the day inside the trigger is the meeting's
    assert events(gz, "Foreign ministers will gather in Baku on 20 January for an informal meeting.") == [
        ("Informal meeting", "Meeting", "2026-01-20", None, "Baku", None, False)]
    # a city at the end of a long sentence is the meeting's, however far from "met"
    assert events(gz, "On 14 January Azamat Bekov met with the Deputy Minister of Foreign Affairs of Türkiye "
                      "Emre Yalçın and the Ambassador of Hungary to Kyrgyzstan Péter Szijjártó in Budapest.")[0][4] == "Budapest"


def test_city_of_premises_of_and_chaired(gz: Gazetteer) -> None:
    assert events(gz, "The 7th Plenary Session of TURKPA was held in the city of Baku on 12 January 2026.") == [
        ("7th Plenary Session of TURKPA", "Session", "2026-01-12", None, "Baku", None, True)]
    got = events(gz, "On 12 January Azamat Bekov chaired the 3rd Joint Strategic Council meeting.")
    assert got[0][0] == "3rd Joint Strategic Council" and got[0][2] == "2026-01-12"


def test_a_named_event_reported_in_a_dateline_lead_takes_its_city(gz: Gazetteer) -> None:
    assert events(gz, "BAKU. KAZINFORM – Azamat Bekov participated in the Extraordinary Meeting of the Council "
                      "of Elders, the press service reports.")[0][4] == "Baku"


def test_a_coming_summit_that_will_be_hosted_on_a_day_in_a_city(gz: Gazetteer) -> None:
    assert events(gz, "They prepared for the 12th OTS Summit that will be hosted by Azerbaijan on 6 March in Gabala.") == [
        ("12th OTS Summit", "Summit", "2026-03-06", None, "Gabala", None, True)]


def test_a_meeting_inside_a_quotation_and_a_repeated_undated_meeting(gz: Gazetteer) -> None:
    assert events(gz, "“During the meeting between Azamat Bekov and Emre Yalçın, we agreed on much,” he said.") == []
    got = events(gz, "Azamat Bekov meets Emre Yalçın to discuss trade.\n\nOn 14 January Azamat Bekov met Emre Yalçın.")
    assert [g[0] for g in got] == ["Meeting of Azamat Bekov and Emre Yalçın"] and got[0][2] == "2026-01-14"


def test_a_group_that_met_and_an_undated_meeting_takes_its_participants(gz: Gazetteer) -> None:
    got = events(gz, "Deputy ministers of Azerbaijan, Kazakhstan and Kyrgyzstan met in Budapest on 12 January.")
    assert got == [("Meeting", "Meeting", "2026-01-12", None, "Budapest", None, False)]
    ex = extraction(gz, "Azamat Bekov met with Emre Yalçın in Budapest.")
    assert [(ex.label(p.event), ex.label(p.participant)) for p in ex.participations] == [
        ("Meeting of Azamat Bekov and Emre Yalçın", "Azamat Bekov"), ("Meeting of Azamat Bekov and Emre Yalçın", "Emre Yalçın")]


def test_agency_datelines_city_country_day_and_city_agency(gz: Gazetteer) -> None:
    assert events(gz, "BAKU, Azerbaijan, Jan. 14. Azamat Bekov met with Emre Yalçın.") == [
        ("Meeting of Azamat Bekov and Emre Yalçın", "Meeting", "2026-01-14", None, "Baku", None, False)]
    assert events(gz, "BISHKEK. KAZINFORM Azamat Bekov took part in a meeting with Emre Yalçın.") == [   # the report's day
        ("Meeting of Azamat Bekov and Emre Yalçın", "Meeting", "2026-01-16", None, "Bishkek", None, False)]


def test_a_summit_taking_place_is_an_event(gz: Gazetteer) -> None:
    assert events(gz, "The informal summit is taking place in Budapest on 14 January.") == [
        ("Informal summit", "Summit", "2026-01-14", None, "Budapest", None, False)]


def test_the_meeting_held_at_a_venue_gives_the_reported_meeting_its_venue(gz: Gazetteer) -> None:
    got = events(gz, "Azamat Bekov received Emre Yalçın on 14 January. The meeting, held at the Ala-Too Guest "
                     "House, was attended by their advisers.")
    assert got == [("Meeting of Azamat Bekov and Emre Yalçın", "Meeting", "2026-01-14", "Ala-Too Guest House", None, None, False)]


def test_visited_a_city_on_a_day_is_a_visit_there(gz: Gazetteer) -> None:
    assert events(gz, "Azamat Bekov visited Tashkent on 14 January.") == [
        ("Visit of Azamat Bekov to Tashkent", "Meeting", "2026-01-14", None, "Tashkent", None, False)]


def test_a_meeting_on_the_occasion_of_an_opening_ceremony_and_an_acronym_inside_a_name(gz: Gazetteer) -> None:
    got = events(gz, "The 3rd Meeting of the Council of Elders (CE) of the Turkic Council was held on 19 January in "
                     "Budapest. Azamat Bekov took part in the meeting which was held on the occasion of the opening "
                     "ceremony of the new office.")
    assert got == [("3rd Meeting of the Council of Elders of the Turkic Council", "Meeting", "2026-01-19", None,
                    "Budapest", None, True)]


def test_a_named_event_reported_on_the_day_of_the_last_placed_event_is_there_too(gz: Gazetteer) -> None:
    got = events(gz, "Azamat Bekov met Emre Yalçın in Astana on 12 January. The two leaders chaired the 4th Joint "
                     "Strategic Council meeting.")
    assert [(g[0], g[2], g[4]) for g in got] == [("Meeting of Azamat Bekov and Emre Yalçın", "2026-01-12", "Astana"),
                                                 ("4th Joint Strategic Council", "2026-01-12", "Astana")]


def test_an_agency_dateline_with_day_gives_the_lead_meeting_its_day_and_city(gz: Gazetteer) -> None:
    assert events(gz, "Ankara, January 16, AZERTAC Georgia`s First Deputy Speaker Aron Veres has met Daniyar Orazov.\n") == [
        ("Meeting of Aron Veres and Daniyar Orazov", "Meeting", "2026-01-16", None, "Ankara", None, False)]
    assert events(gz, "Ankara, Jan. 16, 2026 . / Kabar / . Aron Veres met Daniyar Orazov.\n") == [
        ("Meeting of Aron Veres and Daniyar Orazov", "Meeting", "2026-01-16", None, "Ankara", None, False)]


def test_a_meeting_on_the_sidelines_of_a_named_event_is_its_part(gz: Gazetteer) -> None:
    assert events(gz, "On 4 May 2026 Daniyar Orazov met Aron Veres on the sidelines of the Caspian Energy Forum "
                      "in Baku.") == [
        ("Caspian Energy Forum", "Meeting", "2026-05-04", None, "Baku", None, True),
        ("Meeting of Daniyar Orazov and Aron Veres", "Meeting", "2026-05-04", None, "Baku", "Caspian Energy Forum",
         False)]


def test_the_meeting_refers_to_the_meeting_not_to_a_congress_mentioned_between(gz: Gazetteer) -> None:
    ex = extraction(gz, "The Hungarian Embassy in Georgia organized a meeting with students in Tbilisi.\n\n"
                        "It was dedicated to the Second Congress of Young Hungarians, which was held on 2 May in "
                        "Budapest.\n\nAron Veres and Levan Kapanadze attended the meeting.\n")
    assert [(ex.label(p.event), ex.label(p.participant)) for p in ex.participations] == [
        ("Meeting", "Aron Veres"), ("Meeting", "Levan Kapanadze")]


def test_reported_from_one_city_held_in_another_and_a_summit_on_a_day_in_a_city(gz: Gazetteer) -> None:
    assert events(gz, "Ankara, January 16, AZERTAC\n\nAron Veres has met Levan Kapanadze in Tashkent. He spoke of "
                      "the upcoming Summit of the Steppe Council on 14-15 October 2026 in Baku.\n") == [
        ("Meeting of Aron Veres and Levan Kapanadze", "Meeting", None, None, "Tashkent", None, False),
        ("Summit of the Steppe Council", "Summit", "2026-10-14", None, "Baku", None, True)]


def test_arrival_is_a_visit_a_call_by_telephone_and_the_concert_which(gz: Gazetteer) -> None:
    assert events(gz, "The delegation led by Aron Veres arrived in Baku on 14 January.") == [
        ("Visit of Aron Veres to Baku", "Meeting", "2026-01-14", None, "Baku", None, False)]
    assert events(gz, "Aron Veres and Levan Kapanadze discussed the agenda by telephone on 14 January.") == [
        ("Telephone conversation of Aron Veres and Levan Kapanadze", "Meeting", "2026-01-14", None, None, None, False)]
    assert [e[0] for e in events(gz, "A concert was held in Baku on 14 January. The concert which was held at the "
                                     "Green Hall was attended by Aron Veres.")] == ["Concert"]


def test_an_organization_celebrating_an_anniversary_at_a_venue(gz: Gazetteer) -> None:
    ex = extraction(gz, "The Steppe Writers Union celebrated its 30th anniversary at the Grand Meridian Hotel in Ankara "
                        "on 14 January. The celebration took place in the presence of Aron Veres and Levan Kapanadze.")
    assert [(e.label, e.date and e.date.isoformat(), ex.label(e.venue), ex.label(e.city)) for e in ex.events] == [
        ("Celebration of the 30th anniversary of Steppe Writers Union", "2026-01-14", "Grand Meridian Hotel", "Ankara")]
    assert [ex.label(p.participant) for p in ex.participations] == ["Aron Veres", "Levan Kapanadze"]


def test_a_ceremony_after_two_lead_ins_at_a_secretariat_in_a_city(gz: Gazetteer) -> None:
    assert events(gz, "On 14 January, at the General Secretariat of the Steppe Writers Union (SWU) in Ankara, a flag "
                      "raising ceremony was held. It was attended by Aron Veres.") == [
        ("Flag raising ceremony", "CulturalEvent", "2026-01-14", "General Secretariat of the Steppe Writers Union",
         "Ankara", None, False)]


def test_a_numbered_leaders_summit_in_the_city_one_departs_for(gz: Gazetteer) -> None:
    ex = extraction(gz, "President Aron Veres departed for Kazakhstan's capital Astana to attend the 12th leaders' "
                        "summit of the OTS.")
    assert [(e.label, ex.label(e.city), e.named) for e in ex.events] == [
        ("12th leaders' summit of the OTS", "Astana", True)]


def test_lead_in_city_a_meeting_of_the_heads_refers_back_and_a_plural_head_names_no_event(gz: Gazetteer) -> None:
    ex = extraction(gz, "On 14 January, in Istanbul, Aron Veres took part in the Steppe Forum of Writers.\n\n"
                        "The meeting of the heads of the writers' unions took place before the opening.\n\n"
                        "The Steppe Forums of Writers are held every year.\n")
    assert [(e.label, e.date and e.date.isoformat(), ex.label(e.city)) for e in ex.events] == [
        ("Steppe Forum of Writers", "2026-01-14", "Istanbul")]


def test_one_person_taking_part_in_the_meeting_of_a_body_is_a_meeting(gz: Gazetteer) -> None:
    ex = extraction(gz, "As part of the Georgian delegation's participation in the 81st session of the UN General "
                        "Assembly, Aron Veres took part in the meeting of Foreign Ministers of the OTS.")
    assert [(e.label, e.named, e.parent is not None) for e in ex.events] == [
        ("81st session of the UN General Assembly", True, False), ("Meeting of Aron Veres", False, True)]   # a part of it


def test_talks_held_between_a_meeting_held_in_and_a_visit_where_they_met(gz: Gazetteer) -> None:
    assert events(gz, "Talks were held between Aron Veres and Levan Kapanadze in Ankara on 14 January.") == [
        ("Meeting of Aron Veres and Levan Kapanadze", "Meeting", "2026-01-14", None, "Ankara", None, False)]
    assert events(gz, "During the meeting held in Baku on 14 January, Aron Veres and Levan Kapanadze spoke.") == [
        ("Meeting of Aron Veres and Levan Kapanadze", "Meeting", "2026-01-14", None, "Baku", None, False)]
    assert events(gz, "Aron Veres paid a working visit to Baku on 14 January, where he met with Levan Kapanadze.") == [
        ("Meeting of Aron Veres and Levan Kapanadze", "Meeting", "2026-01-14", None, "Baku", None, False)]


def test_capital_after_a_possessive_and_numbered_meeting_of_the_council(gz: Gazetteer) -> None:
    assert events(gz, "Aron Veres met Levan Kapanadze in Kazakhstan’s capital Astana on 14 January.") == [
        ("Meeting of Aron Veres and Levan Kapanadze", "Meeting", "2026-01-14", None, "Astana", None, False)]
    ex = extraction(gz, "Aron Veres, Chairman of the Council of Elders of the OTS, spoke to journalists following the "
                        "council's 18th meeting in Baku.")
    assert [(e.label, ex.label(e.city)) for e in ex.events] == [("18th meeting of the Council of Elders of the OTS", "Baku")]


def test_meetings_within_the_framework_of_a_session_take_its_city(gz: Gazetteer) -> None:
    ex = extraction(gz, "From 14 to 15 May 2026, Kazakhstan will host the 15th Plenary Session in Astana. The Meeting of "
                        "the Steppe Council will also be held within the framework of the 15th Plenary Session.")
    assert [(e.label, ex.label(e.city), ex.label(e.parent)) for e in ex.events] == [
        ("15th Plenary Session", "Astana", None), ("Meeting of the Steppe Council", "Astana", "15th Plenary Session")]


def test_a_delegation_visiting_a_body_after_a_dateline_and_a_meeting_held_at_a_place(gz: Gazetteer) -> None:
    assert events(gz, "Baku. 16 January. REPORT.AZ/ A delegation headed by Aron Veres has visited the Steppe Writers "
                      "Union.\n") == [
        ("Visit of Aron Veres to Steppe Writers Union", "Meeting", None, None, "Baku", None, False)]


def test_regional_cities_are_known_and_place_the_event(gz: Gazetteer) -> None:
    assert events(gz, "Azamat Bekov met Emre Yalçın in Karakol on 4 March 2026. A day later they travelled on "
                      "to Namangan and Turkmenbashi.") == [
        ("Meeting of Azamat Bekov and Emre Yalçın", "Meeting", "2026-03-04", None, "Karakol", None, False)]
    ex = extraction(gz, "The delegation toured Sumqayit, Lankaran and Eskişehir.")
    assert sorted(e.label for e in ex.entities.values() if e.kind == "City") == ["Eskişehir", "Lankaran", "Sumqayit"]


def test_lower_case_events_described_where_they_are_reported(gz: Gazetteer) -> None:
    assert events(gz, "Azamat Bekov took part in the regional water conference held in Karakol on 4 March 2026.") == [
        ("Regional water conference", "Meeting", "2026-03-04", None, "Karakol", None, False)]
    assert events(gz, "Bishkek hosted the second Kyrgyz-Hungarian business forum on 6 March 2026.") == [
        ("Second Kyrgyz-Hungarian business forum", "Meeting", "2026-03-06", None, "Bishkek", None, False)]


def test_credentials_accepted_from_an_ambassador(gz: Gazetteer) -> None:
    assert events(gz, "President Sadyr Japarov accepted the credentials of Ambassador Emre Yalçın on 2 March 2026.") == [
        ("Presentation of credentials by Emre Yalçın", "Meeting", "2026-03-02", None, None, None, False)]


def test_a_capitalized_sidelines_frame_and_a_meeting_during_a_visit_by_he(gz: Gazetteer) -> None:
    assert events(gz, "On the sidelines of the Silk Road Business Forum, Azamat Bekov met Emre Yalçın.") == [
        ("Silk Road Business Forum", "Meeting", None, None, None, None, True),
        ("Meeting of Azamat Bekov and Emre Yalçın", "Meeting", None, None, None, "Silk Road Business Forum", False)]
    assert events(gz, "Azamat Bekov is on a working visit to Tashkent. On 3 March 2026, he met with Emre Yalçın.") == [
        ("Visit of Azamat Bekov to Tashkent", "Meeting", None, None, "Tashkent", None, False),
        ("Meeting of Azamat Bekov and Emre Yalçın", "Meeting", "2026-03-03", None, "Tashkent", None, False)]


def test_an_event_that_will_be_held_and_a_city_after_its_states_possessive(gz: Gazetteer) -> None:
    assert events(gz, "The annual meeting of the heads of archives of Turkic states will be held in Bishkek on "
                      "20 April 2026.") == [
        ("Annual meeting of the heads of archives of Turkic states", "Meeting", "2026-04-20", None, "Bishkek", None, False)]
    assert events(gz, "Azamat Bekov met Emre Yalçın in Kyrgyzstan's Karakol on 4 March 2026.") == [
        ("Meeting of Azamat Bekov and Emre Yalçın", "Meeting", "2026-03-04", None, "Karakol", None, False)]


def test_a_bodys_or_a_citys_summit_in_lower_case_is_named(gz: Gazetteer) -> None:
    assert events(gz, "The road map was adopted at the 7th TURKSOY forum in Karakol.") == [
        ("7th TURKSOY forum", "Meeting", None, None, "Karakol", None, True)]
    assert events(gz, "Kyrgyzstan will remember the Karakol summit.") == [
        ("Karakol summit", "Summit", None, None, None, None, True)]
    assert events(gz, "Azamat Bekov took part in an OTS summit for the first time.") == []


def test_the_city_summit_after_a_summit_reported_in_that_city_is_the_same(gz: Gazetteer) -> None:
    assert events(gz, "The informal summit was held in Karakol on 4 March 2026. The aim of the Karakol summit was "
                      "to agree on transport.") == [
        ("Informal summit", "Summit", "2026-03-04", None, "Karakol", None, False)]


def test_a_visit_during_which_something_was_said(gz: Gazetteer) -> None:
    assert events(gz, "Azamat Bekov spoke on 4 March 2026 during a visit of foreign diplomats to Kyrgyzstan's "
                      "Karakol city.") == [
        ("Visit of Azamat Bekov to Karakol", "Meeting", "2026-03-04", None, "Karakol", None, False)]


def test_talks_without_an_article_a_group_in_a_numbered_meeting_and_the_meeting_of_a_body_held_in(gz: Gazetteer) -> None:
    assert events(gz, "Bilateral consultations between the ministries of Kyrgyzstan and Hungary were held in Bishkek "
                      "on 2 March 2026.") == [
        ("Bilateral consultations between the ministries of Kyrgyzstan and Hungary", "Meeting", "2026-03-02", None,
         "Bishkek", None, False)]
    assert events(gz, "The 4th meeting of the TURKSOY Ministers of Culture was held in Osh on 3 March 2026.") == [
        ("4th meeting of the TURKSOY Ministers of Culture", "Meeting", "2026-03-03", None, "Osh", None, True)]
    ex = extraction(gz, "Kyrgyzstan took part in the meeting of the TURKSOY held in Osh.")
    assert [(e.label, e.city and ex.label(e.city)) for e in ex.events] == [("Meeting of the TURKSOY", "Osh")]
    assert [ex.label(p.participant) for p in ex.participations] == ["Kyrgyzstan"]


def test_a_quoted_name_after_an_event_noun_and_today_inside_a_name(gz: Gazetteer) -> None:
    assert events(gz, "The rescue exercise “Osh-2026” was held on 5 March 2026.") == [
        ("Osh-2026", "CulturalEvent", "2026-03-05", None, None, None, True)]
    assert events(gz, "The forum \"Turkic Cinema Today\" was held in Bishkek on 3 March 2026.") == [
        ("Turkic Cinema Today", "Meeting", "2026-03-03", None, "Bishkek", None, True)]


def test_a_coming_event_spoken_of_takes_its_place_but_no_day_nor_participants(gz: Gazetteer) -> None:
    ex = extraction(gz, "Azamat Bekov met Emre Yalçın in Osh on 4 March 2026. During the meeting, the sides discussed "
                        "preparations for the upcoming annual forum of the TURKSOY, to be held in Kyrgyzstan's Karakol "
                        "city in 2027.")
    assert [(e.label, e.date and e.date.isoformat(), ex.label(e.city)) for e in ex.events] == [
        ("Meeting of Azamat Bekov and Emre Yalçın", "2026-03-04", "Osh"), ("Annual forum of the TURKSOY", None, "Karakol")]
    assert {ex.label(p.event) for p in ex.participations} == {"Meeting of Azamat Bekov and Emre Yalçın"}


def test_a_meeting_in_a_city_of_the_larger_gazetteer(gz: Gazetteer) -> None:
    assert events(gz, "The Consul of Kazakhstan, Nurlan Abenov, met with members of the Kazakh community in Odessa.") == [
        ("Meeting of Nurlan Abenov", "Meeting", None, None, "Odessa", None, False)]
    ex = extraction(gz, "The forum moved from Riga to Tallinn and then to Seoul.")
    assert sorted(e.label for e in ex.entities.values() if e.kind == "City") == ["Riga", "Seoul", "Tallinn"]


def test_two_persons_who_discussed_met(gz: Gazetteer) -> None:
    assert events(gz, "Kazakh Energy Minister Aigul Sarsenova and Hungarian Foreign Minister Péter Szijjártó have "
                      "discussed energy projects.") == [
        ("Meeting of Aigul Sarsenova and Péter Szijjártó", "Meeting", None, None, None, None, False)]
    assert [e[0] for e in events(gz, "Aigul Sarsenova and Péter Szijjártó discussed gas by telephone.")] == [
        "Telephone conversation of Aigul Sarsenova and Péter Szijjártó"]
    assert events(gz, "Aigul Sarsenova said that Péter Szijjártó discussed gas.") == []


def test_the_meeting_after_a_meeting_gives_it_its_city_and_day(gz: Gazetteer) -> None:
    assert events(gz, "Aigul Sarsenova and Péter Szijjártó discussed energy projects. The Astana-based meeting held "
                      "on 12 January also touched on transport.") == [
        ("Meeting of Aigul Sarsenova and Péter Szijjártó", "Meeting", "2026-01-12", None, "Astana", None, False)]


def test_a_lower_case_forum_held_in_a_city_where_something_was_said(gz: Gazetteer) -> None:
    assert events(gz, "Trade grew fast, Aigul Sarsenova said at the Kazakhstan-Hungary investment forum held in "
                      "Almaty.") == [
        ("Kazakhstan-Hungary investment forum", "Meeting", None, None, "Almaty", None, False)]


def test_a_dateline_of_city_and_agency_in_brackets(gz: Gazetteer) -> None:
    assert events(gz, "Almaty (KazTAG) – Aigul Sarsenova met Péter Szijjártó yesterday.") == [
        ("Meeting of Aigul Sarsenova and Péter Szijjártó", "Meeting", "2026-01-15", None, "Almaty", None, False)]
    assert events(gz, "Tashkent, Uzbekistan (UzA) -- Aigul Sarsenova met Péter Szijjártó yesterday.") == [
        ("Meeting of Aigul Sarsenova and Péter Szijjártó", "Meeting", "2026-01-15", None, "Tashkent", None, False)]


def test_a_welcome_at_the_airport_after_an_arrival_and_the_leader_as_reference(gz: Gazetteer) -> None:
    ex = extraction(gz, "President of Kyrgyzstan Sadyr Japarov arrived in Budapest for the 3rd Informal Summit of "
                        "Turkic Leaders. The Kyrgyz leader was welcomed by Hungarian Foreign Minister Péter Szijjártó at "
                        "the airport.")
    assert [(e.label, ex.label(e.city)) for e in ex.events] == [
        ("3rd Informal Summit of Turkic Leaders", "Budapest"), ("Welcome of Sadyr Japarov at the airport", "Budapest")]
    assert sorted((ex.label(p.participant), ex.label(p.event)) for p in ex.participations) == [
        ("Péter Szijjártó", "Welcome of Sadyr Japarov at the airport"), ("Sadyr Japarov", "3rd Informal Summit of Turkic Leaders"),
        ("Sadyr Japarov", "Welcome of Sadyr Japarov at the airport")]


def test_at_the_same_forum_is_the_forum_again(gz: Gazetteer) -> None:
    ex = extraction(gz, "Trade grew, Aigul Sarsenova said at the Kazakhstan-Hungary investment forum held in Almaty. "
                        "Investment will double, as reported by Daniyar Kurmanov at the same forum.")
    assert [e.label for e in ex.events] == ["Kazakhstan-Hungary investment forum"]
    assert sorted(ex.label(p.participant) for p in ex.participations) == ["Aigul Sarsenova", "Daniyar Kurmanov"]


def test_groups_of_officials_that_gathered_or_met_in_a_city(gz: Gazetteer) -> None:
    assert events(gz, "Foreign ministers of the TURKSOY member states gathered in Istanbul on 12 November 2021.") == [
        ("Meeting", "Meeting", "2021-11-12", None, "Istanbul", None, False)]
    assert events(gz, "The Secretaries General of the parliaments of TURKSOY member states met in Ankara on 20 February "
                      "2018.") == [("Meeting", "Meeting", "2018-02-20", None, "Ankara", None, False)]
    assert events(gz, "Hundreds of fans gathered in Baku on 3 May to watch the final.") == []


def test_the_head_of_state_or_the_secretary_general_is_the_one_holder_named_before(gz: Gazetteer) -> None:
    ex = extraction(gz, "President of Uzbekistan Shavkat Mirziyoyev arrived in Samarkand on 10 May. The Head of State "
                        "met with Aigul Sarsenova.")
    assert [e.label for e in ex.events] == ["Visit of Shavkat Mirziyoyev to Samarkand",
                                            "Meeting of Shavkat Mirziyoyev and Aigul Sarsenova"]
    ex = extraction(gz, "Secretary General of the TURKSOY Aigul Sarsenova and Secretary General of the OTS Daniyar "
                        "Kurmanov arrived in Baku on 3 May. The Secretary General met with Askar Bekov on 4 May.")
    assert all(e.label.startswith("Visit") for e in ex.events)     # two holders: which one met him is not known


def test_a_city_given_first_in_the_sentence_is_the_event_s(gz: Gazetteer) -> None:
    # far from the trigger: "Today in <City>, …", "In <City>, …", "Yesterday in the capital <City>, …"
    assert events(gz, "Today in Ashgabat, a delegation of experts headed by the Deputy Minister of Energy of Kazakhstan "
                      "Azamat Bekov took part in a working meeting with Emre Yalçın.")[0][2:5] == (
        "2026-01-16", None, "Ashgabat")
    assert events(gz, "Yesterday in the capital Tashkent, after a long exchange on transport corridors and on water "
                      "resources, Azamat Bekov held talks with Emre Yalçın.")[0][2:5] == ("2026-01-15", None, "Tashkent")
    assert events(gz, "In Baku, on 3 March, Azamat Bekov received the new Ambassador of Türkiye, Emre Yalçın, to "
                      "discuss the agenda of the coming meetings of the commission.")[0][2:5] == ("2026-03-03", None, "Baku")


def test_a_dateline_with_agency_and_day_in_brackets(gz: Gazetteer) -> None:
    # "City, (Agency - day)" and "CITY (Agency, day)": the event's city and day; no name inside it takes part
    got = extraction(gz, "Baku, (AZN - Caspian Press Bureau - 3rd Mar, 2026) A meeting was held in Baku between "
                         "Azamat Bekov and Emre Yalçın.", date="2026-03-03")
    assert [(e.date.isoformat(), got.label(e.city)) for e in got.events] == [("2026-03-03", "Baku")]
    assert sorted(got.label(p.participant) for p in got.participations) == ["Azamat Bekov", "Emre Yalçın"]
    got = extraction(gz, "ASTANA (Steppe Wire, 4 March 2026) Azamat Bekov received Emre Yalçın at the Akorda.",
                     date="2026-03-05")
    assert [(e.date.isoformat(), got.label(e.city)) for e in got.events] == [("2026-03-04", "Astana")]


def test_an_event_described_by_what_it_marks(gz: Gazetteer) -> None:
    got = extraction(gz, "Emre Yalçın spoke at an event marking the 30th anniversary of the founding of the academy.")
    assert [(e.label, e.named) for e in got.events] == [
        ("Event marking the 30th anniversary of the founding of the academy", False)]
    assert [got.label(p.participant) for p in got.participations] == ["Emre Yalçın"]
    got = events(gz, "On 5 February Azamat Bekov attended a gathering held in honour of the national day of Kazakhstan "
                     "in Vienna.")
    assert got == [("Gathering held in honour of the national day of Kazakhstan", "CulturalEvent", "2026-02-05", None,
                    "Vienna", None, False)]


def test_a_place_in_what_was_agreed_or_planned_is_not_the_meeting_s(gz: Gazetteer) -> None:
    got = events(gz, "Azamat Bekov held talks with Emre Yalçın, where they agreed that Türkiye would open a consulate "
                     "in Osh next year.")
    assert [g[4] for g in got] == [None]
    got = events(gz, "Azamat Bekov met Emre Yalçın on 5 February, and the two sides decided to hold the next round "
                     "of consultations in Tashkent.")
    assert [(g[0], g[4]) for g in got] == [("Meeting of Azamat Bekov and Emre Yalçın", None)]
    assert [g[4] for g in events(gz, "Azamat Bekov met Emre Yalçın on 5 February in Tashkent.")] == ["Tashkent"]


def test_a_dateline_with_the_publisher_before_a_colon(gz: Gazetteer) -> None:
    got = events(gz, "Ankara, January 15, 2026, The Steppe Herald: Azamat Bekov received Emre Yalçın.")
    assert [g[2:5] for g in got] == [("2026-01-15", None, "Ankara")]
    got = events(gz, "Tashkent, 14 Jan, Silk Road Daily: Azamat Bekov held talks with Emre Yalçın.")
    assert [g[2:5] for g in got] == [("2026-01-14", None, "Tashkent")]


def test_in_the_capital_of_a_state_comma_city(gz: Gazetteer) -> None:
    got = events(gz, "On 5 February, the Turkic Youth Forum was held in the capital of Kazakhstan, Astana.")
    assert [g[2:5] for g in got] == [("2026-02-05", None, "Astana")]
    got = events(gz, "Azamat Bekov met Emre Yalçın on 5 February in the capital city of Azerbaijan Baku.")
    assert [g[2:5] for g in got] == [("2026-02-05", None, "Baku")]


def test_in_the_framework_of_a_visit(gz: Gazetteer) -> None:
    got = events(gz, "On 5 February, Azamat Bekov gave several interviews in the framework of his visit to Tashkent.")
    assert [(g[0], g[2], g[4]) for g in got] == [("Visit of Azamat Bekov to Tashkent", "2026-02-05", "Tashkent")]
    got = events(gz, "On 5 February, in the course of her working visit to Astana, Emre Yalçın toured a museum.")
    assert [(g[0], g[4]) for g in got] == [("Visit of Emre Yalçın to Astana", "Astana")]


def test_the_same_unnamed_event_reported_twice_is_one(gz: Gazetteer) -> None:
    got = events(gz, "TURKSOY organized an exhibition of carpets in Baku on 5 February. To mark the day of culture, an "
                     "exhibition featuring young weavers was held at the Hilton Hotel on 5 February.")
    assert [(g[0], g[2], g[3], g[4]) for g in got] == [("Exhibition", "2026-02-05", "Hilton Hotel", "Baku")]
    got = events(gz, "On 5 February, Azamat Bekov held separate meetings with Emre Yalçın and Rovshan Sadigbayli in Baku.")
    assert len(got) == 2      # two meetings on one day stay two


def test_an_agency_lead_without_a_day_is_the_report_s_day(gz: Gazetteer) -> None:
    got = events(gz, "ASTANA. KAZINFORM – Azamat Bekov held talks with Emre Yalçın, the agency reports.")
    assert [g[2:5] for g in got] == [("2026-01-16", None, "Astana")]
    got = events(gz, "TASHKENT. UZA Azamat Bekov received Emre Yalçın and Rovshan Sadigbayli.\\n\\nThe sides "
                     "discussed transit.")
    assert [g[2:5] for g in got] == [("2026-01-16", None, "Tashkent")]


def test_an_office_holder_not_named_who_received_one_person(gz: Gazetteer) -> None:
    got = events(gz, "The President of Uzbekistan received Emre Yalçın, the Ambassador of Türkiye to Uzbekistan.")
    assert [(g[0], g[6]) for g in got] == [("Meeting of Emre Yalçın", False)]
    got = events(gz, "Kyrgyzstan's Prime Minister has met with Azamat Bekov to discuss energy.")
    assert [g[0] for g in got] == ["Meeting of Azamat Bekov"]
    assert events(gz, "Azamat Bekov received the guests warmly.") == []       # one person and no office: no meeting


def test_the_summit_in_a_city_mentioned_in_passing(gz: Gazetteer) -> None:
    got = events(gz, "Azamat Bekov met Emre Yalçın on 14 January. They recalled the decisions adopted at the summit "
                     "in Astana.")
    assert [(g[0], g[2], g[4]) for g in got][1:] == [("Summit in Astana", None, "Astana")]
    got = events(gz, "The 12th Summit of the OTS was held on 6 November 2025. On the occasion of the Summit in Gabala, "
                     "Azamat Bekov was awarded an order.")
    # the award is an event of its own (as the dev gold reads "On the occasion of the Summit in X, A was presented with
    # the Order of …"), in the summit's city; the summit still gets its city
    assert [(g[0], g[4]) for g in got] == [("12th Summit of the OTS", "Gabala"), ("Presentation of the order to Azamat Bekov", "Gabala")]
    got = events(gz, "Azamat Bekov met Emre Yalçın on 14 January. They recalled the plan adopted at the forum in "
                     "Baku/Shusha.")
    assert [(g[0], g[4]) for g in got][1:] == [("Forum in Baku", None)]      # two cities: neither is the place


def test_two_events_joined_by_and_share_the_clause_after_them(gz: Gazetteer) -> None:
    # the forum named first in a lead sentence, then again with the second event and the clause
    got = events(gz, "Azamat Bekov attended the Silk Road Business Forum.\n\nAzamat Bekov, the Deputy Minister of Energy "
                     "of Kazakhstan, attended the Silk Road Business Forum and the closing ceremony of the programme “Astana – the Youth Capital of the Turkic World and of "
                     "Central Asia for the Year” held on 5-6 February 2026 in Astana.")
    assert [(g[0], g[2], g[4]) for g in got if g[0] == "Silk Road Business Forum"] == [
        ("Silk Road Business Forum", "2026-02-05", "Astana")]


def test_a_meeting_as_part_of_a_delegation_s_participation_in_an_event(gz: Gazetteer) -> None:
    got = events(gz, "ASTANA. KAZINFORM As part of the Kazakh delegation's participation in the Silk Road Business Forum, "
                     "Azamat Bekov met Emre Yalçın.")
    assert [(g[0], g[2], g[4], g[5]) for g in got if not g[6]] == [
        ("Meeting of Azamat Bekov and Emre Yalçın", None, None, "Silk Road Business Forum")]
    got = events(gz, "As part of its participation in the Turkic Youth Forum, the delegation headed by Azamat Bekov held "
                     "talks with Emre Yalçın on 14 January.")
    assert [(g[0], g[5]) for g in got if not g[6]] == [("Meeting of Azamat Bekov and Emre Yalçın", "Turkic Youth Forum")]


def test_the_noun_phrase_of_an_event_found_before_is_that_event_again(gz: Gazetteer) -> None:
    # "The informal ministerial meeting was organised …" after "an informal ministerial meeting of the OTS": no second event
    got = events(gz, "Azamat Bekov spoke after taking part in an informal ministerial meeting of the Organization of Turkic "
                     "States in Baku on 14 January. The informal ministerial meeting was organised on Monday to prepare "
                     "the summit.")
    assert [(e[0], e[2], e[4]) for e in got] == [
        ("Informal ministerial meeting of the Organization of Turkic States", "2026-01-14", "Baku")]
    # another noun phrase is another event
    got = events(gz, "Azamat Bekov took part in an informal ministerial meeting of the Organization of Turkic States in "
                     "Baku on 14 January. A regional business forum was held in Ganja on 15 January.")
    assert [e[0] for e in got] == ["Informal ministerial meeting of the Organization of Turkic States", "Regional business forum"]


def test_no_held_noun_phrase_across_a_finite_verb(gz: Gazetteer) -> None:
    # "… aims to … ensure continued dialogue": "continued" is no predicate of "the summit further aims …"
    assert events(gz, "The summit further aims to build lasting mechanisms that ensure continued dialogue.") == []
    assert events(gz, "The forum also seeks to find ways that would ensure continued growth of trade.") == []
    got = events(gz, "The third business forum of the two countries took place in Baku on 14 January.")
    assert [(e[0], e[2], e[4]) for e in got] == [("Third business forum of the two countries", "2026-01-14", "Baku")]


def test_an_event_held_today_or_yesterday_and_a_place_glued_to_a_bracket(gz: Gazetteer) -> None:
    # "Today, a <noun phrase> opened / began / took place": the relative day is the event's
    got = events(gz, "Yesterday, a forum of Turkic journalists took place in Astana.")
    assert [(e[0], e[2], e[4], e[6]) for e in got] == [("Forum of Turkic journalists", "2026-01-15", "Astana", False)]
    got = events(gz, "Today, a regional forum of youth organizations opened in Baku.")
    assert [(e[0], e[2], e[4]) for e in got] == [("Regional forum of youth organizations", "2026-01-16", "Baku")]
    # "…(Kazakhstan and Uzbekistan)In Tashkent": a space lost after the bracket, still the place
    got = events(gz, "Today, a summit of Central Asian leaders began with a session on water (Kazakhstan and "
                     "Uzbekistan)In Tashkent, Uzbekistan.")
    assert [(e[0], e[2], e[4]) for e in got] == [("Summit of Central Asian leaders", "2026-01-16", "Tashkent")]


def test_a_named_event_the_reported_one_coincides_with_has_its_day(gz: Gazetteer) -> None:
    got = events(gz, "On 14 January a forum of young diplomats took place in Ankara. It coincided with the Ankara Security "
                     "Conference (ASC). Emre Yalçın stressed the role of youth.")
    assert [(e[0], e[2], e[4]) for e in got] == [("Forum of young diplomats", "2026-01-14", "Ankara"),
                                                 ("Ankara Security Conference", "2026-01-14", None)]
    ex = extraction(gz, "Today, a regional forum of youth organizations opened in Baku. The forum coincides with the Baku "
                        "Energy Week. Emre Yalçın stressed the role of youth.")
    assert [(e.label, sorted(ex.label(p.participant) for p in ex.participations if p.event == e.key)) for e in ex.events] == [
        ("Regional forum of youth organizations", ["Emre Yalçın"]), ("Baku Energy Week", [])]


def test_a_book_presented_at_the_event_reported_is_part_of_it(gz: Gazetteer) -> None:
    got = events(gz, "On 12 January a forum of young diplomats took place in Baku. Emre Yalçın presented his book "
                     "“Silk Roads” to the audience.")
    assert [e[0] for e in got] == ["Forum of young diplomats"]
    # with a day of its own, or with no event reported before, a presentation of its own
    got = events(gz, "The Azerbaijani Cultural Center presented its new album “Silk Roads” in Vienna on 12 January.")
    assert [(e[0], e[2], e[4]) for e in got] == [("Presentation of the Silk Roads", "2026-01-12", "Vienna")]


def test_a_venue_named_after_the_city_with_a_lower_case_head(gz: Gazetteer) -> None:
    got = events(gz, "On 12 January a forum of young diplomats took place in Budapest, Eötvös Cultural center.")
    assert [(e[0], e[3], e[4]) for e in got] == [("Forum of young diplomats", "Eötvös Cultural center", "Budapest")]
    # states after the city are no venue
    got = events(gz, "On 12 January Azamat Bekov met Emre Yalçın in Ankara, Kazakhstan and Uzbekistan.")
    assert [(e[3], e[4]) for e in got] == [(None, "Ankara")]


def test_a_day_given_only_by_the_page_stamp_is_not_the_events_day(gz: Gazetteer) -> None:
    # the stamp under the headline dates the page; a report with no day of its own keeps none
    assert events(gz, "Choir sings in Ankara\n\nThursday, 15 January 2026\n\nA concert of folk songs was held in "
                      "Ankara.\n\nMembers said: \"We are proud to sing here today.\"\n")[0][2] is None
    # … unless the text speaks of that day itself ("on Thursday")
    assert events(gz, "Choir sings in Ankara\n\nThursday, 15 January 2026\n\nA concert of folk songs was held in "
                      "Ankara.\n\nThe concert on Thursday gathered many guests.\n")[0][2] == "2026-01-15"


def test_an_undated_event_told_in_the_lead_and_again_in_the_report_is_one(gz: Gazetteer) -> None:
    # a lead and then the report, with no day in either: one telephone conversation, not two
    got = events(gz, "Azamat Bekov had a telephone conversation with Emre Yalçın. They discussed trade.\n\n"
                     "Minister Azamat Bekov spoke by telephone with Emre Yalçın, the ministry reports.")
    assert [(e[0], e[2]) for e in got] == [("Telephone conversation of Azamat Bekov and Emre Yalçın", None)]
