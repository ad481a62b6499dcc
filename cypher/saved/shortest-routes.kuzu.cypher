// name: shortest-routes
// title: All shortest routes between two roles
// titleJa: 2つの職種を結ぶ最短ルートすべて
// description: Every route with the fewest moves from one role to another, with the roles it passes through.
// descriptionJa: ある職種から別の職種への、移動回数が最少のルートすべてと、その経由地。
// params: from: role-id = sales, to: role-id = business-head
// columns: moves, stops, path
// Kùzu variant: ALL SHORTEST path syntax, properties() over a list of nodes, and lists cannot be sorted on, so their text is.
MATCH p = (a:Role {id: $from})-[:TRANSITION* ALL SHORTEST 1..10]->(b:Role {id: $to})
RETURN length(p) AS moves, properties(nodes(p), 'id') AS stops, p AS path
ORDER BY list_to_string(',', properties(nodes(p), 'id'))
