// Terraform/HCL parsing with tree-sitter (WebAssembly build, so no native addon to compile).
// The grammar recovers from half-typed files, which is what an editor hands us most of the time.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Edit, Language, Parser, type Node, type Tree } from 'web-tree-sitter';

export type { Node as SyntaxNode, Tree as SyntaxTree } from 'web-tree-sitter';

let parser: Parser | undefined;
let initializing: Promise<void> | undefined;

/**
 * Finds a bundled asset: next to the running bundle (dist/), or in node_modules when running from source.
 */
export function findAsset(fileName: string, packageDir: string): string {
  const candidates = [path.join(__dirname, fileName), path.join(__dirname, 'wasm', fileName)];
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    candidates.push(path.join(dir, 'node_modules', packageDir, fileName));
    if (path.dirname(dir) === dir) break;
  }
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found) throw new Error(`enclint: cannot find ${fileName} (looked in ${candidates.slice(0, 3).join(', ')}, …)`);
  return found;
}

/** Loads the WebAssembly runtime and the Terraform grammar; idempotent and safe to call concurrently. */
export function initHclParser(): Promise<void> {
  initializing ??= (async () => {
    const runtimeWasm = findAsset('web-tree-sitter.wasm', 'web-tree-sitter');
    await Parser.init({ locateFile: () => runtimeWasm });
    const grammar = await Language.load(
      fs.readFileSync(findAsset('tree-sitter-terraform.wasm', '@tree-sitter-grammars/tree-sitter-hcl')),
    );
    parser = new Parser();
    parser.setLanguage(grammar);
  })();
  return initializing;
}

export function isHclParserReady(): boolean {
  return parser !== undefined;
}

/**
 * Parses Terraform source. Pass the previous tree, already `edit`ed, to reuse unchanged subtrees
 * (the language server does this on every keystroke).
 */
export function parseHcl(text: string, previous?: Tree): Tree {
  if (!parser) throw new Error('enclint: HCL parser used before initHclParser() resolved');
  parseCount++;
  const tree = parser.parse(text, previous ?? null);
  if (!tree) throw new Error('enclint: tree-sitter returned no tree');
  return tree;
}

let parseCount = 0;

/** How many parses this thread has done; `npm run bench` uses it to prove each file is parsed once. */
export function hclParseCount(): number {
  return parseCount;
}

export { Edit };

/** First ERROR or MISSING node, for a "could not fully parse" diagnostic. */
export function firstSyntaxError(node: Node): Node | undefined {
  if (!node.hasError) return undefined;
  if (node.isError || node.isMissing) return node;
  for (const child of node.children) {
    if (!child) continue;
    const hit = firstSyntaxError(child);
    if (hit) return hit;
  }
  return node.isError || node.isMissing ? node : undefined;
}
