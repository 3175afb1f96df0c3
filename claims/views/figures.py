from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from claims import services
from claims.forms import VerdictForm
from claims.views.access import get_figure_for_verdict


@login_required
@require_POST
def figure_verdict(request, public_id):
    figure = get_figure_for_verdict(request.user, public_id)
    back = reverse("claims:article", args=[figure.article.public_id]) + f"#fig-{figure.public_id}"
    form = VerdictForm(request.POST)
    errors = None
    if form.is_valid():
        data = form.cleaned_data
        try:
            verdict = services.verdict_record(
                figure=figure,
                reviewer=request.user,
                decision=data["decision"],
                reason=data["reason"],
                corrected_value=data["corrected_value"],
                note=data["note"],
                evidence_url=data["evidence_url"],
                expected_version=data["version"],
            )
        except services.StaleFigure as stale:
            latest = stale.figure.verdicts.select_related("reviewer").last()
            who = f" by {latest.reviewer}" if latest else ""
            messages.warning(
                request,
                f"“{figure.surface}” was changed{who} since you loaded the page; it is now "
                f"{stale.figure.get_status_display().lower()}. Your verdict was not saved.",
            )
        except ValidationError as exc:
            errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
        else:
            messages.success(
                request,
                f"{verdict.get_decision_display()}: “{figure.surface}” is now "
                f"{figure.get_status_display().lower()}.",
            )
    else:
        errors = {field: list(errs) for field, errs in form.errors.items()}
    if errors is not None:
        request.session["verdict_form"] = {
            "figure": str(figure.public_id),
            "data": {k: v for k, v in request.POST.items() if k in VerdictForm.base_fields},
            "errors": errors,
        }
        messages.error(request, "The verdict was not saved; see the form below.")
    return redirect(back)
