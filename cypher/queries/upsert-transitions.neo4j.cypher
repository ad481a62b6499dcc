// name: upsert-transitions
// description: Creates or updates a batch of transitions between existing roles. Neo4j variant: batched UNWIND … MERGE.
// params: rows: list of {fromId, toId, dataset, kind, count, probability, skills, skillsJa, sources, evidenceJson}
// columns: (none)
UNWIND $rows AS row
MATCH (a:Role {id: row.fromId})
MATCH (b:Role {id: row.toId})
MERGE (a)-[t:TRANSITION {dataset: row.dataset}]->(b)
SET t.kind = row.kind, t.count = row.count, t.probability = row.probability, t.skills = row.skills, t.skillsJa = row.skillsJa,
    t.sources = row.sources, t.evidenceJson = row.evidenceJson
