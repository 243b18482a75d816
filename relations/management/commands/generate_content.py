"""Synthetic content at a chosen scale, for benchmarks and for trying the site with volume.

The same scale and seed give the same content. Rows are written with bulk_create in
batches (no signals, so the page cache is emptied once at the end), which builds the large
scale in a few minutes. Proportions follow the real content: most dates known to the day,
some to a month or a year, a few only to a decade; most entries in the last thirty years;
every entry in English, a share also in Russian and Turkish.
"""

import datetime
import random
import sys
import time

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from relations import cache, search
from relations.dates import Precision, period_start
from relations.models import (
    ActionKind,
    Agreement,
    AgreementAction,
    AgreementKind,
    AgreementLink,
    AgreementStatus,
    Category,
    CoChair,
    Country,
    Event,
    EventSeries,
    LinkKind,
    Office,
    Organisation,
    OrganisationKind,
    PartnerPage,
    Person,
    Publication,
    Role,
    Section,
    Source,
    Visit,
    VisitLevel,
)

SCALES = {
    "small": {
        "events": 1_000,
        "agreements": 100,
        "visits": 200,
        "offices": 40,
        "people": 100,
        "organisations": 100,
        "series": 10,
    },
    "medium": {
        "events": 10_000,
        "agreements": 1_000,
        "visits": 2_000,
        "offices": 200,
        "people": 500,
        "organisations": 400,
        "series": 30,
    },
    "large": {
        "events": 100_000,
        "agreements": 10_000,
        "visits": 20_000,
        "offices": 1_000,
        "people": 2_000,
        "organisations": 2_000,
        "series": 100,
    },
}

BATCH = 2_000

# The home country and its 20 partners: (ISO code, English, Russian, Turkish, a city).
HOME = ("RU", "Russia", "Россия", "Rusya", "Moscow")
PARTNERS = [
    ("TR", "Turkey", "Турция", "Türkiye", "Ankara"),
    ("CN", "China", "Китай", "Çin", "Beijing"),
    ("IN", "India", "Индия", "Hindistan", "New Delhi"),
    ("DE", "Germany", "Германия", "Almanya", "Berlin"),
    ("FR", "France", "Франция", "Fransa", "Paris"),
    ("IT", "Italy", "Италия", "İtalya", "Rome"),
    ("JP", "Japan", "Япония", "Japonya", "Tokyo"),
    ("KZ", "Kazakhstan", "Казахстан", "Kazakistan", "Astana"),
    ("BY", "Belarus", "Беларусь", "Belarus", "Minsk"),
    ("IR", "Iran", "Иран", "İran", "Tehran"),
    ("EG", "Egypt", "Египет", "Mısır", "Cairo"),
    ("BR", "Brazil", "Бразилия", "Brezilya", "Brasília"),
    ("VN", "Vietnam", "Вьетнам", "Vietnam", "Hanoi"),
    ("RS", "Serbia", "Сербия", "Sırbistan", "Belgrade"),
    ("AM", "Armenia", "Армения", "Ermenistan", "Yerevan"),
    ("UZ", "Uzbekistan", "Узбекистан", "Özbekistan", "Tashkent"),
    ("AZ", "Azerbaijan", "Азербайджан", "Azerbaycan", "Baku"),
    ("ID", "Indonesia", "Индонезия", "Endonezya", "Jakarta"),
    ("ZA", "South Africa", "ЮАР", "Güney Afrika", "Pretoria"),
    ("AR", "Argentina", "Аргентина", "Arjantin", "Buenos Aires"),
]

# Shares seen in the real content.
PRECISIONS = {Precision.DAY: 70, Precision.MONTH: 15, Precision.YEAR: 10, Precision.DECADE: 5}
CATEGORIES = {
    Category.DIPLOMATIC: 20,
    Category.POLITICAL: 15,
    Category.ECONOMIC: 20,
    Category.ENERGY: 8,
    Category.INDUSTRIAL: 8,
    Category.MILITARY_TECHNICAL: 4,
    Category.EXHIBITION: 8,
    Category.INSTITUTIONAL: 5,
    Category.CULTURAL: 10,
    Category.OTHER: 2,
}
EVENT_KINDS = {
    Category.DIPLOMATIC: ("Consultations", "Консультации", "İstişareler"),
    Category.POLITICAL: ("Talks", "Переговоры", "Görüşmeler"),
    Category.ECONOMIC: ("Business forum", "Деловой форум", "İş forumu"),
    Category.ENERGY: ("Energy dialogue", "Энергетический диалог", "Enerji diyaloğu"),
    Category.INDUSTRIAL: ("Industrial fair", "Промышленная ярмарка", "Sanayi fuarı"),
    Category.MILITARY_TECHNICAL: (
        "Military-technical meeting",
        "Военно-техническая встреча",
        "Askeri-teknik toplantı",
    ),
    Category.EXHIBITION: ("Exhibition", "Выставка", "Sergi"),
    Category.INSTITUTIONAL: ("Commission session", "Заседание комиссии", "Komisyon oturumu"),
    Category.CULTURAL: ("Culture days", "Дни культуры", "Kültür günleri"),
    Category.OTHER: ("Meeting", "Встреча", "Toplantı"),
}
FIRST_NAMES = ["Ivan", "Ayşe", "Mehmet", "Olga", "Li", "Anna", "Karim", "Sofia", "Pedro", "Yuki"]
LAST_NAMES = ["Petrov", "Yılmaz", "Kaya", "Ivanova", "Wang", "Müller", "Rossi", "Sato", "Silva"]
ROLES = ["President", "Prime Minister", "Minister of Foreign Affairs", "Minister of Economy"]
LORE = (
    "The sides discussed trade, energy and transport, and agreed to meet again next year. "
    "Delegations of ministries and companies took part."
)


class Command(BaseCommand):
    help = "Generate synthetic content: 20 partner countries and dated entries at a scale."

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=SCALES, default="small")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--quiet", action="store_true", help="No progress bar.")

    def handle(self, scale, seed, quiet, **options):
        self.random = random.Random(seed)
        self.seed = seed
        self.quiet = quiet or options["verbosity"] == 0
        self.serial = 0
        started = time.monotonic()
        with translation.override("en"), transaction.atomic():
            Generator(self, SCALES[scale]).run()
            search.rebuild_index()  # bulk_create does not send the index's signals
            analyze()
        cache.invalidate()
        if options["verbosity"]:
            self.stdout.write(f"Generated {scale} content in {time.monotonic() - started:.0f} s.")

    def progress(self, label, done, total):
        if self.quiet:
            return
        width = 30
        filled = width * done // total
        sys.stderr.write(
            f"\r{label:<14} [{'#' * filled}{'.' * (width - filled)}] {done:,}/{total:,}"
        )
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def analyze():
    """Planner statistics for what was just written, on PostgreSQL (in the same transaction,
    so they count its rows too). Without them the planner takes the tables for nearly empty
    until autovacuum comes by: a series page's participants took minutes, not milliseconds,
    right after a run."""
    connection = transaction.get_connection()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


class Generator:
    def __init__(self, command, counts):
        self.command = command
        self.random = command.random
        self.counts = counts

    # Helpers -----------------------------------------------------------------

    def pick(self, weights):
        return self.random.choices(list(weights), weights=list(weights.values()))[0]

    def date(self, precision=None):
        """A date skewed towards recent years, as the first day of its period."""
        precision = precision or self.pick(PRECISIONS)
        year = int(self.random.triangular(1920, 2026, 2025))
        value = datetime.date(year, self.random.randint(1, 12), self.random.randint(1, 28))
        return period_start(value, precision), precision

    def translations(self, **values):
        """``field=(en, ru, tr)`` pairs as keyword arguments: English always, the rest for
        a share of entries, as on the real site."""
        fields = {}
        has_ru, has_tr = self.random.random() < 0.4, self.random.random() < 0.25
        for name, (en, ru, tr) in values.items():
            fields[f"{name}_en"] = en
            fields[f"{name}_ru"] = ru if has_ru else ""
            fields[f"{name}_tr"] = tr if has_tr else ""
        return fields

    def slug(self, prefix):
        """Unique across seeds, so a second seed adds to the content of the first."""
        self.command.serial += 1
        return f"{prefix}-{self.command.seed}-{self.command.serial}"

    def publication(self):
        return Publication.PUBLISHED if self.random.random() < 0.97 else Publication.DRAFT

    def create(self, label, model, total, build):
        """``total`` rows of ``model`` from ``build(i)``, in batches, with progress."""
        created = []
        for start in range(0, total, BATCH):
            batch = [build(i) for i in range(start, min(start + BATCH, total))]
            created += model.objects.bulk_create(batch)
            self.command.progress(label, len(created), total)
        return created

    def link(self, label, through, pairs):
        """Many-to-many rows from (from_id, to_id) pairs."""
        pairs = list(dict.fromkeys(pairs))
        source, target = (field.attname for field in through._meta.fields[1:3])
        self.create(
            label,
            through,
            len(pairs),
            lambda i: through(**{source: pairs[i][0], target: pairs[i][1]}),
        )

    # Content -----------------------------------------------------------------

    def run(self):
        self.countries()
        self.people = self.create("people", Person, self.counts["people"], self.person)
        self.organisations = self.create(
            "organisations", Organisation, self.counts["organisations"], self.organisation
        )
        self.link(
            "  countries",
            Organisation.countries.through,
            ((org.pk, self.random.choice(self.all_countries).pk) for org in self.organisations),
        )
        self.series = self.create("series", EventSeries, self.counts["series"], self.one_series)
        self.events = self.create("events", Event, self.counts["events"], self.event)
        self.link("  countries", Event.countries.through, self.event_countries())
        self.link(
            "  organisations",
            Event.organisations.through,
            (
                (event.pk, self.random.choice(self.organisations).pk)
                for event in self.events
                for _ in range(self.random.choice((0, 0, 1, 1, 2, 3)))
            ),
        )
        self.visits = self.create("visits", Visit, self.counts["visits"], self.visit)
        self.agreement_partners = []  # each agreement's partner, for its parties
        self.agreements = self.create(
            "agreements", Agreement, self.counts["agreements"], self.agreement
        )
        self.link(
            "  parties",
            Agreement.parties.through,
            (
                (agreement.pk, country.pk)
                for agreement, partner in zip(self.agreements, self.agreement_partners, strict=True)
                for country in (self.home, partner)
            ),
        )
        self.offices = self.create("offices", Office, self.counts["offices"], self.office)
        self.link(
            "  represents",
            Office.represents.through,
            (
                (office.pk, self.random.choice(self.organisations).pk)
                for office in self.offices
                for _ in range(self.random.choice((0, 1, 2)))
            ),
        )

        self.records()

    def records(self):
        """Sources, roles, co-chairs and agreement actions and links, drawn after everything
        else so the entries above are the same with or without them."""
        self.sources = self.create(
            "sources", Source, max(1, self.counts["people"] // 10), self.source
        )
        for field, entries in (
            (Event.sources, self.events),
            (Agreement.sources, self.agreements),
            (Visit.sources, self.visits),
        ):
            self.link(
                "  sources",
                field.through,
                ((entry.pk, self.random.choice(self.sources).pk) for entry in entries),
            )
        self.create("roles", Role, len(self.people), self.role)
        self.councils = [o for o in self.organisations if o.kind == OrganisationKind.COUNCIL]
        if self.councils:
            self.create("co-chairs", CoChair, len(self.councils) * 2, self.co_chair)
        self.create("actions", AgreementAction, len(self.agreements), self.action)
        self.create("links", AgreementLink, len(self.agreements) // 4, self.agreement_link)

    def source(self, i):
        return Source(
            slug=self.slug("source"),
            url=f"https://example.org/sources/{self.command.seed}/{i + 1}",
            **self.translations(
                title=(f"Report {i + 1}", f"Отчёт {i + 1}", f"Rapor {i + 1}"),
                publisher=("Example Press", "Пример", "Örnek"),
            ),
        )

    def role(self, i):
        date, precision = self.date(Precision.YEAR)
        title = self.random.choice(ROLES)
        return Role(
            person=self.people[i],
            country=self.random.choice(self.all_countries),
            date=date,
            date_precision=precision,
            **self.translations(title=(title, title, title)),
        )

    def co_chair(self, i):
        date, precision = self.date(Precision.YEAR)
        return CoChair(
            body=self.councils[i // 2],
            person=self.people[i % len(self.people)],  # two different people per body
            country=(self.home, self.random.choice(self.partners))[i % 2],
            date=date,
            date_precision=precision,
            **self.translations(role=("Co-chair", "Сопредседатель", "Eş başkan")),
        )

    def action(self, i):
        agreement = self.agreements[i]
        return AgreementAction(
            agreement=agreement,
            party=self.agreement_partners[i],
            action=ActionKind.SIGNATURE,
            date=agreement.signed_on,
            date_precision=agreement.signed_precision,
            **self.translations(note=("", "", "")),
        )

    def agreement_link(self, i):
        # Disjoint pairs: never the same link twice.
        newer, older = self.agreements[2 * i + 1], self.agreements[2 * i]
        return AgreementLink(from_agreement=newer, kind=LinkKind.AMENDS, to_agreement=older)

    def countries(self):
        """The home country and 20 partners (kept if they exist), each with a partner page."""
        self.partners = []
        for iso, en, ru, tr, _city in (HOME, *PARTNERS):
            country = Country.objects.filter(iso_code=iso).first() or Country.objects.create(
                iso_code=iso, slug=en.lower().replace(" ", "-"), name_en=en, name_ru=ru, name_tr=tr
            )
            if iso == HOME[0]:
                self.home = country
                continue
            self.partners.append(country)
            if not PartnerPage.objects.filter(country=country).exists():
                self.partner_page(country, en, ru, tr)
        self.all_countries = [self.home, *self.partners]
        self.cities = {
            country.pk: row[4]
            for country, row in zip(self.all_countries, (HOME, *PARTNERS), strict=True)
        }

    def partner_page(self, country, en, ru, tr):
        # Not drawn from the seed's sequence: pages are made once, entries on every run.
        established = datetime.date(1920 + 4 * len(self.partners), 1, 1)
        page = PartnerPage.objects.create(
            country=country,
            slug=country.slug,
            publication=Publication.PUBLISHED,
            position=len(self.partners),
            relations_established=established,
            relations_established_precision=Precision.YEAR,
            title_en=f"Cooperation with {en}",
            title_ru=f"Сотрудничество: {ru}",
            title_tr=f"{tr} ile işbirliği",
            summary_en=f"Relations with {en}: events, agreements, visits and offices.",
        )
        for position, title in enumerate(("History", "Treaty framework", "Trade and energy")):
            Section.objects.create(
                page=page,
                slug=title.lower().replace(" ", "-"),
                position=position,
                title_en=title,
                body_en=f"{LORE}\n\n{LORE}",
            )

    def person(self, i):
        name = f"{self.random.choice(FIRST_NAMES)} {self.random.choice(LAST_NAMES)}"
        return Person(
            slug=self.slug("person"),
            **self.translations(name=(name, name, name), summary=(LORE, LORE, LORE)),
        )

    def organisation(self, i):
        kind = self.pick({kind: 1 for kind in OrganisationKind})
        name = f"{kind.label} {i + 1}"
        founded, precision = self.date()
        return Organisation(
            slug=self.slug("organisation"),
            kind=kind,
            publication=self.publication(),
            founded=founded,
            founded_precision=precision,
            **self.translations(
                name=(name, f"Организация {i + 1}", f"Kuruluş {i + 1}"),
                acronym=(f"O{i + 1}", f"О{i + 1}", f"K{i + 1}"),
                description=(LORE, LORE, LORE),
            ),
        )

    def one_series(self, i):
        country = self.random.choice(self.all_countries)
        first, precision = self.date(Precision.YEAR)
        return EventSeries(
            slug=self.slug("series"),
            country=country,
            interval_years=self.random.choice((1, 2, None)),
            first_held=first,
            first_held_precision=precision,
            publication=Publication.PUBLISHED,
            **self.translations(
                name=(f"Forum {i + 1}", f"Форум {i + 1}", f"Forum {i + 1}"),
                acronym=("", "", ""),
                description=(LORE, LORE, LORE),
                place=(self.cities[country.pk],) * 3,
            ),
        )

    def event(self, i):
        category = self.pick(CATEGORIES)
        partner = self.random.choice(self.partners)
        place_country = self.random.choice((self.home, partner))
        city = self.cities[place_country.pk]
        date, precision = self.date()
        end_date = end_precision = ""
        if precision == Precision.DAY and self.random.random() < 0.15:
            end_date, end_precision = (
                date + datetime.timedelta(days=self.random.randint(1, 4)),
                precision,
            )
        en, ru, tr = EVENT_KINDS[category]
        return Event(
            slug=self.slug("event"),
            category=category,
            date=date,
            date_precision=precision,
            end_date=end_date or None,
            end_precision=end_precision,
            place_country=place_country,
            series=self.random.choice(self.series) if self.random.random() < 0.05 else None,
            publication=self.publication(),
            **self.translations(
                title=(
                    f"{en} in {city} ({i + 1})",
                    f"{ru}: {city} ({i + 1})",
                    f"{tr}, {city} ({i + 1})",
                ),
                summary=(LORE, LORE, LORE),
                body=(f"{LORE}\n\n{LORE}", LORE, LORE),
                place=(city, city, city),
            ),
        )

    def event_countries(self):
        for event in self.events:
            partner = event.place_country if event.place_country != self.home else None
            yield event.pk, self.home.pk
            yield event.pk, (partner or self.random.choice(self.partners)).pk

    def visit(self, i):
        partner = self.random.choice(self.partners)
        origin, host = (self.home, partner) if self.random.random() < 0.5 else (partner, self.home)
        person = self.random.choice(self.people)
        level = self.pick(
            {
                VisitLevel.STATE: 10,
                VisitLevel.OFFICIAL: 30,
                VisitLevel.WORKING: 45,
                VisitLevel.MEETING: 10,
                VisitLevel.OTHER: 5,
            }
        )
        date, precision = self.date()
        city = self.cities[host.pk]
        return Visit(
            slug=self.slug("visit"),
            person=person,
            origin_country=origin,
            host_country=host,
            level=level,
            date=date,
            date_precision=precision,
            publication=self.publication(),
            **self.translations(
                title=(f"Visit of {person.name_en} to {city}",) * 3,
                role=(self.random.choice(ROLES),) * 3,
                summary=(LORE, LORE, LORE),
                place=(city, city, city),
            ),
        )

    def agreement(self, i):
        partner = self.random.choice(self.partners)
        self.agreement_partners.append(partner)
        signed_on, precision = self.date()
        kind = self.pick({kind: 1 for kind in AgreementKind})
        return Agreement(
            slug=self.slug("agreement"),
            kind=kind,
            status=self.pick({status: 1 for status in AgreementStatus}),
            sphere=self.pick(CATEGORIES),
            signed_on=signed_on,
            signed_precision=precision,
            place_country=self.random.choice((self.home, partner)),
            visit=self.random.choice(self.visits) if self.random.random() < 0.1 else None,
            is_key=self.random.random() < 0.002,
            publication=self.publication(),
            **self.translations(
                title=(f"{kind.label} no. {i + 1}", f"Документ № {i + 1}", f"Belge no. {i + 1}"),
                summary=(LORE, LORE, LORE),
                place=("", "", ""),
            ),
        )

    def office(self, i):
        country = self.random.choice(self.all_countries)
        city = self.cities[country.pk]
        return Office(
            slug=self.slug("office"),
            organisation=self.random.choice(self.organisations),
            country=country,
            phone=f"+7 495 {self.random.randint(100, 999)} {self.random.randint(10, 99)} 00",
            email=f"office{i + 1}@example.org",
            publication=self.publication(),
            **self.translations(
                name=(
                    f"Office {i + 1} in {city}",
                    f"Представительство {i + 1}",
                    f"Temsilcilik {i + 1}",
                ),
                city=(city, city, city),
                address=("1 Main Street", "ул. Главная, 1", "Ana Cadde 1"),
                summary=(LORE, LORE, LORE),
            ),
        )
