/**
 * The shape of role-graph data as it is loaded into a GraphStore: roles,
 * transitions between them, and personal career histories. The seed files in
 * `seed/data/` and (later) imports are validated against these schemas before
 * anything is written.
 */
import { z } from 'zod';

/** The message of a text field that holds a control character (importers translate it by this). */
export const CONTROL_CHARACTERS_MESSAGE = 'must not contain control characters';

/**
 * Text without control characters (tab and newlines allowed): NUL and friends
 * have no place in a name, and U+001F is the list separator on Kùzu writes.
 */
const text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, CONTROL_CHARACTERS_MESSAGE);

/** One line of text (a name, a group): no control character at all, tab and line breaks included. */
const line = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .regex(/^[^\u0000-\u001f\u007f]*$/, CONTROL_CHARACTERS_MESSAGE);

/** The longest role group (a department or job family from an imported catalogue). */
export const ROLE_GROUP_MAX = 80;

/** Role families: the colour groups of the graph. */
export const ROLE_FAMILIES = [
  'customer-support',
  'back-office',
  'bizops',
  'profit-centre',
  'engineering',
  'management',
  'external',
] as const;
export const roleFamilySchema = z.enum(ROLE_FAMILIES);
export type RoleFamily = z.infer<typeof roleFamilySchema>;

/** Stable, URL-safe role id: lowercase words joined by hyphens. */
export const roleIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single hyphens, e.g. "customer-support"')
  .max(80);

export const roleSchema = z.strictObject({
  id: roleIdSchema,
  name: line(120),
  nameJa: line(120),
  aliases: z.array(text(120)).default([]),
  family: roleFamilySchema,
  description: text(300),
  /** The description in Japanese (every seed role has one; imported roles may not). */
  descriptionJa: text(300).optional(),
  /**
   * The team's own grouping (department, job family) from an imported catalogue; the seed's roles have
   * none. Stored as `roleGroup` (`group` is a keyword in Kùzu's Cypher).
   */
  group: line(ROLE_GROUP_MAX).optional(),
});
export type Role = z.infer<typeof roleSchema>;

/** What kind of move a transition records. */
export const TRANSITION_KINDS = ['move', 'recommended', 'split'] as const;
export const transitionKindSchema = z.enum(TRANSITION_KINDS);
export type TransitionKind = z.infer<typeof transitionKindSchema>;

/** One account of a move: an exact quote from a source article with an English gloss (and a Japanese one). */
export const evidenceSchema = z.strictObject({
  source: z.string().min(1).max(200),
  quote: z.string().min(1).max(400),
  gloss: z.string().min(1).max(400),
  /** The gloss in Japanese: what the quote says, for a reader who sees the page in Japanese. */
  glossJa: z.string().min(1).max(400).optional(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const transitionSchema = z.strictObject({
  from: roleIdSchema,
  to: roleIdSchema,
  kind: transitionKindSchema,
  /** Number of independent accounts of this move (one per evidence entry in the seed). */
  count: z.number().int().positive(),
  skills: z.array(text(80)).default([]),
  /** The skills in Japanese, item for item (same length as `skills` when present). */
  skillsJa: z.array(text(80)).optional(),
  evidence: z.array(evidenceSchema).default([]),
});
export type TransitionInput = z.infer<typeof transitionSchema>;

/** A transition as stored: with its dataset and probability p(to | from). */
export interface Transition extends TransitionInput {
  dataset: string;
  probability: number;
}

export const historySchema = z.strictObject({
  id: roleIdSchema,
  label: z.string().min(1).max(200),
  labelJa: z.string().min(1).max(200),
  source: z.string().min(1).max(200),
  /** The person's roles in order; consecutive pairs must be transitions. */
  roles: z.array(roleIdSchema).min(2),
  evidence: z.array(evidenceSchema).default([]),
});
export type History = z.infer<typeof historySchema>;

/**
 * The seed files' stricter shapes: the seed is Japanese first, so every role
 * description, skill list and evidence gloss must come in Japanese as well.
 */
const seedEvidenceSchema = evidenceSchema.extend({ glossJa: z.string().min(1).max(400) });
export const seedRoleSchema = roleSchema.extend({ descriptionJa: text(300) });
export const seedTransitionSchema = transitionSchema
  .extend({ skillsJa: z.array(text(80)), evidence: z.array(seedEvidenceSchema).default([]) })
  .refine((t) => t.skillsJa.length === t.skills.length, { message: 'skillsJa must translate skills item for item', path: ['skillsJa'] });
export const seedHistorySchema = historySchema.extend({ evidence: z.array(seedEvidenceSchema).default([]) });

/** A whole graph ready to be written: what the seed loader and importers produce. */
export interface GraphData {
  dataset: string;
  roles: Role[];
  transitions: Transition[];
  histories: History[];
}
