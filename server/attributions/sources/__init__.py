"""Sources: the noun phrase before a cue ("the spokesman said"), after it ("said Blinken"), or the subject of the
clause a cue hangs on ("…, noting that …").

- phrase.py: the reaches and limits both scans share, and the test that a phrase can name a source;
- before.py: the noun phrase before a cue, scanned backward (backward.py, the scan; heads.py, where a phrase
  starts from its head; quantities.py, numbers and shares);
- after.py: the noun phrase after a cue, and the subject of the clause a cue hangs on."""

from .after import clause_subject, source_after
from .before import source_before
from .phrase import noun_phrase_ok, speaking_head

__all__ = ["clause_subject", "noun_phrase_ok", "source_after", "source_before", "speaking_head"]
