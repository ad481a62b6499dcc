// name: count-roles
// description: How many roles are stored.
// params: (none)
// columns: n
MATCH (r:Role)
RETURN count(r) AS n
