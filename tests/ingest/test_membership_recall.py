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
