"""A migration operation for models that moved from one app to another.

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
