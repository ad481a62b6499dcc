// name: leads-into
// title: Which roles lead into this one?
// titleJa: この職種へつながる職種はどれか
// description: Every role from which the chosen role can be reached in at most `hops` moves, e.g. who moves into product management, with the fewest moves it takes.
// descriptionJa: 選んだ職種(例: プロダクトマネージャー)へ最大 hops 回の移動でたどり着ける出発点の職種と、最少の移動回数。
// params: role: role-id = product-manager, hops: int 1..4 = 3
// columns: role, id, name, nameJa, family, moves
MATCH p = (source:Role)-[:TRANSITION*1..4]->(target:Role {id: $role})
WHERE length(p) <= $hops AND source.id <> $role
WITH source, min(length(p)) AS moves
RETURN source AS role, source.id AS id, source.name AS name, source.nameJa AS nameJa, source.family AS family, moves
ORDER BY moves, id
