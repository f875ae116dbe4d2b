"""The text machinery: sentences, headlines, datelines, and the masked copy of the text."""

from __future__ import annotations

from graph.ingest.gazetteer import Gazetteer
from graph.ingest.text import DATELINE, headline, is_marker, sentences

from .conftest import extraction, reader

TEXT = "Envoys meet in Vienna\n\nVIENNA, 15 January 2026 – The envoys met Mr. Aliyev. They talked."


def test_sentences_headline_and_dateline() -> None:
    assert [TEXT[a:b] for a, b in sentences(TEXT)] == [
        "Envoys meet in Vienna", "VIENNA, 15 January 2026 – The envoys met Mr. Aliyev.", "They talked."]
    assert headline(TEXT) == (0, 21)
    assert [m.group(0) for m in DATELINE.finditer(TEXT)] == ["VIENNA, 15 January 2026 –"]
    assert headline("One sentence with a full stop.\n\nMore.") is None


def test_known_names_are_masked_with_one_marker_each(gz: Gazetteer) -> None:
    r = reader(gz, "Türkiye and the OTS")
    assert [(m[0], m[1], m[2].rsplit("/", 2)[-2:], m[3]) for m in r.mentions] == [
        (0, 7, ["state", "TUR"], "State"), (16, 19, ["org", "ots"], "Organization")]
    masked = r.masked_text
    assert len(masked) == len(r.text)
    assert is_marker(masked[0]) and masked[1:7] == "\uf8ff" * 6 and masked[7:16] == " and the "
    assert r.at(0) == r.mentions[0] and r.at(3) is None and r.at(10) is None   # a mention is read at its marker


def test_private_use_characters_of_the_text_are_blanked(gz: Gazetteer) -> None:
    r = reader(gz, "A \ue000 mark and \U000f0001 other")
    assert r.masked_text == "A   mark and   other"
    assert r.mentions == []


def test_us_is_a_state_but_not_in_us_dollars(gz: Gazetteer) -> None:
    ex = extraction(gz, "The US envoy said trade reached 40 million US dollars.\n")
    assert [(e.label, len(e.spans)) for e in ex.entities.values() if e.kind == "State"] == [("US", 1)]
