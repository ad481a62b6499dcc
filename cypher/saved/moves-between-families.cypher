// name: moves-between-families
// title: Moves from one role family to another
// titleJa: 職種ファミリー間の移動
// description: Direct moves from a role in the first family to a role in the second, e.g. customer support into engineering.
// descriptionJa: あるファミリーの職種から別のファミリーの職種への直接の移動(例: カスタマーサポート → エンジニアリング)。
// params: from: family = customer-support, to: family = engineering
// columns: fromId, toId, fromName, toName, kind, skills, move
MATCH (a:Role)-[t:TRANSITION]->(b:Role)
WHERE a.family = $from AND b.family = $to
RETURN a.id AS fromId, b.id AS toId, a.name AS fromName, b.name AS toName, t.kind AS kind, t.skills AS skills, t AS move
// Parallel moves of several datasets are ordered by dataset, so both engines list them alike. (t.dataset, not
// move.dataset: Kùzu 0.11.3 returned mixed-up rows and garbled strings when ordering by a property of the alias.)
ORDER BY fromId, toId, t.dataset
