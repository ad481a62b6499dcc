// name: role-transitions
// description: The transitions into and out of one role (both directions; the caller splits them).
// params: id: string
// columns: fromId, toId, dataset, kind, count, probability, skills, skillsJa, evidenceJson
MATCH (a:Role)-[t:TRANSITION]->(b:Role)
WHERE a.id = $id OR b.id = $id
RETURN a.id AS fromId, b.id AS toId, t.dataset AS dataset, t.kind AS kind, t.count AS count,
       t.probability AS probability, t.skills AS skills, t.skillsJa AS skillsJa, t.evidenceJson AS evidenceJson
ORDER BY count DESC, fromId, toId
