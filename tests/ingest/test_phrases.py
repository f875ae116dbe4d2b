"""Names the gazetteer does not know: head-word phrases, acronyms, quoted titles, places after "at"."""

from __future__ import annotations

from graph.ingest.gazetteer import Gazetteer
from graph.ingest.rules.lexicon import base_kind, event_kind
from graph.ingest.rules.phrases import phrases

from .conftest import extraction, reader


def mentions(r) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(r.text[m[0]:m[1]], m[3]) for m in sorted(r.mentions)]


def test_organization_with_acronym_and_hotel_with_city(gz: Gazetteer) -> None:
    r = reader(gz, "The Eurasian Literature Foundation (ELF) met at the Grand Meridian Hotel in Ankara.", phrases)
    assert mentions(r) == [("Eurasian Literature Foundation", "Organization"), ("ELF", "Organization"),
                           ("Grand Meridian Hotel", "Venue"), ("Ankara", "City")]
    (org,) = [e for e in r.out.entities.values() if e.kind == "Organization"]
    assert (org.label, org.names) == ("Eurasian Literature Foundation", ["Eurasian Literature Foundation", "ELF"])


def test_quoted_title_is_an_event_and_a_place_after_at_is_a_venue(gz: Gazetteer) -> None:
    r = reader(gz, 'An exhibition titled "Common Roots" opened at the Carmelite Monastery in Vienna.', phrases)
    assert mentions(r) == [("Common Roots", "Event"), ("Carmelite Monastery", "Venue"), ("Vienna", "City")]
    assert list(r.titled.values()) == ["CulturalEvent"]


def test_a_phrase_stops_before_a_date_and_a_head_word_alone_is_no_name(gz: Gazetteer) -> None:
    r = reader(gz, "The Turkic Youth Forum on 5 May was a success; the Forum will return.", phrases)
    assert mentions(r) == [("Turkic Youth Forum", "Event")]


def test_kinds_of_head_words_and_event_labels() -> None:
    assert [base_kind(h) for h in ("Summit", "Halls", "Foundation", "Forums")] == ["Event", "Venue", "Organization", "Event"]
    assert [event_kind(x) for x in ("12th Summit of the OTS", "Gala concert", "Opening session", "Days of Culture",
                                    "Training Program", "Talks")] == [
        "Summit", "Concert", "Session", "CulturalEvent", "Training", "Meeting"]


def test_plural_heads_currencies_and_an_acronym_after_and(gz: Gazetteer) -> None:
    r = reader(gz, "The Speakers of the Parliaments of Kyrgyzstan and Hungary spoke of the Eurasian Literature "
                   "Foundation and ELF at the Leaders’ level, agreed at USD 5 billion.", phrases)
    assert mentions(r) == [("Kyrgyzstan", "State"), ("Hungary", "State"), ("Eurasian Literature Foundation", "Organization")]


def test_a_motto_in_quotes_is_no_event(gz: Gazetteer) -> None:
    r = reader(gz, "The session under the motto “Trust and Partnership” opened in Baku.", phrases)
    assert mentions(r) == [("Baku", "City")]


def test_an_embassy_in_a_state_a_center_named_after_someone_and_a_council_before_a_known_name(gz: Gazetteer) -> None:
    r = reader(gz, "The Hungarian Embassy in Georgia and the Friendship Center named after Ali Vural met in Tbilisi.",
               phrases)
    assert [(r.text[m[0]:m[1]], m[3]) for m in sorted(r.mentions) if m[3] == "Organization"] == [
        ("Hungarian Embassy in Georgia", "Organization"), ("Friendship Center named after Ali Vural", "Organization")]
    r = reader(gz, "The chairman of the People’s Council of Turkmenistan Gurbanguly Berdimuhamedov spoke.", phrases)
    assert ("People’s Council of Turkmenistan", "Organization") in mentions(r)
    assert ("Gurbanguly Berdimuhamedov", "Person") in mentions(r)


def test_two_bodies_joined_by_and_the_and_a_holder_after_a_body(gz: Gazetteer) -> None:
    r = reader(gz, "The Joint Commission on Transport and the Georgia-Hungary Business Council met. Secretary "
                   "General of the Union of Steppe Writers Aibek Nurmatov spoke.", phrases)
    assert [r.text[m[0]:m[1]] for m in sorted(r.mentions) if m[3] == "Organization"] == [
        "Joint Commission on Transport", "Georgia-Hungary Business Council", "Union of Steppe Writers"]


def test_a_fuller_state_name_and_groups_and_clubs(gz: Gazetteer) -> None:
    r = reader(gz, "The Republic of Cuba is no member of the OSCE Minsk Group or the Lazarev Club.", phrases)
    assert mentions(r) == [("Republic of Cuba", "State"), ("OSCE Minsk Group", "Organization"),
                           ("Lazarev Club", "Organization")]


def test_a_city_that_names_a_document_is_no_place(gz: Gazetteer) -> None:
    ex = extraction(gz, "The ministers recalled the Karakol Declaration and met in Osh on 3 March 2026.")
    assert sorted((e.label, e.kind) for e in ex.entities.values() if e.kind != "Event") == [("Osh", "City")]


def test_a_second_and_with_a_head_word_cuts_only_its_own_item(gz: Gazetteer) -> None:
    r = reader(gz, "A deal was signed between the Kyrgyz Institute of Standards and Metrology and the Turkish Agency "
                   "for Quality.", phrases)
    assert ("Kyrgyz Institute of Standards and Metrology", "Organization") in mentions(r)


def test_an_acronym_after_a_phrase_ending_in_a_body_is_the_bodys(gz: Gazetteer) -> None:
    r = reader(gz, "Ministers gathered for the Forum of Culture Ministers of the International Organization of Turkic "
                   "Culture (TURKSOY) in Baku.", phrases)
    assert mentions(r) == [("Forum of Culture Ministers of the International Organization of Turkic Culture", "Event"),
                           ("TURKSOY", "Organization"), ("Baku", "City")]
    # the acronym of the whole phrase stays the phrase's
    r = reader(gz, "The Conference of Ministers of the Organization of Turkic States (CMOTS) opened.", phrases)
    assert [m for m in mentions(r) if m[0] == "CMOTS"] == [("CMOTS", "Event")]


def test_a_phrase_stops_before_and_with_an_honorific(gz: Gazetteer) -> None:
    r = reader(gz, "He met Ms. Ayla Demir, Chair of the Committee on Culture and Dr. Ali Kaya, Head of the Research Institute.",
               phrases)
    assert [m for m in mentions(r) if m[1] != "Person"] == [("Committee on Culture", "Organization"),
                                                           ("Research Institute", "Organization")]


def test_capitalized_words_after_at_before_an_event_noun_are_no_place(gz: Gazetteer) -> None:
    r = reader(gz, "He spoke at the 7th meeting of experts and at the XII congress. She sang at the Golden Steppe "
                   "annual music festival and at the Grand Meridian Hotel.", phrases)
    assert [m for m in mentions(r) if m[1] == "Venue"] == [("Grand Meridian Hotel", "Venue")]


def test_a_department_is_a_body_and_its_words_no_person(gz: Gazetteer) -> None:
    r = reader(gz, "The delegation visited the Department of Migration Studies of the Eurasian Literature Foundation.",
               phrases)
    assert mentions(r) == [("Department of Migration Studies of the Eurasian Literature Foundation", "Organization")]
    assert [e for e in extraction(gz, "Officials of the State Department of Archives met.").entities.values()
            if e.kind == "Person"] == []


def test_a_legal_form_names_a_company(gz: Gazetteer) -> None:
    r = reader(gz, 'The head of JSC Baiterek Invest met the chairman of the "Nomad Trade" LLP and the staff of '
                   "the Steppe Logistics Center LLC.", phrases)
    assert mentions(r) == [("JSC Baiterek Invest", "Organization"), ('"Nomad Trade" LLP', "Organization"),
                           ("Steppe Logistics Center LLC", "Organization")]
    names = sorted(tuple(e.names) for e in r.out.entities.values())
    assert names == [("Baiterek Invest", "JSC Baiterek Invest"), ("Nomad Trade", "Nomad Trade LLP"),
                     ("Steppe Logistics Center", "Steppe Logistics Center LLC")]
    # a form that ends a name does not start the next one ("… Center JSC Azamat Askaruly")
    r = reader(gz, "Director of Steppe Logistics Center JSC Azamat Askaruly spoke.", phrases)
    assert mentions(r) == [("Steppe Logistics Center JSC", "Organization")]


def test_a_mission_of_a_state_keeps_the_place_it_is_in(gz: Gazetteer) -> None:
    r = reader(gz, "The Embassy of the Republic of Georgia in Hungary opened; the Consulate of Mongolia in "
                   "Istanbul sent flowers.", phrases)
    assert [m for m in mentions(r) if m[1] == "Organization"] == [
        ("Embassy of the Republic of Georgia in Hungary", "Organization"),
        ("Consulate of Mongolia in Istanbul", "Organization")]


def test_a_mission_of_a_state_keeps_the_state_it_is_accredited_to(gz: Gazetteer) -> None:
    r = reader(gz, "The Embassy of Georgia to Hungary opened; the Consulate of Mongolia to Istanbul and the Institute of "
                   "Georgia to Hungary did not.", phrases)
    assert [m for m in mentions(r) if m[1] == "Organization"] == [
        ("Embassy of Georgia to Hungary", "Organization"), ("Consulate of Mongolia", "Organization"), ("Institute of Georgia", "Organization")]


def test_a_mission_named_again_without_its_place_is_the_same_body(gz: Gazetteer) -> None:
    r = reader(gz, "Guests visited the Georgian Embassy in Budapest. The Georgian Embassy will host a concert.", phrases)
    (org,) = [e for e in r.out.entities.values() if e.kind == "Organization"]
    assert (org.label, org.names) == ("Georgian Embassy in Budapest", ["Georgian Embassy in Budapest", "Georgian Embassy"])


def test_a_part_of_the_organization_named_by_a_common_noun_is_no_name(gz: Gazetteer) -> None:
    r = reader(gz, "The Nomad Heritage Union met. The Secretariat of the Union and the Council of Elders of the "
                   "Organization will meet; the Secretariat of the Nomad Heritage Union agreed.", phrases)
    assert [m for m in mentions(r) if m[1] == "Organization"] == [
        ("Nomad Heritage Union", "Organization"), ("Secretariat of the Nomad Heritage Union", "Organization")]


def test_the_name_a_group_of_states_is_known_by_is_an_organization(gz: Gazetteer) -> None:
    r = reader(gz, 'The Central Asian states known as the "C5" met. Azerbaijan and Georgia, known collectively as the G2, '
                   'signed. Tokayev, known as the "Reformer", spoke. Kazakhstan called the "C5" format useful.', phrases)
    assert [(n, k) for n, k in mentions(r) if k == "Organization"] == [("C5", "Organization"), ("G2", "Organization")]


def test_a_name_found_before_and_a_second_name_are_two(gz: Gazetteer) -> None:
    r = reader(gz, "The concert was held by Hungary and Youth Foundation of Turkmenistan. The talks of the Turkic Council and "
                   "Nomad Heritage Union went on. The 5th Summit of Heads of State and Government of the OTS opened.", phrases)
    assert [m for m in mentions(r) if m[1] in ("Organization", "Event")] == [
        ("Youth Foundation of Turkmenistan", "Organization"), ("Turkic Council", "Organization"),
        ("Nomad Heritage Union", "Organization"), ("5th Summit of Heads of State and Government of the OTS", "Event")]


def test_a_states_name_in_a_currencys_is_no_mention_of_the_state(gz: Gazetteer) -> None:
    r = reader(gz, "Trade reached 3 billion U.S. dollars; Canada and the US met; 40 US cents a litre.", phrases)
    assert [m for m in mentions(r) if m[1] == "State"] == [("Canada", "State"), ("US", "State")]


def test_a_states_government_is_the_state(gz: Gazetteer) -> None:
    r = reader(gz, "It was built with the support of the Government of Georgia. The Hungarian Government agreed, and the "
                   "Government of the Republic of Kazakhstan too. The Government Office of Culture of Georgia and the "
                   "Government Commission of Hungary met.", phrases)
    assert [m for m in mentions(r) if m[1] == "Organization"] == [
        ("Government Office of Culture of Georgia", "Organization"), ("Government Commission of Hungary", "Organization")]


def test_an_acronym_after_an_events_name_may_be_the_body_named_at_its_end(gz: Gazetteer) -> None:
    r = reader(gz, "The 7th Annual Meeting of the Steppe Trade Council (STC) leaders opened. The 2nd Forum of Young "
                   "Poets (FYP) met.", phrases)
    orgs = [e for e in r.out.entities.values() if e.kind == "Organization"]
    assert [(o.label, o.names) for o in orgs] == [("Steppe Trade Council", ["Steppe Trade Council", "STC"])]
    assert ("FYP", "Event") in mentions(r)


def test_a_body_after_a_states_possessive_has_that_form_as_a_name_too(gz: Gazetteer) -> None:
    r = reader(gz, "She served in Georgia’s Ministry of Culture and Sport; the Youth Council of Hungary met.", phrases)
    orgs = [(e.label, e.names) for e in r.out.entities.values() if e.kind == "Organization"]
    assert orgs == [("Ministry of Culture and Sport", ["Ministry of Culture and Sport", "Georgia’s Ministry of Culture and Sport"]),
                    ("Youth Council of Hungary", ["Youth Council of Hungary"])]


def test_an_airline_is_an_organization(gz: Gazetteer) -> None:
    r = reader(gz, "Passengers flew with Turkish Airlines and with Georgian Airways to Baku.", phrases)
    assert [m for m in mentions(r) if m[1] == "Organization"] == [
        ("Turkish Airlines", "Organization"), ("Georgian Airways", "Organization")]


def test_an_acronym_one_tells_or_goes_by_is_a_news_outlet(gz: Gazetteer) -> None:
    r = reader(gz, "The minister told KNA by phone. According to ZTV Haber, talks went well. She told Tatar and the "
                   "press. According to The Times, it rained. "
                   "THE MINISTER TOLD PUTIN SO. ACCORDING TO THE MINISTER, talks went well.", phrases)
    assert [m for m in mentions(r) if m[1] == "Organization"] == [("KNA", "Organization"), ("ZTV Haber", "Organization")]


def test_a_mission_does_not_take_a_possessive_after_to(gz: Gazetteer) -> None:
    r = reader(gz, "The Embassy of Georgia to Hungary's foreign ministry sent a note.", phrases)
    assert [m for m in mentions(r) if m[1] == "Organization"] == [("Embassy of Georgia", "Organization")]


def test_who_meets_after_a_bodys_acronym_makes_a_fuller_name_of_the_event(gz: Gazetteer) -> None:
    r = reader(gz, "It follows the 7th Annual Meeting of the Steppe Trade Council (STC) heads of state in Aktau. The 2nd "
                   "Forum of the Nomad Heritage Union (NHU) opened.", phrases)
    events = [e.names for e in r.out.entities.values() if e.kind == "Event"]
    assert events == [["7th Annual Meeting of the Steppe Trade Council",
                       "7th Annual Meeting of the Steppe Trade Council (STC) heads of state"],
                      ["2nd Forum of the Nomad Heritage Union"]]


def test_a_place_named_after_the_city_an_event_took_place_in(gz: Gazetteer) -> None:
    r = reader(gz, "The gala took place in Budapest, Petőfi Literary museum. The show was held in Baku, at the Nizami "
                   "Cinema center. He lives in Baku, Nizami street. Sales opened in Turkey, Ankara center.", phrases)
    assert [m for m in mentions(r) if m[1] == "Venue"] == [("Petőfi Literary museum", "Venue"), ("Nizami Cinema center", "Venue")]
