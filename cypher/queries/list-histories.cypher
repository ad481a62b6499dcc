// name: list-histories
// description: Every stored career history with its ordered role ids.
// params: (none)
// columns: id, dataset, label, labelJa, source, roles, evidenceJson
MATCH (h:History)
RETURN h.id AS id, h.dataset AS dataset, h.label AS label, h.labelJa AS labelJa, h.source AS source,
       h.roles AS roles, h.evidenceJson AS evidenceJson
ORDER BY id
