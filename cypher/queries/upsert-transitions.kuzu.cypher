// name: upsert-transitions
// description: Creates or updates a batch of transitions between existing roles. Kùzu variant: lists arrive joined with U+001F and are split here, and the probability arrives as text and is CAST (see server/db/kuzu/list-encoding.ts).
// params: sep: string (U+001F), rows: list of {fromId, toId, dataset, kind, count, probability, skills (joined), skillsJa (joined), sources (joined), evidenceJson}
// columns: (none)
UNWIND $rows AS row
MATCH (a:Role {id: row.fromId})
MATCH (b:Role {id: row.toId})
MERGE (a)-[t:TRANSITION {dataset: row.dataset}]->(b)
SET t.kind = row.kind, t.count = row.count, t.probability = CAST(row.probability AS DOUBLE),
    t.skills = list_filter(string_split(row.skills, $sep), x -> x <> ''),
    t.skillsJa = list_filter(string_split(row.skillsJa, $sep), x -> x <> ''),
    t.sources = list_filter(string_split(row.sources, $sep), x -> x <> ''),
    t.evidenceJson = row.evidenceJson
