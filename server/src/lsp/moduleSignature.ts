// What other files of a Terraform module can see of this one: its `variable` and `locals` blocks
// (and all of a .tfvars file). When an edit leaves that unchanged, the module's other open documents
// need no re-analysis — the common case while typing inside a resource.
import type { SyntaxTree } from '../engine/parsers/hcl';

const SHARED_BLOCKS = new Set(['variable', 'locals']);

/** Reads only top-level nodes of the kept tree, so it costs far less than building the model. */
export function moduleSignature(tree: SyntaxTree, text: string, isTfvars: boolean): string {
  if (isTfvars) return text;
  const body = tree.rootNode.firstNamedChild;
  if (!body) return '';
  const parts: string[] = [];
  for (const child of body.namedChildren) {
    if (!child || child.type !== 'block') continue;
    const type = child.firstNamedChild;
    if (type && SHARED_BLOCKS.has(type.text)) parts.push(text.slice(child.startIndex, child.endIndex));
  }
  return parts.join('\u0000');
}
