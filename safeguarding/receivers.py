"""How the safeguarding app hears of words to screen and of concerns to put on the queue."""

from safeguarding.services import flag_raise, texts_screen


def screen_requested(sender, texts, **kwargs):
    return texts_screen(texts)


def concern_stored(sender, source, concern, new=False, **kwargs):
    flag_raise(source=source, concern=concern, new=new)
