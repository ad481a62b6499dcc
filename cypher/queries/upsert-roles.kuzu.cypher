// name: upsert-roles
// description: Creates or updates a batch of roles. Kùzu variant: lists arrive joined with U+001F and are split here (see server/db/kuzu/list-encoding.ts).
// params: sep: string (U+001F), rows: list of {id, name, nameJa, aliases (joined), family, description, descriptionJa ('' when none), roleGroup (the role's group, '' when none)}
// columns: (none)
UNWIND $rows AS row
MERGE (r:Role {id: row.id})
SET r.name = row.name, r.nameJa = row.nameJa, r.aliases = list_filter(string_split(row.aliases, $sep), x -> x <> ''),
    r.family = row.family, r.description = row.description, r.descriptionJa = row.descriptionJa, r.roleGroup = row.roleGroup
