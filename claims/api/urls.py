from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from claims.api import schema, views
from claims.api.errors import JSONErrorsMixin, api_not_found


class SchemaView(JSONErrorsMixin, SpectacularAPIView):
    pass


class DocsView(JSONErrorsMixin, SpectacularSwaggerView):
    pass


app_name = "api"
assert schema  # imported to register its drf-spectacular extensions

urlpatterns = [
    path("articles", views.ArticleCollection.as_view(), name="articles"),
    path("articles/<str:public_id>", views.ArticleDetail.as_view(), name="article"),
    path(
        "articles/<str:public_id>/claimreview",
        views.ArticleClaimReview.as_view(),
        name="article-claimreview",
    ),
    path("figures", views.FigureList.as_view(), name="figures"),
    path("figures/<str:public_id>", views.FigureDetail.as_view(), name="figure"),
    path(
        "figures/<str:public_id>/verdicts", views.FigureVerdicts.as_view(), name="figure-verdicts"
    ),
    path(
        "findings/<str:public_id>/reviews", views.FindingReviews.as_view(), name="finding-reviews"
    ),
    path("stories/<str:public_id>", views.StoryDetail.as_view(), name="story"),
    path("schema/", SchemaView.as_view(api_version="v1"), name="schema"),
    path("docs/", DocsView.as_view(url_name="api:schema"), name="docs"),
    re_path(r"^.*$", api_not_found),
]
