"""Celery's configuration: the CELERY_* Django settings, read once.

Celery looks a setting up under several spellings on every task publish;
through Django's lazy settings object each miss raised and caught an
AttributeError, a quarter of the CPU of a publish on the API's ingest path.
A plain dict answers the same lookups for a fraction of that. Celery imports
this module lazily, the first time it needs its configuration, so Django's
settings are ready by then.
"""

from django.conf import settings

CONFIG = {name: getattr(settings, name) for name in dir(settings) if name.startswith("CELERY_")}
