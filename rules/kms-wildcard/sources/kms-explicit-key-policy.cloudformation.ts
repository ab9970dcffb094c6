// kms-explicit-key-policy for CloudFormation/SAM: an `AWS::KMS::Key` without `KeyPolicy` gets the AWS
// default key policy (kms:* for the account root), so nothing next to the key says who may use or
// administer it. (`KeyPolicy` became optional in 2022; replica keys still require one.)
import { CfnRaw, insertResourceBlock, type CfnMapping } from '../../../server/src/engine/cloudformation/edits';
import { cfnTemplate, describeResource, resourcesOfType } from '../../../server/src/engine/cloudformation/model';
import { fix } from '../../../server/src/engine/fix';
import { pair } from '../../../server/src/engine/yaml/data';
import type { RuleContext } from '../../define';
import { KEY_ADMIN_ACTIONS, KEY_USAGE_ACTIONS } from '../kms-actions';

const sub = (text: string) => new CfnRaw(`!Sub ${text}`, { 'Fn::Sub': text });

/** The organisation's key policy example: account-root delegation, key administrators, key users (placeholder roles). */
function examplePolicy(): CfnMapping {
  const statement = (sid: string, principal: string, action: string | string[]): CfnMapping => ({
    Sid: sid,
    Effect: 'Allow',
    Principal: { AWS: sub(`arn:aws:iam::\${AWS::AccountId}:${principal}`) },
    Action: action,
    Resource: '*',
  });
  return {
    Version: '2012-10-17',
    Statement: [
      statement('EnableIAMUserPermissions', 'root', 'kms:*'),
      statement('AllowKeyAdmins', 'role/KeyAdminRole', KEY_ADMIN_ACTIONS),
      statement('AllowKeyUsage', 'role/AppRole', KEY_USAGE_ACTIONS),
    ],
  };
}

export function checkCloudFormationKeyPolicies(context: RuleContext): void {
  const template = cfnTemplate(context.file);
  for (const key of resourcesOfType(template, 'AWS::KMS::Key')) {
    if (pair(key.properties, 'KeyPolicy')) continue;
    const edits = insertResourceBlock(context.file, template, key, 'KeyPolicy', examplePolicy());
    context.report({
      span: key.pair.keySpan,
      message: `${describeResource(key)} has no KeyPolicy, so AWS applies the default one: kms:* for the account root, leaving all access to IAM policies; declare a key policy that names key administrators and key users`,
      fixes: edits.length ? [fix('Declare a key policy with key administrators and key users (replace the placeholder roles)', edits, { safe: false })] : [],
    });
  }
}
