"""Wagtail's database search backend, with SQLite's full-text queries quoted safely.

The SQLite backend wraps each search word in double quotes for FTS5 but does not escape a
double quote inside it, and passes a quoted phrase to MATCH as it was typed: a search for `"`
or `"a:b"` in the admin was a database error (a 500). FTS5 escapes a quote by doubling it,
and a phrase is safe once it is one quoted string. Other databases get the backend unchanged.
"""

from functools import cache

from modelsearch.backends import database
from modelsearch.query import Phrase, PlainText


def _fts5_string(text: str) -> str:
    return text.replace('"', '""')


class _QuotedQueries:
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            query = PlainText(
                _fts5_string(query.query_string), operator=query.operator, boost=query.boost
            )
        elif isinstance(query, Phrase):
            query = Phrase(f'"{_fts5_string(query.query_string)}"')
        return super().build_search_query_content(query, config=config)


@cache
def _sqlite_compilers() -> tuple[type, type]:
    # Imported only on SQLite: the module defines SQLite's index model, which other databases
    # do not have.
    from modelsearch.backends.database.sqlite import sqlite

    class SQLiteSearchQueryCompiler(_QuotedQueries, sqlite.SQLiteSearchQueryCompiler):
        pass

    class SQLiteAutocompleteQueryCompiler(_QuotedQueries, sqlite.SQLiteAutocompleteQueryCompiler):
        pass

    return SQLiteSearchQueryCompiler, SQLiteAutocompleteQueryCompiler


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    backend = database.SearchBackend(params)
    if type(backend).__name__ == "SQLiteSearchBackend":
        search, autocomplete = _sqlite_compilers()
        backend.query_compiler_class = search
        backend.autocomplete_query_compiler_class = autocomplete
    return backend
