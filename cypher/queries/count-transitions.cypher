// name: count-transitions
// description: How many transitions are stored, over all datasets.
// params: (none)
// columns: n
MATCH (:Role)-[t:TRANSITION]->(:Role)
RETURN count(t) AS n
