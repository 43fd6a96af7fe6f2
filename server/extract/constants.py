"""Extraction's numbers, each with the reason it exists: readability-lxml's own (restated by our overrides of
its methods, so they must stay equal to upstream's), then the tunables of what we add beyond readability."""

from __future__ import annotations

import re

# readability-lxml 0.9's numbers, named by the Document method that reads them. Changing one makes our override
# differ from readability's method; tests/test_extract_readability.py compares several against upstream.

# class_weight: a class or id matching readability's positive words adds this much, its negative words take it.
CLASS_WEIGHT = 25

# score_paragraphs: a paragraph scores a base point, a point per comma-separated part and a point per this many
# characters up to a cap; its parent gets the score, its grandparent the score divided by this divisor.
PARAGRAPH_BASE_SCORE = 1
PARAGRAPH_CHARS_PER_POINT = 100
PARAGRAPH_MAX_LENGTH_POINTS = 3
GRANDPARENT_SCORE_DIVISOR = 2.0

# select_best_candidate: an itemprop=articleBody candidate wins unless more of its text than this is link text.
ARTICLE_BODY_MAX_LINK_DENSITY = 0.1
# ...and an <article> inside the pick wins when it has this share of the pick's score and this much text.
NESTED_ARTICLE_MIN_SCORE_SHARE = 0.25
NESTED_ARTICLE_MIN_CHARS = 250

# get_semantic_main_candidate: a <main> around the pick replaces it when it has this many times the pick's text,
# at least this much text, and no more link text than this share.
MAIN_MIN_TEXT_RATIO = 2
MAIN_MIN_CHARS = 500
MAIN_MAX_LINK_DENSITY = 0.15

# get_article: a sibling of the pick joins the article when it scores this share of the pick's score (and at
# least the floor); a sibling paragraph joins when longer than this with little link text, or shorter, linkless
# and ending a sentence.
SIBLING_MIN_SCORE = 10
SIBLING_SCORE_SHARE = 0.2
SIBLING_PARAGRAPH_LONG_CHARS = 80
SIBLING_PARAGRAPH_MAX_LINK_DENSITY = 0.25
# ...and a sibling of the pick's own class value gets this share of the pick's score added (Readability.js's bonus).
SAME_CLASS_SIBLING_BONUS = 0.2

# merge_article_segments: the score floor of a segment like the pick elsewhere on the page (a share of the pick's
# score, at least the floor), for a pick of neutral class in an <article>.
SEGMENT_MIN_SCORE = 10
SEGMENT_SCORE_SHARE = 0.05

# get_editorial_leads: a block before the pick in its <article> or <main> whose class or id holds one of these
# words (readability's subhead, story lead, standfirst, dek and subtitle, and the names sites give the same
# standfirst: intro, deck, abstract, summary, lead, chapo, epigraph, teaser...; a page builder's hero block names its
# text block 'hero__text', never the hero itself, which holds the meta lines too) is the story's lead, unless more of
# its text than this is link text (a teaser card of another story is its link).
EDITORIAL_LEAD_RE = re.compile(
    r"(?:^|[\s_-])(?:sub-?head(?:line|ing)?|story[\s_-]*lead|standfirst|dek|deck|sub-?title|intro|lead|lede|abstract"
    r"|summary|hero[_-]*(?:text|description|copy)|chapo|chapeau|epigraph|excerpt|leader|teaser|bajada|entradilla"
    r"|einleitung|sottotitolo|catenaccio)"
    r"(?:$|[\s_-])",
    re.I,
)
EDITORIAL_LEAD_MAX_LINK_DENSITY = 0.2
# ...and shorter than this it is a label ('Live', 'Update'), not a standfirst.
EDITORIAL_LEAD_MIN_CHARS = 30
# headline_lead: the standfirst beside the page's headline, outside the pick's <article> (a header block of its own):
# among the first this-many siblings after the page's headline (its <h1>) before the pick, the first that reads as a
# sentence or two of prose (this many words, at most that many, ending a sentence, little link text); meta lines and
# labels before it are shorter, the story's body after it longer.
HEADLINE_LEAD_MAX_SIBLINGS = 4
HEADLINE_LEAD_MIN_WORDS = 15
HEADLINE_LEAD_MAX_WORDS = 120
# ...or a list of the story's key points (as many words in all): this many items or more, at most that many, each a
# phrase of this many words or more with no link in it (a menu's or a tag list's entries are links or single words).
HEADLINE_KEY_POINTS_MIN_ITEMS = 2
HEADLINE_KEY_POINTS_MAX_ITEMS = 6
HEADLINE_KEY_POINT_MIN_WORDS = 4
# ...and read as a metadata line, not prose, when this share of its words or more hold a digit (a date and time line:
# 'Veröffentlicht am 9. März 2022 um 10:15 Uhr', 6 of 18), when it opens with a byline word before a capital ('Von
# Anna Keller, ...', 'By', 'Par', 'Por', 'Di', 'Door', 'Przez'), or with a label of at most this many words and a
# colon ('Inhalt:', 'Lesen Sie auch:'); a cookie note (the loanword every language of ours uses) is chrome.
HEADLINE_LEAD_MAX_DIGIT_SHARE = 0.25
HEADLINE_LEAD_BYLINE_RE = re.compile(r"(?i:by|von|par|por|di|door|przez)\s++[A-ZÀ-ÖØ-Þ]")
HEADLINE_LEAD_MAX_LABEL_WORDS = 3
HEADLINE_LEAD_CHROME_RE = re.compile(r"\bcookies?\b", re.I)
# The page's headline is the <h1> whose words are the page title's (drop_repeated_title's measure) and hold at least
# this share of the title's words: a logo's <h1> ('Stadtanzeiger') matches the site name a title may hold, no more.
HEADLINE_LEAD_MIN_TITLE_SHARE = 0.5
# ...and marked with this attribute once gathered, so the paragraph container's test of whether the pick lies
# inside it reads the pick's own opening, not the standfirst (the reading view's sanitizer drops the mark).
GATHERED_LEAD_MARK = "data-declutter-lead"
# ...looked for in the pick's <article> or <main>, else in its ancestor this many levels up (a page without them).
EDITORIAL_LEAD_SCOPE_LEVELS = 3

# sanitize: call-to-action paragraphs ("Subscribe...") with more link text than this go.
CALL_TO_ACTION_MAX_LINK_DENSITY = 0.2
# ...the call-to-action phrases are all shorter than this, so a paragraph's opening this long decides the test.
CALL_TO_ACTION_OPENING_CHARS = 16
# ...a link styled as a button (a class word 'button' or 'btn') holding no image and a button's label, no longer than
# this, is a call to action ('Shop houseplants', 'View all categories'), never the story's text: it goes.
BUTTON_LINK_CLASS_RE = re.compile(r"(?:^|[\s_-])(?:button|btn)(?:$|[\s_-])", re.IGNORECASE)
BUTTON_LABEL_MAX_CHARS = 40
# ...a block whose whole text is an ad label or a loading notice goes (Readability.js's adWords and loadingWords, in
# its languages); none is longer than this many characters, so a longer block's text is not read for it.
AD_OR_LOADING_RE = re.compile(
    r"ad(?:vertising|vertisement)?|pub(?:licité)?|werb(?:ung)?|广告|Реклама|Anuncio"
    r"|(?:loading|正在加载|Загрузка|chargement|cargando)(?:…|\.\.\.)?",
    re.IGNORECASE,
)
AD_OR_LOADING_MAX_CHARS = 13
# ...a block with this many commas is prose and is never cleaned conditionally.
PROSE_MIN_COMMAS = 10
# transform_misused_divs_into_paragraphs: a div of inline content only with this much link text or more stays a div
# (Readability.js's test before it makes a div its paragraph), so the conditional cleaning judges it...
DIV_PARAGRAPH_MAX_LINK_DENSITY = 0.25
# ...but only when it has at most this many words outside its links: a label and a lead-in ('Main article:', 'Related:',
# 'READ MORE:', 'See also the full report on') take a few; a line saying more is prose with links (a live-blog update,
# an explainer sentence), which the reading view keeps...
LINK_LINE_MAX_OWN_WORDS = 8
# ...and never when it stands in a run of this many sibling link lines or more: a list written as divs (ingredients,
# steps, sources); two lines are as often a 'Related: ...' and 'See also: ...' pair...
LINK_LINE_LIST_MIN_RUN = 3
# ...or of this many when each line cites another site with a title's words in its links (a social profile's link is
# one or two words) and the run is named a story's sources (SOURCE_WORDS): a 'Related:' and 'More:' pair, ad lines
# ('Around the web:'), 'Follow us on ...' and 'Share on ...' pairs lead to other sites with three words too...
SOURCE_LINES_MIN_RUN = 2
SOURCE_LINE_MIN_LINK_WORDS = 3
# ...the word its first line opens with (a colon or brackets around it or not), or a heading right before it holds:
# 'source' in the languages of the corpora and their neighbours; 'Data:' or 'Via:' lead ads and credits as often, and
# open no run...
SOURCE_WORDS = frozenset(
    {
        "source",  # English, French
        "sources",
        "quelle",  # German
        "quellen",
        "fuente",  # Spanish
        "fuentes",
        "fonte",  # Portuguese, Italian
        "fontes",
        "fonti",
        "bron",  # Dutch
        "bronnen",
        "źródło",  # Polish
        "źródła",
        "источник",  # Russian
        "источники",
        "джерело",  # Ukrainian
        "джерела",
        "källa",  # Swedish
        "källor",
        "kilde",  # Danish, Norwegian
        "kilder",
        "zdroj",  # Czech
        "zdroje",
        "lähde",  # Finnish
        "lähteet",
    }
)
SOURCE_WORD_PUNCTUATION = "([{:：]}).,;"
# ...each later line says nothing besides its links, or opens with one of these: the first line's label names its own
# line only ('Source: <a>...</a>' then 'Sponsored: <a>...</a>' is an ad after a source)...
SOURCE_LINE_LABELS = SOURCE_WORDS | {
    "data",  # English, Swedish, Danish, Norwegian, Czech, Polish
    "données",  # French
    "daten",  # German
    "datos",  # Spanish
    "dados",  # Portuguese
    "dati",  # Italian
    "gegevens",  # Dutch
    "dane",  # Polish
    "данные",  # Russian
    "дані",  # Ukrainian
    "uppgifter",  # Swedish
    "údaje",  # Czech
    "tiedot",  # Finnish
}
# ...and a heading naming the run says at most this many words ('Sources and references', 'Our sources'), right before
# the run or before the wrapper the run opens, up to this many levels up.
SOURCE_HEADING_MAX_WORDS = 3
SOURCE_HEADING_MAX_LEVELS = 2
# ...nor when it opens with one of these dashes right after a paragraph ending in one of these quotation marks: the
# quote's speaker ('— <a>Jane Doe</a>, mayor').
ATTRIBUTION_DASHES = ("—", "–", "―", "-", "~")
CLOSING_QUOTATION_MARKS = ('"', "”", "’", "'", "»", "«", "」", "“")
# ...readability subtracts this from a block's <li> count, so its "more <li>s than <p>s" test rarely fires.
LIST_ITEM_ALLOWANCE = 100
# ...a block with paragraphs goes when it has more images than this many plus this many per paragraph.
FREE_IMAGES = 1
IMAGES_PER_PARAGRAPH = 1.3
# ...a block goes when it has more inputs than its paragraphs divided by this.
PARAGRAPHS_PER_INPUT = 3
# ...a div holding an image is never cleaned (we ask readability to keep all images) unless more of its text than this
# is its cards' link text: a strip of teaser cards with their thumbnails ('Other People Are Reading'), not a figure, a
# captioned photo or a gallery (cleaning.image_block_stays)...
IMAGE_BLOCK_MAX_LINK_DENSITY = 0.5
# ...nor when it holds more links than this: a link list with an icon, never a photo or a gallery (and each nested
# block reads the links of all it holds: a bound on the work)...
IMAGE_BLOCK_MAX_LINKS = 200
# ...whose links to these files are the full-size photos, no cards.
IMAGE_FILE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".bmp", ".tif", ".tiff")
# ...nor are links to pages below the story's address (a gallery's photo pages), when the address is a story's: a
# segment of digits (a date) before its last, or a last segment of this many hyphenated words or more; a section front
# ('/news/', '/en/'), a date's archive or a topic hub ('/politics/elections-2024') has the site's stories below it.
STORY_SLUG_MIN_WORDS = 3
# The end of a story's path that is the same page: its index file, its AMP view.
SAME_PAGE_PATH_ENDS = ("/index.html", "/index.htm", "/amp")
# ...a block shorter than readability's min_text_length goes with no image or more images than this.
SHORT_BLOCK_MAX_IMAGES = 2
# ...unless it is part of a figure, a section heading's wrapper (this share of its text or more in headings) with text
# after it, or a linkless line ending a sentence (SHORT_LINE_END_RE): Readability.js keeps those ('Glossary', 'They both
# took one.'), readability-lxml drops every short block.
SHORT_BLOCK_MIN_HEADING_DENSITY = 0.9
SHORT_LINE_END_RE = re.compile(r"[.!?…。！？][\"'”’»)]*$")
# ...a data table is never cleaned, nor what it holds or what holds it (Readability.js): besides its markup (caption,
# header cells...), a table of this many rows, more columns than this, or more cells than this holds data.
DATA_TABLE_MIN_ROWS = 10
DATA_TABLE_MAX_LAYOUT_COLUMNS = 4
DATA_TABLE_MIN_CELLS = 10
# ...a block of low class weight goes with more link text than this (the second: a <section> in the story's
# <article> or <main>); one of positive weight with more than the third.
BLOCK_MAX_LINK_DENSITY = 0.2
FRAMED_SECTION_MAX_LINK_DENSITY = 0.25
WEIGHTED_BLOCK_MAX_LINK_DENSITY = 0.5
# readability's segment test (merge_article_segments) and the pick's articleBody and <main> tests count a link to a
# place on the page itself ('#faq': a contents box, a footnote mark) at this share of its text, as Readability.js's
# _getLinkDensity does: it leads off nowhere. (Candidate scores and these block tests count it whole.)
IN_PAGE_LINK_WEIGHT = 0.3
# ...and a contents box goes before these tests: a paragraph, div or nav of this many links or more, every one to a
# place on the page itself ('#symptoms'), that make this share of its text or more (its label aside: 'In this
# article'); a list of them stays, as Readability.js keeps one.
CONTENTS_MIN_LINKS = 3
CONTENTS_MIN_LINK_SHARE = 0.7
# ...a block with one <embed> and less text than this goes (with more embeds it goes anyway).
EMBED_MIN_CHARS = 75
# ...an empty block stays when its nearest non-empty siblings carry more text than this.
EMPTY_BLOCK_SIBLING_CHARS = 1000

# Our numbers for readability's steps.

# class_weight: a class token of utility-first CSS that sets text's size, alignment, colour or wrapping (Tailwind's
# documented text-* utilities, any variant prefix: 'text-center', 'md:text-lg', 'text-gray-700', 'text-[14px]') styles
# the element and says nothing of its content, yet holds readability's positive word 'text': it weighs nothing. A
# text-named block of other sites ('entry-text', 'text-block', 'text-primary') keeps its weight.
TEXT_UTILITY_PREFIX = "text-"
TEXT_UTILITY_VALUES = frozenset({
    "xs", "sm", "base", "lg", "xl", "2xl", "3xl", "4xl", "5xl", "6xl", "7xl", "8xl", "9xl",
    "left", "center", "right", "justify", "start", "end",
    "white", "black", "transparent", "current", "inherit",
    "wrap", "nowrap", "balance", "pretty", "ellipsis", "clip",
})  # fmt: skip
# ...and the values built from a scale: a colour and its shade of this many digits, with an opacity or not
# ('gray-700', 'opacity-100', 'sky-500/50'), or an arbitrary value in brackets ('[14px]').
TEXT_UTILITY_SHADE_DIGITS = (2, 3)

# get_semantic_article_candidate: a pick inside a form, aside or nav with no <article> to replace it gives way to
# the best candidate outside them that scores this share of it.
CHROME_PICK_ALTERNATIVE_SHARE = 0.3

# A pick outside the page's one <main> gives way to the best candidate inside it that scores this share of it:
# the page marks its main content, and what outscores it outside is an overlay, a dialog or a teaser column.
OUTSIDE_MAIN_PICK_SHARE = 0.75

# Paragraphs beside the pick's ancestors up to this many levels join the article when they pass readability's
# sibling paragraph test (the pick's own siblings are readability's to judge).
STRAY_PARAGRAPH_LEVELS = 3

# Readability.js's step before its walk up: when this many or more of the other best candidates (of the top this
# many) score this share of the pick or more, the pick's nearest ancestor holding as many of them is the pick (a story
# in sibling blocks scored one by one: a page builder's text widgets, a comic's rows between its captions).
ALTERNATIVE_CANDIDATES_MIN = 3
TOP_CANDIDATES = 5
ALTERNATIVE_CANDIDATE_SCORE_SHARE = 0.75
# Readability.js's walk up from the pick stops when an ancestor scores below the pick's score divided by this.
PARENT_WALK_SCORE_DIVISOR = 3
# Our length of a <main>'s text and readability's can differ on rare whitespace: within this band of its
# threshold the <main> test is decided on readability's own length.
EXACT_LENGTH_BAND = (0.9, 1.1)

# Our repairs.

# An extraction shorter than this is suspicious enough to try readability once more, more leniently.
MIN_ARTICLE_WORDS_BEFORE_RETRY = 80

# The fallback article root must hold at least this share of the page's paragraph text.
DENSEST_CONTAINER_SHARE = 0.6

# When readability keeps less than this share of the words of the container holding most of the page's
# paragraph text, and that container is not a link list, the container is the article.
EXPAND_RATIO = 0.25
# ...or this share, when readability's pick lies inside that container (tuned on the tuning part only).
EXPAND_RATIO_INSIDE = 0.4
# ...or this share, when that container also is or sits in the page's <article> or <main> (the story's frame,
# split into sections readability scores one by one).
EXPAND_RATIO_IN_FRAME = 0.6
EXPAND_MAX_LINK_DENSITY = 0.3
# ...but never over a pick of this many words or more that the container does not hold: a whole story found
# beside a bigger block of text (a long comment thread), not one section of it.
STORY_OUTSIDE_CONTAINER_MIN_WORDS = 300
# ...or when readability found too few words and the container holds more than this many times as many.
CONTAINER_MIN_WORDS_RATIO = 2
# Readability's pick lies inside the container when its opening (this many words) appears in the container.
OPENING_WORDS = 12
# Site chrome dropped from that container, which readability's cleaning never saw.
CONTAINER_CHROME_TAGS = ("nav", "footer")

# A text block readability gathers from elsewhere on the page whose opening (this many characters) the article
# already holds is a second copy of the story (a gated, mobile or print version), not a further part of it.
SEGMENT_COPY_OPENING_CHARS = 200

# A block of the article repeating word for word an earlier one of at least this many characters is a second
# copy (a page's desktop and mobile layouts, a tab and its accordion twin), not text written twice.
REPEATED_BLOCK_MIN_CHARS = 100
REPEATED_BLOCK_TAGS = ("div", "section", "ul", "ol", "table")

# Blocks of the article that are the author's bio box or byline ("author-bio", "vcard author", "post__author"):
# a class or id naming the author or a bio, on a block this short (a bio, not a story body).
AUTHOR_BOX_CLASS_RE = re.compile(r"author|(?:^|[-_\s])bio(?:$|[-_\s]|graph)", re.I)
AUTHOR_BOX_MAX_CHARS = 1000
# ...and holding less than this share of the article (more is the story in a wrapper with an unlucky class).
AUTHOR_BOX_MAX_ARTICLE_SHARE = 0.5
AUTHOR_BOX_TAGS = ("div", "section", "footer", "aside")

# The story's byline line, which Readability.js drops (_checkByline): the first element of the article that is
# rel=author, has an itemprop naming the author, or a class or id holding one of these words (Readability.js's), and
# holds some text but less than this many characters (a byline, not a block of the story).
BYLINE_CLASS_WORDS = ("byline", "author", "dateline", "writtenby")  # Readability.js's "p-author" holds "author"
BYLINE_CLASS_RE = re.compile("|".join(BYLINE_CLASS_WORDS), re.I)
BYLINE_MAX_CHARS = 100

# Siblings of the article's text blocks that are figures and go with them: these tags, or any element holding
# an image and at most a caption's worth of text.
FIGURE_TAGS = frozenset({"figure", "picture", "img", "figcaption"})
FIGURE_MAX_TEXT_CHARS = 150
# The story's lead figure (before the body, in its <article> or <main>) may carry a longer credit and text beside its
# caption (its <figcaption>, of any length: some sites caption the lead picture with the story's standfirst), but not
# be mostly links (a gallery's thumbnails).
LEAD_FIGURE_MAX_TEXT_CHARS = 400
LEAD_FIGURE_MAX_LINK_DENSITY = 0.5

# A block before the pick under the same parent is the story's introduction (a review's "we tested..." lede, a
# study's abstract) when it is prose: this long, almost no link text, mostly paragraph text, and no headline
# block (<h1>), which readability's heading step handles. Its score can fall below readability's sibling bar.
INTRO_TAGS = ("div", "section", "article")
INTRO_MIN_CHARS = 140
INTRO_MAX_LINK_DENSITY = 0.1
INTRO_MIN_PARAGRAPH_SHARE = 0.7

# The repeated title (header.py): the heading tags that may repeat it (Readability.js's), how much of the heading's
# text must be the title's words (Readability.js: more than 0.75), and how far into the article it may stand (a
# heading after this many words of other text is part of the story).
REPEATED_TITLE_TAGS = frozenset({"h1", "h2"})
REPEATED_TITLE_MIN_SIMILARITY = 0.75
REPEATED_TITLE_MAX_WORDS_BEFORE = 30

# The date line (header.py): month names, one list a language (English, German, French, Spanish, Italian,
# Portuguese, Dutch, Polish, Ukrainian, Russian; the Slavic ones as a date writes them, in the genitive, Polish's
# nominative too): a date line writes its month in words as often as in digits ('15 Dec, 2025', '3 de mayo de 2022').
MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ),
    "de": (
        "januar",
        "jänner",
        "februar",
        "märz",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "dezember",
        "okt",
        "dez",
    ),
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
        "janv",
        "févr",
        "avr",
        "juil",
        "déc",
    ),
    "es": (
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "setiembre",
        "octubre",
        "noviembre",
        "diciembre",
        "ene",
        "abr",
        "ago",
        "dic",
    ),
    "it": (
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
        "gen",
        "mag",
        "giu",
        "lug",
        "ago",
        "set",
        "ott",
        "dic",
    ),
    "pt": (
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
        "fev",
        "mai",
        "set",
        "out",
        "dez",
    ),
    "nl": (
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
        "mrt",
        "okt",
    ),
    "pl": (
        "stycznia",
        "lutego",
        "marca",
        "kwietnia",
        "maja",
        "czerwca",
        "lipca",
        "sierpnia",
        "września",
        "października",
        "listopada",
        "grudnia",
        "styczeń",
        "luty",
        "marzec",
        "kwiecień",
        "maj",
        "czerwiec",
        "lipiec",
        "sierpień",
        "wrzesień",
        "październik",
        "listopad",
        "grudzień",
    ),
    "uk": (
        "січня",
        "лютого",
        "березня",
        "квітня",
        "травня",
        "червня",
        "липня",
        "серпня",
        "вересня",
        "жовтня",
        "листопада",
        "грудня",
    ),
    "ru": (
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ),
}
# The labels a date line opens with ('Published:', 'Veröffentlicht am', 'Mis à jour le'), one list a language, and
# the little words between label and date (header._DATE_LINE_RE's).
DATE_LABELS: dict[str, tuple[str, ...]] = {
    "en": ("published", "updated", "last updated", "posted", "posted on"),
    "de": ("veröffentlicht", "aktualisiert", "publiziert", "zuletzt aktualisiert", "stand"),
    "fr": ("publié", "mis à jour", "publié le", "mis à jour le"),
    "es": ("publicado", "actualizado", "publicado el", "actualizado el"),
    "it": ("pubblicato", "aggiornato", "pubblicato il", "aggiornato il"),
    "pt": ("publicado", "atualizado", "publicado em", "atualizado em"),
    "nl": ("gepubliceerd", "bijgewerkt", "gepubliceerd op", "bijgewerkt op"),
    "pl": ("opublikowano", "zaktualizowano", "aktualizacja", "data publikacji"),
    "uk": ("опубліковано", "оновлено"),
    "ru": ("опубликовано", "обновлено"),
}

# titled_story: a pick gives way to the best candidate in the branch of the page's headline (an <h1> of at least
# this many characters that the page's title holds) when that candidate scores this share of it.
HEADLINE_MIN_CHARS = 20
TITLED_STORY_SCORE_SHARE = 0.25
