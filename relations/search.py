"""Site-wide search over every kind of entry and the partner pages.

On PostgreSQL: full-text search in the active language's dictionary, ranked by
``SearchRank``, plus trigram word similarity on the title so a typo still finds
the entry. Elsewhere (SQLite): every word must appear in some field, ranked by
where the words appear. Each kind is one query; results are merged by rank.
"""

import heapq
import re
from dataclasses import dataclass

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramWordSimilarity,
)
from django.db import connection
from django.db.models import Case, FloatField, IntegerField, Q, Value, When
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
TRIGRAM_THRESHOLD = 0.5
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


def localized(model, field):
    """``title`` → ``title_ru`` under Russian, for fields that have translations."""
    if field in translator.get_options_for_model(model).all_fields:
        return build_localized_fieldname(field, get_language() or "en")
    return field


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
    model = kind.model
    title = localized(model, kind.title)
    config = DICTIONARIES.get(get_language() or "en", "simple")
    vector = SearchVector(title, weight="A", config=config)
    for field, weight in zip(kind.fields, "BCD", strict=False):
        vector += SearchVector(localized(model, field), weight=weight, config=config)
    query = SearchQuery(text, search_type="websearch", config=config)
    return (
        queryset.annotate(
            text_rank=SearchRank(vector, query), similarity=TrigramWordSimilarity(text, title)
        )
        .filter(Q(text_rank__gt=0) | Q(similarity__gte=TRIGRAM_THRESHOLD))
        .annotate(rank=Greatest("text_rank", "similarity", output_field=FloatField()))
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
