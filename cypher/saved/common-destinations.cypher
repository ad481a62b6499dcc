// name: common-destinations
// title: Where several roles can all go
// titleJa: 複数の職種から共通して行ける先
// description: Roles that every one of the chosen roles can reach within `hops` moves (e.g. where both sales and marketing lead), with the most moves any of them needs.
// descriptionJa: 選んだすべての職種(例: 営業とマーケティング)から最大 hops 回で行ける共通の行き先と、そのうち最も遠い職種からの移動回数。
// params: roles: role-id[] = [sales, marketing], hops: int 1..4 = 2
// columns: role, id, name, nameJa, family, moves
// Two steps, fewest moves per start, then per target: Kùzu 0.11.3 returns null for min() next to a count(DISTINCT …).
MATCH p = (start:Role)-[:TRANSITION*1..4]->(target:Role)
WHERE start.id IN $roles AND length(p) <= $hops
WITH start, target, min(length(p)) AS fewest
WITH target, count(start) AS reachedFrom, max(fewest) AS moves
WHERE reachedFrom = size($roles)
RETURN target AS role, target.id AS id, target.name AS name, target.nameJa AS nameJa, target.family AS family, moves
ORDER BY moves, id
