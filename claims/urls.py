from django.urls import path

from claims.views import articles, queue, review

app_name = "claims"

urlpatterns = [
    path("", queue.queue, name="queue"),
    path("articles/new", articles.article_new, name="article_new"),
    path("articles/<uuid:public_id>", review.article_review, name="article"),
    path("articles/<uuid:public_id>/status", review.extraction_status, name="extraction_status"),
    path("articles/<uuid:public_id>/undo", review.article_undo, name="article_undo"),
    path("articles/<uuid:public_id>/assign", review.article_assign, name="article_assign"),
    path("articles/<uuid:public_id>/story", review.article_story, name="article_story"),
    path(
        "articles/<uuid:public_id>/reviewed", review.article_mark_reviewed, name="article_reviewed"
    ),
    path("findings/<uuid:public_id>/review", review.finding_review, name="finding_review"),
    path("figures/<uuid:public_id>/verdict", review.figure_verdict, name="figure_verdict"),
]
