#!/usr/bin/env node
// A small CDK app: one stack with a violation of each check enclint runs on CDK code, and the same
// infrastructure done right. `enclint scan examples/cdk` reports only the first.
import * as cdk from 'aws-cdk-lib';
import { CompliantStack } from '../lib/compliant-stack';
import { NoncompliantStack } from '../lib/noncompliant-stack';

const app = new cdk.App();
new NoncompliantStack(app, 'Noncompliant');
new CompliantStack(app, 'Compliant');
