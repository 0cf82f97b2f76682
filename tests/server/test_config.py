"""Configuration has one path: defaults, then SOURCELIGHT_* variables, then overrides."""
import stat

import pytest

from sourcelight.config import DEFAULTS, load_config


def test_defaults_apply_without_environment(tmp_path):
    config = load_config({"DATA_DIR": str(tmp_path)}, environ={})
    assert config["HOST"] == "127.0.0.1"
    assert config["PORT"] == DEFAULTS["PORT"]
    assert config["DATABASE_URL"] == f"sqlite:///{tmp_path}/sourcelight.db"


@pytest.mark.parametrize(("name", "raw", "key", "expected"), [
    ("SOURCELIGHT_PORT", "9000", "PORT", 9000),
    ("SOURCELIGHT_ALLOW_REMOTE", "yes", "ALLOW_REMOTE", True),
    ("SOURCELIGHT_TIME_BUDGET_SECONDS", "2.5", "TIME_BUDGET_SECONDS", 2.5),
    ("SOURCELIGHT_EXTENSION_IDS", "abc, def", "EXTENSION_IDS", ["abc", "def"]),
    ("SOURCELIGHT_DATABASE_URL", "postgresql+psycopg://u@h/db", "DATABASE_URL", "postgresql+psycopg://u@h/db"),
])
def test_environment_overrides_defaults(tmp_path, name, raw, key, expected):
    assert load_config({"DATA_DIR": str(tmp_path)}, environ={name: raw})[key] == expected


def test_overrides_win_over_environment(tmp_path):
    config = load_config({"DATA_DIR": str(tmp_path), "PORT": 1234}, environ={"SOURCELIGHT_PORT": "9000"})
    assert config["PORT"] == 1234


def test_bad_boolean_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="SOURCELIGHT_ALLOW_REMOTE"):
        load_config({"DATA_DIR": str(tmp_path)}, environ={"SOURCELIGHT_ALLOW_REMOTE": "maybe"})


def test_data_dir_is_created_private(tmp_path):
    target = tmp_path / "new" / "dir"
    load_config({"DATA_DIR": str(target)}, environ={})
    assert stat.S_IMODE(target.stat().st_mode) == 0o700
