// name: list-datasets
// description: Every imported dataset's record, ordered by name.
// params: (none)
// columns: name, kind, minCount, importedAt, rowsRead, people, stints, transitions, routes, suppressedTransitions, suppressedRoutes
MATCH (d:Dataset)
RETURN d.name AS name, d.kind AS kind, d.minCount AS minCount, d.importedAt AS importedAt, d.rowsRead AS rowsRead,
       d.people AS people, d.stints AS stints, d.transitions AS transitions, d.routes AS routes,
       d.suppressedTransitions AS suppressedTransitions, d.suppressedRoutes AS suppressedRoutes
ORDER BY name
