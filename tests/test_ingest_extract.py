"""Extraction and linking on short texts, with the exact facts expected."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.ingest.extract import find_dates
from graph.ingest.gazetteer import Gazetteer, load_gazetteer, variant_key
from graph.ingest.pipeline import Ingested, ingest_text
from graph.ingest.text import article_from_text, sentences
from graph.settings import Settings

ID = "https://w3id.org/turkic-kg/id/"


@pytest.fixture(scope="module")
def gz(built: Settings) -> Gazetteer:
    return load_gazetteer(built)


def run(gz: Gazetteer, text: str, date: str = "2026-01-16") -> Ingested:
    return ingest_text(article_from_text(text, date=dt.date.fromisoformat(date), path="t.txt"), gz)


def posts(ing: Ingested) -> list[tuple]:
    ex = ing.extraction
    return [(ex.label(p.person), p.title, ex.label(p.of), ex.label(p.to)) for p in ex.posts]


def events(ing: Ingested) -> list[tuple]:
    ex = ing.extraction
    return [(e.label, e.date and e.date.isoformat(), ex.label(e.venue), ex.label(e.city), ex.label(e.parent))
            for e in ex.events]


def participations(ing: Ingested) -> list[tuple]:
    ex = ing.extraction
    return [(ex.label(p.event), ex.label(p.participant), p.role) for p in ex.participations]


def iri_of(ing: Ingested, label: str) -> tuple[str, str]:
    ex = ing.extraction
    key = next(k for k, e in ex.entities.items() if e.label == label or label in e.names)
    link = ing.links[key]
    return link.iri.removeprefix(ID), link.status


# ------------------------------------------------------------------------------------ text

def test_sentences_keep_abbreviations_together() -> None:
    text = "H.E. Mr. Aliyev met Dr. Fidan on 3 Jan. 2025. They spoke.\n\nNew paragraph"
    assert [text[s:e] for s, e in sentences(text)] == [
        "H.E. Mr. Aliyev met Dr. Fidan on 3 Jan. 2025.", "They spoke.", "New paragraph"]


@pytest.mark.parametrize(("phrase", "expected"), [
    ("on Friday", "2026-01-16"),          # the article's own weekday: that day
    ("on Wednesday", "2026-01-14"),
    ("last Friday", "2026-01-09"),
    ("yesterday", "2026-01-15"),
    ("the day before yesterday", "2026-01-14"),
    ("will open on Monday", "2026-01-19"),
    ("next Friday", "2026-01-23"),
    ("on 13-14 January 2026", "2026-01-13/2026-01-14"),
    ("on January 13, 2026", "2026-01-13"),
    ("on 30 December", "2025-12-30"),       # no year, and in the future: the year before
    ("on 2026-01-02", "2026-01-02"),
])
def test_dates_absolute_and_relative(phrase: str, expected: str) -> None:
    found = find_dates(f"The forum {phrase}.", dt.date(2026, 1, 16))
    assert len(found) == 1
    d = found[0]
    assert (d.date.isoformat() + (f"/{d.end_date.isoformat()}" if d.end_date else "")) == expected


# ------------------------------------------------------------------------------------ posts

def test_title_then_name_then_post_after_comma(gz: Gazetteer) -> None:
    ing = run(gz, "Ambassador Rovshan Sadigbayli, Permanent Representative of the Republic of Azerbaijan "
                  "to the OSCE, spoke in Vienna.")
    assert posts(ing) == [("Rovshan Sadigbayli", "Permanent Representative", "Republic of Azerbaijan", "OSCE")]


def test_title_of_organization_then_comma_name(gz: Gazetteer) -> None:
    ing = run(gz, "The meeting was opened by the Secretary General of the OTS, Kubanychbek Omuraliev, in Baku.")
    assert posts(ing) == [("Kubanychbek Omuraliev", "Secretary General", "OTS", None)]


def test_name_comma_ambassador_of_to(gz: Gazetteer) -> None:
    ing = run(gz, "Gürsel Dönmez, Ambassador of Türkiye to Austria, welcomed the guests.")
    assert posts(ing) == [("Gürsel Dönmez", "Ambassador", "Türkiye", "Austria")]
    assert ing.draft.post_iris == {0: ID + "post/ambassador-tur-aut"}


def test_deputy_minister_without_state_is_kept_with_null(gz: Gazetteer) -> None:
    ing = run(gz, "Deputy Minister of Foreign Affairs Akan Rakhmetullin chaired the talks.")
    assert posts(ing) == [("Akan Rakhmetullin", "Deputy Minister of Foreign Affairs", None, None)]
    assert ing.draft.post_iris == {}          # no state: not written, reported as skipped
    assert any("not written" in s for s in ing.draft.skipped)


def test_demonym_and_possessive_titles(gz: Gazetteer) -> None:
    ing = run(gz, "Uzbek Deputy Foreign Minister Bakhrom Aloev and Kazakhstan's Ambassador to Hungary "
                  "Nurlan Seitimov attended.")
    assert posts(ing) == [("Bakhrom Aloev", "Deputy Minister of Foreign Affairs", "Uzbekistan", None),
                          ("Nurlan Seitimov", "Ambassador", "Kazakhstan", "Hungary")]


def test_coordinated_posts_share_the_person_and_the_state(gz: Gazetteer) -> None:
    ing = run(gz, "Ambassador Nurjan Shaildabekova, Ambassador of the Kyrgyz Republic to the Republic of Austria "
                  "and Permanent Representative to the OSCE and other international organizations in Vienna, spoke.")
    assert posts(ing) == [
        ("Nurjan Shaildabekova", "Ambassador", "Kyrgyz Republic", "Republic of Austria"),
        ("Nurjan Shaildabekova", "Permanent Representative", "Kyrgyz Republic", "OSCE"),
    ]
    # the graph's posts are reused: the Kyrgyz permanent mission in Vienna is accredited to the OSCE
    assert sorted(ing.draft.post_iris.values()) == [ID + "post/ambassador-kgz-aut",
                                                    ID + "post/permanent-representative-kgz-vienna"]


def test_coordination_stops_at_the_next_persons_courtesy_title(gz: Gazetteer) -> None:
    ing = run(gz, "Guests included Levent Eler, Permanent Representative of Türkiye to the OSCE, "
                  "and Ambassador Nurjan Shaildabekova, Ambassador of the Kyrgyz Republic to Austria.")
    assert posts(ing) == [("Levent Eler", "Permanent Representative", "Türkiye", "OSCE"),
                          ("Nurjan Shaildabekova", "Ambassador", "Kyrgyz Republic", "Austria")]


def test_courtesy_title_alone_is_not_a_post(gz: Gazetteer) -> None:
    ing = run(gz, "Ambassador Gürsel Dönmez and President Ilham Aliyev met on Friday in Baku.")
    assert posts(ing) == []


def test_concurrent_accreditation_and_past_post(gz: Gazetteer) -> None:
    ing = run(gz, "Bahrom Ashrafkhanov is the Ambassador of Uzbekistan to Azerbaijan. "
                  "Ashrafkhanov previously served as Ambassador of Uzbekistan to Georgia.")
    assert posts(ing) == [("Bahrom Ashrafkhanov", "Ambassador", "Uzbekistan", "Azerbaijan"),
                          ("Bahrom Ashrafkhanov", "Ambassador", "Uzbekistan", "Georgia")]
    assert [p.past for p in ing.extraction.posts] == [False, True]


# ------------------------------------------------------------------------------------ events

def test_event_with_relative_date_venue_city_and_speakers(gz: Gazetteer) -> None:
    ing = run(gz, "The Turkic Culture Forum was held on Friday at the Hofburg Palace in Vienna. "
                  "The opening session featured addresses by Kubanychbek Omuraliev and Gürsel Dönmez.")
    assert events(ing) == [
        ("Turkic Culture Forum", "2026-01-16", "Hofburg Palace", "Vienna", None),
        ("Opening session of the Turkic Culture Forum", "2026-01-16", "Hofburg Palace", "Vienna",
         "Turkic Culture Forum"),
    ]
    assert participations(ing) == [
        ("Opening session of the Turkic Culture Forum", "Kubanychbek Omuraliev", "speaker"),
        ("Opening session of the Turkic Culture Forum", "Gürsel Dönmez", "speaker"),
    ]


def test_meeting_yesterday_with_dateline_city(gz: Gazetteer) -> None:
    ing = run(gz, "BISHKEK, 16 January 2026 – Jeenbek Kulubaev met with Kubanychbek Omuraliev yesterday.")
    assert events(ing) == [("Meeting of Jeenbek Kulubaev and Kubanychbek Omuraliev", "2026-01-15", None,
                            "Bishkek", None)]
    assert participations(ing) == [
        ("Meeting of Jeenbek Kulubaev and Kubanychbek Omuraliev", "Jeenbek Kulubaev", "attendee"),
        ("Meeting of Jeenbek Kulubaev and Kubanychbek Omuraliev", "Kubanychbek Omuraliev", "attendee"),
    ]


def test_mentioned_past_event_gets_no_date(gz: Gazetteer) -> None:
    ing = run(gz, "Omuraliev recalled the decisions of the 12th Summit in Gabala.")
    assert events(ing) == [("12th Summit", None, None, "Gabala", None)]
    assert ing.extraction.participations == []


# ------------------------------------------------------------------------------------ memberships, figures

def test_member_and_observer_states(gz: Gazetteer) -> None:
    ing = run(gz, "The OTS unites member states Azerbaijan, Kazakhstan and Türkiye, while Hungary and "
                  "Turkmenistan take part as observers. Azerbaijan's Chairmanship of the OTS continues.")
    ex = ing.extraction
    got = sorted((ex.label(m.member), ex.label(m.organization), m.status) for m in ex.memberships)
    assert got == [("Azerbaijan", "OTS", "chair"), ("Azerbaijan", "OTS", "member"),
                   ("Hungary", "OTS", "observer"), ("Kazakhstan", "OTS", "member"),
                   ("Turkmenistan", "OTS", "observer"), ("Türkiye", "OTS", "member")]
    assert "membership:aze-ots-chair-2026 a tkg:StateMembership" in ing.trig
    assert "membership:hun-ots-observer a tkg:StateMembership" in ing.trig


def test_figures_with_unit_and_period(gz: Gazetteer) -> None:
    ing = run(gz, "Trade turnover between Kazakhstan and Turkey reached USD 5.4 billion in 2024. "
                  "In January-July 2025 Kazakh exports to Türkiye amounted to $1.9 billion. "
                  "The sides aim to raise trade to $15 billion.")
    ex = ing.extraction
    assert [(ex.label(f.subject), ex.label(f.counterparty), f.measure, f.value, f.unit, f.period)
            for f in ex.figures] == [
        ("Kazakhstan", "Türkiye", "trade-volume", 5.4, "usd-billion", "2024"),
        ("Kazakhstan", "Türkiye", "exports", 1.9, "usd-billion", "2025-01/2025-07"),
    ]


# ------------------------------------------------------------------------------------ linking

@pytest.mark.parametrize("name", ["Türkiye", "Turkiye", "Turkey", "Republic of Türkiye", "TÜRKİYE"])
def test_every_name_of_turkiye_links_to_one_state(gz: Gazetteer, name: str) -> None:
    ing = run(gz, f"Ambassador of {name} to Austria Gürsel Dönmez spoke.")
    assert iri_of(ing, name) == ("state/TUR", "linked")


@pytest.mark.parametrize("name", ["Kubanychbek Omuraliyev", "Kubanychbek Ömüraliyev", "Kubanychbek Ömüraliev",
                                  "Kubanychbek Omuraliev"])
def test_transliterations_of_omuraliev_link_to_one_person(gz: Gazetteer, name: str) -> None:
    ing = run(gz, f"Secretary General of the OTS {name} spoke in Baku.")
    assert iri_of(ing, name) == ("person/kubanychbek-omuraliev", "linked")


def test_variant_key_folds_transliterations() -> None:
    assert variant_key("Ömüraliyev") == variant_key("Omuraliev") == "omuraliev"


def test_unknown_person_gets_a_new_flagged_iri(gz: Gazetteer) -> None:
    ing = run(gz, "Ambassador of Türkiye to Austria Zeynep Karaosmanoğlu-Yıldız spoke.")
    assert iri_of(ing, "Zeynep Karaosmanoğlu-Yıldız") == ("person/zeynep-karaosmanoglu-yildiz", "new")
    assert "# REVIEW new person" in ing.trig


def test_near_name_is_linked_but_flagged(gz: Gazetteer) -> None:
    ing = run(gz, "Secretary General of the OTS Kubanychbek Omuralie spoke in Baku.")
    iri, status = iri_of(ing, "Kubanychbek Omuralie")
    assert (iri, status) == ("person/kubanychbek-omuraliev", "fuzzy")
    assert "# REVIEW fuzzy link" in ing.trig


def test_offsets_point_at_the_text(gz: Gazetteer) -> None:
    text = "Gürsel Dönmez, Ambassador of Türkiye to Austria, welcomed the guests."
    ing = run(gz, text)
    post = ing.extraction.posts[0]
    assert text[post.span[0]:post.span[1]] == "Ambassador of Türkiye to Austria"
    person = ing.extraction.entities[post.person]
    assert [text[a:b] for a, b in person.spans] == ["Gürsel Dönmez"]
    assert 0 < post.confidence <= 1


def test_office_release_with_reference_to_a_past_summit(gz: Gazetteer) -> None:
    ing = run(gz, "On 12 March 2025, Secretary General of the Organization of Turkic States Kubanychbek Omuraliev "
                  "received H.E. Mr. Viktor Matis, newly appointed Ambassador of Hungary to the Republic of Türkiye. "
                  "They discussed the role of Hungary, which holds observer status in the OTS since 2018. "
                  "The Secretary General briefed the Ambassador on the outcomes of the 11th Summit held in Bishkek "
                  "on 6 November 2024.", date="2025-03-13")
    assert posts(ing) == [
        ("Kubanychbek Omuraliev", "Secretary General", "Organization of Turkic States", None),
        ("Viktor Matis", "Ambassador", "Hungary", "Republic of Türkiye")]
    assert events(ing) == [("Meeting of Kubanychbek Omuraliev and Viktor Matis", "2025-03-12", None, None, None),
                           ("11th Summit", "2024-11-06", None, "Bishkek", None)]
    # the summit is only referred to: the two officials did not take part in it; "the Secretary General
    # briefed the Ambassador" makes both speakers of the meeting (one role per sentence)
    assert participations(ing) == [
        ("Meeting of Kubanychbek Omuraliev and Viktor Matis", "Kubanychbek Omuraliev", "speaker"),
        ("Meeting of Kubanychbek Omuraliev and Viktor Matis", "Viktor Matis", "speaker")]
    ex = ing.extraction
    assert [(ex.label(m.member), m.status, m.since) for m in ex.memberships] == [("Hungary", "observer", "2018")]


def test_host_city_figure_and_date_header(gz: Gazetteer) -> None:
    ing = ingest_text(article_from_text(
        " date 2025-09-12 Baku hosted the Second Forum of Turkic Diaspora Youth on 10-11 September 2025. "
        "Trade between Azerbaijan and the OTS states rose to 4.3 billion dollars in 2024.", date=None), gz)
    assert ing.article.date == dt.date(2025, 9, 12)
    assert events(ing) == [("Second Forum of Turkic Diaspora Youth", "2025-09-10", None, "Baku", None)]
    assert ing.extraction.events[0].end_date == dt.date(2025, 9, 11)
    ex = ing.extraction
    assert [(ex.label(f.subject), ex.label(f.counterparty), f.value, f.unit, f.period) for f in ex.figures] == [
        ("Azerbaijan", "OTS", 4.3, "usd-billion", "2024")]


@pytest.mark.parametrize(("text", "expected"), [
    ("BAKU, 3 March 2025 – President of Kyrgyzstan Sadyr Japarov paid an official visit to Baku on Monday.",
     [("Visit of Sadyr Japarov to Baku", "2025-03-03", None, "Baku", None)]),
    ("Minister of Foreign Affairs of Kazakhstan Murat Nurtleu held a telephone conversation with his Hungarian "
     "counterpart Péter Szijjártó on Friday.",
     [("Telephone conversation of Murat Nurtleu and Péter Szijjártó", "2025-02-28", None, None, None)]),
    ("An international conference on Turkic languages took place at the Eurasian National University in Astana "
     "on 14 May.",
     [("International conference on Turkic languages", "2025-05-14", "Eurasian National University", "Astana", None)]),
    ("Azerbaijan will host a forum of young diplomats next year.", []),
    ("The ambassador said that a seminar on cultural heritage would be useful.", []),
])
def test_visits_calls_and_unnamed_events(gz: Gazetteer, text: str, expected: list[tuple]) -> None:
    assert events(run(gz, text, date="2025-03-05")) == expected


def test_private_use_characters_in_the_text_are_not_markers(gz: Gazetteer) -> None:
    text = "\ue000\uf8ff Gürsel Dönmez, Ambassador of Türkiye to Austria, spoke \U000F0001 in Vienna on Friday."
    ing = run(gz, text)
    assert posts(ing) == [("Gürsel Dönmez", "Ambassador", "Türkiye", "Austria")]
    assert "\ue000" not in ing.trig and "\U000F0001" not in ing.trig


def _characters_read(gz: Gazetteer, text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, Ingested]:
    """How many characters the extraction reads from its masked copy of ``text`` (every stretch it
    looks at, and every whole copy), and the result."""
    from graph.ingest.text import Reader

    read = [0]
    window, masked_text = Reader.window, Reader.masked_text.fget

    def counted_window(self, start: int, end: int) -> str:  # type: ignore[no-untyped-def]
        out = window(self, start, end)
        read[0] += len(out)
        return out

    def counted_masked(self) -> str:  # type: ignore[no-untyped-def]
        out = masked_text(self)
        read[0] += len(out)
        return out

    with monkeypatch.context() as m:
        m.setattr(Reader, "window", counted_window)
        m.setattr(Reader, "masked_text", property(counted_masked))
        ing = run(gz, text)
    return read[0], ing


def test_many_mentions_stay_linear(gz: Gazetteer, monkeypatch: pytest.MonkeyPatch) -> None:
    """Twice the text is twice the reading: the extraction reads its text in passes over sentences,
    never the whole text once per mention (which is what made long articles slow). Speed itself is
    measured in benchmarks/eval_ingest.py, not here."""
    paragraph = ("Gürsel Dönmez, Ambassador of Türkiye to Austria, met Levent Eler in Vienna on Friday. "
                 "Hungary and Turkmenistan take part as observers of the OTS.\n\n")
    work = {}
    for copies in (100, 200, 400):
        work[copies], ing = _characters_read(gz, paragraph * copies, monkeypatch)
        assert len(ing.extraction.posts) == 1
        assert len({(m.member, m.status) for m in ing.extraction.memberships}) == 2
    assert work[100] > 0
    assert (work[200], work[400]) == (2 * work[100], 4 * work[100])
