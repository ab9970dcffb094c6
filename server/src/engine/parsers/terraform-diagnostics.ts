// Tells the user when a Terraform file did not fully parse, pointing at the first error, so a
// missing finding in a broken file is not mistaken for a clean bill of health.
import { terraformFile } from '../terraform/model';
import { firstSyntaxError } from './hcl';
import type { SourceFile } from '../source';
import type { Notice } from '../types';

export function terraformSyntaxNotices(file: SourceFile): Notice[] {
  const tf = terraformFile(file);
  const error = firstSyntaxError(tf.tree.rootNode);
  if (!error) return [];
  const what = error.isMissing ? `missing ${error.type}` : `unexpected ${JSON.stringify(error.text.slice(0, 30))}`;
  return [
    {
      path: file.path,
      level: 'warning',
      kind: 'parse-error',
      span: { start: error.startIndex, end: Math.max(error.endIndex, error.startIndex + 1) },
      message: `could not fully parse Terraform (${what}); checked what could be recovered`,
    },
  ];
}
