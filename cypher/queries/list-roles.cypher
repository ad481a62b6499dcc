// name: list-roles
// description: Every role, ordered by id.
// params: (none)
// columns: id, name, nameJa, aliases, family, description, descriptionJa, roleGroup (the role's group; null or '' when none)
MATCH (r:Role)
RETURN r.id AS id, r.name AS name, r.nameJa AS nameJa, r.aliases AS aliases, r.family AS family, r.description AS description, r.descriptionJa AS descriptionJa, r.roleGroup AS roleGroup
ORDER BY id
