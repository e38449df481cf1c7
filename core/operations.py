"""Migration operations the apps share: moving a model's table between apps
(`ModelTableAdopt`), and SQL written per database (`RunSQLForVendor`, for triggers).

When the analysis and safeguarding models left the old `nlp` app, a database that already held
their rows had to keep them, and a new database had to get the tables. `ModelTableAdopt` does
both: it renames the old table (and its named indexes) when it exists, and creates the table
when it does not. The model's state comes from a `CreateModel` in the same migration's
`SeparateDatabaseAndState`. See docs/adr/0010-one-room-for-each-job.md.
"""

from django.db import models
from django.db.migrations.operations.base import Operation


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
