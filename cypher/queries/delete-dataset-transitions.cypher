// name: delete-dataset-transitions
// description: Deletes every transition of one dataset (an import replaces its dataset's aggregates).
// params: dataset: string
// columns: (none)
MATCH (:Role)-[t:TRANSITION]->(:Role)
WHERE t.dataset = $dataset
DELETE t
