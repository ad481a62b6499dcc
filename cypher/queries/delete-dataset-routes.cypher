// name: delete-dataset-routes
// description: Deletes every route pattern of one dataset (an import replaces its dataset's aggregates).
// params: dataset: string
// columns: (none)
MATCH (p:RoutePattern)
WHERE p.dataset = $dataset
DELETE p
