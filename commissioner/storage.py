"""Casework files live outside the public media root and have no public address: they are
read only through the permission-checked, audited download view."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages


class PrivateStorage(FileSystemStorage):
    """Files under CASEWORK_ROOT, read from the settings on every use (as MEDIA_ROOT is)."""

    @property
    def base_location(self):
        return self._location or settings.CASEWORK_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise NotImplementedError("Casework files are served only by the audited download view.")


def casework_storage():
    return storages["casework"]
