// Attribute and property names come from the providers' schemas, not from memory: every resource type
// and attribute path the setting tables read is looked up in snapshots extracted from the providers'
// own published schemas (scripts/schemas/snapshot.mjs: @cdktf/provider-aws|azurerm|google for
// Terraform, @aws-cdk/aws-service-spec for CloudFormation). A misspelt attribute would make a rule
// silently pass every resource; this test makes it fail loudly instead.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { TERRAFORM_AT_REST_SETTINGS } from '../../rules/encryption-at-rest/terraform-settings';
import { CLOUDFORMATION_AT_REST_SETTINGS } from '../../rules/encryption-at-rest/sources/encryption-at-rest.cloudformation';
import { TERRAFORM_TLS_SETTINGS } from '../../rules/tls-min-version/terraform-settings';
import { CLOUDFORMATION_TLS_SETTINGS } from '../../rules/tls-min-version/sources/tls-min-version.cloudformation';
import { TERRAFORM_TRANSIT_SETTINGS } from '../../rules/transport-encryption/encryption-in-transit-settings';
import { CLOUDFORMATION_TRANSIT_SETTINGS } from '../../rules/transport-encryption/sources/encryption-in-transit.cloudformation';

interface Snapshot {
  provider: string;
  version: string;
  types: Record<string, string[]>;
}

const SNAPSHOTS = path.join(__dirname, 'snapshots');
const load = (name: string): Snapshot => JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(SNAPSHOTS, `${name}.json.gz`))).toString('utf8'));
const terraform = ['terraform-aws', 'terraform-azurerm', 'terraform-google'].map(load);
const cloudformation = load('cloudformation');
const terraformTypes = new Map<string, Set<string>>();
for (const snapshot of terraform) for (const [type, paths] of Object.entries(snapshot.types)) terraformTypes.set(type, new Set(paths));
const cfnTypes = new Map(Object.entries(cloudformation.types).map(([type, paths]) => [type, new Set(paths)]));

/**
 * Resource types the tables keep although the current provider major version removed them: real
 * repositories pinned to older providers still declare them, and their settings still matter.
 * Each names the provider version that removed it.
 */
const REMOVED_TYPES: Record<string, string> = {
  azurerm_mysql_server: 'azurerm 4.0 (replaced by azurerm_mysql_flexible_server)',
  azurerm_mariadb_server: 'azurerm 4.0 (retired service)',
  azurerm_sql_server: 'azurerm 4.0 (replaced by azurerm_mssql_server)',
};

/** Other spellings the tables read for older provider versions (a table's later `paths` entries). */
function checkTerraform(tables: Array<{ resourceTypes: readonly string[]; each?: string; paths: readonly string[] }>, label: string): string[] {
  const problems: string[] = [];
  for (const table of tables) {
    for (const type of table.resourceTypes) {
      const known = terraformTypes.get(type);
      if (!known) {
        if (!REMOVED_TYPES[type]) problems.push(`${label}: unknown Terraform resource type ${type}`);
        continue;
      }
      const full = (p: string) => (table.each ? `${table.each}.${p}` : p);
      if (table.each && !known.has(table.each)) problems.push(`${label}: ${type} has no block ${table.each}`);
      // The first spelling is what fixes write: it must exist in the current provider. Later ones are
      // older spellings, read so pinned configurations are still checked.
      const [current] = table.paths;
      if (current && !known.has(full(current))) problems.push(`${label}: ${type} has no attribute ${full(current)}`);
    }
  }
  return problems;
}

function checkCloudFormation(tables: Array<{ resourceTypes: readonly string[]; each?: readonly string[]; path: readonly string[] }>, label: string): string[] {
  const problems: string[] = [];
  for (const table of tables) {
    for (const type of table.resourceTypes) {
      const known = cfnTypes.get(type);
      if (!known) {
        problems.push(`${label}: unknown CloudFormation type ${type}`);
        continue;
      }
      const steps = [...(table.each ?? []), ...table.path];
      const full = steps.join('.');
      // Below a JSON-typed property any key is valid (the snapshot marks those `Prop.*`).
      const underJson = steps.some((_, i) => known.has(`${steps.slice(0, i + 1).join('.')}.*`));
      if (!known.has(full) && !underJson) problems.push(`${label}: ${type} has no property ${full}`);
    }
  }
  return problems;
}

/** The at-rest tables name a switch and a key, each with paths. */
function atRestAsPaths<T extends { resourceTypes: readonly string[] }>(tables: readonly T[], pick: (t: T) => Array<readonly string[] | undefined>) {
  return tables.flatMap((t) => pick(t).filter((p): p is readonly string[] => !!p && p.length > 0).map((paths) => ({ ...t, paths })));
}

describe('setting tables against the providers\' schemas', () => {
  it('snapshots are present, named by package version, and not empty', () => {
    for (const snapshot of [...terraform, cloudformation]) {
      assert.match(snapshot.version, /^\d+\.\d+\.\d+/);
      assert.ok(Object.keys(snapshot.types).length > 1000, `${snapshot.provider}: ${Object.keys(snapshot.types).length} types`);
    }
    assert.ok(terraformTypes.get('aws_s3_bucket')?.has('server_side_encryption_configuration.rule.apply_server_side_encryption_by_default.sse_algorithm'));
    assert.ok(cfnTypes.get('AWS::S3::Bucket')?.has('BucketEncryption.ServerSideEncryptionConfiguration.ServerSideEncryptionByDefault.KMSMasterKeyID'));
  });

  it('lists as removed only types the current providers really lack', () => {
    assert.deepEqual(Object.keys(REMOVED_TYPES).filter((type) => terraformTypes.has(type)), []);
  });

  it('Terraform encryption-at-rest names exist', () => {
    const tables = atRestAsPaths(TERRAFORM_AT_REST_SETTINGS, (t) => [t.switch?.paths, t.key?.paths]);
    assert.deepEqual(checkTerraform(tables, 'at rest'), []);
  });

  it('Terraform minimum-TLS names exist', () => {
    assert.deepEqual(checkTerraform([...TERRAFORM_TLS_SETTINGS], 'tls'), []);
  });

  it('Terraform in-transit names exist', () => {
    assert.deepEqual(checkTerraform([...TERRAFORM_TRANSIT_SETTINGS], 'in transit'), []);
  });

  it('CloudFormation encryption-at-rest names exist', () => {
    const tables = CLOUDFORMATION_AT_REST_SETTINGS.flatMap((t) => [t.switch?.path, t.key?.path].filter((p): p is readonly string[] => !!p).map((p) => ({ ...t, path: p })));
    assert.deepEqual(checkCloudFormation(tables, 'at rest'), []);
  });

  it('CloudFormation minimum-TLS and in-transit names exist', () => {
    assert.deepEqual([...checkCloudFormation([...CLOUDFORMATION_TLS_SETTINGS], 'tls'), ...checkCloudFormation([...CLOUDFORMATION_TRANSIT_SETTINGS], 'in transit')], []);
  });
});

describe('docs/coverage.md', () => {
  it('is current with the rules and the schema snapshots (npm run coverage:catalogue)', () => {
    const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
    const check = spawnSync(process.execPath, [path.join(__dirname, '../../scripts/coverage-catalogue.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
  });
});
