// name: only-ways-in
// title: Roles with ways in but no way out (yet)
// titleJa: 入口はあるが出口がない職種
// description: Roles that moves lead into but that no described move leaves: the end points of the graph so far.
// descriptionJa: 移動先にはなっているが、そこから先への移動がまだ記述されていない職種(グラフの終点)。
// params: (none)
// columns: role, id, name, nameJa, family, waysIn
MATCH (r:Role)
WHERE EXISTS { MATCH (:Role)-[:TRANSITION]->(r) } AND NOT EXISTS { MATCH (r)-[:TRANSITION]->(:Role) }
RETURN r AS role, r.id AS id, r.name AS name, r.nameJa AS nameJa, r.family AS family,
       COUNT { MATCH (:Role)-[:TRANSITION]->(r) } AS waysIn
ORDER BY waysIn DESC, id
