// Runs the engine for one document or disk file with everything the server keeps around: the
// incrementally reparsed tree (seeded as 'hcl-tree'), the module's sibling files, the effective config.
// The engine stays pure; this is only the glue that feeds it.
import { analyze, fixAll, type FixAllResult } from '../engine/engine';
import type { EnclintConfig } from '../engine/config';
import { parseHcl } from '../engine/parsers/hcl';
import { SourceFile } from '../engine/source';
import { PREVIOUS_MODEL_KEY, terraformFile, type TfFile } from '../engine/terraform/model';
import type { AnalysisResult } from '../engine/types';
import type { LiveDocument } from './documents';
import type { FileCache } from './files';
import { moduleSignature } from './moduleSignature';

export interface DocumentAnalysis {
  uri: string;
  version: number;
  /** The text analysed (the document may have moved on since). */
  text: string;
  result: AnalysisResult;
  /** Sibling files used for var/local resolution (their line indexes place related locations). */
  siblings: SourceFile[];
  /** Identifies the settings/config the result was computed with; a change makes it stale. */
  configGeneration: number;
  /** What the module's other files see of this one (variables, locals, tfvars); undefined for non-Terraform. */
  moduleSignature?: string;
}

export class Analyzer {
  /** Each open Terraform document's model from its last analysis: unchanged blocks are reused. */
  private readonly models = new WeakMap<LiveDocument, TfFile>();

  constructor(private readonly files: FileCache) {}

  analyzeDocument(live: LiveDocument, config: EnclintConfig, configGeneration: number): DocumentAnalysis {
    const kind = live.kind;
    const text = live.text;
    // A huge generated file opened by accident must not cost seconds per keystroke; the CLI skips it too.
    if (Buffer.byteLength(text, 'utf8') > config.maxFileBytes) {
      live.dropTree();
      const notice = { path: live.path, level: 'info' as const, kind: 'skipped' as const, message: `enclint skipped this file: larger than ${config.maxFileBytes} bytes (maxFileBytes in .enclint.yaml)` };
      return { uri: live.uri, version: live.version, text, result: { path: live.path, kind, findings: [], notices: [notice] }, siblings: [], configGeneration };
    }
    const seed: Record<string, unknown> = {};
    let siblings: SourceFile[] = [];
    if (kind === 'terraform' || kind === 'terraform-vars') {
      // Reparse only what changed since the last analysis: the kept tree has seen every edit.
      const tree = parseHcl(text, live.tree && live.treeIsEdited ? live.tree : undefined);
      live.keepTree(tree);
      seed['hcl-tree'] = tree;
      siblings = this.files.moduleSiblings(live.path, config.maxFileBytes, live.onDisk);
    } else {
      live.dropTree();
    }
    const file = new SourceFile({ path: live.path, text, kind });
    const previousModel = this.models.get(live);
    if (previousModel && live.tree) seed[PREVIOUS_MODEL_KEY] = previousModel;
    const result = analyze(file, { config, moduleFiles: siblings, seed });
    const model = live.tree ? terraformFile(file) : undefined;
    if (model) this.models.set(live, model);
    else this.models.delete(live);
    const signature = model ? moduleSignature(model, kind === 'terraform-vars') : undefined;
    return { uri: live.uri, version: live.version, text, result, siblings, configGeneration, moduleSignature: signature };
  }

  analyzeFile(file: SourceFile, config: EnclintConfig): { result: AnalysisResult; siblings: SourceFile[] } {
    const siblings = file.kind === 'terraform' || file.kind === 'terraform-vars' ? this.files.moduleSiblings(file.path, config.maxFileBytes) : [];
    // A fresh SourceFile per run (its memo must not mix configs), seeded with the kept parse tree.
    const seed = file.kind === 'terraform' || file.kind === 'terraform-vars' ? { 'hcl-tree': file.cached('hcl-tree', () => parseHcl(file.text)) } : {};
    const result = analyze({ path: file.path, text: file.text, kind: file.kind }, { config, moduleFiles: siblings, seed });
    return { result, siblings };
  }

  fixAllDocument(live: LiveDocument, config: EnclintConfig): FixAllResult {
    const kind = live.kind;
    const siblings = kind === 'terraform' || kind === 'terraform-vars' ? this.files.moduleSiblings(live.path, config.maxFileBytes, live.onDisk) : [];
    return fixAll({ path: live.path, text: live.text, kind }, { config, moduleFiles: siblings });
  }
}
