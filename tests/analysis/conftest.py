import pytest

from cms.roles import Role
from tests.analysis.dataset import dataset_create
from tests.factories.accounts import user_with_role


@pytest.fixture
def data(db):
    """The dataset counted by hand in tests/analysis/dataset.py."""
    return dataset_create()


@pytest.fixture
def analyst(client):
    """The test client, logged in as an analyst."""
    client.force_login(user_with_role(Role.ANALYST))
    return client
