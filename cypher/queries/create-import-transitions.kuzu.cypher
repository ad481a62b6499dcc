// name: create-import-transitions
// description: Creates a batch of imported transitions (no skills or evidence) between existing roles. Kùzu variant: parallel lists of plain values, which the Node binding converts several times faster than a list of structs; the roles are found by a join (WHERE a.id = f) rather than a look-up per row, which measured ~2.5× faster for 15,000 rows; probabilities arrive as text and are CAST (see server/db/kuzu/list-encoding.ts).
// params: dataset: string, from: list of role ids, to: list of role ids, kinds: list of strings, counts: list of integers, probabilities: list of strings
// columns: (none)
UNWIND range(1, size($from)) AS i
WITH i, $from[i] AS f, $to[i] AS t
MATCH (a:Role), (b:Role)
WHERE a.id = f AND b.id = t
CREATE (a)-[:TRANSITION {dataset: $dataset, kind: $kinds[i], count: $counts[i], probability: CAST($probabilities[i] AS DOUBLE), evidenceJson: '[]'}]->(b)
