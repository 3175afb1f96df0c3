from django import template

from claims import display

register = template.Library()


@register.filter
def figure_value(figure) -> str:
    """A figure's normalized value with its unit, as a reviewer reads it."""
    return display.figure_value(figure.value, figure.kind, figure.unit)
