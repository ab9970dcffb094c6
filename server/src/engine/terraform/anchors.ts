// Where a suppression comment can go. A finding inside a heredoc or a multi-line quoted string (a
// JSON key policy in `policy = <<EOF`) cannot have a comment on the line above it: that line is
// string content, and a `#` there would corrupt the policy. Such findings are anchored to the line
// the enclosing attribute starts on, where a comment is legal HCL.
import type { SourceFile } from '../source';
import { terraformFile } from './model';

const MULTI_LINE_STRINGS = new Set(['heredoc_template', 'quoted_template']);

/** The zero-based line a `enclint-disable-next-line` comment must precede, when not the finding's own. */
export function terraformSuppressionAnchor(file: SourceFile, offset: number): number | undefined {
  let node = terraformFile(file).tree.rootNode.descendantForIndex(offset);
  let insideString = false;
  while (node) {
    if (MULTI_LINE_STRINGS.has(node.type) && node.startPosition.row !== node.endPosition.row) insideString = true;
    if (insideString && node.type === 'attribute') {
      const line = file.lines.positionAt(node.startIndex).line;
      return line === file.lines.positionAt(offset).line ? undefined : line;
    }
    node = node.parent;
  }
  return undefined;
}
