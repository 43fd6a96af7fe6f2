"""Cues: the reporting verbs of a text, and one function per attribution pattern around a cue, by family.

- scan.py: every cue of a text in one pass, and each cue's extent (particle, addressee, venue);
- finite.py: a finite verb ("said", "has warned") tried against the patterns below in order (attribution_at_cue);
- quoted.py: quote first ('"…," said X.', '"…," X said.');
- clauses.py: a statement around its cue ('X said (that) …', '…, X said.', '…, X says, …', '… and recommends …');
- constructions.py: naming and evaluation verbs ('called X "Y"', 'accused X of Y'), participles ('…, noting that
  …') and agentless passives ('we are told that …');
- prepositional.py: 'according to X', 'per X', 'as noted by X';
- colon.py: a source and a colon or dash before a quote ('Blinken: "…"'), a quote and a dash before its source
  ('"…" -- Jane Doe') and transcripts ('ROSIE CURTS: …');
- nested.py: a report inside a quotation, read in the quoted sentence around its cue;
- nouns.py: a speech noun and its that-clause ("Smith's claim that …", "amid reports that …");
- record.py: the spans a pattern found, as a RawAttribution.
"""

from __future__ import annotations

from .colon import attribution_lines, colon_cue, post_lines, transcript_lines
from .constructions import participle
from .finite import attribution_at_cue
from .record import Found
from .scan import MAX_CUES, PROGRESSIVE_REACH, cue_matches, reporting_cues

__all__ = [
    "MAX_CUES",
    "PROGRESSIVE_REACH",
    "Found",
    "attribution_at_cue",
    "attribution_lines",
    "colon_cue",
    "cue_matches",
    "participle",
    "post_lines",
    "reporting_cues",
    "transcript_lines",
]
