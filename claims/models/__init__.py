"""Data of the review workflow, one module per sub-domain. Writes go through
claims.services, reads that cross relations through claims.selectors; models
hold data, constraints and small derived properties only."""

from .articles import Article, ArticleRevision, ArticleStatus, Integration, Outlet, Story
from .audit import AuditEvent
from .checks import PROBLEM_TYPES, ArticleTerm, Finding, FindingFigure, FindingReview, TermStat
from .figures import Figure, FigureKind, FigureStatus, Verdict, VerdictDecision
from .integrations import (
    ApiKey,
    ApiScope,
    IdempotencyRecord,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)
from .runs import ExtractionRun

__all__ = [
    "PROBLEM_TYPES",
    "ApiKey",
    "ApiScope",
    "Article",
    "ArticleRevision",
    "ArticleStatus",
    "ArticleTerm",
    "AuditEvent",
    "ExtractionRun",
    "Figure",
    "FigureKind",
    "FigureStatus",
    "Finding",
    "FindingFigure",
    "FindingReview",
    "IdempotencyRecord",
    "Integration",
    "Outlet",
    "Story",
    "TermStat",
    "Verdict",
    "VerdictDecision",
    "WebhookDelivery",
    "WebhookEndpoint",
    "WebhookEvent",
]
