"""The parts of the submission load bench (`bench/submission_load.py`, run by `make bench`).

- `params`: what every part shares: addresses, run length, client count, caps and targets;
- `server`: the throwaway site's setup, and starting and stopping gunicorn;
- `bodies`: the consultation's questions and the pre-made form bodies posted to it;
- `clients`: one client connection's warm-up and timed loop;
- `journey`: clients that read the page as a browser does: the page alone, and the whole
  journey of a fresh visitor (GET, then POST with the page's token);
- `cpu`: CPU seconds used by the server, the client and the rest of the machine;
- `phases`: the timed phases, and counting what they stored against what was acknowledged;
- `report`: the figures and verdicts printed at the end.

No module here imports project code at import time: Django is set up by the entry script.
"""
