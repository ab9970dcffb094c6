// What a declaration cannot say: a snapshot has no encryption setting of its own — it is exactly as
// encrypted as the volume or cluster it was taken from. When that source is in the module and stores
// its data unencrypted, the snapshot is reported too (the fix belongs to the source, linked as related).
import { blockAddress, literalString, resources, terraformFile, type TfBlock } from '../../server/src/engine/terraform/model';
import { resolveValue } from '../../server/src/engine/terraform/module';
import type { RuleContext } from '../define';
import { moduleBlocks } from './customer-key';
import { switchState } from './terraform-check';
import { TERRAFORM_AT_REST_SETTINGS } from './terraform-settings';

interface SnapshotSource {
  snapshotType: string;
  /** The attribute naming the source, e.g. `volume_id = aws_ebs_volume.data.id`. */
  attribute: string;
  sourceTypes: readonly string[];
}

const SNAPSHOT_SOURCES: readonly SnapshotSource[] = [
  { snapshotType: 'aws_ebs_snapshot', attribute: 'volume_id', sourceTypes: ['aws_ebs_volume'] },
  { snapshotType: 'aws_db_snapshot', attribute: 'db_instance_identifier', sourceTypes: ['aws_db_instance'] },
  { snapshotType: 'aws_db_cluster_snapshot', attribute: 'db_cluster_identifier', sourceTypes: ['aws_rds_cluster'] },
  { snapshotType: 'aws_docdb_cluster_snapshot', attribute: 'db_cluster_identifier', sourceTypes: ['aws_docdb_cluster'] },
  { snapshotType: 'aws_neptune_cluster_snapshot', attribute: 'db_cluster_identifier', sourceTypes: ['aws_neptune_cluster'] },
];

/** The module resource a reference like `aws_ebs_volume.data.id` points at. */
function referencedResource(snapshot: TfBlock, attributeName: string, sourceTypes: readonly string[], blocks: TfBlock[], context: RuleContext): TfBlock | undefined {
  const attribute = snapshot.attributes.find((a) => a.name === attributeName);
  if (!attribute) return undefined;
  const value = resolveValue(attribute.value, context.module()).value;
  if (value.kind !== 'reference') return undefined;
  const [type, name] = value.path.split('.');
  if (!sourceTypes.includes(type)) return undefined;
  return blocks.find((b) => b.type === 'resource' && b.labels[0] === type && b.labels[1] === name);
}

export function checkSnapshots(context: RuleContext): void {
  const tf = terraformFile(context.file);
  const module = context.module();
  for (const source of SNAPSHOT_SOURCES) {
    for (const snapshot of resources(tf, source.snapshotType)) {
      const blocks = moduleBlocks(snapshot, module);
      const origin = referencedResource(snapshot, source.attribute, source.sourceTypes, blocks, context);
      if (!origin) continue;
      const entry = TERRAFORM_AT_REST_SETTINGS.find((e) => e.switch && !e.each && e.resourceTypes.includes(origin.labels[0]));
      if (!entry || entry.inheritedWhen?.some((p) => origin.attributes.some((a) => a.name === p))) continue;
      const state = switchState(entry, origin, origin, { module });
      if (state?.protection !== 'unencrypted') continue;
      const setting = entry.switch!.paths[0];
      const said = state.located ? `sets ${setting} = ${literalString(resolveValue(state.located.attribute!.value, module).value)}` : `does not set ${setting}`;
      context.report({
        span: snapshot.headerSpan,
        message: `${blockAddress(snapshot)} is taken from ${blockAddress(origin)}, which ${said}, so the snapshot is unencrypted at rest too; encrypt the source (or copy the snapshot with encryption)`,
        related: [{ message: `source of the snapshot: ${blockAddress(origin)}`, path: origin.file.path === context.file.path ? undefined : origin.file.path, span: origin.headerSpan }],
      });
    }
  }
}
