"""Loading settings: defaults, environment variables, overrides, masking, the derived base."""

from __future__ import annotations

import pytest

from lacs_ld.errors import SettingError
from lacs_ld.settings import Settings


def test_defaults_serve_locally_on_the_embedded_store() -> None:
    settings = Settings.load(environ={})
    assert settings.base_uri == "http://127.0.0.1:5000/"
    assert settings.backend == "embedded"
    assert settings.port == 5000


def test_environment_variables_set_values_and_overrides_win() -> None:
    env = {"LACS_LD_PORT": "8080", "LACS_LD_QUERY_TIMEOUT": "2.5"}
    settings = Settings.load({"port": "9090"}, environ=env)
    assert settings.port == 9090
    assert settings.query_timeout == 2.5


def test_secrets_are_masked_when_settings_are_shown() -> None:
    settings = Settings.load({"remote_password": "hunter2"}, environ={})
    assert "hunter2" not in repr(settings.public())
    with pytest.raises(SettingError) as caught:
        Settings.load({"remote_password": 3}, environ={"LACS_LD_PORT": "x"})
    assert "hunter2" not in caught.value.message


def test_the_default_base_uri_follows_the_host_and_port() -> None:
    assert Settings.load({"port": 8123}, environ={}).base_uri == "http://127.0.0.1:8123/"
    assert Settings.load(environ={"LACS_LD_HOST": "::1"}).base_uri == "http://[::1]:5000/"
    given = Settings.load({"port": 8123}, environ={"LACS_LD_BASE_URI": "https://x.example/"})
    assert given.base_uri == "https://x.example/"


@pytest.mark.parametrize(
    ("host", "base"), [("0.0.0.0", "http://127.0.0.1:8000/"), ("::", "http://[::1]:8000/")]
)
def test_a_wildcard_bind_address_derives_a_loopback_base_uri(host: str, base: str) -> None:
    settings = Settings.load({"host": host, "port": "8000"}, environ={})
    assert settings.base_uri == base
