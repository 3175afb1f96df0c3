from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from claims.models import Verdict
from claims.netsafety import web_address_validate


class ArticleForm(forms.Form):
    title = forms.CharField(
        max_length=500, required=False, help_text="Taken from the page when you give only a URL."
    )
    outlet = forms.CharField(max_length=200, required=False, help_text="Publication name")
    url = forms.CharField(
        max_length=2000,
        required=False,
        label="URL",
        validators=[web_address_validate],
        help_text="With no text below, a worker downloads the page and finds the article in it.",
    )
    byline = forms.CharField(max_length=300, required=False)
    published = forms.DateField(
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Relative dates such as “last year” are read against this date.",
    )
    text = forms.CharField(
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text="Paste the article's plain text, or its HTML below.",
    )
    html = forms.CharField(
        required=False, strip=False, widget=forms.Textarea(attrs={"rows": 6}), label="HTML"
    )

    @property
    def is_url_only(self) -> bool:
        data = self.cleaned_data
        return not (data.get("text") or "").strip() and not (data.get("html") or "").strip()

    def clean(self):
        data = super().clean()
        if self.is_url_only:
            if not (data.get("url") or "").strip():
                raise ValidationError("Paste the article's text or its HTML, or give its URL.")
        elif not (data.get("title") or "").strip():
            self.add_error("title", "Give the article a title.")
        limit = settings.FACTCHECK_MAX_ARTICLE_CHARS
        for field in ("text", "html"):
            if len(data.get(field) or "") > 4 * limit:
                self.add_error(field, f"This is far over the {limit:,}-character limit.")
        return data


class VerdictForm(forms.Form):
    decision = forms.ChoiceField(choices=Verdict.Decision.choices)
    reason = forms.ChoiceField(choices=[("", "—"), *Verdict.Reason.choices], required=False)
    corrected_value = forms.CharField(max_length=200, required=False)
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    evidence_url = forms.CharField(max_length=2000, required=False, label="Evidence URL")
    version = forms.IntegerField(min_value=1, max_value=2**31 - 1, widget=forms.HiddenInput)
