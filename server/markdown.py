"""The sanitized article fragment as CommonMark + GFM (pipe tables, strikethrough), on lxml, for ?format=markdown.

Not markdownify or html2text: html2text turns escaped "&lt;script&gt;" and "[x](javascript:...)" text back into
live Markdown; markdownify (BeautifulSoup) takes 3x as long (readability test pages: median 2.7 ms, this 0.8 ms).

Safety: the input is nh3's output, and the output holds no raw HTML and no link but http(s)/mailto: every
text character that Markdown could read as markup ("<" included) is backslash-escaped, link and image
addresses are scheme-checked again and percent-encode what could end them, code spans and fences are
longer than any backtick run they hold. A data: image (allowed in the HTML view) becomes its alt text.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable

from lxml import etree, html
from lxml.html import HtmlElement

log = logging.getLogger(__name__)

# Elements that start a block of their own; anything else is inline (text-level) content.
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
        "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
        "ul",
    }
)  # fmt: skip
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Inline elements that have a Markdown form; the others (span, mark, abbr, time, sub...) are their text.
_EMPHASIS = dict.fromkeys(("em", "i", "cite", "dfn", "var"), "*") | {"strong": "**", "b": "**", "del": "~~", "s": "~~"}
_CODE = frozenset({"code", "kbd", "samp", "tt"})
# Cell content that a pipe table cannot hold: a table holding any of these is laid out as blocks instead.
_LAYOUT_CELL_TAGS = ("table", "ul", "ol", "pre", "blockquote", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "hr")
_LAYOUT_TAGS = (*_LAYOUT_CELL_TAGS, "figure")
# Most columns a pipe table gets from one cell's colspan (the HTML limit is 1,000; a page could ask for all).
MAX_COLSPAN = 50
# CommonMark's ordered list numbers have at most nine digits.
MAX_LIST_NUMBER = 999_999_999

# HTML's white space (not \s: a no-break space is text).
_HTML_SPACE_RE = re.compile(r"[ \t\n\r\f]+")
# Text characters escaped with a backslash: those that are markup wherever they stand, "_" unless letters or
# digits stand on both sides of it (intraword, it is text), "&" that would start a character reference.
_TEXT_ESCAPE_RE = re.compile(r"[\\`*\[\]<>~]|(?<![^\W_])_|_(?![^\W_])|&(?=#?[0-9A-Za-z]{1,32};)")
# What a line may start with that makes it a heading, quote, list item, setext underline or thematic break.
_LINE_START_RE = re.compile(r"^(?:(?:#{1,6}|[+-])(?=[ \t]|$)|(?:=++|-++)[ \t]*+$|[0-9]{1,9}(?=[.)](?:[ \t]|$)))")
# Characters a link destination may not hold bare (its end, a title's start, escapes, a table's cells).
_DESTINATION_RE = re.compile(r"[\x00-\x20()<>\\|\x7f]")
_LINK_SCHEMES_RE = re.compile(r"(?:https?|mailto):", re.IGNORECASE)
_IMAGE_SCHEMES_RE = re.compile(r"https?:", re.IGNORECASE)
_BACKTICKS_RE = re.compile(r"`+")
# A hard line break, in the inline text while a paragraph is being put together (NUL: never in a fragment).
_BREAK = "\x00"
_EDGE_SPACE = " \t\n\r\f" + _BREAK
# Emphasis delimiters and link starts stand as these control characters (never in a fragment either) until the
# paragraph is whole: a delimiter pair that CommonMark's flanking rules would not read as emphasis where it stands
# (word<em>"quoted"</em>) is dropped, its text kept; a "!" of text right before a link is escaped.
_DELIMITER_MARKS = {"*": ("\x01", "\x02"), "**": ("\x03", "\x04"), "~~": ("\x05", "\x06")}
_OPENING_MARKS = {opening: delimiter for delimiter, (opening, _) in _DELIMITER_MARKS.items()}
_CLOSING_MARKS = {closing: delimiter for delimiter, (_, closing) in _DELIMITER_MARKS.items()}
_LINK_MARK = "\x07"
_MARK_RE = re.compile("[\x01-\x07]")

# Characters lxml refuses in text (a clean() fragment has none: server/parse.py drops them; other callers may not).
_NOT_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_PARSER = html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, huge_tree=True, recover=True)
# Every element an HtmlElement, without lxml.html's per-element lookup call into Python (as server/parse.py).
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(element=HtmlElement))

Block = tuple[str, str]  # (kind: "text", "list-", "list*", "list.", "list)" or "code", its Markdown)


def _is_layout_table(table: etree._Element) -> bool:
    """Whether a table holds block content a pipe table cannot (_LAYOUT_TAGS): the first such descendant decides,
    found by a walk in C (an XPath union of one path per tag merged its node sets pair by pair)."""
    return next(table.iterdescendants(*_LAYOUT_TAGS), None) is not None


def escape_text(text: str) -> str:
    """Text that Markdown shows as itself within a line: its markup characters backslash-escaped."""
    return _TEXT_ESCAPE_RE.sub(r"\\\g<0>", text)


def escape_line_start(line: str) -> str:
    """A line of escaped text that does not start a heading, list item, quote or thematic break."""
    match = _LINE_START_RE.match(line)
    if match is None:
        return line
    if line[0].isdigit():  # "1." / "1)": the delimiter is the markup
        end = match.end()
        return f"{line[:end]}\\{line[end:]}"
    return "\\" + line


def link_destination(url: str | None, *, image: bool = False) -> str | None:
    """The address as a link destination, or None unless it is http(s) (or mailto for a link)."""
    url = (url or "").strip()
    allowed = _IMAGE_SCHEMES_RE if image else _LINK_SCHEMES_RE
    if not allowed.match(url):
        return None
    return _DESTINATION_RE.sub(lambda m: "".join(f"%{byte:02X}" for byte in m[0].encode()), url)


def link(text: str, url: str | None) -> str:
    """[text](url) with the text escaped, or the escaped text alone when the address is not a web address."""
    destination = link_destination(url)
    label = escape_text(text)
    return f"[{label}]({destination})" if destination and label else label


def fragment_to_markdown(fragment: str) -> str:
    """The sanitized HTML fragment of a clean() result as Markdown blocks separated by blank lines."""
    if not fragment.strip():
        return ""
    root = html.fragment_fromstring(_NOT_XML_RE.sub("", fragment), create_parent="div", parser=_PARSER)
    return join_blocks(_Converter(root).blocks(root))


def join_blocks(blocks: Iterable[Block]) -> str:
    return "\n\n".join(markdown for _, markdown in blocks)


def code_span(text: str) -> str:
    """Inline code whose backtick string is longer than any run inside it."""
    text = _HTML_SPACE_RE.sub(" ", text)
    if not text.strip():
        return ""
    fence = "`" * (max((len(run) for run in _BACKTICKS_RE.findall(text)), default=0) + 1)
    # A space on each side keeps a backtick at the edge off the fence (CommonMark strips one space each side).
    padded = f" {text} " if text[0] == "`" or text[-1] == "`" or (text[0] == " " and text[-1] == " ") else text
    return f"{fence}{padded}{fence}"


def _prefix_lines(text: str, first: str, rest: str) -> str:
    lines = text.split("\n")
    head = f"{first}{lines[0]}".rstrip() if lines[0] else first.rstrip()
    return "\n".join([head, *((f"{rest}{line}" if line else rest.rstrip()) for line in lines[1:])])


class _Converter:
    """One walk over the fragment: block containers give blocks, runs of inline content give paragraphs."""

    def __init__(self, root: HtmlElement) -> None:
        # Elements holding a block somewhere inside (a <span> or <a> around paragraphs) are containers too:
        # marked bottom-up from each block element, stopping at an ancestor already marked.
        self.holds_blocks: set[HtmlElement] = set()
        for element in root.iter(*BLOCK_TAGS):
            parent = element.getparent()
            while parent is not None and parent not in self.holds_blocks:
                self.holds_blocks.add(parent)
                parent = parent.getparent()
        self.open_emphasis: set[str] = set()
        self.in_link = False

    # Blocks

    def blocks(self, container: HtmlElement) -> list[Block]:
        out: list[Block] = []
        run: list[str] = [escape_text(container.text)] if container.text else []
        for child in container:
            if not isinstance(child.tag, str):
                pass
            elif child.tag in BLOCK_TAGS or child in self.holds_blocks:
                self._paragraphs(run, out)
                run = []
                self._block(child, out)
            else:
                self._inline(child, run)
            if child.tail:
                run.append(escape_text(child.tail))
        self._paragraphs(run, out)
        return out

    def _block(self, element: HtmlElement, out: list[Block]) -> None:
        tag = element.tag
        if tag in _HEADINGS:
            text = self.inline_line(element)
            if text:
                # A closing run of "#" after a space would be read as the heading's optional closing sequence.
                text = text[:-1] + "\\#" if text.endswith("#") else text
                out.append(("text", f"{'#' * _HEADINGS[tag]} {text}"))
        elif tag in ("ul", "ol"):
            self._list(element, out)
        elif tag == "blockquote":
            inner = join_blocks(self.blocks(element))
            if inner:
                out.append(("text", _prefix_lines(inner, "> ", "> ")))
        elif tag == "pre":
            self._code_block(element, out)
        elif tag == "hr":
            out.append(("text", "---"))
        elif tag == "table" and not _is_layout_table(element):
            self._table(element, out)
        elif tag == "dt":
            term = self.inline_line(element)
            if term:
                out.append(("text", f"**{term}**"))
        elif tag == "summary" and element not in self.holds_blocks:  # a <details> summary reads as a term
            summary = self.inline_line(element)
            if summary:
                out.append(("text", f"**{summary}**"))
        else:
            out.extend(self.blocks(element))

    def _paragraphs(self, run: list[str], out: list[Block]) -> None:
        """A run of inline Markdown as paragraphs: two line breaks in a row part two paragraphs."""
        text = _resolve_marks("".join(run))
        if not text.strip(_EDGE_SPACE):
            return
        paragraph: list[str] = []
        for line in text.split(_BREAK):
            line = _HTML_SPACE_RE.sub(" ", line).strip()
            if line:
                paragraph.append(escape_line_start(line))
            elif paragraph:
                out.append(("text", "\\\n".join(paragraph)))
                paragraph = []
        if paragraph:
            out.append(("text", "\\\n".join(paragraph)))

    def _list(self, element: HtmlElement, out: list[Block]) -> None:
        ordered = element.tag == "ol"
        # Two lists in a row with the same marker would read as one list: alternate the marker.
        last_kind = out[-1][0] if out else ""
        delimiter = (")" if last_kind == "list." else ".") if ordered else ("*" if last_kind == "list-" else "-")
        if _has_loose_text(element):  # text straight in a list (old pages indent with <ul>): read as blocks
            out.extend(self.blocks(element))
            return
        items = [child for child in element if isinstance(child.tag, str)]
        step = -1 if ordered and element.get("reversed") is not None else 1
        number = _list_number(element.get("start"), len(items) if step < 0 else 1)
        rendered: list[str] = []
        for item in items:
            number = _list_number(item.get("value"), number) if item.tag == "li" else number
            marker = f"{number}{delimiter}" if ordered else delimiter
            body = self._item_body(item)
            rendered.append(_prefix_lines(body, marker + " ", " " * (len(marker) + 1)))
            number = min(max(number + step, 0), MAX_LIST_NUMBER)
        if rendered:
            # One item of several paragraphs makes the list loose: then every item is set apart.
            loose = any("\n\n" in item for item in rendered)
            out.append((f"list{delimiter}", ("\n\n" if loose else "\n").join(rendered)))

    def _item_body(self, item: HtmlElement) -> str:
        blocks = self.blocks(item) if item.tag == "li" else []
        if item.tag != "li":  # stray markup in a list (a <ul> straight in a <ul>) is an item of its own
            self._block(item, blocks)
        # A nested list right after the item's text stays tight ("- a\n  - b"); other blocks get a blank line.
        parts: list[str] = []
        for index, (kind, markdown) in enumerate(blocks):
            if index:
                parts.append(
                    "\n" if blocks[index - 1][0] == "text" and _interrupts_paragraph(kind, markdown) else "\n\n"
                )
            parts.append(markdown)
        return "".join(parts)

    def _code_block(self, element: HtmlElement, out: list[Block]) -> None:
        code = "".join(_preformatted_text(element)).strip("\n")
        if not code.strip():
            return
        runs = [len(run) for run in _BACKTICKS_RE.findall(code)]
        fence = "`" * max(3, max(runs, default=0) + 1)
        out.append(("code", f"{fence}\n{code}\n{fence}"))

    def _table(self, table: HtmlElement, out: list[Block]) -> None:
        rows: list[list[str]] = []
        header_rows = 0
        for caption in table.iterchildren("caption"):
            out.extend(self.blocks(caption))
        for row in table.iter("tr"):
            cells: list[str] = []
            for cell in row.iterchildren("td", "th"):
                # Inside a table a "|" ends the cell wherever it stands, code spans included.
                cells.append(self.inline_line(cell).replace("|", "\\|"))
                cells.extend([""] * (min(_int(cell.get("colspan"), 1), MAX_COLSPAN) - 1))
            if not cells:
                continue
            in_head = row.getparent().tag == "thead" or all(c.tag == "th" for c in row.iterchildren("td", "th"))
            if not rows and in_head:
                header_rows = 1
            rows.append(cells)
        if not rows:
            return
        width = max(len(cells) for cells in rows)
        if width == 1:  # one column: a list of lines reads better than a table
            out.extend(("text", escape_line_start(cells[0])) for cells in rows if cells[0])
            return
        if not header_rows and len(rows) > 1 and _all_bold(rows[0]):  # a header row drawn with <b> in <td>
            header_rows, rows[0] = 1, [cell[2:-2] for cell in rows[0]]
        header = rows[0] if header_rows else [""] * width
        body = rows[header_rows:]
        lines = [_table_row(header, width), _table_row(["---"] * width, width)]
        lines.extend(_table_row(cells, width) for cells in body)
        out.append(("text", "\n".join(lines)))

    # Inline content

    def inline_line(self, element: HtmlElement) -> str:
        """The element's content as one line of inline Markdown (for headings, cells, terms)."""
        return _HTML_SPACE_RE.sub(" ", _resolve_marks(self._children(element).replace(_BREAK, " "))).strip()

    def _inline(self, element: HtmlElement, run: list[str]) -> None:
        """Append the element (not its tail) to the run of inline Markdown."""
        tag = element.tag
        if tag == "br":
            run.append(_BREAK)
        elif tag == "img":
            self._image(element, run)
        elif tag == "a":
            self._link(element, run)
        elif tag in _CODE:
            run.append(code_span(element.text_content()))
        elif tag in _EMPHASIS and _EMPHASIS[tag] not in self.open_emphasis:
            delimiter = _EMPHASIS[tag]
            self.open_emphasis.add(delimiter)
            try:
                inner = self._children(element)
            finally:
                self.open_emphasis.discard(delimiter)
            run.append(_wrap(inner, *_DELIMITER_MARKS[delimiter]))
        elif tag == "q":
            run.append(f"“{self._children(element)}”")
        else:
            # Blocks met inside inline content (a heading's <div>) keep their words apart.
            edge = " " if tag in BLOCK_TAGS else ""
            run.append(f"{edge}{self._children(element)}{edge}")

    def _children(self, element: HtmlElement) -> str:
        run: list[str] = [escape_text(element.text)] if element.text else []
        for child in element:
            if isinstance(child.tag, str):
                self._inline(child, run)
            if child.tail:
                run.append(escape_text(child.tail))
        return "".join(run)

    def _link(self, element: HtmlElement, run: list[str]) -> None:
        if self.in_link:  # a link inside a link is its text
            run.append(self._children(element))
            return
        self.in_link = True
        try:
            label = self._children(element).replace(_BREAK, " ")
        finally:
            self.in_link = False
        destination = link_destination(element.get("href"))
        if not destination or not label.strip():
            run.append(label)
            return
        run.append(_wrap(label, _LINK_MARK + "[", f"]({destination})"))

    def _image(self, element: HtmlElement, run: list[str]) -> None:
        alt = _HTML_SPACE_RE.sub(" ", element.get("alt") or "").strip()
        destination = link_destination(element.get("src"), image=True)
        if destination is None:
            run.append(escape_text(alt))
            return
        run.append(f"![{escape_text(alt)}]({destination})")  # "!!" before it is a "!", then the image


def _wrap(inner: str, opening: str, closing: str) -> str:
    """Markup around inline content; spaces and breaks at its edges go outside (delimiters must touch text)."""
    core = inner.strip(_EDGE_SPACE)
    if not core:
        return inner
    lead, trail = inner[: len(inner) - len(inner.lstrip(_EDGE_SPACE))], inner[len(inner.rstrip(_EDGE_SPACE)) :]
    return f"{lead}{opening}{core}{closing}{trail}"


def _resolve_marks(text: str) -> str:
    """Inline Markdown with its marks (see _DELIMITER_MARKS) made delimiters, dropped or escapes."""
    positions = [match.start() for match in _MARK_RE.finditer(text)]
    if not positions:
        return text
    delimiters = [position for position in positions if text[position] != _LINK_MARK]
    dropped = _dropped_delimiters(text, delimiters) if delimiters else set()
    out: list[str] = []
    start = 0
    for position in positions:
        out.append(text[start:position])
        start = position + 1
        mark = text[position]
        if mark == _LINK_MARK:
            _unbang(out)
        elif position not in dropped:
            out.append(_OPENING_MARKS.get(mark) or _CLOSING_MARKS[mark])
    out.append(text[start:])
    return "".join(out)


def _dropped_delimiters(text: str, delimiters: list[int]) -> set[int]:
    """The delimiter marks that CommonMark would not read as emphasis where they stand, in pairs."""
    partner: dict[int, int] = {}
    openings: list[int] = []
    for position in delimiters:
        if text[position] in _OPENING_MARKS:
            openings.append(position)
        elif text[position] in _CLOSING_MARKS and openings:  # marks are nested as the elements were
            opening = openings.pop()
            partner[opening], partner[position] = position, opening
    # A dropped pair changes what its neighbours see (a mark reads as punctuation, the text beside it may not):
    # the pairs beside a dropped one are checked again.
    dropped = set(delimiters) - partner.keys()
    pending = [position for position in delimiters if text[position] in _OPENING_MARKS and position in partner]
    while pending:
        opening = pending.pop()
        closing = partner[opening]
        if opening in dropped or (_opens(text, opening, dropped) and _closes(text, closing, dropped)):
            continue
        dropped.update((opening, closing))
        for mark in (opening, closing):
            for step in (-1, 1):
                beside = _beside(text, mark, step, dropped)
                if beside in partner and beside not in dropped:
                    pending.append(min(beside, partner[beside]))
    return dropped


def _beside(text: str, index: int, step: int, dropped: set[int]) -> int:
    """The index of the character next to index that will be written (dropped marks are not)."""
    index += step
    while index in dropped:
        index += step
    return index


def _kind(text: str, index: int) -> str:
    """What CommonMark's flanking rules see at index: "space" (the line's edges too), "punct" or "other"."""
    if not 0 <= index < len(text):
        return "space"
    char = text[index]
    if char == _BREAK or char.isspace():
        return "space"
    # Marks stand for delimiters and "[", all punctuation.
    return "punct" if char < "\x08" or unicodedata.category(char)[0] in "PS" else "other"


def _opens(text: str, index: int, dropped: set[int]) -> bool:
    """Left-flanking: not followed by space, and not by punctuation unless space or punctuation precedes."""
    following = _kind(text, _beside(text, index, 1, dropped))
    return following != "space" and (following != "punct" or _kind(text, _beside(text, index, -1, dropped)) != "other")


def _closes(text: str, index: int, dropped: set[int]) -> bool:
    """Right-flanking: not preceded by space, and not by punctuation unless space or punctuation follows."""
    preceding = _kind(text, _beside(text, index, -1, dropped))
    return preceding != "space" and (preceding != "punct" or _kind(text, _beside(text, index, 1, dropped)) != "other")


def _unbang(out: list[str]) -> None:
    """A "!" of text right before a link would make it an image: escape it."""
    for index in range(len(out) - 1, -1, -1):
        piece = out[index]
        if piece:
            # An odd number of backslashes before it escapes it; an even number are escaped backslashes.
            backslashes = len(piece) - 1 - len(piece[:-1].rstrip("\\"))
            if piece.endswith("!") and backslashes % 2 == 0:
                out[index] = piece[:-1] + "\\!"
            return


def _interrupts_paragraph(kind: str, markdown: str) -> bool:
    """A list may follow a paragraph line directly when it starts with a non-empty bullet or with "1." (CommonMark)."""
    first_line = markdown.partition("\n")[0]
    if kind in ("list-", "list*"):
        return len(first_line) > 2
    return kind in ("list.", "list)") and first_line.startswith(("1. ", "1) "))


def _has_loose_text(element: HtmlElement) -> bool:
    return bool(element.text and element.text.strip()) or any(child.tail and child.tail.strip() for child in element)


def _preformatted_text(element: HtmlElement) -> Iterable[str]:
    """The text of a <pre> as it shows: every character kept, <br> a line break."""
    if element.text:
        yield element.text
    for child in element:
        if child.tag == "br":
            yield "\n"
        elif isinstance(child.tag, str):
            yield from _preformatted_text(child)
        if child.tail:
            yield child.tail


def _all_bold(cells: list[str]) -> bool:
    filled = [cell for cell in cells if cell]
    return bool(filled) and all(
        len(c) > 4 and c.startswith("**") and c.endswith("**") and c.count("**") == 2 for c in filled
    )


def _table_row(cells: list[str], width: int) -> str:
    padded = [*cells, *[""] * (width - len(cells))]
    return "| " + " | ".join(cell or " " for cell in padded) + " |"


def _int(value: str | None, default: int) -> int:
    try:
        return int((value or "").strip())
    except ValueError:
        return default


def _list_number(value: str | None, default: int) -> int:
    return min(max(_int(value, default), 0), MAX_LIST_NUMBER)
