// Rules of the tls-min-version family.
import type { Rule } from '../define';

export const tlsMinVersionRules: Rule[] = [];
