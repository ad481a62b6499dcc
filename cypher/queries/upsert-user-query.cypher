// name: upsert-user-query
// description: Creates or replaces one user-made saved query, keeping its creation time when it already exists.
// params: name: string, title: string, titleJa: string, description: string, descriptionJa: string, params: string, columns: string[], kuzuCypher: string, neo4jCypher: string, createdAt: string, updatedAt: string
// columns: (none)
MERGE (q:SavedQuery {name: $name})
ON CREATE SET q.createdAt = $createdAt
SET q.title = $title, q.titleJa = $titleJa, q.description = $description, q.descriptionJa = $descriptionJa,
    q.params = $params, q.columns = $columns, q.kuzuCypher = $kuzuCypher, q.neo4jCypher = $neo4jCypher,
    q.updatedAt = $updatedAt
