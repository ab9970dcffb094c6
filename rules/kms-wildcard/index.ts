// Rules of the kms-wildcard family: least-privilege access to keys, written once against the policy model.
import type { Rule } from '../define';
import { kmsExplicitKeyPolicy } from './kms-explicit-key-policy';
import { kmsKeyScopedIdentityPolicy } from './kms-key-scoped-identity-policy';
import { kmsNoPublicPrincipal } from './kms-no-public-principal';
import { kmsNoWildcardActions } from './kms-no-wildcard-actions';
import { kmsSeparationOfDuties } from './kms-separation-of-duties';

export const kmsWildcardRules: Rule[] = [kmsNoWildcardActions, kmsNoPublicPrincipal, kmsSeparationOfDuties, kmsExplicitKeyPolicy, kmsKeyScopedIdentityPolicy];
