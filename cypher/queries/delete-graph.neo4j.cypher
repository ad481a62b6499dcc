// name: delete-graph
// description: Deletes every role, transition, history, route pattern and dataset record (tests use it to start from an empty database). Neo4j only; Kùzu tests use a fresh in-memory database instead.
// params: (none)
// columns: (none)
MATCH (n)
WHERE n:Role OR n:History OR n:RoutePattern OR n:Dataset
DETACH DELETE n
