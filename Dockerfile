# lacs-ld: the bundled dataset on the embedded store, served as docs/deploying.md recommends:
# gunicorn's threaded workers (one per core), publishing in a child process, a non-root user.
# `docker kill -s HUP <container>` re-publishes. One container is one replica of the tested
# topology: N of them behind nginx configured from deploy/nginx.conf.template (docs/deploying.md).
FROM python:3.11-slim
WORKDIR /srv/lacs-ld
COPY pyproject.toml README.md ./
COPY src ./src
RUN pip install --no-cache-dir . && useradd --create-home --uid 10001 lacs
COPY ontology ./ontology
COPY shapes ./shapes
COPY data ./data
RUN mkdir var && chown lacs var
USER lacs
ENV LACS_LD_HOST=0.0.0.0 LACS_LD_PORT=8000 LACS_LD_WORKERS=2 LACS_LD_THREADS=128 \
    LACS_LD_STATE_DIR=/srv/lacs-ld/var
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4)"
# lacs-ld serve becomes the gunicorn master, PID 1: signals reach it directly.
CMD ["lacs-ld", "serve"]
