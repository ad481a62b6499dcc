// name: delete-user-query
// description: Deletes one user-made saved query; returns its name when it existed (no rows otherwise).
// params: name: string
// columns: name
MATCH (q:SavedQuery {name: $name})
WITH q, q.name AS name
DELETE q
RETURN name
