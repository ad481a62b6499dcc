// name: list-transitions
// description: Every transition with its dataset, weight, probability, skills and evidence.
// params: (none)
// columns: fromId, toId, dataset, kind, count, probability, skills, skillsJa, evidenceJson
MATCH (a:Role)-[t:TRANSITION]->(b:Role)
RETURN a.id AS fromId, b.id AS toId, t.dataset AS dataset, t.kind AS kind, t.count AS count,
       t.probability AS probability, t.skills AS skills, t.skillsJa AS skillsJa, t.evidenceJson AS evidenceJson
ORDER BY fromId, toId, dataset
