// name: delete-saved-queries
// description: Deletes every user-made saved query (tests use it to start from an empty database). Neo4j only; Kùzu tests use a fresh in-memory database instead.
// params: (none)
// columns: (none)
MATCH (q:SavedQuery)
DELETE q
