import pytest


@pytest.fixture(autouse=True)
def _casework_files(settings, tmp_path):
    """Each test stores casework documents in its own private folder."""
    settings.CASEWORK_ROOT = str(tmp_path / "casework")
    return tmp_path / "casework"
