// Parsers that are loaded the first time a file of their kind is met, not when enclint starts: the
// TypeScript compiler behind typescript-estree is most of the bundle's size, and `enclint --version`
// or a scan of Terraform files must not pay for it.
//
// From source (tests, tsx) the `require` resolves the package as usual. The bundles (scripts/build.mjs)
// turn this one specifier into a separate file next to them (dist/typescript-estree.js), so the main
// bundles do not contain it at all and `require` reads it on first use.
import type * as TypescriptEstree from '@typescript-eslint/typescript-estree';

let typescriptEstree: typeof TypescriptEstree | undefined;

export function loadTypescriptEstree(): typeof TypescriptEstree {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  typescriptEstree ??= require('@typescript-eslint/typescript-estree') as typeof TypescriptEstree;
  return typescriptEstree;
}
