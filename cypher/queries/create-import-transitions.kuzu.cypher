// name: create-import-transitions
// description: Creates a batch of imported transitions between existing roles, with empty skill and source lists (not missing ones: both engines read back []). Kùzu variant: parallel lists of plain values, which the Node binding converts several times faster than a list of structs; probabilities arrive as text and are CAST (see server/db/kuzu/list-encoding.ts). The two roles are matched in separate steps joined by WITH: Kùzu 0.11 plans `MATCH (a:Role), (b:Role) WHERE a.id = f AND b.id = t` — and `MATCH (a:Role {id: f}), (b:Role {id: t})`, or two MATCHes in a row — as a cross product of every role with every role (O(roles²): 13 GB and minutes at 10,000 roles), while this form is two hash joins on the primary key (O(roles + rows): 818 rows into 10,000 roles in ~0.1 s). tests/unit/kuzu-import-plans.test.ts checks the plan.
// params: dataset: string, from: list of role ids, to: list of role ids, kinds: list of strings, counts: list of integers, probabilities: list of strings
// columns: (none)
UNWIND range(1, size($from)) AS i
WITH i, $from[i] AS f, $to[i] AS t
MATCH (a:Role {id: f})
WITH i, a, t
MATCH (b:Role {id: t})
CREATE (a)-[:TRANSITION {dataset: $dataset, kind: $kinds[i], count: $counts[i], probability: CAST($probabilities[i] AS DOUBLE), skills: CAST([] AS STRING[]), sources: CAST([] AS STRING[]), evidenceJson: '[]'}]->(b)
