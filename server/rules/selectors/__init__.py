"""Rule selectors compiled once: CSS (via cssselect), XPath with an 'xpath:' prefix, and ':has-text(...)'.

Each compiled selector also knows the id, class or tag its match must carry, so a page that has none of
them skips it without evaluating anything (the way ad blockers apply thousands of generic filters); a
':has-text' selector likewise knows literal text its matches must hold.

The package's parts: compile (a source to a Selector), selector (a Selector's evaluation), index (PageIndex and the
literal sets), prefilter (keys and SelectorPlan), css (CSS translated for the hot path), pseudo_classes
(':has-text', ':upward'), linear_regex (RE2 text patterns) and xpath_rules ('xpath:' rules).
"""

from .compile import compile_selector, compile_selectors
from .index import HEAD_CHARS, HEAD_MARK, Key, PageIndex, _attribute_values, index_page, literal_patterns
from .linear_regex import compile_linear
from .prefilter import SelectorPlan
from .pseudo_classes import HAS_TEXT_RE, RELATIVE_HAS_RE, compile_text_pattern
from .selector import Selector, element_text, in_document_order

__all__ = [
    "HAS_TEXT_RE",
    "HEAD_CHARS",
    "HEAD_MARK",
    "RELATIVE_HAS_RE",
    "Key",
    "PageIndex",
    "Selector",
    "SelectorPlan",
    "_attribute_values",
    "compile_linear",
    "compile_selector",
    "compile_selectors",
    "compile_text_pattern",
    "element_text",
    "in_document_order",
    "index_page",
    "literal_patterns",
]
