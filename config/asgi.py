import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_asgi_application()

# Load the analysis pipeline as the process starts rather than on the first submission.
from safeguarding.services import warm_up  # noqa: E402

warm_up()
