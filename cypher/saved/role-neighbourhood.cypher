// name: role-neighbourhood
// title: Every move into and out of a role
// titleJa: ある職種に出入りする移動すべて
// description: The moves that lead into the chosen role and those that leave it, with their kind and number of accounts.
// descriptionJa: 選んだ職種へ入る移動と、そこから出る移動。種類と記述の数つき。
// params: role: role-id = accounting
// columns: direction, fromId, toId, kind, count, move
MATCH (a:Role)-[t:TRANSITION]->(b:Role)
WHERE a.id = $role OR b.id = $role
RETURN CASE WHEN a.id = $role THEN 'out' ELSE 'in' END AS direction, a.id AS fromId, b.id AS toId, t.kind AS kind,
       t.count AS count, t AS move
// Parallel moves of several datasets are ordered by dataset, so both engines list them alike. (t.dataset, not
// move.dataset: Kùzu 0.11.3 returned mixed-up rows and garbled strings when ordering by a property of the alias.)
ORDER BY direction, fromId, toId, t.dataset
