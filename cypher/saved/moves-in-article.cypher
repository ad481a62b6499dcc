// name: moves-in-article
// title: Every move an article describes
// titleJa: ある記事が述べている移動すべて
// description: The moves whose evidence comes from the given source article; a prefix of the file name is enough (000 … 004).
// descriptionJa: 指定した元記事(ファイル名の先頭 000〜004 だけでも可)を根拠とする移動の一覧。
// params: article: string = 004
// columns: fromId, toId, fromName, toName, kind, skills, move
// The parameter is bound to a variable first: Kùzu 0.11.3 fails an internal assertion on a $parameter inside any(… WHERE …).
WITH $article AS prefix
MATCH (a:Role)-[t:TRANSITION]->(b:Role)
WHERE any(source IN t.sources WHERE source STARTS WITH prefix)
RETURN a.id AS fromId, b.id AS toId, a.name AS fromName, b.name AS toName, t.kind AS kind, t.skills AS skills, t AS move
// Parallel moves of several datasets are ordered by dataset, so both engines list them alike. (t.dataset, not
// move.dataset: Kùzu 0.11.3 returned mixed-up rows and garbled strings when ordering by a property of the alias.)
ORDER BY fromId, toId, t.dataset
