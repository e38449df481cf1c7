"""Writes for casework, one module per concern. Each write checks permission through the
selectors, checks the rules, records who, when and why, and writes the audit trail, in one
transaction. Import from the concern's module; nothing is re-exported here."""
