// name: shortest-routes
// title: All shortest routes between two roles
// titleJa: 2つの職種を結ぶ最短ルートすべて
// description: Every route with the fewest moves from one role to another, with the roles it passes through.
// descriptionJa: ある職種から別の職種への、移動回数が最少のルートすべてと、その経由地。
// params: from: role-id = sales, to: role-id = business-head
// columns: moves, stops, path
// Neo4j variant: allShortestPaths() and a list comprehension.
MATCH p = allShortestPaths((a:Role {id: $from})-[:TRANSITION*1..10]->(b:Role {id: $to}))
RETURN length(p) AS moves, [n IN nodes(p) | n.id] AS stops, p AS path
ORDER BY stops
