// Where a name comes from. `new Key(...)` is a KMS key only if `Key` was imported from the KMS module;
// a local class of the same name is not. Covers ES imports (namespace, default, named, renamed),
// `import x = require()`, CommonJS `require()` (whole module or destructured) and `const` aliases such
// as `const { aws_kms: kms } = cdk` or `const Key = kms.Key`.
import type { SourceFile } from '../source';
import { memberPath, NodeType, nodesOfType, stringValue, unwrap, type Node } from './nodes';

export interface ImportBinding {
  module: string;
  /** Path inside the module: [] for the module object itself (namespace/default/require), ['Key'] for a named import. */
  path: string[];
}

/** A reference resolved to its module: `kms.Key` → { module: 'aws-cdk-lib/aws-kms', path: ['Key'] }. */
export interface ModuleReference {
  module: string;
  path: string[];
}

function requiredModule(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  const inner = unwrap(node);
  if (inner.type === 'CallExpression' && inner.callee.type === 'Identifier' && inner.callee.name === 'require' && inner.arguments.length === 1) {
    return stringValue(inner.arguments[0] as Node);
  }
  if (inner.type === 'AwaitExpression' && inner.argument.type === 'ImportExpression') return stringValue(inner.argument.source);
  return undefined;
}

/** Top-level (and nested) bindings that come from modules, by local name. */
export function importBindings(file: SourceFile): Map<string, ImportBinding> {
  return file.cached('typescript-imports', () => {
    const bindings = new Map<string, ImportBinding>();
    for (const declaration of nodesOfType(file, NodeType.ImportDeclaration)) {
      const module = declaration.source.value;
      for (const specifier of declaration.specifiers) {
        if (specifier.type === 'ImportNamespaceSpecifier' || specifier.type === 'ImportDefaultSpecifier') {
          bindings.set(specifier.local.name, { module, path: [] });
        } else {
          const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : String(specifier.imported.value);
          bindings.set(specifier.local.name, { module, path: [imported] });
        }
      }
    }
    for (const declaration of nodesOfType(file, NodeType.TSImportEqualsDeclaration)) {
      const reference = declaration.moduleReference;
      if (reference.type === 'TSExternalModuleReference') {
        const module = stringValue(reference.expression);
        if (module) bindings.set(declaration.id.name, { module, path: [] });
      }
    }
    // `const x = require('m')`, `const { A, B: C } = require('m')`, and aliases of known bindings.
    // Two passes so an alias declared before its source is still found.
    for (let pass = 0; pass < 2; pass++) {
      for (const declarator of nodesOfType(file, NodeType.VariableDeclarator)) {
        if (!declarator.init) continue;
        let base: ImportBinding | undefined;
        const module = requiredModule(declarator.init);
        if (module) base = { module, path: [] };
        else {
          const path = memberPath(declarator.init);
          const root = path ? bindings.get(path[0]) : undefined;
          if (root && path) base = { module: root.module, path: [...root.path, ...path.slice(1)] };
        }
        if (!base) continue;
        if (declarator.id.type === 'Identifier') {
          if (!bindings.has(declarator.id.name)) bindings.set(declarator.id.name, base);
        } else if (declarator.id.type === 'ObjectPattern') {
          for (const property of declarator.id.properties) {
            if (property.type !== 'Property' || property.computed || property.key.type !== 'Identifier') continue;
            const value = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
            if (value.type === 'Identifier' && !bindings.has(value.name)) bindings.set(value.name, { module: base.module, path: [...base.path, property.key.name] });
          }
        }
      }
    }
    return bindings;
  });
}

/** Resolves `a.b.c` whose root `a` is an imported binding; undefined for anything local. */
export function resolveModuleReference(file: SourceFile, node: Node): ModuleReference | undefined {
  const path = memberPath(node);
  if (!path) return undefined;
  const binding = importBindings(file).get(path[0]);
  if (!binding) return undefined;
  return { module: binding.module, path: [...binding.path, ...path.slice(1)] };
}

/** Modules imported by the file, e.g. to skip files that import nothing relevant quickly. */
export function importedModules(file: SourceFile): Set<string> {
  return file.cached('typescript-imported-modules', () => new Set([...importBindings(file).values()].map((b) => b.module)));
}
