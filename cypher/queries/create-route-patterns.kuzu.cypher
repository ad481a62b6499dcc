// name: create-route-patterns
// description: Creates a batch of route patterns (aggregated careers with a count) of one dataset. Kùzu variant: parallel lists of plain values; each role list arrives joined with U+001F and is split here.
// params: dataset: string, sep: string (U+001F), ids: list of strings, roles: list of strings (joined role ids), counts: list of integers
// columns: (none)
UNWIND range(1, size($ids)) AS i
CREATE (:RoutePattern {id: $ids[i], dataset: $dataset, roles: string_split($roles[i], $sep), count: $counts[i]})
