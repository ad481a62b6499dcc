// name: upsert-histories
// description: Creates or updates a batch of career histories. Neo4j variant: batched UNWIND … MERGE.
// params: rows: list of {id, dataset, label, labelJa, source, roles, evidenceJson}
// columns: (none)
UNWIND $rows AS row
MERGE (h:History {id: row.id})
SET h.dataset = row.dataset, h.label = row.label, h.labelJa = row.labelJa, h.source = row.source,
    h.roles = row.roles, h.evidenceJson = row.evidenceJson
