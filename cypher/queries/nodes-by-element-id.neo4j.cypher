// name: nodes-by-element-id
// description: Nodes by their element ids: the end nodes of relationships a user query returned without their nodes, so they can be drawn. Neo4j only (Kùzu's sandbox keeps a lookup of its copy's nodes instead).
// params: ids: string[]
// columns: n
MATCH (n)
WHERE elementId(n) IN $ids
RETURN n
