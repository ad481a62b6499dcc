/**
 * The graph's schema as the Cypher editor knows it: node labels, relationship
 * types and property keys (for autocompletion, and so the checker does not
 * flag them as unknown). Mirrors cypher/schema/kuzu.cypher; a unit test
 * (tests/unit/client-queries.test.ts) fails when the two drift apart. The API
 * has no schema endpoint, and the schema only changes with that file.
 */

/** Node labels (Kùzu node tables). */
export const NODE_LABELS = ['Role', 'History', 'SavedQuery', 'RoutePattern', 'Dataset'] as const;

/** Relationship types (Kùzu rel tables). */
export const RELATIONSHIP_TYPES = ['TRANSITION'] as const;

/** Every property key of every node table and relationship table, once. */
export const PROPERTY_KEYS = [
  // Role
  'id', 'name', 'nameJa', 'aliases', 'family', 'description', 'descriptionJa', 'roleGroup',
  // TRANSITION
  'dataset', 'kind', 'count', 'probability', 'skills', 'skillsJa', 'sources', 'evidenceJson',
  // History
  'label', 'labelJa', 'source', 'roles',
  // SavedQuery
  'title', 'titleJa', 'params', 'columns', 'kuzuCypher', 'neo4jCypher', 'createdAt', 'updatedAt',
  // Dataset
  'unit', 'minCount', 'importedAt', 'rowsRead', 'people', 'stints', 'transitions', 'routes', 'suppressedTransitions', 'suppressedRoutes',
] as const;

/** Which label a relationship type connects (for path completions). */
export const GRAPH_PATHS = [{ from: 'Role', to: 'Role', relType: 'TRANSITION' }] as const;
