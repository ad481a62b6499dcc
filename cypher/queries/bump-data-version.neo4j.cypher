// name: bump-data-version
// description: Raises the stored data version by one; the first statement of every write transaction, so the new version commits with the data and concurrent writers from several rolepath instances queue on this one node's lock. Neo4j only: a Kùzu database has one writing process, which counts its own writes.
// params: (none)
// columns: version
MERGE (v:DataVersion {key: 'data'})
ON CREATE SET v.version = 1
ON MATCH SET v.version = v.version + 1
RETURN v.version AS version
