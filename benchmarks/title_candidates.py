"""Candidate title words of offices as English news prose writes them, written down BEFORE counting
them on dev (ninth round, helper gtl9): the head words and modifiers of public, diplomatic,
parliamentary, judicial, military, religious, academic and corporate offices, each with the role of
ontology/roles.ttl a post of it would take.

This list is the hypothesis; benchmarks/count_titles.py counts how often each occurs as a title with
a named person on the dev articles, how the gold treats it and what the rules do. Words already known
to graph/ingest/rules/post_recall.py (HEADS, MODIFIERS) are marked ``known`` by the counter, not here.
"""

from __future__ import annotations

#: head words (the last word of a title's core) -> role of ontology/roles.ttl
HEADS: dict[str, str] = {
    # --- executive / government
    "President": "president", "Vice-President": "vice-president", "Prime Minister": "prime-minister",
    "Premier": "prime-minister", "Minister": "minister", "Secretary": "head-of-institution",
    "Undersecretary": "head-of-institution", "Under-Secretary": "head-of-institution",
    "State Secretary": "state-secretary", "Chief of Staff": "head-of-institution",
    "Governor": "head-of-institution", "Governor-General": "head-of-institution", "Mayor": "head-of-institution",
    "Akim": "head-of-institution", "Hokim": "head-of-institution", "Prefect": "head-of-institution",
    "Commissioner": "head-of-institution", "Ombudsman": "head-of-institution", "Ombudsperson": "head-of-institution",
    "Spokesperson": "head-of-institution", "Spokesman": "head-of-institution", "Spokeswoman": "head-of-institution",
    "Press Secretary": "head-of-institution", "Press Chief": "head-of-institution",
    "Adviser": "head-of-institution", "Advisor": "head-of-institution", "Aide": "head-of-institution",
    "Counselor": "head-of-institution", "Counsellor": "head-of-institution",
    "Administrator": "head-of-institution", "Inspector": "head-of-institution", "Auditor": "head-of-institution",
    # --- diplomatic
    "Ambassador": "ambassador", "Ambassador-at-Large": "ambassador", "Envoy": "ambassador",
    "Chargé d'affaires": "ambassador", "Charge d'Affaires": "ambassador",
    "Consul": "consul-general", "Consul General": "consul-general", "Consul-General": "consul-general",
    "Permanent Representative": "permanent-representative", "Representative": "head-of-institution",
    "Head of Mission": "head-of-institution", "Head of the Delegation": "head-of-institution",
    "Attaché": "head-of-institution", "Attache": "head-of-institution",
    "First Secretary": "head-of-institution", "Second Secretary": "head-of-institution",
    "Third Secretary": "head-of-institution", "Minister-Counsellor": "head-of-institution",
    "Minister Counselor": "head-of-institution", "Diplomat": "head-of-institution",
    # --- parliamentary
    "Speaker": "speaker", "Deputy Speaker": "speaker", "Senator": "member", "MP": "member",
    "Member of Parliament": "member", "Deputy": "member", "Parliamentarian": "member", "Lawmaker": "member",
    "Legislator": "member", "Congressman": "member", "Congresswoman": "member", "MEP": "member",
    # --- judicial
    "Chief Justice": "head-of-institution", "Justice": "member", "Judge": "member",
    "Prosecutor": "head-of-institution", "Prosecutor General": "head-of-institution",
    "Attorney General": "head-of-institution",
    # --- military / security
    "Commander": "head-of-institution", "Commander-in-Chief": "head-of-institution",
    "Chief of the General Staff": "head-of-institution", "Chief of General Staff": "head-of-institution",
    "General": "head-of-institution", "Admiral": "head-of-institution", "Colonel": "head-of-institution",
    # --- monarchs / heads of state by other names
    "King": "head-of-institution", "Queen": "head-of-institution", "Emir": "head-of-institution",
    "Amir": "head-of-institution", "Sultan": "head-of-institution", "Crown Prince": "head-of-institution",
    "Prince": "head-of-institution", "Sheikh": "head-of-institution",
    # --- religious
    "Mufti": "head-of-institution", "Grand Mufti": "head-of-institution", "Patriarch": "head-of-institution",
    "Archbishop": "head-of-institution", "Bishop": "head-of-institution", "Imam": "head-of-institution",
    "Metropolitan": "head-of-institution", "Pope": "head-of-institution",
    # --- academic / cultural
    "Rector": "head-of-institution", "Vice-Rector": "head-of-institution", "Prorector": "head-of-institution",
    "Provost": "head-of-institution", "Dean": "head-of-institution", "Chancellor": "head-of-institution",
    "Vice-Chancellor": "head-of-institution", "Professor": "member", "Curator": "head-of-institution",
    "Conductor": "head-of-institution", "Artistic Director": "director",
    # --- organizations / corporate
    "Director": "director", "Director General": "director-general", "Director-General": "director-general",
    "Executive Director": "executive-director", "General Director": "director-general",
    "Secretary General": "secretary-general", "Secretary-General": "secretary-general",
    "Chairman": "chairman", "Chairwoman": "chairman", "Chairperson": "chairman", "Chair": "chairman",
    "President of the Board": "chairman", "Chairman of the Board": "chairman", "Head": "head-of-institution",
    "Chief": "head-of-institution", "CEO": "head-of-institution", "Chief Executive": "head-of-institution",
    "Chief Executive Officer": "head-of-institution", "COO": "head-of-institution", "CFO": "head-of-institution",
    "Founder": "head-of-institution", "Co-founder": "head-of-institution", "Owner": "head-of-institution",
    "Editor": "head-of-institution", "Editor-in-Chief": "head-of-institution", "Manager": "head-of-institution",
    "Managing Director": "director", "Officer": "head-of-institution", "Coordinator": "head-of-institution",
    "Coordinator General": "head-of-institution", "Treasurer": "head-of-institution", "Member": "member",
    "Board Member": "member", "Partner": "head-of-institution", "Expert": "head-of-institution",
    "Analyst": "head-of-institution", "Researcher": "head-of-institution", "Fellow": "member",
}

#: words before a head ("Deputy", "First Deputy", "Acting") or after it ("General")
MODIFIERS: tuple[str, ...] = (
    "Deputy", "First", "Second", "Third", "Vice", "Assistant", "Associate", "Executive", "Senior", "Chief",
    "Honorary", "Acting", "Interim", "Permanent", "Special", "Prime", "Under", "Principal", "Managing",
    "Regional", "State", "General", "Presidential", "Federal", "National", "Grand", "Supreme", "Lord",
    "Press", "Military", "Defense", "Defence", "Cultural", "Economic", "Commercial", "Trade", "Political",
    "Head", "Co", "Lead", "Plenipotentiary", "Extraordinary", "Resident", "Non-resident",
)
