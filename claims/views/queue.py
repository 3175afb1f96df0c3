from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.template.response import TemplateResponse

from claims import selectors
from claims.models import Article
from claims.views.access import is_uuid, require_perm

PAGE_SIZE = 50


@login_required
def queue(request):
    require_perm(request.user, "claims.view_article")
    status = request.GET.get("status", "")
    if status not in Article.Status.values:
        status = ""
    filters = {
        "status": status,
        # NUL cannot be sent to PostgreSQL (a 500); no one types it, so drop it.
        "outlet": request.GET.get("outlet", "")[:200].replace("\x00", ""),
        "search": request.GET.get("q", "")[:200].replace("\x00", ""),
        "story": request.GET.get("story", "") if is_uuid(request.GET.get("story", "")) else "",
    }
    assigned = request.GET.get("assigned", "")
    articles = selectors.article_queue(
        **filters,
        assigned_to=request.user if assigned == "me" else None,
        unassigned=assigned == "nobody",
        has_conflicts=request.GET.get("conflicts") == "1",
    )
    filters["conflicts"] = request.GET.get("conflicts") == "1"
    filters["assigned"] = assigned
    page = Paginator(articles, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = selectors.article_problems_attach(
        selectors.article_progress_attach(list(page.object_list))
    )
    params = request.GET.copy()
    params.pop("page", None)
    return TemplateResponse(
        request,
        "claims/queue.html",
        {
            "page": page,
            "filters": filters,
            "statuses": Article.Status.choices,
            "outlets": selectors.outlet_names(),
            "stories": selectors.recent_stories(),
            "query_string": params.urlencode(),
        },
    )
