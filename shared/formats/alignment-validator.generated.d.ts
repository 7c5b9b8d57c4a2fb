// Types of alignment-validator.generated.js (ajv's standalone validators of schema/alignment.schema.json).
import type { ValidateFunction } from 'ajv/dist/2020.js';

/** The whole alignment file. */
export declare const validate: ValidateFunction;
/** One item of a document's `paragraphs` (`#/$defs/paragraph`). */
export declare const validateParagraph: ValidateFunction;
