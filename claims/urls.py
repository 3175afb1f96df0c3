from django.urls import path

from claims.views import articles, figures, queue

app_name = "claims"

urlpatterns = [
    path("", queue.queue, name="queue"),
    path("articles/new", articles.article_new, name="article_new"),
    path("articles/<uuid:public_id>", articles.article_detail, name="article"),
    path("figures/<uuid:public_id>/verdict", figures.figure_verdict, name="figure_verdict"),
]
