// name: upsert-history
// description: Creates or updates one career history. Kùzu variant: one row per call (see upsert-role.kuzu.cypher).
// params: id: string, dataset: string, label: string, labelJa: string, source: string, roles: string[], evidenceJson: string
// columns: (none)
MERGE (h:History {id: $id})
SET h.dataset = $dataset, h.label = $label, h.labelJa = $labelJa, h.source = $source, h.roles = $roles, h.evidenceJson = $evidenceJson
