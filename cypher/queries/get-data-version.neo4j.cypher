// name: get-data-version
// description: The stored data version (no row before the first write). Instances poll it to notice writes made elsewhere.
// params: (none)
// columns: version
OPTIONAL MATCH (v:DataVersion {key: 'data'})
RETURN coalesce(v.version, 0) AS version
