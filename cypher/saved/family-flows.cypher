// name: family-flows
// title: How moves flow between role families
// titleJa: 職種ファミリー間の流れ
// description: For every pair of families, how many distinct moves go from one to the other and how many accounts describe them.
// descriptionJa: ファミリーの組ごとに、移動の種類数と記述の数。
// params: (none)
// columns: fromFamily, toFamily, moves, accounts
MATCH (a:Role)-[t:TRANSITION]->(b:Role)
RETURN a.family AS fromFamily, b.family AS toFamily, count(t) AS moves, sum(t.count) AS accounts
ORDER BY moves DESC, fromFamily, toFamily
