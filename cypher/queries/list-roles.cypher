// name: list-roles
// description: Every role, ordered by id.
// params: (none)
// columns: id, name, nameJa, aliases, family, description, descriptionJa
MATCH (r:Role)
RETURN r.id AS id, r.name AS name, r.nameJa AS nameJa, r.aliases AS aliases, r.family AS family, r.description AS description, r.descriptionJa AS descriptionJa
ORDER BY id
