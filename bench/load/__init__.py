"""The parts of the submission load bench (`bench/submission_load.py`, run by `make bench`).

- `params`: what every part shares: addresses, run length, client count, caps and targets;
- `server`: the throwaway site's setup commands, and starting and stopping gunicorn;
- `bodies`: the consultation's questions and the pre-made form bodies posted to it;
- `clients`: one client connection's warm-up and timed loop;
- `cpu`: CPU seconds used by the server, the client and the rest of the machine;
- `phases`: the two timed phases, and counting what they stored against what was acknowledged;
- `report`: the figures and verdicts printed at the end.

No module here imports project code at import time: Django is set up by the entry script.
"""
