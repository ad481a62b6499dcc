// name: most-evidenced-moves
// title: The best-evidenced moves
// titleJa: 根拠の多い移動
// description: Moves ranked by how many independent accounts describe them, then by how many articles; ties in id order.
// descriptionJa: 独立した記述の数(count)と記事の数が多い順に並べた移動。同数なら id 順。
// params: limit: int 1..100 = 10
// columns: fromId, toId, fromName, toName, kind, count, articles, skills, move
MATCH (a:Role)-[t:TRANSITION]->(b:Role)
RETURN a.id AS fromId, b.id AS toId, a.name AS fromName, b.name AS toName, t.kind AS kind, t.count AS count,
       size(t.sources) AS articles, t.skills AS skills, t AS move
// Parallel moves of several datasets are ordered by dataset, so both engines list them alike. (t.dataset, not
// move.dataset: Kùzu 0.11.3 returned mixed-up rows and garbled strings when ordering by a property of the alias.)
ORDER BY count DESC, articles DESC, fromId, toId, t.dataset
LIMIT $limit
