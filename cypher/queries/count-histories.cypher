// name: count-histories
// description: How many career histories are stored.
// params: (none)
// columns: n
MATCH (h:History)
RETURN count(h) AS n
