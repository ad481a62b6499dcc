// name: hub-roles
// title: Hub roles: the most distinct ways in and out
// titleJa: ハブになる職種(入口と出口が多い)
// description: Roles ranked by how many distinct roles lead into them plus how many they lead to.
// descriptionJa: 入ってくる元の職種数と出ていく先の職種数の合計が多い順の職種。
// params: limit: int 1..100 = 10
// columns: role, id, name, nameJa, waysIn, waysOut, ways
MATCH (r:Role)
OPTIONAL MATCH (r)-[:TRANSITION]->(next:Role)
WITH r, count(DISTINCT next) AS waysOut
OPTIONAL MATCH (r)<-[:TRANSITION]-(previous:Role)
WITH r, waysOut, count(DISTINCT previous) AS waysIn
WHERE waysIn + waysOut > 0
RETURN r AS role, r.id AS id, r.name AS name, r.nameJa AS nameJa, waysIn, waysOut, waysIn + waysOut AS ways
ORDER BY ways DESC, id
LIMIT $limit
