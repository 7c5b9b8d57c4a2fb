/**
 * The link shapes the search considers: how many paragraphs of each side one
 * link takes, and which of them belong to the link when it skips one.
 */

/** A link shape by its name. `2:1-skip` is a 2:1 whose two source paragraphs have an untranslated one between them. */
export type ShapeKind = '1:1' | '1:0' | '0:1' | '2:1' | '1:2' | '2:2' | '3:1' | '1:3' | '2:1-skip' | '1:2-skip';

/** A shape as the search steps through it. */
export interface Shape {
  readonly kind: ShapeKind;
  /** Paragraphs of each side the step consumes. */
  readonly sourceSpan: number;
  readonly targetSpan: number;
  /** Offsets (from the step's first paragraph) of the paragraphs in the link. */
  readonly sourceMembers: readonly number[];
  readonly targetMembers: readonly number[];
  /** Offset of the paragraph the link skips, which comes out as its own 1:0 (or 0:1) link. */
  readonly skippedSource?: number;
  readonly skippedTarget?: number;
}

/** Every shape, in a fixed order (the search's tie-break order). */
export const shapes: readonly Shape[] = [
  { kind: '1:1', sourceSpan: 1, targetSpan: 1, sourceMembers: [0], targetMembers: [0] },
  { kind: '1:0', sourceSpan: 1, targetSpan: 0, sourceMembers: [0], targetMembers: [] },
  { kind: '0:1', sourceSpan: 0, targetSpan: 1, sourceMembers: [], targetMembers: [0] },
  { kind: '2:1', sourceSpan: 2, targetSpan: 1, sourceMembers: [0, 1], targetMembers: [0] },
  { kind: '1:2', sourceSpan: 1, targetSpan: 2, sourceMembers: [0], targetMembers: [0, 1] },
  { kind: '2:2', sourceSpan: 2, targetSpan: 2, sourceMembers: [0, 1], targetMembers: [0, 1] },
  { kind: '3:1', sourceSpan: 3, targetSpan: 1, sourceMembers: [0, 1, 2], targetMembers: [0] },
  { kind: '1:3', sourceSpan: 1, targetSpan: 3, sourceMembers: [0], targetMembers: [0, 1, 2] },
  { kind: '2:1-skip', sourceSpan: 3, targetSpan: 1, sourceMembers: [0, 2], targetMembers: [0], skippedSource: 1 },
  { kind: '1:2-skip', sourceSpan: 1, targetSpan: 3, sourceMembers: [0], targetMembers: [0, 2], skippedTarget: 1 },
];

/**
 * The shapes as flat typed arrays, for the search's inner loops: reading
 * fields of ten object literals of different layouts there would make every
 * property access polymorphic. `-1` where a shape has no skipped paragraph.
 */
export const shapeTable = {
  sourceSpan: Int32Array.from(shapes, (shape) => shape.sourceSpan),
  targetSpan: Int32Array.from(shapes, (shape) => shape.targetSpan),
  sourceCount: Int32Array.from(shapes, (shape) => shape.sourceMembers.length),
  targetCount: Int32Array.from(shapes, (shape) => shape.targetMembers.length),
  /** Member offsets, three slots per shape. */
  sourceOffsets: Int32Array.from(shapes.flatMap((shape) => [0, 1, 2].map((slot) => shape.sourceMembers[slot] ?? 0))),
  targetOffsets: Int32Array.from(shapes.flatMap((shape) => [0, 1, 2].map((slot) => shape.targetMembers[slot] ?? 0))),
  skippedSource: Int32Array.from(shapes, (shape) => shape.skippedSource ?? -1),
  skippedTarget: Int32Array.from(shapes, (shape) => shape.skippedTarget ?? -1),
} as const;

/** Index of each shape kind in {@link shapes}. */
export const shapeIndex: Readonly<Record<ShapeKind, number>> = Object.fromEntries(
  shapes.map((shape, index) => [shape.kind, index]),
) as Record<ShapeKind, number>;

/** Shapes that link paragraphs of both sides, without skips. */
export type LinkedShapeKind = '1:1' | '2:1' | '1:2' | '2:2' | '3:1' | '1:3';

/**
 * Starting shape probabilities: the share of links that are 1:0 and 0:1,
 * and how the linked ones split between shapes. Paragraph translation keeps
 * most paragraphs whole. The untranslated shares are raised from the pair's
 * paragraph counts, and all are re-estimated from the pair after each pass.
 */
export const defaultShapePriors: { readonly unlinkedSource: number; readonly unlinkedTarget: number; readonly linked: Readonly<Record<LinkedShapeKind, number>> } = {
  unlinkedSource: 0.06,
  unlinkedTarget: 0.06,
  linked: { '1:1': 0.85, '2:1': 0.05, '1:2': 0.05, '2:2': 0.015, '3:1': 0.0175, '1:3': 0.0175 },
};

/**
 * A merge straddling an untranslated paragraph (`17,19-5` with `18-∅`) is
 * taken to be this many times as likely as the same merge beside it
 * (`17,18-5` with `19-∅`): a skip is the rarer arrangement of the same two links.
 */
export const skipFactor = 0.5;
