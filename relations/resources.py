"""Import and export of every kind of entry (django-import-export).

Rows are matched by slug, and related entries are written as their slugs, so a
spreadsheet reads as it would to a person and moves between databases. Every
row is validated like the admin form (``clean_model_instances``), and the admin
imports nothing unless every row is valid.

An import file has a ceiling, checked before the work it would cost: MAX_FILE_BYTES
on the upload, MAX_ROWS rows and MAX_CELLS cells, and for XLSX (a zip) MAX_UNPACKED_BYTES
as its members declare them before openpyxl unpacks any (a 1.6 KB zip grew a worker
to 3 GB) and the sheet's declared size, read in openpyxl's read-only mode.
"""

import io
import zipfile

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from import_export import fields, resources
from import_export.formats.base_formats import CSV, XLSX
from import_export.forms import ImportForm
from import_export.widgets import ForeignKeyWidget, ManyToManyWidget

from .models import (
    Agreement,
    Country,
    Event,
    EventSeries,
    Office,
    Organisation,
    PartnerPage,
    Person,
    Visit,
)

IMPORT_REASON = "Imported from a file"
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_UNPACKED_BYTES = 20 * 1024 * 1024
MAX_ROWS = 5_000
MAX_CELLS = 250_000


class ImportTooLarge(ValueError):
    """A file over a ceiling; its text is shown to the editor on the import form."""


def check_size(rows, columns):
    if rows > MAX_ROWS:
        raise ImportTooLarge(
            _("The file has more than %(limit)s rows; split it into smaller files.")
            % {"limit": MAX_ROWS}
        )
    if rows * columns > MAX_CELLS:
        raise ImportTooLarge(
            _("The file has more than %(limit)s cells; split it into smaller files.")
            % {"limit": MAX_CELLS}
        )


class BoundedCSV(CSV):
    def create_dataset(self, in_stream, **kwargs):
        # The upload is at most MAX_FILE_BYTES, so parsing it whole is bounded too.
        dataset = super().create_dataset(in_stream, **kwargs)
        check_size(dataset.height, dataset.width)
        return dataset


class BoundedXLSX(XLSX):
    def create_dataset(self, in_stream):
        try:
            members = zipfile.ZipFile(io.BytesIO(in_stream)).infolist()
        except zipfile.BadZipFile as error:
            raise ImportTooLarge(_("This is not an XLSX file.")) from error
        if sum(member.file_size for member in members) > MAX_UNPACKED_BYTES:
            raise ImportTooLarge(
                _("Unpacked, the file would take more than %(limit)s; split it.")
                % {"limit": filesizeformat(MAX_UNPACKED_BYTES)}
            )
        import openpyxl

        sheet = openpyxl.load_workbook(io.BytesIO(in_stream), read_only=True).active
        # The declared dimension first, then the rows as they come: a sheet may lie.
        check_size(sheet.max_row or 0, sheet.max_column or 0)
        rows, cells = 0, 0
        for row in sheet.iter_rows(values_only=True):
            rows, cells = rows + 1, cells + len(row)
            check_size(rows, 1)
            check_size(1, cells)
        return super().create_dataset(in_stream)


class BoundedImportForm(ImportForm):
    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)s; at most %(limit)s can be imported at once.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_FILE_BYTES)}
            )
        return upload


def unknown_slugs(model, slugs):
    """A sentence for the import preview, not "Country matching query does not exist"."""
    return ValueError(
        ngettext(
            "No %(kind)s has the slug %(slugs)s: check the spelling, or add it first.",
            "No %(kind)s has the slugs %(slugs)s: check the spelling, or add them first.",
            len(slugs),
        )
        % {"kind": model._meta.verbose_name, "slugs": ", ".join(f"“{s}”" for s in slugs)}
    )


class SlugWidget(ForeignKeyWidget):
    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except self.model.DoesNotExist:
            raise unknown_slugs(self.model, [str(value).strip()]) from None


class SlugsWidget(ManyToManyWidget):
    """Every slug must name an entry: the library's widget leaves unknown ones out unsaid."""

    def clean(self, value, row=None, **kwargs):
        found = super().clean(value, row, **kwargs)
        if not value or isinstance(value, (int, float)):
            return found
        given = [slug.strip() for slug in str(value).split(self.separator) if slug.strip()]
        known = set(found.values_list(self.field, flat=True))
        missing = [slug for slug in given if slug not in known]
        if missing:
            raise unknown_slugs(self.model, missing)
        return found


def by_slug(name, model, many=False):
    widget = SlugsWidget(model, field="slug") if many else SlugWidget(model, "slug")
    return fields.Field(attribute=name, column_name=name, widget=widget)


class EntryResource(resources.ModelResource):
    def import_instance(self, instance, row, **kwargs):
        # Many-to-many cells are read only after the row is saved, where a bad one is a
        # crash with a traceback: read them here too, to show a sentence in the preview.
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field in self.get_import_fields():
            if isinstance(field.widget, ManyToManyWidget) and field.column_name in row:
                try:
                    field.clean(row, **kwargs)
                except ValueError as error:
                    errors[field.attribute] = ValidationError(str(error), code="invalid")
        if errors:
            raise ValidationError(errors)

    def before_save_instance(self, instance, row, **kwargs):
        # For the history: why this version exists, and who imported it.
        instance._change_reason = IMPORT_REASON
        if kwargs.get("user") is not None:
            instance._history_user = kwargs["user"]

    class Meta:
        import_id_fields = ("slug",)
        exclude = ("id", "created_at", "updated_at")
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True


class CountryResource(EntryResource):
    class Meta(EntryResource.Meta):
        model = Country


class PersonResource(EntryResource):
    class Meta(EntryResource.Meta):
        model = Person


class OrganisationResource(EntryResource):
    countries = by_slug("countries", Country, many=True)
    parent = by_slug("parent", Organisation)

    class Meta(EntryResource.Meta):
        model = Organisation


class PartnerPageResource(EntryResource):
    country = by_slug("country", Country)

    class Meta(EntryResource.Meta):
        model = PartnerPage


class EventSeriesResource(EntryResource):
    country = by_slug("country", Country)
    participants = by_slug("participants", Organisation, many=True)

    class Meta(EntryResource.Meta):
        model = EventSeries


class EventResource(EntryResource):
    place_country = by_slug("place_country", Country)
    countries = by_slug("countries", Country, many=True)
    organisations = by_slug("organisations", Organisation, many=True)
    series = by_slug("series", EventSeries)

    class Meta(EntryResource.Meta):
        model = Event


class VisitResource(EntryResource):
    person = by_slug("person", Person)
    origin_country = by_slug("origin_country", Country)
    host_country = by_slug("host_country", Country)

    class Meta(EntryResource.Meta):
        model = Visit


class AgreementResource(EntryResource):
    place_country = by_slug("place_country", Country)
    parties = by_slug("parties", Country, many=True)
    visit = by_slug("visit", Visit)

    class Meta(EntryResource.Meta):
        model = Agreement


class OfficeResource(EntryResource):
    organisation = by_slug("organisation", Organisation)
    represents = by_slug("represents", Organisation, many=True)
    country = by_slug("country", Country)

    class Meta(EntryResource.Meta):
        model = Office
