// name: skills-on-the-way
// title: Skills needed along the way to a role
// titleJa: ある職種への道のりで必要なスキル
// description: The shortest way from one role to another, step by step, with the skills each move draws on.
// descriptionJa: ある職種から目標の職種までの最短の道のりを一歩ずつ、各移動で活きるスキルとともに。
// params: from: role-id = customer-support, to: role-id = community-manager
// columns: step, fromId, toId, skills, path
// Neo4j variant: shortestPath() and 0-based lists.
MATCH p = shortestPath((a:Role {id: $from})-[:TRANSITION*1..10]->(b:Role {id: $to}))
UNWIND range(0, length(p) - 1) AS i
RETURN i + 1 AS step, nodes(p)[i].id AS fromId, nodes(p)[i + 1].id AS toId, relationships(p)[i].skills AS skills, p AS path
ORDER BY step
