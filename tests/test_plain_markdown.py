"""Plain summaries skip the Markdown parser (relations/markup.py, plain_paragraphs): the HTML
written for them is the parser's, exactly, and anything else still goes through it."""

import os

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from relations.markup import converter, plain_paragraphs, render_markdown

# Mostly the characters that could mean something to Markdown, and line breaks.
PIECES = list("ab é—Я1.)(-+*#=_`[]<>&!:'\"\\\n\n\n\t\r\u00a0\u2028\u0085")
TEXT = st.lists(st.sampled_from([*PIECES, "1. ", "  \n", "    ", "word "]), max_size=40).map(
    "".join
)


# 300 examples in `make test` (3,000 took 11 s of its time); `make fuzz` runs 3,000.
DEEP = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"


@settings(max_examples=3000 if DEEP else 300, deadline=None)
@given(TEXT)
@example("Visit of the President.\nTalks on trade.\n\nA second paragraph, 1992.")
@example("\n\n  \n")
def test_plain_text_is_written_as_markdown_writes_it(text):
    plain = plain_paragraphs(text)
    if plain is not None:
        assert plain == converter().convert(text)


@pytest.mark.parametrize(
    "text",
    [
        "The forum opened in Kazan.",
        'Talks on trade.\nA second line.\n\n\nAnother paragraph (in 1992); it\'s "agreed" — 50%.',
        "Мирный договор. Barış antlaşması!",
    ],
)
def test_plain_summaries_skip_the_parser(text):
    assert plain_paragraphs(text) is not None
    assert plain_paragraphs(text) == converter().convert(text)


@pytest.mark.parametrize(
    "text",
    [
        "1992. A year",
        "- a list",
        "# heading",
        "under\n===",
        "a *word*",
        "a [link](https://example.org)",
        "    code",
        "line with a hard break  \nnext",
        "R&D",
        "<b>bold</b>",
        "a\\*b",
        "> quoted",
    ],
)
def test_markdown_still_goes_through_the_parser(text):
    assert plain_paragraphs(text) is None
    assert render_markdown(text)  # the parser's HTML, sanitised
