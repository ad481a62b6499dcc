// name: list-datasets
// description: Every imported dataset's record, ordered by name (unit is null in records written before units were recorded).
// params: (none)
// columns: name, kind, unit, minCount, importedAt, rowsRead, people, stints, transitions, routes, suppressedTransitions, suppressedRoutes
MATCH (d:Dataset)
RETURN d.name AS name, d.kind AS kind, d.unit AS unit, d.minCount AS minCount, d.importedAt AS importedAt, d.rowsRead AS rowsRead,
       d.people AS people, d.stints AS stints, d.transitions AS transitions, d.routes AS routes,
       d.suppressedTransitions AS suppressedTransitions, d.suppressedRoutes AS suppressedRoutes
ORDER BY name
