// name: moves-with-skill
// title: Moves that draw on a skill
// titleJa: あるスキルを活かす移動
// description: Moves whose skills mention the given text (case-insensitive), e.g. QA, management, IT.
// descriptionJa: スキルに指定した語(大文字小文字は区別しない。例: QA、management、IT)を含む移動。
// params: skill: string = QA
// columns: fromId, toId, fromName, toName, skills, move
// The parameter is bound to a variable first: Kùzu 0.11.3 fails an internal assertion on a $parameter inside any(… WHERE …).
WITH lower($skill) AS wanted
MATCH (a:Role)-[t:TRANSITION]->(b:Role)
WHERE any(skill IN t.skills WHERE lower(skill) CONTAINS wanted)
RETURN a.id AS fromId, b.id AS toId, a.name AS fromName, b.name AS toName, t.skills AS skills, t AS move
ORDER BY fromId, toId
