# The web, worker and beat image. Dependencies come from uv.lock.
FROM python:3.11-slim AS base

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    UV_PROJECT_ENVIRONMENT=/opt/venv \
    PATH=/opt/venv/bin:$PATH \
    DATA_DIR=/data

RUN pip install --no-cache-dir "uv==0.13.9" \
    && useradd --system --create-home --uid 1000 trek \
    && mkdir -p /data && chown trek:trek /data

WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project

COPY --chown=trek:trek . .
RUN DATA_DIR=/tmp/build SECRET_KEY=build-only-key-not-used-at-runtime-0123456789abcdef \
    python manage.py collectstatic --noinput --verbosity 0 \
    && mv /tmp/build/static /app/static-root && rm -rf /tmp/build

USER trek
ENV STATIC_ROOT=/app/static-root
VOLUME ["/data"]
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status != 200)"

# Migrations on start, then gunicorn with threaded workers so slow photo
# streams don't starve other requests.
CMD ["sh", "-c", "python manage.py migrate --noinput && exec gunicorn trek.wsgi --bind 0.0.0.0:8000 --workers ${WEB_WORKERS:-2} --threads ${WEB_THREADS:-8} --timeout 120 --graceful-timeout 20 --access-logfile -"]
