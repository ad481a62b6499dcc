// name: create-route-patterns
// description: Creates a batch of route patterns (aggregated careers with a count) of one dataset. Neo4j variant: batched UNWIND … CREATE.
// params: dataset: string, rows: list of {id, roles, count}
// columns: (none)
UNWIND $rows AS row
CREATE (:RoutePattern {id: row.id, dataset: $dataset, roles: row.roles, count: row.count})
