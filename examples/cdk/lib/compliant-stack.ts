// The same infrastructure as the noncompliant stack, meeting the policy: no findings.
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

export class CompliantStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Vpc');

    const key = new kms.Key(this, 'DataKey', {
      alias: 'alias/example-data',
      enableKeyRotation: true,
      rotationPeriod: cdk.Duration.days(365),
    });

    // Key usage for one role, with a condition: least privilege.
    const worker = new iam.Role(this, 'Worker', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
        principals: [worker],
        resources: ['*'],
        conditions: { StringEquals: { 'kms:CallerAccount': this.account } },
      }),
    );
    key.grantEncryptDecrypt(worker);

    const apiSecret = new secretsmanager.Secret(this, 'ApiSecret', { description: 'partner API key', encryptionKey: key });
    apiSecret.addRotationSchedule('Rotation', {
      rotationLambda: lambda.Function.fromFunctionArn(this, 'Rotator', 'arn:aws:lambda:eu-west-1:111122223333:function:rotate-partner-key'),
      automaticallyAfter: cdk.Duration.days(90),
    });

    new rds.DatabaseInstance(this, 'Database', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
      vpc,
      credentials: rds.Credentials.fromGeneratedSecret('admin'),
      storageEncrypted: true,
      storageEncryptionKey: key,
    });

    const lb = new elbv2.ApplicationLoadBalancer(this, 'Lb', { vpc, internetFacing: true });
    lb.addListener('Https', { port: 443, certificates: [], sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS });
    new cloudfront.Distribution(this, 'Cdn', {
      defaultBehavior: { origin: undefined as never },
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
    });
    new opensearch.Domain(this, 'Search', {
      version: opensearch.EngineVersion.OPENSEARCH_2_11,
      enforceHttps: true,
      tlsSecurityPolicy: opensearch.TLSSecurityPolicy.TLS_1_2,
    });
    new apigateway.DomainName(this, 'ApiDomain', {
      domainName: 'api.example.com',
      certificate: undefined as never,
      securityPolicy: apigateway.SecurityPolicy.TLS_1_2,
    });

    new lambda.Function(this, 'Fn', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => {};'),
      environment: { SECRET_ARN: apiSecret.secretArn },
    });
  }
}
