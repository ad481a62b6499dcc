// name: skills-on-the-way
// title: Skills needed along the way to a role
// titleJa: ある職種への道のりで必要なスキル
// description: The shortest way from one role to another, step by step, with the skills each move draws on.
// descriptionJa: ある職種から目標の職種までの最短の道のりを一歩ずつ、各移動で活きるスキルとともに。
// params: from: role-id = customer-support, to: role-id = community-manager
// columns: step, fromId, toId, skills, path
// Kùzu variant: SHORTEST path syntax, 1-based lists, and a path cannot pass through WITH, so the lists are built in RETURN.
MATCH p = (a:Role {id: $from})-[:TRANSITION* SHORTEST 1..10]->(b:Role {id: $to})
UNWIND range(1, length(p)) AS step
RETURN step, properties(nodes(p), 'id')[step] AS fromId, properties(nodes(p), 'id')[step + 1] AS toId,
       properties(rels(p), 'skills')[step] AS skills, p AS path
ORDER BY step
