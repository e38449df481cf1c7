from django.dispatch import Signal

# Sent after an inquiry moves on: inquiry, to_state, by.
inquiry_moved = Signal()
