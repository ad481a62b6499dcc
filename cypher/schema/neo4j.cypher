// name: schema
// description: Neo4j 5 constraints and indexes for the role graph; idempotent (IF NOT EXISTS). One statement per semicolon.
CREATE CONSTRAINT role_id IF NOT EXISTS FOR (r:Role) REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT history_id IF NOT EXISTS FOR (h:History) REQUIRE h.id IS UNIQUE;
CREATE INDEX transition_dataset IF NOT EXISTS FOR ()-[t:TRANSITION]-() ON (t.dataset);
CREATE CONSTRAINT saved_query_name IF NOT EXISTS FOR (q:SavedQuery) REQUIRE q.name IS UNIQUE;
CREATE CONSTRAINT route_pattern_id IF NOT EXISTS FOR (p:RoutePattern) REQUIRE p.id IS UNIQUE;
CREATE INDEX route_pattern_dataset IF NOT EXISTS FOR (p:RoutePattern) ON (p.dataset);
CREATE CONSTRAINT dataset_name IF NOT EXISTS FOR (d:Dataset) REQUIRE d.name IS UNIQUE;
CREATE CONSTRAINT data_version_key IF NOT EXISTS FOR (v:DataVersion) REQUIRE v.key IS UNIQUE;
