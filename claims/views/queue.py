from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.template.response import TemplateResponse

from claims import selectors
from claims.models import Article
from claims.views.access import require_perm


@login_required
def queue(request):
    require_perm(request.user, "claims.view_article")
    status = request.GET.get("status", "")
    if status not in Article.Status.values:
        status = ""
    page = Paginator(selectors.article_queue(status=status), 50).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "claims/queue.html",
        {"page": page, "status": status, "statuses": Article.Status.choices},
    )
