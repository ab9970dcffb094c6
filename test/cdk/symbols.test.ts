// CDK symbols: the same construct reached through every import style, and nothing else.
import * as assert from 'node:assert/strict';
import { cdkConstructs } from '../../server/src/engine/cdk/constructs';
import { cdkSymbol, importsCdk } from '../../server/src/engine/cdk/symbols';
import { durationDays } from '../../server/src/engine/cdk/values';
import { SourceFile } from '../../server/src/engine/source';
import { NodeType, nodesOfType } from '../../server/src/engine/typescript/nodes';

const symbolsOf = (text: string) => cdkConstructs(new SourceFile({ path: 'stack.ts', text })).map((c) => `${c.symbol.service}:${c.symbol.path.join('.')}`);

describe('cdk symbols', () => {
  it('resolves v2 service modules, root namespaces and v1 packages', () => {
    assert.deepEqual(symbolsOf("import * as kms from 'aws-cdk-lib/aws-kms';\nnew kms.Key(this, 'a');"), ['kms:Key']);
    assert.deepEqual(symbolsOf("import { aws_kms } from 'aws-cdk-lib';\nnew aws_kms.CfnKey(this, 'a', {});"), ['kms:CfnKey']);
    assert.deepEqual(symbolsOf("import * as cdk from 'aws-cdk-lib';\nnew cdk.aws_elasticloadbalancingv2.ApplicationListener(this, 'a', {});"), ['elasticloadbalancingv2:ApplicationListener']);
    assert.deepEqual(symbolsOf("import { Key } from '@aws-cdk/aws-kms';\nnew Key(this, 'a');"), ['kms:Key']);
    assert.deepEqual(symbolsOf("import { Stack } from 'aws-cdk-lib';\nnew Stack(app, 'S');"), ['core:Stack']);
    assert.deepEqual(symbolsOf("import * as lambda_nodejs from 'aws-cdk-lib/aws-lambda-nodejs';\nnew lambda_nodejs.NodejsFunction(this, 'f');"), ['lambda-nodejs:NodejsFunction']);
  });
  it('ignores non-CDK classes and files without CDK imports', () => {
    assert.deepEqual(symbolsOf("import { Key } from 'my-lib';\nnew Key(this, 'a');"), []);
    assert.equal(importsCdk(new SourceFile({ path: 'a.ts', text: "import express from 'express';" })), false);
  });
  it('reads enum members and durations', () => {
    const f = new SourceFile({ path: 'stack.ts', text: "import { Duration, aws_elasticloadbalancingv2 as elbv2 } from 'aws-cdk-lib';\nconst p = elbv2.SslPolicy.TLS12;\nconst d = Duration.hours(48);\n" });
    const [p, d] = nodesOfType(f, NodeType.VariableDeclarator).map((v) => v.init!);
    assert.deepEqual(cdkSymbol(f, p), { service: 'elasticloadbalancingv2', path: ['SslPolicy', 'TLS12'] });
    assert.equal(durationDays(f, d), 2);
  });
});
