// Rules of the key-rotation family.
import type { Rule } from '../define';
import { kmsKeyRotation } from './kms-key-rotation';
import { secretRotation } from './secret-rotation';

export const keyRotationRules: Rule[] = [kmsKeyRotation, secretRotation];
