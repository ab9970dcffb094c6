// Rules of the tls-min-version family.
import type { Rule } from '../define';
import { tlsMinVersion } from './tls-min-version';

export const tlsMinVersionRules: Rule[] = [tlsMinVersion];
