"""Event recall (`rules/event_mentions.py`): sentences with an event verb or noun that the event rules
did not turn into an event. Every sentence here is written for these tests."""

from __future__ import annotations

from graph.ingest.gazetteer import Gazetteer

from .conftest import extraction


def events(gz: Gazetteer, text: str) -> list[tuple]:
    ex = extraction(gz, text)
    return [(e.label, e.date and e.date.isoformat(), ex.label(e.city), e.named,
             sorted(str(ex.label(p.participant)) for p in ex.participations if p.event == e.key)) for e in ex.events]


def test_states_that_sign_take_part_active_and_passive(gz: Gazetteer) -> None:
    assert events(gz, "Kazakhstan, Hungary and Türkiye signed a joint declaration on transit on 14 January.") == [
        ("Signing of the joint declaration", "2026-01-14", None, False, ["Hungary", "Kazakhstan", "Türkiye"])]
    assert events(gz, "A protocol on cultural exchange was signed by Hungary and Uzbekistan in Tashkent on 10 January.") == [
        ("Signing of the protocol on cultural exchange", "2026-01-10", "Tashkent", False, ["Hungary", "Uzbekistan"])]
    # the states through their office holders, not named: "the ministers of culture of A and B inked …"
    assert events(gz, "On 12 January the ministers of culture of Kazakhstan and Hungary inked a memorandum in Almaty.") == [
        ("Signing of the memorandum", "2026-01-12", "Almaty", False, ["Hungary", "Kazakhstan"])]


def test_verbs_in_their_tenses_and_voices(gz: Gazetteer) -> None:
    assert events(gz, "The delegation headed by Azamat Bekov was welcomed by Emre Yalçın at the ministry on 13 January.") == [
        ("Meeting of Azamat Bekov and Emre Yalçın", "2026-01-13", None, False, ["Azamat Bekov", "Emre Yalçın"])]
    assert events(gz, "Azamat Bekov and Emre Yalçın conducted a round of political consultations.") == [
        ("Consultations of Azamat Bekov and Emre Yalçın", None, None, False, ["Azamat Bekov", "Emre Yalçın"])]
    assert events(gz, "The Hungarian minister Péter Szijjártó conducted talks in Baku on 12 January.") == [
        ("Talks of Péter Szijjártó", "2026-01-12", "Baku", False, ["Péter Szijjártó"])]
    assert events(gz, "Azamat Bekov completed his working visit to Türkiye on 15 January.") == [
        ("Visit of Azamat Bekov to Türkiye", "2026-01-15", None, False, ["Azamat Bekov"])]


def test_event_nouns_after_at_and_hosted(gz: Gazetteer) -> None:
    assert events(gz, "At a briefing in Bishkek, Emre Yalçın told reporters about the results.") == [
        ("Briefing of Emre Yalçın", None, "Bishkek", False, ["Emre Yalçın"])]
    got = events(gz, "Azamat Bekov is on an official visit to Hungary. Emre Yalçın hosted a dinner in honour of the guests.")
    assert got[1] == ("Dinner hosted by Emre Yalçın", None, None, False, ["Emre Yalçın"])


def test_no_event_for_plans_invitations_the_future_or_a_quotation(gz: Gazetteer) -> None:
    for text in ("Azamat Bekov will meet Emre Yalçın in Ankara next week.",
                 "Azamat Bekov has been invited to visit Budapest in March.",
                 "Emre Yalçın hopes to visit Bishkek soon.",
                 "Kazakhstan and Hungary intend to sign a memorandum on transit.",
                 '"We signed a memorandum with Hungary," Azamat Bekov said.'):
        assert events(gz, text) == [], text


def test_the_event_reported_again_is_no_new_event(gz: Gazetteer) -> None:
    # "took part in the session": a definite noun after an event was reported is that event
    text = ("Culture ministers gathered on 24 January in Astana for the 5th Meeting of the Council of Elders. "
            "Delegations from Azerbaijan and Hungary took part in the session.")
    assert [e[0] for e in events(gz, text)] == ["5th Meeting of the Council of Elders"]
    # a signing with no day of its own while a meeting is reported: signed there
    text = "Azamat Bekov met Emre Yalçın in Ankara on 12 January. A protocol on visas was signed by Hungary and Türkiye."
    assert [e[0] for e in events(gz, text)] == ["Meeting of Azamat Bekov and Emre Yalçın"]


def test_received_a_person_not_a_thing_and_a_meeting_on_the_sidelines(gz: Gazetteer) -> None:
    assert events(gz, "On 2 January the Speaker of the Parliament of Kyrgyzstan Nurlan Sadykov received Mr. Emre Yalçın, "
                      "Deputy Minister of Foreign Affairs of Türkiye.") == [
        ("Meeting of Nurlan Sadykov and Emre Yalçın", "2026-01-02", None, False, ["Emre Yalçın", "Nurlan Sadykov"])]
    assert events(gz, "Azamat Bekov received an honorary diploma from the university on 3 January.") == []
    # "welcomed the decision" after a meeting is reported: an opinion, not a second event
    got = events(gz, "Azamat Bekov met Emre Yalçın in Ankara on 12 January. Emre Yalçın welcomed the decision of "
                     "Kyrgyzstan to join the programme.")
    assert [e[0] for e in got] == ["Meeting of Azamat Bekov and Emre Yalçın"]
    # a named event only as the frame: the meeting on its sidelines is still reported
    got = events(gz, "Azamat Bekov talked with Emre Yalçın on the sidelines of the Astana International Forum on 12 January.")
    assert ("Meeting of Azamat Bekov and Emre Yalçın", "2026-01-12", None, False, ["Azamat Bekov", "Emre Yalçın"]) in got


def test_credentials_and_arrivals_in_other_words_and_a_second_meeting_of_the_day(gz: Gazetteer) -> None:
    assert events(gz, "The credentials of Ambassador Azamat Bekov were accepted by Emre Yalçın on 12 January.") == [
        ("Presentation of credentials by Azamat Bekov", "2026-01-12", None, False, ["Azamat Bekov", "Emre Yalçın"])]
    assert events(gz, "On 10 January Emre Yalçın has arrived in Bishkek for a two-day official visit.") == [
        ("Visit of Emre Yalçın to Bishkek", "2026-01-10", "Bishkek", False, ["Emre Yalçın"])]
    # the same day, another person: a second meeting, not the first one again
    got = events(gz, "Azamat Bekov met Emre Yalçın on 12 January. On the same day, Bekov also met with Péter Szijjártó.")
    assert [e[0] for e in got] == ["Meeting of Azamat Bekov and Emre Yalçın", "Meeting of Azamat Bekov and Péter Szijjártó"]


def test_named_events_written_with_a_coordinated_place(gz: Gazetteer) -> None:
    summits = [("Istanbul Summit", None, None, True, []), ("Samarkand Summit", None, None, True, []),
               ("Ankara Summit", None, None, True, [])]
    assert events(gz, "The leaders recalled the decisions taken at the Istanbul, Samarkand and Ankara Summits.") == summits
    assert events(gz, "The decisions taken at Istanbul, Samarkand and Ankara Summits were recalled.") == summits
    assert [e[0] for e in events(gz, "Azamat Bekov spoke of the Baku and Shusha forums.")] == ["Baku forum", "Shusha forum"]
    # lower case without "the": no names
    assert events(gz, "Trade between Kazakhstan and Uzbekistan forums grew.") == []


def test_exchanged_views_is_a_meeting_and_said_again_is_the_same_one(gz: Gazetteer) -> None:
    assert events(gz, "Azamat Bekov and Emre Yalçın exchanged views on regional security on 13 January.") == [
        ("Meeting of Azamat Bekov and Emre Yalçın", "2026-01-13", None, False, ["Azamat Bekov", "Emre Yalçın"])]
    got = events(gz, "Azamat Bekov met Emre Yalçın in Ankara on 12 January. Bekov and Yalçın exchanged views on regional security.")
    assert got == [("Meeting of Azamat Bekov and Emre Yalçın", "2026-01-12", "Ankara", False, ["Azamat Bekov", "Emre Yalçın"])]


def test_a_welcome_in_the_passive_with_words_between(gz: Gazetteer) -> None:
    assert events(gz, "Azamat Bekov was warmly welcomed at the Ankara airport by Emre Yalçın on 11 January.") == [
        ("Welcome of Azamat Bekov at the airport", "2026-01-11", "Ankara", False, ["Azamat Bekov", "Emre Yalçın"])]


def test_a_label_with_the_nouns_modifiers_and_what_it_is_of(gz: Gazetteer) -> None:
    got = events(gz, "Emre Yalçın chaired the first meeting of the joint working group on energy in Ankara on 9 January.")
    assert got == [("First meeting of the joint working group on energy", "2026-01-09", "Ankara", False, ["Emre Yalçın"])]
    got = events(gz, "Kazakhstan and Uzbekistan held the 5th meeting of the intergovernmental commission in Tashkent on 12 January.")
    assert got == [("5th meeting of the intergovernmental commission", "2026-01-12", "Tashkent", False, ["Kazakhstan", "Uzbekistan"])]


def test_wreaths_press_conferences_and_lectures(gz: Gazetteer) -> None:
    got = events(gz, "Within the visit, Emre Yalçın laid flowers at the monument to Chingiz Aitmatov in Bishkek on 12 January.")
    assert got == [("Wreath-laying ceremony at the monument to Chingiz Aitmatov", "2026-01-12", "Bishkek", False, ["Emre Yalçın"])]
    got = events(gz, "Azamat Bekov delivered a lecture on Kyrgyz foreign policy in Ankara on 13 January.")
    assert got == [("Lecture on Kyrgyz foreign policy", "2026-01-13", "Ankara", False, ["Azamat Bekov"])]
    # a speech delivered AT a press conference reported before: no new event
    text = ("Azamat Bekov met Emre Yalçın in Ankara on 12 January. In the speech he delivered at the press conference, "
            "Bekov thanked Yalçın.")
    assert [e[0] for e in events(gz, text)] == ["Meeting of Azamat Bekov and Emre Yalçın"]


def test_a_signing_during_a_visit_is_the_visit(gz: Gazetteer) -> None:
    assert events(gz, "During the visit of President Azamat Bekov to Hungary, a cooperation programme for 2026-2029 was signed.") == [
        ("Visit of Azamat Bekov to Hungary", None, None, False, ["Azamat Bekov"])]
    # with no frame, the signing itself
    assert events(gz, "Kazakhstan and Hungary signed several deals on 12 January.") == [
        ("Signing of the several deals", "2026-01-12", None, False, ["Hungary", "Kazakhstan"])]


def test_no_event_for_what_sums_up_or_repeats(gz: Gazetteer) -> None:
    for text in ("Kazakhstan and Uzbekistan have signed more than 100 agreements since 1991.",
                 "Hungary and Türkiye sign a cultural programme every year.",
                 "Azamat Bekov regularly hosts a dinner for the diplomatic corps in Bishkek."):
        assert events(gz, text) == [], text


def test_a_name_ending_in_times_is_no_repetition(gz: Gazetteer) -> None:
    got = events(gz, "Azamat Bekov and Emre Yalçın exchanged views in Ankara on 13 January, the Astana Times reports.")
    assert [e[0] for e in got] == ["Meeting of Azamat Bekov and Emre Yalçın"]


def test_a_recalled_event_has_only_the_day_its_sentence_gives(gz: Gazetteer) -> None:
    got = events(gz, "Azamat Bekov met Emre Yalçın in Ankara on 12 January. Later, Emre Yalçın hosted a dinner in honour of the guests.")
    # not the day of the meeting reported before (the rules' "date last spoken of"): the sentence gives none
    assert got[1] == ("Dinner hosted by Emre Yalçın", None, None, False, ["Emre Yalçın"])


def test_handovers_awards_and_openings(gz: Gazetteer) -> None:
    assert events(gz, "On 12 January Azamat Bekov handed over the chairmanship of the council to Emre Yalçın in Ankara.") == [
        ("Handover ceremony of the chairmanship", "2026-01-12", "Ankara", False, ["Azamat Bekov", "Emre Yalçın"])]
    assert events(gz, "Emre Yalçın officially took over the duties of Secretary General from Azamat Bekov on 14 January.")[0][0] == (
        "Handover ceremony of the duties")
    award = ("Presentation of the Order of Friendship to Azamat Bekov", "2026-01-12")
    assert events(gz, "Emre Yalçın presented Azamat Bekov with the Order of Friendship in Ankara on 12 January.")[0][:2] == award
    assert events(gz, "Azamat Bekov was awarded the Order of Friendship by Emre Yalçın on 12 January.")[0][:2] == award
    assert events(gz, "Azamat Bekov inaugurated the new building of the embassy in Ankara on 12 January.") == [
        ("Opening of the new building of the embassy", "2026-01-12", "Ankara", False, ["Azamat Bekov"])]
    for text in ("Emre Yalçın presented the report of the council.",
                 "Azamat Bekov received an honorary diploma from the university on 3 January."):
        assert events(gz, text) == [], text


def test_a_meeting_with_a_group_is_labelled_with_the_group(gz: Gazetteer) -> None:
    got = events(gz, "Azamat Bekov conferred with representatives of the Kyrgyz diaspora in Istanbul on 12 January.")
    assert got == [("Meeting of Azamat Bekov with representatives of the Kyrgyz diaspora", "2026-01-12", "Istanbul", False,
                    ["Azamat Bekov"])]


def test_courtesy_calls_briefings_and_presiding(gz: Gazetteer) -> None:
    meeting = ("Meeting of Azamat Bekov and Emre Yalçın", "2026-01-12")
    for text in ("On 12 January Ambassador Azamat Bekov paid a courtesy call on Emre Yalçın.",
                 "On 12 January Ambassador Azamat Bekov called on Emre Yalçın in Ankara.",
                 "Azamat Bekov was briefed by Emre Yalçın on the preparations in Ankara on 12 January."):
        assert events(gz, text)[0][:2] == meeting, text
    assert events(gz, "Azamat Bekov presided over a session of the commission in Bishkek on 12 January.") == [
        ("Session of the commission", "2026-01-12", "Bishkek", False, ["Azamat Bekov"])]
    # "called on B to …" urges, it is no visit
    assert events(gz, "Azamat Bekov called on Emre Yalçın to support the initiative on 12 January.") == []


def test_next_as_a_step_of_the_story_is_no_plan(gz: Gazetteer) -> None:
    assert events(gz, "Next, Azamat Bekov conferred with Emre Yalçın in Ankara on 12 January.")[0][:3] == (
        "Meeting of Azamat Bekov and Emre Yalçın", "2026-01-12", "Ankara")
    assert events(gz, "Azamat Bekov hopes to confer with Emre Yalçın at the next summit.") == []


def test_the_sender_and_addressee_of_greetings_do_not_take_part(gz: Gazetteer) -> None:
    # "conveyed greetings from B to C": B and C are named in a message, however far after the verb
    text = ("Azamat Bekov presented his credentials to Emre Yalçın in Ankara on 12 January. During the ceremony, Azamat Bekov "
            "congratulated the host and conveyed warm greetings and best wishes from the leadership of his country to the "
            "esteemed head of state Recep Tayyip Erdoğan.")
    assert events(gz, text) == [("Presentation of credentials by Azamat Bekov", "2026-01-12", "Ankara", False,
                                 ["Azamat Bekov", "Emre Yalçın"])]
    text = ("Emre Yalçın received Azamat Bekov in Ankara on 12 January. Azamat Bekov expressed gratitude for the welcome "
            "and conveyed the sincere wishes of President Sadyr Japarov.")
    assert events(gz, text)[0][4] == ["Azamat Bekov", "Emre Yalçın"]


def test_a_coming_event_named_by_its_noun_phrase(gz: Gazetteer) -> None:
    # the gold keeps a coming event with what it is of: unnamed, no one taking part yet, a day only if written
    met = "Azamat Bekov met Emre Yalçın in Ankara on 12 January. "
    assert events(gz, met + "A meeting of the Joint Commission with Hungary is expected shortly.")[1:] == [
        ("Meeting of the Joint Commission with Hungary", None, None, False, [])]
    assert events(gz, met + "They discussed the agenda of the Fifth session of the Council of Elders to be held in Astana "
                            "on 20 March.")[1:] == [("Fifth session of the Council of Elders", "2026-03-20", "Astana", False, [])]
    assert events(gz, met + "The second forum of rectors of Turkic universities will take place in Bishkek.")[1:] == [
        ("Second forum of rectors of Turkic universities", None, "Bishkek", False, [])]
    # a day of two digits ends the phrase as a day of one does ("… of the Council of Elders on 20 March")
    assert events(gz, met + "A meeting of the Council of Elders on 20 March is expected.")[1:] == [
        ("Meeting of the Council of Elders", "2026-03-20", None, False, [])]


def test_no_coming_event_for_plurals_bilateral_talks_or_a_bare_noun(gz: Gazetteer) -> None:
    met = "Azamat Bekov met Emre Yalçın in Ankara on 12 January. "
    for text in ("Several ministerial meetings will be held in Baku.",
                 "Bilateral consultations of the ministries are planned.",
                 "The business forum to be held in Baku will gather 300 companies.",
                 "Emre Yalçın is expected to hold talks with Azamat Bekov.",
                 "Azamat Bekov will be received by Emre Yalçın."):
        assert len(events(gz, met + text)) == 1, text


def test_who_reports_an_event_in_a_clause_of_that_does_not_take_part(gz: Gazetteer) -> None:
    for text in ("The spokesman Ali Demir told reporters that on 12 January Emre Yalçın received Azamat Bekov in Ankara.",
                 "Ali Demir has informed the news agency that Emre Yalçın received Azamat Bekov in Ankara on 12 January."):
        assert [e[4] for e in events(gz, text)] == [["Azamat Bekov", "Emre Yalçın"]], text
    # "he" goes on: the one who says it took part
    assert [e[4] for e in events(gz, "Azamat Bekov said that he met Emre Yalçın in Ankara on 12 January.")] == [
        ["Azamat Bekov", "Emre Yalçın"]]


def test_who_speaks_of_a_coming_event_does_not_take_part_who_will_attend_does(gz: Gazetteer) -> None:
    met = "Azamat Bekov met Emre Yalçın in Ankara on 12 January. "
    got = events(gz, met + "Emre Yalçın stressed the importance of the 5th Summit of the Organization of Turkic States, "
                           "to be held in Baku on 20 March.")
    assert got[1] == ("5th Summit of the Organization of Turkic States", "2026-03-20", "Baku", True, [])
    got = events(gz, met + "Emre Yalçın will attend the 5th Summit of the Organization of Turkic States in Baku on 20 March.")
    assert got[1] == ("5th Summit of the Organization of Turkic States", "2026-03-20", "Baku", True, ["Emre Yalçın"])


def test_a_standing_delegation_and_its_head_are_no_delegation_at_the_event(gz: Gazetteer) -> None:
    for text in ("On 12 January Azamat Bekov presented his credentials to Emre Yalçın and took up the post of Head of the "
                 "Delegation of Kazakhstan to the OSCE.",
                 "On 12 January Azamat Bekov, Head of the Delegation of Kazakhstan to the OSCE, presented his credentials "
                 "to Emre Yalçın."):
        assert [e[4] for e in events(gz, text)] == [["Azamat Bekov", "Emre Yalçın"]], text
    # a delegation at the event still brings its state
    text = "Azamat Bekov and Emre Yalçın met in Ankara on 12 January. The delegation of Kazakhstan also took part in the meeting."
    assert events(gz, text)[0][4] == ["Azamat Bekov", "Emre Yalçın", "Kazakhstan"]


def test_a_visit_made_to_attend_a_named_event_is_an_event_too(gz: Gazetteer) -> None:
    got = events(gz, "On 12 January Azamat Bekov paid a visit to Hungary to attend the Meeting of the Council of Foreign "
                     "Ministers of the Organization of Turkic States in Budapest.")
    assert [e[0] for e in got] == ["Meeting of the Council of Foreign Ministers of the Organization of Turkic States",
                                   "Visit of Azamat Bekov to Hungary"]
    assert got[1] == ("Visit of Azamat Bekov to Hungary", "2026-01-12", "Budapest", False, ["Azamat Bekov"])
    got = events(gz, "Emre Yalçın made a working visit to Kazakhstan in order to take part in the Astana International "
                     "Forum on 12 January.")
    assert [e[0] for e in got] == ["Astana International Forum", "Visit of Emre Yalçın to Kazakhstan"]


def test_taking_part_attending_in_a_clause_of_time(gz: Gazetteer) -> None:
    # "said after taking part in …", "before attending …": the gerund reports the event as a finite verb does
    assert events(gz, "Azamat Bekov spoke to reporters after attending a session of the Council of Europe in Strasbourg "
                      "on Monday.") == [
        ("Session of the Council of Europe", "2026-01-12", "Strasbourg", False, ["Azamat Bekov"])]
    assert events(gz, "Emre Yalçın made the remarks on 14 January while participating in a forum of young diplomats in "
                      "Ankara.") == [
        ("Forum of young diplomats", "2026-01-14", "Ankara", False, ["Emre Yalçın"])]
    # a gerund of a plan is still no event
    assert events(gz, "Emre Yalçın said he plans on attending a forum of young diplomats in Ankara.") == []


def test_a_briefing_given_by_the_subject(gz: Gazetteer) -> None:
    assert events(gz, "The Ambassador of Hungary to Mongolia Gábor Tóth briefed about the embassy's plans for the year.") == [
        ("Briefing by Gábor Tóth", None, None, False, ["Gábor Tóth"])]
    assert events(gz, "On 14 January Azamat Bekov briefed journalists on the results of the talks in Ankara.") == [
        ("Briefing by Azamat Bekov", "2026-01-14", "Ankara", False, ["Azamat Bekov"])]
    # a briefing to come or planned makes none
    assert events(gz, "Azamat Bekov will brief journalists on the results.") == []
    assert events(gz, "Azamat Bekov plans to have briefed the press on the results by Friday.") == []


def test_an_event_only_spoken_of_with_the_place_it_was_held_in(gz: Gazetteer) -> None:
    # unnamed, no one taking part, the city (none for a state), no day unless one follows
    assert events(gz, "Kazakhstan obtained observer status during last year's summit in Uzbekistan.") == [
        ("Summit in Uzbekistan", None, None, False, [])]
    assert events(gz, "The parties discussed this year's informal summit held in Shusha and the decisions made there.") == [
        ("Informal summit in Shusha", None, "Shusha", False, [])]
    assert events(gz, "The document builds on the second meeting of the joint commission on transport held in the "
                      "Turkish city of Izmir.") == [
        ("Second meeting of the joint commission on transport in Izmir", None, "Izmir", False, [])]
    # not what is to come or wished, not the named summit again, not the event reported, not a clause
    assert events(gz, "The annual congress of the journalists' union began in Astana.") == []
    assert events(gz, "Emre Yalçın wished success to a business forum in Baku.") == []
    assert events(gz, "The preparations for the summit in Astana were discussed.") == []
    got = events(gz, "Kazakhstan hosted the Astana Summit on 12 January. On the occasion of the Summit in Astana, "
                     "Emre Yalçın was awarded the Order of Friendship.")
    assert [e[0] for e in got if "Summit" in e[0] or "summit" in e[0]] == ["Astana Summit"]
    got = events(gz, "The leaders of the OTS held their summit in Astana on 12 January. The informal summit took place in "
                     "Astana on 12 January.")
    assert [e[0] for e in got] == ["Summit of the OTS"]
    got = events(gz, "The 9th OTS Summit was held on 11 November. The decisions adopted at the summit in Samarkand were "
                     "welcomed.")
    assert [(e[0], e[2]) for e in got] == [("9th OTS Summit", "Samarkand")]


def test_a_visit_paid_to_an_office_holder_is_a_meeting_and_said_again_the_same(gz: Gazetteer) -> None:
    # "visited the Secretary General of B": a meeting with the holder; a visit to a place stays a visit
    assert events(gz, "On 12 January Azamat Bekov visited Tashkent.") == [
        ("Visit of Azamat Bekov to Tashkent", "2026-01-12", "Tashkent", False, ["Azamat Bekov"])]
    first = ("Azamat Bekov, the Minister of Foreign Affairs, visited the Secretary General of the Turkic Council in "
             "Istanbul on 12 January. ")
    # the undated meeting said next, of the same person and the holder now named, is that meeting
    assert events(gz, first + "The Minister and his staff met with the Deputy Secretary General of the Turkic Council "
                              "Kemal Aydın.") == [
        ("Meeting of Azamat Bekov", "2026-01-12", "Istanbul", False, ["Azamat Bekov", "Kemal Aydın"])]
    # "also met": another meeting
    got = events(gz, first + "The Minister and his staff also met with the Deputy Secretary General of the Turkic "
                             "Council Kemal Aydın.")
    assert [e[0] for e in got] == ["Meeting of Azamat Bekov", "Meeting of Kemal Aydın"]


def test_the_event_one_spoke_at_is_on_the_day_one_said_it_just_before(gz: Gazetteer) -> None:
    lead = "Kazakhstan and Hungary want more trade, Minister Azamat Bekov said on Tuesday. "
    got = events(gz, lead + '"We evaluated our ties," Azamat Bekov said at a joint press conference with Emre Yalçın in Ankara.')
    assert [(e[0], e[1], e[2]) for e in got] == [("Press conference of Azamat Bekov and Emre Yalçın", "2026-01-13", "Ankara")]
    # another speaker, or no "said on <day>" just before: no day
    got = events(gz, lead + '"We evaluated our ties," Emre Yalçın said at a joint press conference with Kemal Aydın in Ankara.')
    assert [e[1] for e in got] == [None]
    got = events(gz, "Kazakhstan and Hungary want more trade, Minister Azamat Bekov said. "
                     '"We evaluated our ties," Azamat Bekov said at a joint press conference with Emre Yalçın in Ankara.')
    assert [e[1] for e in got] == [None]


def test_a_coming_event_named_by_its_day(gz: Gazetteer) -> None:
    # 16 January 2026 is a Friday: "Monday's meeting" is on the 19th, "Tuesday's summit" on the 20th
    got = events(gz, "The ministers met on Friday in Baku to prepare Monday's meeting of the council's heads of state.")
    assert got[-1] == ("Meeting of the council's heads of state", "2026-01-19", None, False, [])
    got = events(gz, "Azamat Bekov arrived in Ankara ahead of Tuesday's summit of the Organization of Turkic States.")
    assert got[-1] == ("Summit of the Organization of Turkic States", "2026-01-20", None, False, [])
    # a past day's meeting is no coming event
    got = events(gz, "Azamat Bekov spoke about Monday's meeting of the council's heads of state.")
    assert all(e[0] != "Meeting of the council's heads of state" for e in got)


def test_more_verbs_of_a_visit_and_of_an_event_under_way(gz: Gazetteer) -> None:
    # "embarked on / undertook / wrapped up a visit", as "began / completed a visit"
    assert events(gz, "Azamat Bekov embarked on his official visit to Türkiye on 9 January.") == [
        ("Visit of Azamat Bekov to Türkiye", "2026-01-09", None, False, ["Azamat Bekov"])]
    assert [e[0] for e in events(gz, "Emre Yalçın wrapped up a three-day visit to Kazakhstan on 11 January.")] == [
        "Visit of Emre Yalçın to Kazakhstan"]
    # "the forum, which is taking place in …": under way, as "took place"
    got = events(gz, "The forum of young diplomats, which is taking place in Ankara, was opened by Emre Yalçın on 12 January.")
    assert [e[0] for e in got] == ["Forum of young diplomats"]
    # still no visit that is only to come
    assert events(gz, "Azamat Bekov will embark on a visit to Türkiye next week.") == []
