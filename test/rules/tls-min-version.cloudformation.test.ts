import { tlsMinVersion } from '../../rules/tls-min-version/tls-min-version';
import { ruleTester } from '../support/rule-tester';

const t = (body: string) => `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${body}`;

ruleTester(tlsMinVersion, {
  valid: [
    { path: 'lb.yaml', code: t('  L:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      Protocol: HTTPS\n      Port: 443\n      SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06\n') },
    { name: 'plain HTTP listeners negotiate no TLS', path: 'lb.yaml', code: t('  L:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      Protocol: HTTP\n      Port: 80\n') },
    { name: 'CloudFront with a TLS 1.2 minimum', path: 'cf.yaml', code: t('  D:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        ViewerCertificate:\n          AcmCertificateArn: !Ref Cert\n          SslSupportMethod: sni-only\n          MinimumProtocolVersion: TLSv1.2_2021\n') },
    { name: 'OpenSearch PFS policy', path: 'os.json', code: '{"Resources":{"D":{"Type":"AWS::OpenSearchService::Domain","Properties":{"DomainEndpointOptions":{"EnforceHTTPS":true,"TLSSecurityPolicy":"Policy-Min-TLS-1-2-PFS-2023-10"}}}}}' },
    { name: 'API Gateway TLS_1_2', path: 'api.yaml', code: t('  Dn:\n    Type: AWS::ApiGateway::DomainName\n    Properties:\n      DomainName: api.example.com\n      SecurityPolicy: TLS_1_2\n') },
    { name: 'SAM API without a custom domain', path: 'template.yaml', code: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n' },
    { name: 'a policy chosen by a condition is not guessed', path: 'lb.yaml', code: t('  L:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      Protocol: HTTPS\n      SslPolicy: !If [Strict, ELBSecurityPolicy-TLS13-1-3-2021-06, ELBSecurityPolicy-TLS13-1-2-2021-06]\n') },
    { name: 'classic ELB protocol switched off', path: 'elb.yaml', code: t("  E:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      Policies:\n        - PolicyName: P\n          PolicyType: SSLNegotiationPolicyType\n          Attributes:\n            - Name: Protocol-TLSv1\n              Value: 'false'\n            - Name: Reference-Security-Policy\n              Value: ELBSecurityPolicy-TLS-1-2-2017-01\n") },
  ],
  invalid: [
    {
      name: 'listener with an old policy',
      path: 'lb.yaml',
      code: t('  L:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      Protocol: HTTPS\n      SslPolicy: "ELBSecurityPolicy-2016-08"\n'),
      errors: [{ message: 'L (AWS::ElasticLoadBalancingV2::Listener) sets SslPolicy to ELBSecurityPolicy-2016-08, which accepts TLS 1.0', line: 7 }],
      output: t('  L:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      Protocol: HTTPS\n      SslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06"\n'),
    },
    {
      name: 'HTTPS listener without a policy gets the API default',
      path: 'lb.yaml',
      code: t('  L:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      Protocol: TLS\n      Port: 443\n'),
      errors: [{ message: 'defaults to ELBSecurityPolicy-2016-08', line: 3 }],
      output: t('  L:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      Protocol: TLS\n      Port: 443\n      SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06\n'),
    },
    {
      name: 'strict profile asks for TLS 1.3',
      path: 'lb.yaml',
      options: { minTlsVersion: '1.3' },
      code: t('  L:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      Protocol: HTTPS\n      SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06\n'),
      errors: [{ message: 'policy requires TLS 1.3' }],
      output: t('  L:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      Protocol: HTTPS\n      SslPolicy: ELBSecurityPolicy-TLS13-1-3-2021-06\n'),
    },
    {
      name: 'CloudFront minimum below 1.2 with a custom certificate',
      path: 'cf.yaml',
      code: t("  D:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        ViewerCertificate:\n          AcmCertificateArn: !Ref Cert\n          MinimumProtocolVersion: 'TLSv1.1_2016'\n"),
      errors: [{ message: 'accepts TLS 1.1', line: 9 }],
      output: t("  D:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        ViewerCertificate:\n          AcmCertificateArn: !Ref Cert\n          MinimumProtocolVersion: 'TLSv1.2_2021'\n"),
    },
    {
      name: 'CloudFront on the default certificate: no automatic fix',
      path: 'cf.yaml',
      code: t('  D:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n'),
      errors: [{ message: 'add a ViewerCertificate with an ACM certificate', line: 6 }],
      output: null,
    },
    {
      name: 'OpenSearch endpoint options without a policy (JSON)',
      path: 'os.json',
      code: '{\n  "Resources": {\n    "D": {\n      "Type": "AWS::Elasticsearch::Domain",\n      "Properties": {\n        "DomainEndpointOptions": {\n          "EnforceHTTPS": true\n        }\n      }\n    }\n  }\n}\n',
      errors: [{ message: 'defaults to Policy-Min-TLS-1-0-2019-07', line: 6 }],
      output: '{\n  "Resources": {\n    "D": {\n      "Type": "AWS::Elasticsearch::Domain",\n      "Properties": {\n        "DomainEndpointOptions": {\n          "EnforceHTTPS": true,\n          "TLSSecurityPolicy": "Policy-Min-TLS-1-2-PFS-2023-10"\n        }\n      }\n    }\n  }\n}\n',
    },
    {
      name: 'API Gateway domain without a security policy',
      path: 'api.yaml',
      code: t('  Dn:\n    Type: AWS::ApiGateway::DomainName\n    Properties:\n      DomainName: api.example.com\n'),
      errors: [{ message: 'defaults to TLS_1_0', line: 3 }],
      output: t('  Dn:\n    Type: AWS::ApiGateway::DomainName\n    Properties:\n      DomainName: api.example.com\n      SecurityPolicy: TLS_1_2\n'),
    },
    {
      name: 'SAM API custom domain without a security policy',
      path: 'template.yaml',
      code: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n      Domain:\n        DomainName: api.example.com\n        CertificateArn: !Ref Cert\n',
      errors: [{ message: 'does not set Domain.SecurityPolicy, so it defaults to TLS_1_0', line: 7 }],
      output: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n      Domain:\n        DomainName: api.example.com\n        CertificateArn: !Ref Cert\n        SecurityPolicy: TLS_1_2\n',
    },
    {
      name: 'policy from a parameter default: reported at the use site, fix not applied automatically',
      path: 'api.yaml',
      code: 'Parameters:\n  Policy:\n    Type: String\n    Default: TLS_1_0\nResources:\n  Dn:\n    Type: AWS::ApiGateway::DomainName\n    Properties:\n      SecurityPolicy: !Ref Policy\n',
      errors: [{ message: 'from the Default of parameter Policy', line: 9 }],
      output: null,
    },
    {
      name: 'CloudFront origin protocols: old ones dropped, block list kept',
      path: 'cf.yaml',
      code: t('  D:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        ViewerCertificate:\n          AcmCertificateArn: !Ref Cert\n          MinimumProtocolVersion: TLSv1.2_2021\n        Origins:\n          - Id: api\n            CustomOriginConfig:\n              OriginProtocolPolicy: https-only\n              OriginSSLProtocols:\n                - TLSv1\n                - TLSv1.1\n                - TLSv1.2\n'),
      errors: [{ message: 'lets CloudFront connect to origin api with TLSv1, TLSv1.1 (OriginSSLProtocols)', line: 15 }],
      output: t('  D:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        ViewerCertificate:\n          AcmCertificateArn: !Ref Cert\n          MinimumProtocolVersion: TLSv1.2_2021\n        Origins:\n          - Id: api\n            CustomOriginConfig:\n              OriginProtocolPolicy: https-only\n              OriginSSLProtocols:\n                - TLSv1.2\n'),
    },
    {
      name: 'CloudFront origin protocols in JSON: SSLv3 only becomes TLSv1.2',
      path: 'cf.json',
      code: '{"Resources":{"D":{"Type":"AWS::CloudFront::Distribution","Properties":{"DistributionConfig":{"ViewerCertificate":{"AcmCertificateArn":"arn:aws:acm:us-east-1:1:certificate/x","MinimumProtocolVersion":"TLSv1.2_2021"},"Origins":[{"Id":"o","CustomOriginConfig":{"OriginSSLProtocols":["SSLv3"]}}]}}}}}',
      errors: [{ message: 'with SSLv3' }],
      output: '{"Resources":{"D":{"Type":"AWS::CloudFront::Distribution","Properties":{"DistributionConfig":{"ViewerCertificate":{"AcmCertificateArn":"arn:aws:acm:us-east-1:1:certificate/x","MinimumProtocolVersion":"TLSv1.2_2021"},"Origins":[{"Id":"o","CustomOriginConfig":{"OriginSSLProtocols":["TLSv1.2"]}}]}}}}}',
    },
    {
      name: 'classic ELB: SSLv3 switched on and an old reference policy',
      path: 'elb.yaml',
      code: t('  E:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      Policies:\n        - PolicyName: P\n          PolicyType: SSLNegotiationPolicyType\n          Attributes:\n            - Name: Protocol-SSLv3\n              Value: true\n            - Name: Reference-Security-Policy\n              Value: ELBSecurityPolicy-2016-08\n'),
      errors: [{ message: 'enables SSLv3 (SSL 3.0)', line: 10 }, { message: 'references ELBSecurityPolicy-2016-08', line: 12 }],
      output: t('  E:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      Policies:\n        - PolicyName: P\n          PolicyType: SSLNegotiationPolicyType\n          Attributes:\n            - Name: Protocol-SSLv3\n              Value: false\n            - Name: Reference-Security-Policy\n              Value: ELBSecurityPolicy-TLS-1-2-2017-01\n'),
    },
  ],
});
