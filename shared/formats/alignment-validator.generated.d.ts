// Types of alignment-validator.generated.js (ajv's standalone validator of schema/alignment.schema.json).
import type { ValidateFunction } from 'ajv/dist/2020.js';

export declare const validate: ValidateFunction;
export default validate;
