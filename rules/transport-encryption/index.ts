// Rules of the transport-encryption family.
import type { Rule } from '../define';
import { encryptionInTransit } from './encryption-in-transit';
import { tlsNoDisabledVerification } from './tls-no-disabled-verification';

export const transportEncryptionRules: Rule[] = [tlsNoDisabledVerification, encryptionInTransit];
