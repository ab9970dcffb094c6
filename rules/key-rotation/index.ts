// Rules of the key-rotation family.
import type { Rule } from '../define';
import { kmsKeyRotation } from './kms-key-rotation';

export const keyRotationRules: Rule[] = [kmsKeyRotation];
