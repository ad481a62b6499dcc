// name: moves-with-skill
// title: Moves that draw on a skill
// titleJa: あるスキルを活かす移動
// description: Moves whose skills mention the given text (case-insensitive), e.g. QA, management, IT.
// descriptionJa: スキルに指定した語(大文字小文字は区別しない。例: QA、management、IT)を含む移動。
// params: skill: string = QA
// columns: fromId, toId, fromName, toName, skills, move
// The parameter joins after the MATCH: Kùzu 0.11.3 returned rows with the wrong end role and garbled skill
// strings for `WITH lower($skill) AS wanted MATCH …` once imported moves sat beside the seed's (and failed an
// internal assertion with $skill inside the list predicate); this form answers as Neo4j does.
MATCH (a:Role)-[t:TRANSITION]->(b:Role)
WITH a, b, t, lower($skill) AS wanted
WHERE any(skill IN t.skills WHERE lower(skill) CONTAINS wanted)
RETURN a.id AS fromId, b.id AS toId, a.name AS fromName, b.name AS toName, t.skills AS skills, t AS move
// Parallel moves of several datasets are ordered by dataset, so both engines list them alike. (t.dataset, not
// move.dataset: Kùzu 0.11.3 returned mixed-up rows and garbled strings when ordering by a property of the alias.)
ORDER BY fromId, toId, t.dataset
