// name: create-import-transitions
// description: Creates a batch of imported transitions between existing roles, with empty skill and source lists (not missing ones: both engines read back []). Neo4j variant: batched UNWIND … CREATE.
// params: dataset: string, rows: list of {fromId, toId, kind, count, probability}
// columns: (none)
UNWIND $rows AS row
MATCH (a:Role {id: row.fromId})
MATCH (b:Role {id: row.toId})
CREATE (a)-[:TRANSITION {dataset: $dataset, kind: row.kind, count: row.count, probability: row.probability, skills: [], sources: [], evidenceJson: '[]'}]->(b)
