// name: list-route-patterns
// description: Every stored route pattern (aggregated careers of imported datasets, with how many people had each).
// params: (none)
// columns: id, dataset, roles, count
MATCH (p:RoutePattern)
RETURN p.id AS id, p.dataset AS dataset, p.roles AS roles, p.count AS count
ORDER BY dataset, id
