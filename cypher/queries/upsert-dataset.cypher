// name: upsert-dataset
// description: Creates or updates the record of an imported dataset: its kind, unit (people, accounts, probability), privacy threshold k and what the import stored and suppressed.
// params: name, kind, unit, importedAt: string; minCount, rowsRead, people, stints, transitions, routes, suppressedTransitions, suppressedRoutes: integer
// columns: (none)
MERGE (d:Dataset {name: $name})
SET d.kind = $kind, d.unit = $unit, d.minCount = $minCount, d.importedAt = $importedAt, d.rowsRead = $rowsRead, d.people = $people,
    d.stints = $stints, d.transitions = $transitions, d.routes = $routes,
    d.suppressedTransitions = $suppressedTransitions, d.suppressedRoutes = $suppressedRoutes
