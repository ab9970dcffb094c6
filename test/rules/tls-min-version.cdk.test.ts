// tls-min-version on AWS CDK stacks: enum members and L1 strings for listeners, CloudFront,
// OpenSearch and API Gateway, with fixes that switch to the compliant member.
import { tlsMinVersion } from '../../rules/tls-min-version/tls-min-version';
import { ruleTester } from '../support/rule-tester';

const elb = "import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';\n";
const cf = "import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';\n";
const os = "import { aws_opensearchservice as opensearch } from 'aws-cdk-lib';\n";
const apigw = "import * as apigateway from 'aws-cdk-lib/aws-apigateway';\n";

ruleTester(tlsMinVersion, {
  valid: [
    { name: 'listener with RECOMMENDED_TLS', path: 'stack.ts', code: `${elb}lb.addListener('Https', { port: 443, certificates: [cert], sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS });\n` },
    { name: 'listener with the TLS 1.2 forward-secrecy policy', path: 'stack.ts', code: `${elb}new elbv2.ApplicationListener(this, 'L', { loadBalancer: lb, port: 443, sslPolicy: elbv2.SslPolicy.FORWARD_SECRECY_TLS12_RES });\n` },
    { name: 'listener without a policy (CDK default complies)', path: 'stack.ts', code: `${elb}lb.addListener('Https', { port: 443, certificates: [cert] });\n` },
    { name: 'distribution with TLS 1.2', path: 'stack.ts', code: `${cf}new cloudfront.Distribution(this, 'D', { defaultBehavior, minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 });\n` },
    { name: 'domain with TLS 1.2', path: 'stack.ts', code: `${os}new opensearch.Domain(this, 'S', { version, tlsSecurityPolicy: opensearch.TLSSecurityPolicy.TLS_1_2 });\n` },
    { name: 'API Gateway domain with TLS 1.2', path: 'stack.ts', code: `${apigw}new apigateway.DomainName(this, 'Dn', { domainName, certificate, securityPolicy: apigateway.SecurityPolicy.TLS_1_2 });\n` },
    { name: 'a local enum named SslPolicy is not CDK', path: 'stack.ts', code: "enum SslPolicy { TLS11 = 'x' }\nconst o = { sslPolicy: SslPolicy.TLS11 };\n" },
    { name: 'no CDK import: plain objects are ignored', path: 'app.ts', code: "const o = { sslPolicy: 'ELBSecurityPolicy-2016-08' };\n" },
  ],
  invalid: [
    {
      name: 'listener with TLS11',
      path: 'stack.ts',
      code: `${elb}lb.addListener('Https', {\n  port: 443,\n  sslPolicy: elbv2.SslPolicy.TLS11,\n});\n`,
      errors: [{ message: 'load balancer listener sets sslPolicy to elbv2.SslPolicy.TLS11 (ELBSecurityPolicy-TLS-1-1-2017-01), which accepts TLS 1.1; policy requires TLS 1.2 or higher', line: 4 }],
      output: `${elb}lb.addListener('Https', {\n  port: 443,\n  sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,\n});\n`,
    },
    {
      name: 'listener with RECOMMENDED (2016-08 accepts TLS 1.0)',
      path: 'stack.ts',
      code: `${elb}new elbv2.ApplicationListener(this, 'L', { loadBalancer: lb, port: 443, sslPolicy: elbv2.SslPolicy.RECOMMENDED });\n`,
      errors: [{ message: 'accepts TLS 1.0' }],
      output: `${elb}new elbv2.ApplicationListener(this, 'L', { loadBalancer: lb, port: 443, sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS });\n`,
    },
    {
      name: 'strict profile: TLS 1.2 policy is not enough',
      path: 'stack.ts',
      options: { minTlsVersion: '1.3' },
      code: `${elb}lb.addListener('Https', { port: 443, sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS });\n`,
      errors: [{ message: 'policy requires TLS 1.3' }],
      output: `${elb}lb.addListener('Https', { port: 443, sslPolicy: elbv2.SslPolicy.TLS13_13 });\n`,
    },
    {
      name: 'CDK v1 PascalCase member',
      path: 'stack.ts',
      code: "import * as elbv2 from '@aws-cdk/aws-elasticloadbalancingv2';\nlb.addListener('Https', { port: 443, sslPolicy: elbv2.SslPolicy.Legacy });\n",
      errors: 1,
      output: "import * as elbv2 from '@aws-cdk/aws-elasticloadbalancingv2';\nlb.addListener('Https', { port: 443, sslPolicy: elbv2.SslPolicy.TLS12 });\n",
    },
    {
      name: 'policy through a const: fix offered, not applied',
      path: 'stack.ts',
      code: `${elb}const POLICY = elbv2.SslPolicy.TLS11;\nlb.addListener('Https', { port: 443, sslPolicy: POLICY });\n`,
      errors: [{ message: 'sets sslPolicy to elbv2.SslPolicy.TLS11 (via const POLICY)', line: 3 }],
      output: null,
      fixes: [{ title: /RECOMMENDED_TLS/, safe: false, output: `${elb}const POLICY = elbv2.SslPolicy.TLS11;\nlb.addListener('Https', { port: 443, sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS });\n` }],
    },
    {
      name: 'L1 CfnListener with a policy string',
      path: 'stack.ts',
      code: `${elb}new elbv2.CfnListener(this, 'L', { loadBalancerArn, port: 443, protocol: 'HTTPS', sslPolicy: 'ELBSecurityPolicy-2016-08' });\n`,
      errors: [{ message: "sets sslPolicy to 'ELBSecurityPolicy-2016-08'" }],
      output: `${elb}new elbv2.CfnListener(this, 'L', { loadBalancerArn, port: 443, protocol: 'HTTPS', sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' });\n`,
    },
    {
      name: 'CloudFront distribution with TLS_V1_2016',
      path: 'stack.ts',
      code: `${cf}new cloudfront.Distribution(this, 'D', { defaultBehavior, minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2016 });\n`,
      errors: [{ message: 'CloudFront distribution sets minimumProtocolVersion to cloudfront.SecurityPolicyProtocol.TLS_V1_2016 (TLSv1_2016), which accepts TLS 1.0' }],
      output: `${cf}new cloudfront.Distribution(this, 'D', { defaultBehavior, minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 });\n`,
    },
    {
      name: 'CloudFrontWebDistribution viewer certificate securityPolicy',
      path: 'stack.ts',
      code: `${cf}const viewerCertificate = cloudfront.ViewerCertificate.fromAcmCertificate(cert, { securityPolicy: cloudfront.SecurityPolicyProtocol.TLS_V1_1_2016 });\n`,
      errors: [{ message: 'accepts TLS 1.1' }],
      output: `${cf}const viewerCertificate = cloudfront.ViewerCertificate.fromAcmCertificate(cert, { securityPolicy: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 });\n`,
    },
    {
      name: 'OpenSearch TLS_1_0 via root namespace import',
      path: 'stack.ts',
      code: `${os}new opensearch.Domain(this, 'S', { version, tlsSecurityPolicy: opensearch.TLSSecurityPolicy.TLS_1_0 });\n`,
      errors: [{ message: 'OpenSearch domain sets tlsSecurityPolicy' }],
      output: `${os}new opensearch.Domain(this, 'S', { version, tlsSecurityPolicy: opensearch.TLSSecurityPolicy.TLS_1_2 });\n`,
    },
    {
      name: 'OpenSearch under the strict profile is capped at what the service can enforce (TLS 1.2 passes)',
      path: 'stack.ts',
      options: { minTlsVersion: '1.3' },
      code: `${os}new opensearch.Domain(this, 'S', { version, tlsSecurityPolicy: opensearch.TLSSecurityPolicy.TLS_1_0 });\n`,
      errors: [{ message: 'policy requires TLS 1.2' }],
      output: `${os}new opensearch.Domain(this, 'S', { version, tlsSecurityPolicy: opensearch.TLSSecurityPolicy.TLS_1_2 });\n`,
    },
    {
      name: 'legacy elasticsearch module',
      path: 'stack.ts',
      code: "import * as es from 'aws-cdk-lib/aws-elasticsearch';\nnew es.Domain(this, 'S', { version, tlsSecurityPolicy: es.TLSSecurityPolicy.TLS_1_0 });\n",
      errors: 1,
      output: "import * as es from 'aws-cdk-lib/aws-elasticsearch';\nnew es.Domain(this, 'S', { version, tlsSecurityPolicy: es.TLSSecurityPolicy.TLS_1_2 });\n",
    },
    {
      name: 'API Gateway domain with TLS_1_0 (named import)',
      path: 'stack.ts',
      code: "import { DomainName, SecurityPolicy } from 'aws-cdk-lib/aws-apigateway';\nnew DomainName(this, 'Dn', { domainName, certificate, securityPolicy: SecurityPolicy.TLS_1_0 });\n",
      errors: [{ message: 'API Gateway custom domain sets securityPolicy to SecurityPolicy.TLS_1_0' }],
      output: "import { DomainName, SecurityPolicy } from 'aws-cdk-lib/aws-apigateway';\nnew DomainName(this, 'Dn', { domainName, certificate, securityPolicy: SecurityPolicy.TLS_1_2 });\n",
    },
    {
      name: 'RestApi domainName option in a JavaScript stack',
      path: 'stack.js',
      code: "const apigw = require('aws-cdk-lib/aws-apigateway');\nnew apigw.RestApi(this, 'Api', { domainName: { domainName: 'api.example.com', certificate, securityPolicy: apigw.SecurityPolicy.TLS_1_0 } });\n",
      errors: 1,
      output: "const apigw = require('aws-cdk-lib/aws-apigateway');\nnew apigw.RestApi(this, 'Api', { domainName: { domainName: 'api.example.com', certificate, securityPolicy: apigw.SecurityPolicy.TLS_1_2 } });\n",
    },
  ],
});
