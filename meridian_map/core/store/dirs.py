"""Where the app keeps a user's files, by the platform's conventions (platformdirs).

Apart from the stores in jsonstore.py so that commands which only need a
folder, such as the sheet finding its cached catalog, load no JSON machinery.
"""

from __future__ import annotations

from pathlib import Path

APP_NAME = "meridian-map"
APP_AUTHOR = "MeridianMap"


def config_dir() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, APP_AUTHOR)


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, APP_AUTHOR)


def state_dir() -> Path:
    """Notes the app leaves itself between runs, kept apart from the settings they are about."""
    from platformdirs import user_state_path

    return user_state_path(APP_NAME, APP_AUTHOR)


def cache_dir() -> Path:
    """Disposable data (the built catalog); safe to delete at any time."""
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, APP_AUTHOR)


def content_dir() -> Path:
    """Where a user's own content pack (TOML files, face.svg) lives."""
    return data_dir() / "content"
