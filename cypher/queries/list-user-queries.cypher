// name: list-user-queries
// description: Every user-made saved query (SavedQuery nodes), ordered by name.
// params: (none)
// columns: name, title, titleJa, description, descriptionJa, params, columns, kuzuCypher, neo4jCypher, createdAt, updatedAt
MATCH (q:SavedQuery)
RETURN q.name AS name, q.title AS title, q.titleJa AS titleJa, q.description AS description, q.descriptionJa AS descriptionJa,
       q.params AS params, q.columns AS columns, q.kuzuCypher AS kuzuCypher, q.neo4jCypher AS neo4jCypher,
       q.createdAt AS createdAt, q.updatedAt AS updatedAt
ORDER BY name
