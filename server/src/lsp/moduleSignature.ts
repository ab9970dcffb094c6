// What other files of a Terraform module can see of this one: its `variable` and `locals` blocks
// (and all of a .tfvars file). When an edit leaves that unchanged, the module's other open documents
// need no re-analysis — the common case while typing inside a resource.
import type { TfFile } from '../engine/terraform/model';

const SHARED_BLOCKS = new Set(['variable', 'locals']);

/** Read off the model the analysis already built, so it adds no walk of the tree per keystroke. */
export function moduleSignature(model: TfFile, isTfvars: boolean): string {
  const text = model.file.text;
  if (isTfvars) return text;
  return model.blocks
    .filter((block) => SHARED_BLOCKS.has(block.type))
    .map((block) => text.slice(block.span.start, block.span.end))
    .join('\u0000');
}
