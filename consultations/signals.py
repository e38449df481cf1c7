"""Signals other apps listen to; connected in their AppConfig.ready()."""

from django.dispatch import Signal

# Sent inside the transaction that stores a new response; args: response.
response_submitted = Signal()
