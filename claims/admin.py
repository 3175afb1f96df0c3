from django.contrib import admin

from claims.admin_readonly import ReadOnlyAdmin
from claims.api import admin as api_admin
from claims.models import (
    Article,
    ArticleRevision,
    AuditEvent,
    ExtractionRun,
    Figure,
    Finding,
    FindingReview,
    Outlet,
    Story,
    Verdict,
)


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "domain", "created_at"]
    search_fields = ["name", "domain"]


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = ["title", "created_at"]
    search_fields = ["title"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "outlet", "status", "revision", "published_at", "created_at"]
    list_filter = ["status", "outlet"]
    search_fields = ["title", "external_id"]
    readonly_fields = ["public_id", "content_hash", "revision", "text", "html", "status", "error"]
    list_select_related = ["outlet"]


@admin.register(Figure)
class FigureAdmin(ReadOnlyAdmin):
    list_display = ["surface", "kind", "unit", "status", "article", "is_current"]
    list_filter = ["kind", "status", "is_current"]
    list_select_related = ["article"]


@admin.register(Verdict)
class VerdictAdmin(ReadOnlyAdmin):
    list_display = ["figure", "decision", "reason", "reviewer", "created_at"]
    list_filter = ["decision", "reason"]
    list_select_related = ["figure", "reviewer"]


@admin.register(ExtractionRun)
class ExtractionRunAdmin(ReadOnlyAdmin):
    list_display = ["article", "revision", "status", "attempts", "figure_count", "created_at"]
    list_filter = ["status"]
    list_select_related = ["article"]


@admin.register(ArticleRevision)
class ArticleRevisionAdmin(ReadOnlyAdmin):
    list_display = ["article", "number", "created_at"]


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ["action", "object_type", "object_id", "actor", "created_at"]
    list_filter = ["action", "object_type"]


@admin.register(Finding)
class FindingAdmin(ReadOnlyAdmin):
    list_display = ["type", "status", "is_current", "story", "why", "created_at"]
    list_filter = ["type", "status", "is_current"]
    list_select_related = ["story"]


@admin.register(FindingReview)
class FindingReviewAdmin(ReadOnlyAdmin):
    list_display = ["finding", "decision", "reviewer", "created_at"]
    list_select_related = ["finding", "reviewer"]


# API keys, webhook endpoints and the delivery log (claims/api/admin.py).
api_admin.register(admin.site)
