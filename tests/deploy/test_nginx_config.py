"""deploy/nginx.conf.template as scripts/cluster fills it: nginx accepts it, limits match."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO, free_port

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def render(run: Path, **env: str) -> str:
    """`scripts/cluster config` for two replicas on free ports, in a run folder of its own."""
    run.mkdir(exist_ok=True)
    (run / "ports").write_text(f"{free_port()}\n{free_port()}\n")
    environment = {k: v for k, v in os.environ.items() if not k.startswith("LACS_LD_")}
    environment.update(LACS_LD_CLUSTER_DIR=str(run), LACS_LD_CLUSTER_PORT=str(free_port()))
    environment.update(env)
    done = subprocess.run(
        ["bash", str(REPO / "scripts" / "cluster"), "config"],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


@pytest.fixture
def nginx() -> str:
    if not Path(NGINX).exists():
        pytest.fail("nginx is missing: `bash scripts/test` installs it (apt-get install nginx)")
    return NGINX


def test_filled_configuration_passes_nginx_syntax_check(tmp_path: Path, nginx: str) -> None:
    run = tmp_path / "run"
    config = run / "nginx.conf"
    config.parent.mkdir()
    config.write_text(render(run))
    checked = subprocess.run(
        [nginx, "-t", "-p", str(run), "-e", str(run / "logs" / "error.log"), "-c", str(config)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr
    assert "@" not in re.sub(r"#.*", "", config.read_text()), "a template field was left unfilled"


def test_every_replica_is_an_upstream_server_with_passive_health(tmp_path: Path) -> None:
    run = tmp_path / "run"
    text = render(run)
    ports = (run / "ports").read_text().split()
    servers = re.findall(r"server 127\.0\.0\.1:(\d+) max_fails=\d+ fail_timeout=\d+s;", text)
    assert servers == ports


def test_body_and_request_line_limits_follow_the_service_settings(tmp_path: Path) -> None:
    text = render(tmp_path / "run", LACS_LD_MAX_REQUEST_BYTES="1000", LACS_LD_MAX_URL_BYTES="2000")
    assert "client_max_body_size 1000;" in text
    # gunicorn's request line: the URL plus "OPTIONS  HTTP/1.1" (serving/config.py).
    assert "large_client_header_buffers 4 2017;" in text


def test_default_limits_match_the_default_settings(tmp_path: Path) -> None:
    from lacs_ld.serving.config import request_line_limit
    from lacs_ld.settings import Settings

    settings = Settings.load()
    text = render(tmp_path / "run")
    assert f"client_max_body_size {settings.max_request_bytes};" in text
    assert f"large_client_header_buffers 4 {request_line_limit(settings.max_url_bytes)};" in text
