# One image for web, worker and beat.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

COPY pyproject.toml constraints.txt README.md ./
COPY factcheck ./factcheck
COPY claims ./claims
RUN pip install -c constraints.txt .

COPY . .
RUN SECRET_KEY=collectstatic-only STATIC_MANIFEST=true python manage.py collectstatic --no-input \
    && useradd --system --uid 10001 factcheck \
    && mkdir -p /app/var && chown factcheck /app/var
USER factcheck

EXPOSE 8000
CMD ["gunicorn", "factcheck.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "30", "--access-logfile", "-"]
