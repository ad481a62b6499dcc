// name: schema
// description: Kùzu DDL for the role graph; idempotent (IF NOT EXISTS). One statement per semicolon.
// Kùzu needs typed tables before data. Role.roleGroup is the API's `group` (a keyword in Kùzu's Cypher). Evidence is kept as a JSON string so the same
// property exists on both engines (Neo4j cannot store maps as property values).
// The ALTER … ADD IF NOT EXISTS lines give a database created before a column was added that column (no-ops otherwise).
CREATE NODE TABLE IF NOT EXISTS Role(id STRING, name STRING, nameJa STRING, aliases STRING[], family STRING, description STRING, descriptionJa STRING, roleGroup STRING, PRIMARY KEY(id));
CREATE REL TABLE IF NOT EXISTS TRANSITION(FROM Role TO Role, dataset STRING, kind STRING, count INT64, probability DOUBLE, skills STRING[], skillsJa STRING[], sources STRING[], evidenceJson STRING);
ALTER TABLE Role ADD IF NOT EXISTS descriptionJa STRING;
ALTER TABLE Role ADD IF NOT EXISTS roleGroup STRING;
ALTER TABLE TRANSITION ADD IF NOT EXISTS skillsJa STRING[];
CREATE NODE TABLE IF NOT EXISTS History(id STRING, dataset STRING, label STRING, labelJa STRING, source STRING, roles STRING[], evidenceJson STRING, PRIMARY KEY(id));
CREATE NODE TABLE IF NOT EXISTS SavedQuery(name STRING, title STRING, titleJa STRING, description STRING, descriptionJa STRING, params STRING, columns STRING[], kuzuCypher STRING, neo4jCypher STRING, createdAt STRING, updatedAt STRING, PRIMARY KEY(name));
CREATE NODE TABLE IF NOT EXISTS RoutePattern(id STRING, dataset STRING, roles STRING[], count INT64, PRIMARY KEY(id));
CREATE NODE TABLE IF NOT EXISTS Dataset(name STRING, kind STRING, unit STRING, minCount INT64, importedAt STRING, rowsRead INT64, people INT64, stints INT64, transitions INT64, routes INT64, suppressedTransitions INT64, suppressedRoutes INT64, PRIMARY KEY(name));
ALTER TABLE Dataset ADD IF NOT EXISTS unit STRING;
