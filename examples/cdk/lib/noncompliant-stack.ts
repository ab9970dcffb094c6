// Every finding here is intentional: one per check enclint runs on CDK code.
import * as cdk from 'aws-cdk-lib';
import { Construct } from 'constructs';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as opensearch from 'aws-cdk-lib/aws-opensearchservice';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';

const LISTENER_POLICY = elbv2.SslPolicy.TLS11;

export class NoncompliantStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Vpc');

    // kms-key-rotation: rotation is off by default.
    const key = new kms.Key(this, 'DataKey', {
      alias: 'alias/example-data',
    });

    // kms-key-rotation: rotating every two years is above the 365-day maximum.
    new kms.Key(this, 'ArchiveKey', { enableKeyRotation: true, rotationPeriod: cdk.Duration.days(730) });

    // kms-no-wildcard-actions and kms-no-public-principal: anyone may do anything with the key.
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        actions: ['kms:*'],
        principals: [new iam.AnyPrincipal()],
        resources: ['*'],
      }),
    );

    // kms-no-wildcard-actions: a grant of every KMS operation.
    const worker = new iam.Role(this, 'Worker', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    key.grant(worker, 'kms:*');

    // secret-rotation: no rotation schedule for this secret anywhere in the file.
    new secretsmanager.Secret(this, 'ApiSecret', { description: 'partner API key' });

    // no-plaintext-secret: the password ends up in the synthesized template.
    new rds.DatabaseInstance(this, 'Database', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
      vpc,
      credentials: rds.Credentials.fromPassword('admin', cdk.SecretValue.unsafePlainText('Sup3r-S3cret-Passw0rd')),
    });

    // tls-min-version: TLS 1.1 on the listener (through a const), TLS 1.0 at CloudFront, OpenSearch and API Gateway.
    const lb = new elbv2.ApplicationLoadBalancer(this, 'Lb', { vpc, internetFacing: true });
    lb.addListener('Https', { port: 443, certificates: [], sslPolicy: LISTENER_POLICY });
    new cloudfront.Distribution(this, 'Cdn', {
      defaultBehavior: { origin: undefined as never },
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2016,
    });
    new opensearch.Domain(this, 'Search', {
      version: opensearch.EngineVersion.OPENSEARCH_2_11,
      tlsSecurityPolicy: opensearch.TLSSecurityPolicy.TLS_1_0,
    });
    new apigateway.DomainName(this, 'ApiDomain', {
      domainName: 'api.example.com',
      certificate: undefined as never,
      securityPolicy: apigateway.SecurityPolicy.TLS_1_0,
    });

    // tls-no-disabled-verification: every TLS connection the function makes skips verification.
    new lambda.Function(this, 'Fn', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => {};'),
      environment: {
        NODE_TLS_REJECT_UNAUTHORIZED: '0',
      },
    });
  }
}
