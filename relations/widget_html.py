"""The filter forms' widgets written in Python, not rendered through Django's form templates.

Every list page shows its filter form: 5 to 9 fields, each widget rendered through Django's
template engine (a text box is two templates, a select one template per option, each option
including the attributes' template). That was about 40 % of a list page's rendering time.
``WidgetRenderer`` writes the same HTML, byte for byte (tests/test_widget_html.py compares
it with Django's templates for every filter form), for the widgets Django ships as
``input.html``-based boxes and ``select.html``; any other template goes through Django's.
"""

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape

WIDGETS = "django/forms/widgets/"
INPUTS = {
    f"{WIDGETS}{name}.html"
    for name in ("input", "text", "number", "search", "email", "url", "hidden")
}
SELECT = f"{WIDGETS}select.html"
OPTION = f"{WIDGETS}select_option.html"


def attributes(attrs):
    """django/forms/widgets/attrs.html: `` name="value"``, a bare name for True, none for
    False."""
    return "".join(
        f" {conditional_escape(name)}"
        if value is True
        else f' {conditional_escape(name)}="{conditional_escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def input_html(widget):
    """django/forms/widgets/input.html."""
    value = widget["value"]
    shown = "" if value is None else f' value="{conditional_escape(value)}"'
    return (
        f'<input type="{conditional_escape(widget["type"])}" '
        f'name="{conditional_escape(widget["name"])}"{shown}{attributes(widget["attrs"])}>'
    )


def option_html(option):
    """django/forms/widgets/select_option.html."""
    return (
        f'<option value="{conditional_escape(option["value"])}"'
        f"{attributes(option['attrs'])}>{conditional_escape(option['label'])}</option>"
    )


def select_html(widget):
    """django/forms/widgets/select.html, with its options; None when an option has a
    template of its own."""
    parts = [f'<select name="{conditional_escape(widget["name"])}"{attributes(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        for option in group_choices:
            if option["template_name"] != OPTION:
                return None
            # the include's own line break stays: only the whole widget is stripped
            parts.append(f"\n  {option_html(option)}\n")
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


class WidgetRenderer(DjangoTemplates):
    """Django's default form renderer, but text boxes and selects are written in Python."""

    def render(self, template_name, context, request=None):
        widget = context.get("widget")
        if widget is not None:
            # Django's renderer strips what the template writes: no line break at the end.
            if template_name in INPUTS:
                return input_html(widget)
            if template_name == SELECT:
                html = select_html(widget)
                if html is not None:
                    return html
        return super().render(template_name, context, request)


renderer = WidgetRenderer()
