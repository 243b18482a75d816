"""Site-wide search over every kind of entry and the partner pages.

On PostgreSQL: full-text search in the active language's dictionary, ranked by
``SearchRank``, plus trigram word similarity on the title so a typo still finds
the entry. Elsewhere (SQLite): every word must appear in some field, ranked by
where the words appear. Each kind is one query; results are merged by rank.
"""

import heapq
import re
from dataclasses import dataclass

from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVectorField,
    TrigramWordSimilarity,
)
from django.db import connection
from django.db.models import Case, F, FloatField, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Greatest
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from .models import Agreement, Event, EventSeries, Office, Organisation, PartnerPage, Visit

MAX_QUERY_LENGTH = 200
PER_KIND = 25
# PostgreSQL's built-in text search dictionaries for our languages.
DICTIONARIES = {"en": "english", "ru": "russian", "tr": "turkish"}


@dataclass(frozen=True)
class Kind:
    label: str
    model: type
    title: str
    # Fields searched besides the title, most telling first.
    fields: tuple
    date: str | None = None


KINDS = [
    Kind(_("Partner page"), PartnerPage, "title", ("summary",)),
    Kind(_("Agreement"), Agreement, "title", ("summary", "place"), "when"),
    Kind(_("Event"), Event, "title", ("summary", "body", "place"), "when"),
    Kind(_("Visit"), Visit, "title", ("summary", "role", "place"), "when"),
    Kind(_("Recurring event"), EventSeries, "name", ("acronym", "description", "place")),
    Kind(_("Organisation"), Organisation, "name", ("acronym", "description")),
    Kind(_("Office"), Office, "name", ("city", "address", "summary")),
]


@dataclass
class Result:
    kind: Kind
    item: object
    rank: float
    words: list

    @property
    def title(self):
        return highlight(getattr(self.item, self.kind.title), self.words)

    @property
    def date(self):
        return getattr(self.item, self.kind.date) if self.kind.date else ""

    @property
    def excerpt(self):
        """The first field that mentions a word, cut around the first mention."""
        for field in self.kind.fields:
            text = getattr(self.item, field) or ""
            match = word_pattern(self.words).search(text)
            if match:
                start = text.rfind(" ", 0, max(0, match.start() - 80)) + 1
                prefix = "… " if start else ""
                return highlight(prefix + Truncator(text[start:]).words(40), self.words)
        return ""


def localized(model, field, language=None):
    """``title`` → ``title_ru`` under Russian, for fields that have translations."""
    if field in translator.get_options_for_model(model).all_fields:
        return build_localized_fieldname(field, language or get_language() or "en")
    return field


def stored_vector(kind, language):
    """The entry's weighted full-text vector in ``language``: a column PostgreSQL keeps up
    to date and indexes (migration 0008), title A, the other fields B, C, D."""
    column = f'"{kind.model._meta.db_table}"."search_{language}"'
    return RawSQL(column, [], output_field=SearchVectorField())


def words_of(text):
    return [word for word in re.findall(r"\w+", text[:MAX_QUERY_LENGTH]) if len(word) > 1][:10]


def word_pattern(words):
    return re.compile("|".join(re.escape(word) for word in words) or r"(?!)", re.IGNORECASE)


def highlight(text, words):
    """Escape first, then mark: the marks are ours, everything else is text."""
    escaped = escape(text or "")
    pattern = word_pattern([escape(word) for word in words])
    return mark_safe(pattern.sub(lambda match: f"<mark>{match.group(0)}</mark>", escaped))


def ranked_sqlite(queryset, kind, words):
    model = kind.model
    title = localized(model, kind.title)
    others = [localized(model, field) for field in kind.fields]
    for word in words:
        anywhere = Q(**{f"{title}__icontains": word})
        for field in others:
            anywhere |= Q(**{f"{field}__icontains": word})
        queryset = queryset.filter(anywhere)
    # A word in the title counts three times a word elsewhere.
    rank = Value(0, output_field=IntegerField())
    for word in words:
        rank += Case(When(**{f"{title}__icontains": word}, then=3), default=0)
        for field in others:
            rank += Case(When(**{f"{field}__icontains": word}, then=1), default=0)
    return queryset.annotate(rank=rank * 1.0).order_by("-rank", title)


def ranked_postgres(queryset, kind, text):
    language = get_language() if get_language() in DICTIONARIES else "en"
    title = localized(kind.model, kind.title, language)
    vector = stored_vector(kind, language)
    query = SearchQuery(text, search_type="websearch", config=DICTIONARIES[language])
    # Both tests are operators the GIN indexes answer: `@@` on the stored vector, and `%>`
    # with the similarity threshold settings give each connection.
    matches = Q(document=query) | Q(TrigramWordSimilar(F(title), Value(text)))
    return (
        queryset.annotate(document=vector)
        .filter(matches)
        .annotate(
            rank=Greatest(
                SearchRank(vector, query),
                TrigramWordSimilarity(text, title),
                output_field=FloatField(),
            )
        )
        .order_by("-rank", title)
    )


def search(text):
    """Published entries of every kind matching ``text``, best first."""
    words = words_of(text)
    if not words:
        return []
    results = []
    for kind in KINDS:
        queryset = kind.model.objects.published()
        if connection.vendor == "postgresql":
            queryset = ranked_postgres(queryset, kind, " ".join(words))
        else:
            queryset = ranked_sqlite(queryset, kind, words)
        results.append([Result(kind, item, item.rank, words) for item in queryset[:PER_KIND]])
    # Each list comes ranked from the database; merging keeps that order.
    return list(heapq.merge(*results, key=lambda result: -result.rank))
