// name: upsert-histories
// description: Creates or updates a batch of career histories. Kùzu variant: lists arrive joined with U+001F and are split here (see server/db/kuzu/list-encoding.ts).
// params: sep: string (U+001F), rows: list of {id, dataset, label, labelJa, source, roles (joined), evidenceJson}
// columns: (none)
UNWIND $rows AS row
MERGE (h:History {id: row.id})
SET h.dataset = row.dataset, h.label = row.label, h.labelJa = row.labelJa, h.source = row.source,
    h.roles = list_filter(string_split(row.roles, $sep), x -> x <> ''), h.evidenceJson = row.evidenceJson
