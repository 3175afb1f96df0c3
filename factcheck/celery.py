import os
from pathlib import Path

from celery import Celery
from celery.signals import task_postrun, task_prerun

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")

app = Celery("factcheck")
app.config_from_object("factcheck.celery_config:CONFIG", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_configure.connect
def _make_filesystem_broker_folders(sender: Celery, **_: object) -> None:
    # The serverless broker keeps messages as files; kombu expects the folders.
    for key in ("data_folder_in", "data_folder_out", "processed_folder", "control_folder"):
        folder = (sender.conf.broker_transport_options or {}).get(key)
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)


@task_prerun.connect
@task_postrun.connect
def _recycle_database_connections(**_: object) -> None:
    # As Django does around each request: drop a connection that errored or
    # outlived CONN_MAX_AGE, and health-check the rest before reuse, so a
    # database restart costs one retry, not every task after it.
    from django.db import close_old_connections

    close_old_connections()
