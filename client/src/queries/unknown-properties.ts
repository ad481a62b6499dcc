/**
 * Property keys a query reads that the schema does not have (`n.nmae` for `n.name`).
 *
 * Why this is hand-written: Neo4j's checker (@neo4j-cypher/language-support) warns about unknown
 * property keys only from 2.0.0-next.37 on, which declares Node ≥ 24.11.1 (next.26 already wants
 * Node ≥ 22.15), so `npm ci` on our Node 20 warns EBADENGINE. We use 2.0.0-next.20 (Node ≥ 18.18.2),
 * which checks labels and relationship types but not property keys, and add that check here, on
 * the package's own parser (no regexes), with the newer versions' rule and message:
 * - a read is `x.key` or `x{.key}` where `x` is a node or relationship variable, or a key of a
 *   pattern's property map outside CREATE/MERGE/INSERT (`MATCH (r:Role {nmae: $n})`);
 * - a key the query writes anywhere (SET, REMOVE, CREATE/MERGE maps) is never reported, as the
 *   query may be creating it;
 * - a variable counts as a node or relationship only when a node or relationship pattern binds it
 *   and nothing else (AS, UNWIND, FOREACH…) does: when in doubt, say nothing.
 *
 * Runs where the package is loaded: the checker worker and the lint test (tests/unit/neo4j-lint.test.ts).
 */
import {
  AddPropContext,
  CreateClauseContext,
  Expression1Context,
  Expression2Context,
  ForeachClauseContext,
  InsertClauseContext,
  InsertNodePatternContext,
  InsertRelationshipPatternContext,
  LetItemContext,
  ListComprehensionContext,
  ListItemsPredicateContext,
  LoadCSVClauseContext,
  MapContext,
  MapProjectionContext,
  MapProjectionElementContext,
  MergeClauseContext,
  NodePatternContext,
  parse,
  PatternComprehensionContext,
  PatternContext,
  ProcedureResultItemContext,
  PropertiesContext,
  PropertyContext,
  PropertyExpressionContext,
  PropertyKeyNameContext,
  PropertyPostfixContext,
  ReduceExpressionContext,
  RelationshipPatternContext,
  ReturnItemContext,
  SetPropsContext,
  UnwindClauseContext,
  VariableContext,
} from '@neo4j-cypher/language-support';

/** An unknown property key, by character offsets in the query. */
export interface UnknownProperty {
  name: string;
  from: number;
  to: number;
  message: string;
}

/** The newer checker's wording (2.0.0-next.37+), so both read the same. */
export const unknownPropertyMessage = (name: string) =>
  `${name} is not present in the database. Make sure you didn't misspell it or that it is available when you run this statement in your application`;

/** Rules whose own `variable` child binds a name to something that may not be a node or relationship. */
const OTHER_BINDINGS = [
  ReturnItemContext, UnwindClauseContext, LetItemContext, ForeachClauseContext, LoadCSVClauseContext, ProcedureResultItemContext,
  ListComprehensionContext, ReduceExpressionContext, ListItemsPredicateContext, PatternContext, PatternComprehensionContext,
];
const ENTITY_PATTERNS = [NodePatternContext, RelationshipPatternContext, InsertNodePatternContext, InsertRelationshipPatternContext];
const WRITING_CLAUSES = [CreateClauseContext, MergeClauseContext, InsertClauseContext];

type Rule = abstract new (...args: never[]) => unknown;
/** Whether `node` is one of the parser's rules `types`. */
const is = (node: Node | undefined, ...types: readonly Rule[]) => types.some((t) => node instanceof t);

/**
 * The parts of a parse-tree node used here. The package's context classes extend antlr4's
 * ParserRuleContext, whose typings do not resolve under our NodeNext settings, so the tree is
 * read through this shape (the rule is told by `instanceof`, as the classes are real).
 */
interface Node {
  children?: Node[] | null;
  parentCtx?: Node | null;
  start?: { start: number };
  stop?: { stop: number } | null;
  getText(): string;
}

/** Rule children of a node (terminals have no `children`). */
const kids = (node: Node): Node[] => (node.children ?? []).filter((c) => 'children' in c);

/** A name as Cypher means it: `` `a``b` `` is a`b. */
const unquote = (text: string) => (text.startsWith('`') && text.endsWith('`') && text.length > 1 ? text.slice(1, -1).replaceAll('``', '`') : text);
const nameOf = (node: Node) => unquote(node.getText());

/** The variable `node` is, when it is nothing but one (`n` in `n.key`). */
function soleVariable(node: Node | undefined): string | undefined {
  const only = node?.children?.length === 1 ? node.children[0] : undefined;
  return only && is(only, VariableContext) ? nameOf(only) : undefined;
}

/** The key of `.key` (a PropertyContext). */
const keyOf = (property: Node | undefined) => (property ? kids(property).find((k) => is(k, PropertyKeyNameContext)) : undefined);

interface Read {
  key: Node;
  /** The variable whose property this is; undefined for a pattern's map, which is always a node's or relationship's. */
  variable?: string;
}

/** Unknown property keys `query` reads, given the property keys of the schema. */
export function unknownProperties(query: string, propertyKeys: readonly string[]): UnknownProperty[] {
  const known = new Set(propertyKeys);
  const entityVars = new Set<string>();
  const otherVars = new Set<string>();
  const written = new Set<string>();
  const reads: Read[] = [];

  const visit = (node: Node, writing: boolean) => {
    const children = kids(node);
    const inWrite = writing || is(node, ...WRITING_CLAUSES, SetPropsContext, AddPropContext);
    for (const v of children.filter((c) => is(c, VariableContext))) {
      if (is(node, ...ENTITY_PATTERNS)) entityVars.add(nameOf(v));
      else if (is(node, ...OTHER_BINDINGS)) otherVars.add(nameOf(v));
    }
    if (is(node, Expression2Context) && is(children[0], Expression1Context) && is(children[1], PropertyPostfixContext)) {
      // x.key
      const key = keyOf(kids(children[1]!).find((k) => is(k, PropertyContext)));
      const variable = soleVariable(children[0]);
      if (key && variable) reads.push({ key, variable });
    } else if (is(node, PropertyExpressionContext)) {
      // SET x.key = … / REMOVE x.key
      for (const p of children.filter((c) => is(c, PropertyContext))) {
        const key = keyOf(p);
        if (key) written.add(nameOf(key));
      }
    } else if (is(node, MapProjectionContext)) {
      // x{.key}
      const v = children.find((c) => is(c, VariableContext));
      for (const element of children.filter((c) => is(c, MapProjectionElementContext))) {
        const key = keyOf(kids(element).find((k) => is(k, PropertyContext)));
        if (key && v) reads.push({ key, variable: nameOf(v) });
      }
    } else if (is(node, MapContext) && (inWrite || is(node.parentCtx ?? undefined, PropertiesContext))) {
      // A pattern's map (`(r:Role {id: $id})`) reads outside CREATE/MERGE/INSERT; maps there and in `SET x = {…}` write.
      for (const key of children.filter((c) => is(c, PropertyKeyNameContext))) {
        if (inWrite) written.add(nameOf(key));
        else reads.push({ key });
      }
    }
    for (const child of children) visit(child, inWrite);
  };
  for (const statement of parse(query) as unknown as Node[]) visit(statement, false);

  return reads
    .filter(({ key, variable }) => {
      const name = nameOf(key);
      const entity = variable === undefined || (entityVars.has(variable) && !otherVars.has(variable));
      return entity && name !== '' && !known.has(name) && !written.has(name) && key.start !== undefined;
    })
    .map(({ key }) => {
      const from = key.start?.start ?? 0;
      return { name: nameOf(key), from, to: (key.stop?.stop ?? from - 1) + 1, message: unknownPropertyMessage(nameOf(key)) };
    });
}
