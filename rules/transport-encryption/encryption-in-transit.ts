// encryption-in-transit: services must refuse plaintext connections — HTTPS-only endpoints, TLS between
// clients, nodes and replicas, and bucket policies that deny plain-HTTP requests. The Terraform side is a
// declarative table (encryption-in-transit-settings.ts) plus code for listeners, Session Manager
// documents and bucket policies.
import { defineRule, type RuleContext } from '../define';
import { checkTerraformBucketPolicies } from './encryption-in-transit-bucket-policy';
import { checkTransitSpecialCases } from './encryption-in-transit-special-cases';
import { checkTransitTable } from './encryption-in-transit-terraform';
import { checkCloudFormationTransit } from './sources/encryption-in-transit.cloudformation';

function checkTerraform(context: RuleContext): void {
  checkTransitTable(context);
  checkTransitSpecialCases(context);
  checkTerraformBucketPolicies(context);
}

export const encryptionInTransit = defineRule({
  meta: {
    id: 'encryption-in-transit',
    title: 'Services must refuse plaintext connections',
    family: 'transport-encryption',
    severity: 'error',
    securitySeverity: 7.5,
    controls: ['SOC 2 CC6.7', 'HIPAA 164.312(e)(1)', 'HIPAA 164.312(e)(2)(ii)', 'OP-POL-001 §3.1 Cloud encryption requirements', 'ENG-POL-003 §3.3 Data in transit encryption'],
    description:
      'Flags endpoints and links that carry data without TLS: load-balancer listeners on plain HTTP that do not redirect to HTTPS, classic ELB listeners on HTTP (front end or back end), CloudFront behaviours that allow HTTP and origins fetched over HTTP, ElastiCache without in-transit encryption, OpenSearch/Elasticsearch without HTTPS enforcement or node-to-node encryption, ECS EFS volumes without transit encryption, MSK plaintext listeners, DMS endpoints without SSL, S3 bucket policies without an aws:SecureTransport deny, Azure storage accounts, Redis caches, MySQL/PostgreSQL/MariaDB servers and App Service sites that accept plaintext, Cloud SQL instances that do not require SSL, EMR security configurations without in-transit encryption, and Session Manager preferences without KMS session encryption. Provider defaults count: an App Service without https_only and a Cloud SQL instance without ssl_mode are reported.',
    rationale:
      'SOC 2 CC6.7 and HIPAA 164.312(e) require data to be protected while it moves. A service that also listens in plaintext lets anyone on the path read or alter requests, credentials and responses; a bucket policy without a SecureTransport deny lets any client fall back to HTTP. Refusing plaintext at the service — not trusting every client to choose TLS — is what makes the control auditable.',
    noncompliant: [
      { language: 'hcl', code: 'resource "azurerm_redis_cache" "cache" {\n  name                 = "cache"\n  non_ssl_port_enabled = true\n}' },
      { language: 'hcl', code: 'resource "aws_lb_listener" "http" {\n  protocol = "HTTP"\n  port     = 80\n\n  default_action {\n    type             = "forward"\n    target_group_arn = aws_lb_target_group.app.arn\n  }\n}' },
    ],
    compliant: [
      { language: 'hcl', code: 'resource "azurerm_redis_cache" "cache" {\n  name                 = "cache"\n  non_ssl_port_enabled = false\n}' },
      { language: 'hcl', code: 'resource "aws_lb_listener" "http" {\n  protocol = "HTTP"\n  port     = 80\n\n  default_action {\n    type = "redirect"\n\n    redirect {\n      port        = "443"\n      protocol    = "HTTPS"\n      status_code = "HTTP_301"\n    }\n  }\n}' },
    ],
    fix: 'Sets the setting to its encrypted value (`transit_encryption_enabled = true`, `viewer_protocol_policy = "redirect-to-https"`, `https_only = true`, `ssl_mode = "ENCRYPTED_ONLY"` …), inserting it and its enclosing blocks when absent; a redirect to HTTP becomes a redirect to HTTPS. Unsafe alternatives replace an HTTP listener\'s default action with a redirect to HTTPS and add a SecureTransport deny statement to an aws_iam_policy_document; Session Manager documents need a key chosen by hand.',
  },
  check: {
    terraform: checkTerraform,
    'cloudformation-yaml': checkCloudFormationTransit,
    'cloudformation-json': checkCloudFormationTransit,
  },
});
