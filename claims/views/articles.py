import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from claims import services
from claims.forms import ArticleForm
from claims.views.access import require_perm


@login_required
@require_http_methods(["GET", "POST"])
def article_new(request):
    require_perm(request.user, "claims.add_article")
    # Bound on any POST, even an empty one, so a refusal always says why.
    form = ArticleForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        published = data["published"]
        published_at = (
            dt.datetime.combine(published, dt.time(12), tzinfo=dt.UTC) if published else None
        )
        try:
            if form.is_url_only:
                result = services.article_submit_url(
                    url=data["url"],
                    title=data["title"],
                    outlet_name=data["outlet"],
                    published_at=published_at,
                    submitted_by=request.user,
                )
            else:
                result = services.article_submit(
                    title=data["title"],
                    text=data["text"],
                    html=data["html"],
                    outlet_name=data["outlet"],
                    url=data["url"].strip(),
                    byline=data["byline"],
                    published_at=published_at,
                    submitted_by=request.user,
                )
        except ValidationError as exc:
            _add_service_errors(form, exc)
        else:
            messages.success(
                request,
                "Article stored; a worker is "
                + ("downloading the page." if form.is_url_only else "extracting its figures."),
            )
            return redirect("claims:article", public_id=result.article.public_id)
    # A refused submission is a 400 (the form with its messages), not a 200.
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "claims/article_new.html", {"form": form}, status=status)


def _add_service_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)
