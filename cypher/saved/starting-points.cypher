// name: starting-points
// title: Starting points: ways out but no way in
// titleJa: 出発点の職種(出口だけある)
// description: Roles that moves leave but that no described move leads into: where the accounts start.
// descriptionJa: そこから出る移動はあるが、そこへ入る移動が記述されていない職種(記事の出発点)。
// params: (none)
// columns: role, id, name, nameJa, family, waysOut
MATCH (r:Role)
WHERE EXISTS { MATCH (r)-[:TRANSITION]->(:Role) } AND NOT EXISTS { MATCH (:Role)-[:TRANSITION]->(r) }
RETURN r AS role, r.id AS id, r.name AS name, r.nameJa AS nameJa, r.family AS family,
       COUNT { MATCH (r)-[:TRANSITION]->(:Role) } AS waysOut
ORDER BY waysOut DESC, id
