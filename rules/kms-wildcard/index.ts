// Rules of the kms-wildcard family.
import type { Rule } from '../define';

export const kmsWildcardRules: Rule[] = [];
