"""The NLP pipeline and its Django wrapper.

`nlp.pipeline` is pure spaCy (no Django imports); the rest of this package stores its results.
"""
