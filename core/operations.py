"""Migration operations the apps share: moving a model's table between apps
(`ModelTableAdopt`), SQL written per database (`RunSQLForVendor`, for triggers), and the
SQLite guard that refuses DELETE on an append-only table (`SQLiteDeleteGuard`, with
`append_only_purge`, the one way past it; see
docs/adr/0014-casework-oversight-append-only-and-retention.md).

When the analysis and safeguarding models left the old `nlp` app, a database that already held
their rows had to keep them, and a new database had to get the tables. `ModelTableAdopt` does
both: it renames the old table (and its named indexes) when it exists, and creates the table
when it does not. The model's state comes from a `CreateModel` in the same migration's
`SeparateDatabaseAndState`. See docs/adr/0010-one-room-for-each-job.md.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connections, models, transaction
from django.db.migrations.operations.base import Operation

# A table outside Django's models, so `flush` never empties it. While it holds a row, the SQLite
# delete guards stand aside; the row is written only inside `append_only_purge`'s transaction.
PURGE_MARKER = "append_only_purge"
_PURGE_ALLOW = "INSERT INTO append_only_purge (allowed) VALUES (1)"
_PURGE_END = "DELETE FROM append_only_purge"


class ModelTableAdopt(Operation):
    reversible = False
    reduces_to_sql = False

    def __init__(self, model_name: str, old_table: str, renamed_indexes: dict | None = None):
        self.model_name = model_name
        self.old_table = old_table
        self.renamed_indexes = renamed_indexes or {}

    def deconstruct(self):
        kwargs = {"model_name": self.model_name, "old_table": self.old_table}
        if self.renamed_indexes:
            kwargs["renamed_indexes"] = self.renamed_indexes
        return self.__class__.__qualname__, [], kwargs

    def state_forwards(self, app_label, state):
        pass  # the state is the CreateModel's

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        model = to_state.apps.get_model(app_label, self.model_name)
        if not self.allow_migrate_model(schema_editor.connection.alias, model):
            return
        tables = schema_editor.connection.introspection.table_names()
        if self.old_table not in tables:
            schema_editor.create_model(model)
            return
        schema_editor.alter_db_table(model, self.old_table, model._meta.db_table)
        for index in model._meta.indexes:
            old_name = self.renamed_indexes.get(index.name)
            if old_name:
                old = models.Index(fields=index.fields, name=old_name)
                schema_editor.rename_index(model, old, index)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        raise NotImplementedError("Moving these tables back to the old app is not supported.")

    def describe(self):
        return f"Adopt table {self.old_table} for {self.model_name}, or create it"


class RunSQLForVendor(Operation):
    """Run the SQL written for this database (PostgreSQL or SQLite), nothing on others: the
    append-only guards are triggers, and each database writes triggers its own way."""

    reversible = True
    reduces_to_sql = False

    def __init__(self, *, postgresql: str = "", sqlite: str = "", reverse: dict | None = None):
        self.sql = {"postgresql": postgresql, "sqlite": sqlite}
        self.reverse = reverse or {}

    def deconstruct(self):
        kwargs = {**{k: v for k, v in self.sql.items() if v}, "reverse": self.reverse}
        return self.__class__.__qualname__, [], kwargs

    def state_forwards(self, app_label, state):
        pass

    def _run(self, schema_editor, sql: dict) -> None:
        statement = sql.get(schema_editor.connection.vendor, "")
        if statement:
            schema_editor.execute(statement)

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        self._run(schema_editor, self.sql)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        self._run(schema_editor, self.reverse)

    def describe(self):
        return "Run SQL written for this database"


class SQLiteDeleteGuard(Operation):
    """On SQLite, a trigger that refuses every DELETE on `table`, through any path (the ORM,
    a queryset's raw delete, raw SQL), unless `append_only_purge` is under way. Nothing on
    other databases: PostgreSQL's guards are written in SQL in the app's migrations, and the
    test runner empties PostgreSQL tables with TRUNCATE, which fires no row trigger."""

    reversible = True
    reduces_to_sql = False

    def __init__(self, *, table: str, trigger: str, message: str):
        self.table = table
        self.trigger = trigger
        self.message = message

    def deconstruct(self):
        kwargs = {"table": self.table, "trigger": self.trigger, "message": self.message}
        return self.__class__.__qualname__, [], kwargs

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "sqlite":
            return
        # The names and the message are written in migrations, never taken from a request.
        trigger, table = (schema_editor.quote_name(n) for n in (self.trigger, self.table))
        message = self.message.replace("'", "''")
        schema_editor.execute(
            f"CREATE TABLE IF NOT EXISTS {PURGE_MARKER} "
            "(allowed integer NOT NULL PRIMARY KEY CHECK (allowed = 1))"
        )
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        schema_editor.execute(
            f"CREATE TRIGGER {trigger} BEFORE DELETE ON {table} "  # noqa: S608
            f"WHEN NOT EXISTS (SELECT 1 FROM {PURGE_MARKER}) "
            f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
        )

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "sqlite":
            return
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {schema_editor.quote_name(self.trigger)}")
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND sql LIKE %s",
                [f"%{PURGE_MARKER}%"],
            )
            (guards_left,) = cursor.fetchone()
        if not guards_left:
            schema_editor.execute(f"DROP TABLE IF EXISTS {PURGE_MARKER}")

    def describe(self):
        return f"Refuse DELETE on {self.table} (SQLite)"


@contextmanager
def append_only_purge(*, using: str = "default") -> Iterator[None]:
    """Let the SQLite delete guards stand aside for what runs inside, in one transaction: the
    marker row is never committed, so no other connection ever sees the guards down. Only the
    test runner's `flush` uses this (core/management/commands/flush.py), and only where
    settings.APPEND_ONLY_FLUSH is set; nothing in the application empties an append-only
    table."""
    connection = connections[using]
    if connection.vendor != "sqlite" or PURGE_MARKER not in connection.introspection.table_names():
        yield
        return
    with transaction.atomic(using=using):
        with connection.cursor() as cursor:
            cursor.execute(_PURGE_ALLOW)
        yield
        with connection.cursor() as cursor:
            cursor.execute(_PURGE_END)
