// name: reachable-within
// title: Where can this role go within N moves?
// titleJa: N回の異動・転職でどこへ行けるか
// description: Every role reachable from the chosen role in at most `hops` moves, with the fewest moves it takes. Start with customer support and 2 moves.
// descriptionJa: 選んだ職種から最大 hops 回の移動でたどり着ける職種と、最少の移動回数。
// params: role: role-id = customer-support, hops: int 1..4 = 2
// columns: role, id, name, nameJa, family, moves
// The upper bound of a variable-length pattern cannot be a parameter on either engine, hence *1..4 and the length filter.
MATCH p = (start:Role {id: $role})-[:TRANSITION*1..4]->(target:Role)
WHERE length(p) <= $hops AND target.id <> $role
WITH target, min(length(p)) AS moves
RETURN target AS role, target.id AS id, target.name AS name, target.nameJa AS nameJa, target.family AS family, moves
ORDER BY moves, id
