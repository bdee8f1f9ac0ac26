"""etl/config.py: settings from NEWSETL_ variables, and one-line errors for bad values."""

import pytest

from etl.config import ES_VERSION, get_settings
from etl.errors import ConfigError


@pytest.fixture(autouse=True)
def fresh_settings():
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_defaults_and_env(monkeypatch):
    monkeypatch.setenv("NEWSETL_ES_URL", "https://search.example.org:9243/")
    monkeypatch.setenv("NEWSETL_ES_PASSWORD", "s3cret")
    monkeypatch.setenv("NEWSETL_BATCH_SIZE", "50")
    s = get_settings()
    assert s.es_url == "https://search.example.org:9243"
    assert s.batch_size == 50
    assert s.index_alias == "news" and s.rejections_index == "news-rejections"
    assert s.es_version == ES_VERSION == "9.5.4"
    assert "s3cret" not in repr(s) and "s3cret" not in str(s.model_dump())


def test_the_rejections_index_follows_the_alias_unless_set(monkeypatch):
    monkeypatch.delenv("NEWSETL_REJECTIONS_INDEX", raising=False)
    monkeypatch.setenv("NEWSETL_INDEX_ALIAS", "archive")
    get_settings.cache_clear()
    assert get_settings().rejections_index == "archive-rejections"
    monkeypatch.setenv("NEWSETL_REJECTIONS_INDEX", "shared-rejections")
    get_settings.cache_clear()
    assert get_settings().rejections_index == "shared-rejections"


@pytest.mark.parametrize(
    ("var", "value", "message"),
    [
        ("NEWSETL_ES_URL", "localhost:9200", "NEWSETL_ES_URL: Value error, 'localhost:9200' is not an http(s) URL"),
        ("NEWSETL_ES_TIMEOUT", "abc", "NEWSETL_ES_TIMEOUT: Input should be a valid number"),
        ("NEWSETL_BATCH_SIZE", "0", "NEWSETL_BATCH_SIZE: Input should be greater than or equal to 1"),
    ],
)
def test_bad_values_name_the_variable(monkeypatch, var, value, message):
    monkeypatch.setenv(var, value)
    with pytest.raises(ConfigError) as info:
        get_settings()
    assert str(info.value).startswith(f"invalid setting {message}")


def test_variables_no_setting_reads_are_named_with_the_closest_setting(tmp_path):
    from etl.config import unknown_variables

    env_file = tmp_path / ".env"
    env_file.write_text("NEWSETL_BACH_SIZE=50\nNEWSETL_DATA=./seeds\nOTHER=1\n")
    environ = {"NEWSETL_INDEX_ALAIS": "x", "NEWSETL_ES_URL": "http://h:9200", "NEWSETL_TEST_ES_PORT": "9250", "NEWSETL_COLOUR": "red", "PATH": "/bin"}
    assert unknown_variables(environ, env_file) == [
        ("NEWSETL_BACH_SIZE", "NEWSETL_BATCH_SIZE"),
        ("NEWSETL_COLOUR", None),
        ("NEWSETL_INDEX_ALAIS", "NEWSETL_INDEX_ALIAS"),
    ]
    assert unknown_variables({"NEWSETL_ES_URL": "x"}, tmp_path / "absent.env") == []
    # read by prefect.yaml (the README's work-pool recipe), not a setting, and no misspelling either
    assert unknown_variables({"NEWSETL_SOURCE_DIR": "/data/inbox"}, tmp_path / "absent.env") == []


def test_every_setting_is_documented_in_the_readme():
    from pathlib import Path

    from etl.config import Settings

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    missing = [f"NEWSETL_{name.upper()}" for name in Settings.model_fields if f"`NEWSETL_{name.upper()}`" not in readme]
    assert missing == []


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("build-batch:explode:*.txt", "'build-batch:explode:*.txt' is not a failpoint such as 'build-batch:raise:GLOB'"),
        ("load-batch:raise:*.txt", "'load-batch:raise:*.txt' is not a failpoint"),
        ("build-batch:raise:", "'build-batch:raise:' is not a failpoint"),
    ],
)
def test_a_malformed_failpoint_is_named(monkeypatch, value, message):
    monkeypatch.setenv("NEWSETL_FAILPOINT", value)
    with pytest.raises(ConfigError) as info:
        get_settings()
    assert str(info.value).startswith(f"invalid setting NEWSETL_FAILPOINT: Value error, {message}")


def test_the_state_dir_follows_xdg_state_home(monkeypatch, tmp_path):
    monkeypatch.delenv("NEWSETL_STATE_DIR", raising=False)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    assert get_settings().state_dir == tmp_path / "newsetl"
