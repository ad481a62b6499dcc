// name: upsert-roles
// description: Creates or updates a batch of roles. Neo4j variant: batched UNWIND … MERGE.
// params: rows: list of {id, name, nameJa, aliases, family, description, descriptionJa ('' when none), roleGroup (the role's group, '' when none)}
// columns: (none)
UNWIND $rows AS row
MERGE (r:Role {id: row.id})
SET r.name = row.name, r.nameJa = row.nameJa, r.aliases = row.aliases, r.family = row.family, r.description = row.description, r.descriptionJa = row.descriptionJa, r.roleGroup = row.roleGroup
