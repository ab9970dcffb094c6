// What a TypeScript reference means in AWS CDK terms. The same class is reachable many ways:
//   import * as kms from 'aws-cdk-lib/aws-kms';   kms.Key
//   import { aws_kms as kms } from 'aws-cdk-lib';  kms.Key
//   import * as cdk from 'aws-cdk-lib';            cdk.aws_kms.Key
//   import { Key } from '@aws-cdk/aws-kms';        Key            (CDK v1)
//   const { Key } = require('aws-cdk-lib/aws-kms');
// All of them become { service: 'kms', path: ['Key'] }. Core classes (SecretValue, Duration, Stack)
// live in the library root (v2) or `@aws-cdk/core` (v1) and get the service `core`.
import type { SourceFile } from '../source';
import { importedModules, resolveModuleReference } from '../typescript/imports';
import type { Node } from '../typescript/nodes';

export interface CdkSymbol {
  /** Service module without the `aws-` prefix, e.g. `kms`, `elasticloadbalancingv2`; `core` for the library root. */
  service: string;
  /** Member path inside the service module: ['Key'], ['SslPolicy', 'TLS12']. */
  path: string[];
}

const V2_ROOT = 'aws-cdk-lib';
const V1_CORE = '@aws-cdk/core';

function serviceOfModule(module: string): string | undefined {
  const v2 = /^aws-cdk-lib\/aws-([\w-]+)$/.exec(module);
  if (v2) return v2[1];
  const v1 = /^@aws-cdk\/aws-([\w-]+)$/.exec(module);
  if (v1) return v1[1];
  if (module === V1_CORE || module === `${V2_ROOT}/core`) return 'core';
  return undefined;
}

export function cdkSymbol(file: SourceFile, node: Node): CdkSymbol | undefined {
  const reference = resolveModuleReference(file, node);
  if (!reference) return undefined;
  if (reference.module === V2_ROOT) {
    const [first, ...rest] = reference.path;
    if (first === undefined) return undefined;
    // `aws_kms` namespaces of the root module; everything else in the root is core.
    const namespace = /^aws_(\w+)$/.exec(first);
    if (namespace) return { service: namespace[1].replace(/_/g, '-'), path: rest };
    return { service: 'core', path: reference.path };
  }
  const service = serviceOfModule(reference.module);
  return service ? { service, path: reference.path } : undefined;
}

/** True when `node` is the CDK member `service.name` (e.g. kms.Key) however it was imported. */
export function isCdk(file: SourceFile, node: Node, service: string, ...path: string[]): boolean {
  const symbol = cdkSymbol(file, node);
  return !!symbol && symbol.service === service && symbol.path.length === path.length && symbol.path.every((p, i) => p === path[i]);
}

/** Cheap pre-check: does the file import AWS CDK at all? */
export function importsCdk(file: SourceFile): boolean {
  for (const module of importedModules(file)) if (module === V2_ROOT || module.startsWith(`${V2_ROOT}/`) || module.startsWith('@aws-cdk/')) return true;
  return false;
}
