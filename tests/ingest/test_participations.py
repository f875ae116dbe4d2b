"""Participations: roles, delegations of states, "the Ambassador", on whose behalf."""

from __future__ import annotations

from graph.ingest.gazetteer import Gazetteer

from .conftest import extraction


def parts(gz: Gazetteer, text: str) -> list[tuple]:
    ex = extraction(gz, text)
    return [(ex.label(p.event), ex.label(p.participant), p.role,
             [ex.posts[int(c.split(":")[1])].title for c in p.capacity],
             ex.chair_of.get(p.on_behalf_of or "", (p.on_behalf_of,))) for p in ex.participations]


def test_attendees_of_a_meeting_with_their_posts_as_capacity(gz: Gazetteer) -> None:
    assert parts(gz, "Azamat Bekov, Ambassador of the Kyrgyz Republic to Hungary, met Minister of Foreign Affairs "
                     "of Hungary Péter Szijjártó on 3 March 2026.") == [
        ("Meeting of Azamat Bekov and Péter Szijjártó", "Azamat Bekov", "attendee", ["Ambassador"], (None,)),
        ("Meeting of Azamat Bekov and Péter Szijjártó", "Péter Szijjártó", "attendee",
         ["Minister of Foreign Affairs"], (None,)),
    ]


def test_speaker_of_a_part_and_delegations_of_states(gz: Gazetteer) -> None:
    assert parts(gz, "On 5 February the Silk Road Business Forum was held in Baku. The opening session was "
                     "addressed by Rovshan Sadigbayli.") == [
        ("Opening session of the Silk Road Business Forum", "Rovshan Sadigbayli", "speaker", [], (None,))]
    assert parts(gz, "Delegations of Azerbaijan, Kazakhstan and Uzbekistan attended the 12th Summit of the OTS in "
                     "Gabala on 6 November 2025.") == [
        ("12th Summit of the OTS", "Azerbaijan", "attendee", [], (None,)),
        ("12th Summit of the OTS", "Kazakhstan", "attendee", [], (None,)),
        ("12th Summit of the OTS", "Uzbekistan", "attendee", [], (None,)),
    ]


def test_the_ambassador_refers_back_and_a_greeting_is_no_participation(gz: Gazetteer) -> None:
    got = parts(gz, "The Turkic Youth Forum was held in Baku on 5 February. Emre Yalçın, Ambassador of Türkiye to "
                    "Azerbaijan, attended. The Ambassador conveyed the greetings of Nurlan Abenov and spoke.")
    assert got == [("Turkic Youth Forum", "Emre Yalçın", "speaker", ["Ambassador"], (None,))]


def test_on_behalf_of_a_chairmanship(gz: Gazetteer) -> None:
    got = parts(gz, "The Turkic Youth Forum was held in Vienna on 5 February. Rovshan Sadigbayli addressed it, "
                    "representing Azerbaijan's Chairmanship of the OTS.")
    assert [(g[0], g[1], g[2]) for g in got] == [("Turkic Youth Forum", "Rovshan Sadigbayli", "speaker")]
    assert [tuple(k.rsplit("/", 1)[-1] for k in g[4]) for g in got] == [("AZE", "ots")]


def test_those_present_and_representatives_of_states_who_will_participate(gz: Gazetteer) -> None:
    got = parts(gz, "Azamat Bekov received the ministers on 14 January. Those present included Emre Yalçın and "
                    "Péter Szijjártó.")
    assert [(g[0], g[1]) for g in got] == [("Meeting of Azamat Bekov", "Azamat Bekov"), ("Meeting of Azamat Bekov", "Emre Yalçın"),
                                           ("Meeting of Azamat Bekov", "Péter Szijjártó")]
    got = parts(gz, "Ministers will gather in Baku on 20 January for an informal meeting. Representatives from "
                    "Kazakhstan, as well as Kyrgyzstan and Hungary, will participate.")
    assert [(g[0], g[1]) for g in got] == [("Informal meeting", "Kazakhstan"), ("Informal meeting", "Kyrgyzstan"),
                                           ("Informal meeting", "Hungary")]


def test_ministers_of_states_who_are_named_take_part_as_persons_not_states(gz: Gazetteer) -> None:
    got = parts(gz, "On 14 January Foreign Ministers of Kazakhstan Azamat Bekov and Türkiye Emre Yalçın took part "
                    "in a meeting with Péter Szijjártó.")
    assert sorted(g[1] for g in got) == ["Azamat Bekov", "Emre Yalçın", "Péter Szijjártó"]


def test_the_person_an_event_is_dedicated_to_or_named_after_does_not_take_part(gz: Gazetteer) -> None:
    assert parts(gz, "On 5 March 2026 the embassy organized an evening dedicated to the birth anniversary of the poet "
                     "Alikul Osmonov in Bishkek.") == []
    assert [p[1] for p in parts(gz, "Azamat Bekov met Emre Yalçın at the library named after Chingiz Aitmatov on "
                                    "5 March 2026.")] == ["Azamat Bekov", "Emre Yalçın"]


def test_persons_inside_a_quotation_do_not_take_part(gz: Gazetteer) -> None:
    assert [p[1] for p in parts(gz, "Azamat Bekov met Emre Yalçın on 4 March 2026. “Last year President Sadyr Japarov "
                                    "visited Ankara,” Bekov said.")] == ["Azamat Bekov", "Emre Yalçın"]


def test_a_person_who_arrived_somewhere_for_a_named_event_takes_part(gz: Gazetteer) -> None:
    assert [p[:3] for p in parts(gz, "Azamat Bekov arrived in Tashkent for the Silk Road Business Forum.")] == [
        ("Silk Road Business Forum", "Azamat Bekov", "attendee")]


def test_persons_whose_decisions_initiatives_or_coming_chair_are_mentioned_take_no_part(gz: Gazetteer) -> None:
    text = ("Azamat Bekov met Emre Yalçın on 4 March 2026. They praised the initiatives of President Sadyr Japarov and "
            "the decisions adopted by President Ilham Aliyev, and the summit to be chaired by President Kassym-Jomart "
            "Tokayev.")
    assert [p[1] for p in parts(gz, text)] == ["Azamat Bekov", "Emre Yalçın"]


def test_a_speaker_at_a_named_event_without_a_day_takes_part(gz: Gazetteer) -> None:
    assert [p[:3] for p in parts(gz, "Speaking at the Silk Road Business Forum in Tashkent, Azamat Bekov said trade "
                                     "grew.")] == [("Silk Road Business Forum", "Azamat Bekov", "speaker")]


def test_states_take_part_through_office_holders_not_named(gz: Gazetteer) -> None:
    got = parts(gz, "The 12th Summit of the OTS was held in Gabala on 6 November 2025. The summit was attended by the "
                    "heads of state of Azerbaijan, Kazakhstan and Uzbekistan, as well as the prime minister of Hungary.")
    assert [(g[0], g[1]) for g in got] == [("12th Summit of the OTS", s) for s in ("Azerbaijan", "Kazakhstan", "Uzbekistan", "Hungary")]
    got = parts(gz, "A conference on transit was held in Baku on 5 February. The speakers of the national parliaments of "
                    "Kyrgyzstan and Türkiye took part in it.")
    assert [g[1] for g in got] == ["Kyrgyzstan", "Türkiye"]
    got = parts(gz, "A forum on energy opened in Astana on 5 February. Heads of the foreign ministries from Hungary and "
                    "Azerbaijan were in attendance.")
    assert [g[1] for g in got] == ["Hungary", "Azerbaijan"]


def test_the_summit_after_a_meeting_on_its_margins_is_the_summit_again(gz: Gazetteer) -> None:
    got = parts(gz, "An informal summit of the OTS took place in Baku on 5 February. That day Azamat Bekov also "
                    "welcomed Emre Yalçın at the Old Palace. Rovshan Sadigbayli was also in attendance for the summit.")
    assert [(g[0], g[1]) for g in got][-1] == ("Informal summit of the OTS", "Rovshan Sadigbayli")
    got = parts(gz, "The Turkic Energy Congress opened in Astana on 5 February. Azamat Bekov held talks with Emre "
                    "Yalçın there. Later, Rovshan Sadigbayli delivered a speech during the congress.")
    assert [(g[0], g[1], g[2]) for g in got][-1] == ("Turkic Energy Congress", "Rovshan Sadigbayli", "speaker")


def test_the_chair_of_a_standing_body_is_not_a_participant(gz: Gazetteer) -> None:
    got = parts(gz, "Azamat Bekov met Emre Yalçın in Baku on 5 February. Azamat Bekov noted the work of the Joint "
                    "Economic Commission on transport and energy, co-chaired by the Deputy Prime Minister of Türkiye "
                    "and Minister of Economy of Azerbaijan Rovshan Sadigbayli.")
    assert sorted({g[1] for g in got}) == ["Azamat Bekov", "Emre Yalçın"]
    got = parts(gz, "Azamat Bekov received Emre Yalçın in Ankara on 5 February. Emre Yalçın praised the Business "
                    "Council, which is headed by Rovshan Sadigbayli.")
    assert sorted({g[1] for g in got}) == ["Azamat Bekov", "Emre Yalçın"]
    got = parts(gz, "The Turkic Youth Forum was held in Baku on 5 February. The forum, chaired by Rovshan "
                    "Sadigbayli, adopted a declaration.")
    assert [g[1] for g in got] == ["Rovshan Sadigbayli"]      # who chairs the event itself takes part


def test_a_photo_caption_lists_who_attended(gz: Gazetteer) -> None:
    got = parts(gz, "The Turkic Youth Forum was held in Baku on 5 February. In the photo below (from left to right): "
                    "Azamat Bekov, Emre Yalçın and Rovshan Sadigbayli.")
    assert [(g[1], g[2]) for g in got] == [("Azamat Bekov", "attendee"), ("Emre Yalçın", "attendee"),
                                           ("Rovshan Sadigbayli", "attendee")]
    got = parts(gz, "The Turkic Youth Forum was held in Baku on 5 February. Pictured (L-R): Azamat Bekov and Emre Yalçın.")
    assert [g[1] for g in got] == ["Azamat Bekov", "Emre Yalçın"]


def test_another_event_is_not_the_event_reported_so_far(gz: Gazetteer) -> None:
    got = parts(gz, "The Turkic Youth Forum was held in Baku on 5 February. Azamat Bekov addressed the forum. At "
                    "another event, Emre Yalçın spoke about water.")
    assert [g[1] for g in got] == ["Azamat Bekov"]
    got = parts(gz, "The Turkic Youth Forum was held in Baku on 5 February. Azamat Bekov addressed the forum. "
                    "Separately, Emre Yalçın thanked the students of the academy.")
    assert [g[1] for g in got] == ["Azamat Bekov"]


def test_who_is_awarded_at_an_event_attends_it(gz: Gazetteer) -> None:
    got = parts(gz, "A ceremony was held at the Old Palace in Baku on 5 February. Azamat Bekov was awarded the "
                    "Order of Friendship.")
    assert [(g[1], g[2]) for g in got] == [("Azamat Bekov", "attendee")]
    got = parts(gz, "An evening marking the day of the diaspora was held in Astana on 5 February. There, Emre Yalçın "
                    "accepted a jubilee medal.")
    assert [(g[1], g[2]) for g in got] == [("Emre Yalçın", "attendee")]


def test_an_event_dated_after_the_article_is_only_announced(gz: Gazetteer) -> None:
    got = parts(gz, "Azamat Bekov met Emre Yalçın in Baku on 14 January. They discussed documents for the OTS summit "
                    "scheduled for 6 November 2026 in Gabala. Emre Yalçın stressed the role of transport.")
    assert sorted({(g[0], g[1]) for g in got}) == [("Meeting of Azamat Bekov and Emre Yalçın", "Azamat Bekov"),
                                                  ("Meeting of Azamat Bekov and Emre Yalçın", "Emre Yalçın")]
    got = parts(gz, "Azamat Bekov received Emre Yalçın in Baku on 14 January. The Turkic Youth Forum will take place in "
                    "Astana on 3 May 2026. Emre Yalçın thanked his host.")
    assert sorted({g[0] for g in got}) == ["Meeting of Azamat Bekov and Emre Yalçın"]


def test_meetings_with_several_persons_are_one_meeting_each(gz: Gazetteer) -> None:
    got = parts(gz, "On 5 February, Azamat Bekov held separate meetings with Emre Yalçın, Rovshan Sadigbayli and "
                    "Péter Szijjártó in Baku.")
    assert sorted((g[0], g[1]) for g in got) == sorted(
        [(f"Meeting of Azamat Bekov and {p}", q) for p in ("Emre Yalçın", "Rovshan Sadigbayli", "Péter Szijjártó")
         for q in ("Azamat Bekov", p)])
    got = parts(gz, "Azamat Bekov visited Ankara on 5 February. The meetings were held with Emre Yalçın, Minister of "
                    "Energy of Türkiye, and Rovshan Sadigbayli. During the meeting with Rovshan Sadigbayli, the parties "
                    "discussed transit.")
    assert sorted({g[0] for g in got if g[1] == "Rovshan Sadigbayli"}) == ["Meeting of Azamat Bekov and Rovshan Sadigbayli"]
    assert sorted({g[1] for g in got if g[0] == "Meeting of Azamat Bekov and Rovshan Sadigbayli"}) == [
        "Azamat Bekov", "Rovshan Sadigbayli"]


def test_who_took_part_in_the_meetings_is_in_each_of_them(gz: Gazetteer) -> None:
    got = parts(gz, "On 5 February, Azamat Bekov held separate meetings with Emre Yalçın and Rovshan Sadigbayli in "
                    "Baku. Péter Szijjártó also took part in the meetings.")
    assert sorted(g[0] for g in got if g[1] == "Péter Szijjártó") == [
        "Meeting of Azamat Bekov and Emre Yalçın", "Meeting of Azamat Bekov and Rovshan Sadigbayli"]
    got = parts(gz, "On 5 February, Azamat Bekov met Emre Yalçın in Baku. On 5 February, Azamat Bekov also held talks "
                    "with Rovshan Sadigbayli. Péter Szijjártó attended both meetings.")
    assert sorted(g[0] for g in got if g[1] == "Péter Szijjártó") == [
        "Meeting of Azamat Bekov and Emre Yalçın", "Meeting of Azamat Bekov and Rovshan Sadigbayli"]


def test_who_did_not_attend_is_no_participant(gz: Gazetteer) -> None:
    got = parts(gz, "A gala concert was held in Vienna on 5 February. While Azamat Bekov did not attend the concert "
                    "due to illness, Emre Yalçın addressed the audience.")
    assert [g[1] for g in got] == ["Emre Yalçın"]
    got = parts(gz, "The Turkic Youth Forum was held in Baku on 5 February. Rovshan Sadigbayli was unable to take part, "
                    "and Emre Yalçın spoke in the absence of Azamat Bekov.")
    assert [g[1] for g in got] == ["Emre Yalçın"]


def test_who_is_expected_to_take_part_in_a_named_event(gz: Gazetteer) -> None:
    got = parts(gz, "Azamat Bekov arrived in Baku on 14 January for a visit. He is also expected to take part in the "
                    "Turkic Youth Forum.")
    assert ("Turkic Youth Forum", "Azamat Bekov") in [(g[0], g[1]) for g in got]
    got = parts(gz, "Emre Yalçın will attend the Silk Road Business Forum.")
    assert [(g[0], g[1]) for g in got] == [("Silk Road Business Forum", "Emre Yalçın")]


def test_who_departed_for_a_city_to_attend_an_event(gz: Gazetteer) -> None:
    got = parts(gz, "On 14 January Azamat Bekov departed for Baku to attend the Turkic Youth Forum.")
    assert [(g[0], g[1]) for g in got] == [("Turkic Youth Forum", "Azamat Bekov")]
    got = parts(gz, "Emre Yalçın left for the Kazakh capital Astana yesterday to take part in the Silk Road Business Forum.")
    assert [(g[0], g[1]) for g in got] == [("Silk Road Business Forum", "Emre Yalçın")]


def test_who_is_in_a_city_for_an_event(gz: Gazetteer) -> None:
    got = extraction(gz, "Emre Yalçın is in Vienna as part of the Silk Road Business Forum, where he met several ministers.")
    assert [(e.label, got.label(e.city)) for e in got.events if e.named] == [("Silk Road Business Forum", "Vienna")]
    assert ("Silk Road Business Forum", "Emre Yalçın") in [(got.label(p.event), got.label(p.participant))
                                                         for p in got.participations]
    got = extraction(gz, "Azamat Bekov was in Baku for the Turkic Youth Forum.")
    assert [(got.label(p.event), got.label(p.participant)) for p in got.participations] == [
        ("Turkic Youth Forum", "Azamat Bekov")]


def test_a_call_between_office_holders_named_after_it(gz: Gazetteer) -> None:
    got = parts(gz, "The Foreign Ministers of Kazakhstan and Hungary discussed energy transit by phone. Péter Szijjártó "
                    "thanked Azamat Bekov for the invitation.")
    assert [(g[0], g[1]) for g in got] == [
        ("Telephone conversation of the Foreign Ministers of Kazakhstan and Hungary", "Péter Szijjártó"),
        ("Telephone conversation of the Foreign Ministers of Kazakhstan and Hungary", "Azamat Bekov")]
    got = extraction(gz, "The presidents of Azerbaijan and Uzbekistan held a telephone conversation on transit.")
    assert [e.label for e in got.events] == ["Telephone conversation of the presidents of Azerbaijan and Uzbekistan"]


def test_a_coming_named_event_whose_preparations_started_is_not_reported(gz: Gazetteer) -> None:
    got = parts(gz, "Azamat Bekov received Emre Yalçın in Baku on 14 January. TURKSOY Secretary General noted that "
                    "preparation works for the Turkic Youth Forum which would take place in Astana on 10-12 May 2026 had "
                    "already been started. Emre Yalçın stressed its importance.")
    assert sorted({g[0] for g in got}) == ["Meeting of Azamat Bekov and Emre Yalçın"]


def test_who_is_thanked_from_afar_is_no_participant(gz: Gazetteer) -> None:
    got = parts(gz, "Azamat Bekov met Emre Yalçın in Baku on 14 January. Azamat Bekov said he was pleased and asked him to "
                    "convey his gratitude to Mr. Rovshan Sadigbayli.")
    assert sorted({g[1] for g in got}) == ["Azamat Bekov", "Emre Yalçın"]
    got = parts(gz, "Azamat Bekov met Emre Yalçın in Baku on 14 January. Emre Yalçın noted the progress and extended his "
                    "warm greetings to President Sadyr Japarov.")
    assert sorted({g[1] for g in got}) == ["Azamat Bekov", "Emre Yalçın"]


def test_an_invitation_to_a_coming_meeting_is_no_participation(gz: Gazetteer) -> None:
    got = parts(gz, "Azamat Bekov invited Emre Yalçın to take part in a meeting of the ministers of energy to be held in "
                    "Astana on 3 May 2026.")
    assert got == []
    got = parts(gz, "Emre Yalçın was invited by Azamat Bekov to attend a forum on transit in Tashkent on 3 May 2026.")
    assert got == []


def test_a_delegation_named_by_a_demonym_brings_its_state(gz: Gazetteer) -> None:
    got = parts(gz, "As part of the Kazakh delegation's participation in the Silk Road Business Forum, Azamat Bekov met "
                    "Emre Yalçın on 14 January.")
    assert ("Silk Road Business Forum", "Kazakhstan") in [(g[0], g[1]) for g in got]
    got = parts(gz, "On 14 January the Hungarian parliamentary delegation took part in the Turkic Youth Forum.")
    assert [(g[0], g[1]) for g in got] == [("Turkic Youth Forum", "Hungary")]


def test_states_an_event_is_held_with(gz: Gazetteer) -> None:
    # "began with Central Asian countries (A, B and C)", "with the participation of A, B and C": no person named
    got = parts(gz, "Today, a summit of Gulf states began with Central Asian countries known as the C5 (Uzbekistan, "
                    "Turkmenistan and Kazakhstan) in Jeddah.")
    assert sorted(p[1] for p in got) == ["Kazakhstan", "Turkmenistan", "Uzbekistan"]
    got = parts(gz, "On 12 January a forum was held in Baku with the participation of Hungary, Turkey and Azerbaijan.")
    assert sorted(p[1] for p in got) == ["Azerbaijan", "Hungary", "Turkey"]
    # a state's person, a possessive, or no event reported: no state from "with"
    assert [p[1] for p in parts(gz, "On 12 January a forum was held in Baku with the Kazakh minister Azamat Bekov.")] == [
        "Azamat Bekov"]
    assert parts(gz, "Cooperation with Hungary and Turkey was praised as a success of the region.") == []


def test_who_talked_about_something_at_the_event_is_a_speaker(gz: Gazetteer) -> None:
    got = parts(gz, "On 12 January a forum of young diplomats took place in Baku. Ambassador of Azerbaijan to Hungary "
                    "Tahir Taghizade talked about the history of the two nations.")
    assert [(p[0], p[1], p[2]) for p in got] == [("Forum of young diplomats", "Tahir Taghizade", "speaker")]
    # "talked with" is a meeting of its own, not a speech
    got = parts(gz, "On 12 January a forum of young diplomats took place in Baku. Later Tahir Taghizade talked with "
                    "Emre Yalçın.")
    assert all(p[2] != "speaker" for p in got)


def test_bodies_whose_representatives_attend(gz: Gazetteer) -> None:
    got = parts(gz, "On 12 January a forum of young diplomats took place in Baku. The event brought together representatives "
                    "of the Ministry of Foreign Affairs of Azerbaijan, the Organization of Turkic States, diplomats and students.")
    assert sorted(p[1] for p in got) == ["Ministry of Foreign Affairs of Azerbaijan", "Organization of Turkic States"]
    # no verb of attending: the representatives are only spoken of
    got = parts(gz, "On 12 January a forum of young diplomats took place in Baku. Its aim is to train representatives of "
                    "the Organization of Turkic States.")
    assert got == []


def test_a_state_whose_named_minister_takes_part_is_no_participant_itself(gz: Gazetteer) -> None:
    got = parts(gz, "The 12th Summit of the OTS was held in Gabala on 6 November 2025. Minister of Foreign Affairs of "
                    "Kazakhstan Azamat Bekov took part. The summit was attended by the heads of the foreign ministries "
                    "of Azerbaijan and Kazakhstan.")
    assert sorted(g[1] for g in got) == ["Azamat Bekov", "Azerbaijan"]
