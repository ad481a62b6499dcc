// name: upsert-role
// description: Creates or updates one role. Kùzu variant: one row per call, because Kùzu's Node binding types an UNWIND list from its first element and cannot bind empty lists inside it.
// params: id: string, name: string, nameJa: string, aliases: string[], family: string, description: string
// columns: (none)
MERGE (r:Role {id: $id})
SET r.name = $name, r.nameJa = $nameJa, r.aliases = $aliases, r.family = $family, r.description = $description
