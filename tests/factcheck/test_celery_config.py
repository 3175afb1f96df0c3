"""Celery reads its configuration from the CELERY_* Django settings."""

from django.conf import settings

from factcheck.celery import app


def test_celery_sees_the_django_settings():
    assert app.conf.task_default_queue == settings.CELERY_TASK_DEFAULT_QUEUE
    assert app.conf.broker_url == settings.CELERY_BROKER_URL
    assert app.conf.task_acks_late is True
    assert app.conf.task_routes == settings.CELERY_TASK_ROUTES
    assert app.conf.worker_prefetch_multiplier == 1
