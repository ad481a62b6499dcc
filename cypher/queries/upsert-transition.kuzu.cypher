// name: upsert-transition
// description: Creates or updates one transition of a dataset between two existing roles. Kùzu variant: one row per call (see upsert-role.kuzu.cypher).
// params: fromId: string, toId: string, dataset: string, kind: string, count: int, probability: float, skills: string[], sources: string[], evidenceJson: string
// columns: (none)
MATCH (a:Role {id: $fromId})
MATCH (b:Role {id: $toId})
MERGE (a)-[t:TRANSITION {dataset: $dataset}]->(b)
SET t.kind = $kind, t.count = $count, t.probability = $probability, t.skills = $skills, t.sources = $sources, t.evidenceJson = $evidenceJson
