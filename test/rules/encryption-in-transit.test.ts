// encryption-in-transit (Terraform). One row per entry of the declarative table (invalid snippet, message,
// line, exact fix output) with a guard that every entry has a row, plus listeners, Session Manager
// documents and S3 bucket policies, which have code of their own.
import * as assert from 'node:assert/strict';
import { encryptionInTransit } from '../../rules/transport-encryption/encryption-in-transit';
import { TERRAFORM_TRANSIT_SETTINGS } from '../../rules/transport-encryption/encryption-in-transit-settings';
import { ruleTester, type InvalidCase } from '../support/rule-tester';

interface Row {
  /** `<resource type> <path>`: which table entry the row exercises. */
  covers: string;
  code: string;
  message: string;
  line: number;
  output: string | null;
  /** For fixes that need more than the setting (a certificate): offered, not applied by fix-all. */
  unsafeFix?: { title: string; output: string };
}

const ROWS: Row[] = [
  {
    covers: 'aws_elasticache_replication_group transit_encryption_enabled',
    code: 'resource "aws_elasticache_replication_group" "redis" {\n  replication_group_id = "redis"\n  description          = "cache"\n}\n',
    message: 'aws_elasticache_replication_group.redis does not set transit_encryption_enabled, which defaults to false: Redis clients and replicas talk in plaintext',
    line: 1,
    output: 'resource "aws_elasticache_replication_group" "redis" {\n  replication_group_id       = "redis"\n  description                = "cache"\n  transit_encryption_enabled = true\n}\n',
  },
  {
    covers: 'aws_elasticsearch_domain node_to_node_encryption.enabled',
    code: 'resource "aws_elasticsearch_domain" "es" {\n  domain_name = "es"\n\n  node_to_node_encryption {\n    enabled = false\n  }\n}\n',
    message: 'aws_elasticsearch_domain.es sets node_to_node_encryption.enabled = false: traffic between the domain\'s nodes is not encrypted',
    line: 5,
    output: 'resource "aws_elasticsearch_domain" "es" {\n  domain_name = "es"\n\n  node_to_node_encryption {\n    enabled = true\n  }\n}\n',
  },
  {
    covers: 'aws_elasticsearch_domain domain_endpoint_options.enforce_https',
    code: 'resource "aws_opensearch_domain" "os" {\n  domain_name = "os"\n\n  node_to_node_encryption {\n    enabled = true\n  }\n\n  domain_endpoint_options {\n    enforce_https       = false\n    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"\n  }\n}\n',
    message: 'aws_opensearch_domain.os sets domain_endpoint_options.enforce_https = false: the endpoint accepts plain HTTP',
    line: 9,
    output: 'resource "aws_opensearch_domain" "os" {\n  domain_name = "os"\n\n  node_to_node_encryption {\n    enabled = true\n  }\n\n  domain_endpoint_options {\n    enforce_https       = true\n    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"\n  }\n}\n',
  },
  {
    covers: 'aws_ecs_task_definition volume.efs_volume_configuration.transit_encryption',
    code: 'resource "aws_ecs_task_definition" "svc" {\n  family = "svc"\n\n  volume {\n    name = "data"\n\n    efs_volume_configuration {\n      file_system_id = aws_efs_file_system.fs.id\n    }\n  }\n}\n',
    message: 'aws_ecs_task_definition.svc volume does not set efs_volume_configuration.transit_encryption, which defaults to DISABLED: EFS traffic between the task and the file system is not encrypted',
    line: 7,
    output: 'resource "aws_ecs_task_definition" "svc" {\n  family = "svc"\n\n  volume {\n    name = "data"\n\n    efs_volume_configuration {\n      file_system_id     = aws_efs_file_system.fs.id\n      transit_encryption = "ENABLED"\n    }\n  }\n}\n',
  },
  {
    covers: 'aws_msk_cluster encryption_info.encryption_in_transit.client_broker',
    code: 'resource "aws_msk_cluster" "kafka" {\n  cluster_name = "kafka"\n\n  encryption_info {\n    encryption_in_transit {\n      client_broker = "TLS_PLAINTEXT"\n    }\n  }\n}\n',
    message: 'aws_msk_cluster.kafka sets encryption_info.encryption_in_transit.client_broker = TLS_PLAINTEXT: clients can talk to the brokers in plaintext',
    line: 6,
    output: 'resource "aws_msk_cluster" "kafka" {\n  cluster_name = "kafka"\n\n  encryption_info {\n    encryption_in_transit {\n      client_broker = "TLS"\n    }\n  }\n}\n',
  },
  {
    covers: 'aws_msk_cluster encryption_info.encryption_in_transit.in_cluster',
    code: 'resource "aws_msk_cluster" "kafka" {\n  cluster_name = "kafka"\n\n  encryption_info {\n    encryption_in_transit {\n      in_cluster = false\n    }\n  }\n}\n',
    message: 'aws_msk_cluster.kafka sets encryption_info.encryption_in_transit.in_cluster = false: brokers replicate data to each other in plaintext',
    line: 6,
    output: 'resource "aws_msk_cluster" "kafka" {\n  cluster_name = "kafka"\n\n  encryption_info {\n    encryption_in_transit {\n      in_cluster = true\n    }\n  }\n}\n',
  },
  {
    covers: 'aws_cloudfront_distribution default_cache_behavior.viewer_protocol_policy',
    code: 'resource "aws_cloudfront_distribution" "cdn" {\n  enabled = true\n\n  default_cache_behavior {\n    target_origin_id       = "app"\n    viewer_protocol_policy = "allow-all"\n  }\n}\n',
    message: 'aws_cloudfront_distribution.cdn sets default_cache_behavior.viewer_protocol_policy = allow-all: viewers can fetch content over plain HTTP',
    line: 6,
    output: 'resource "aws_cloudfront_distribution" "cdn" {\n  enabled = true\n\n  default_cache_behavior {\n    target_origin_id       = "app"\n    viewer_protocol_policy = "redirect-to-https"\n  }\n}\n',
  },
  {
    covers: 'aws_cloudfront_distribution ordered_cache_behavior.viewer_protocol_policy',
    code: 'resource "aws_cloudfront_distribution" "cdn" {\n  default_cache_behavior {\n    viewer_protocol_policy = "https-only"\n  }\n\n  ordered_cache_behavior {\n    path_pattern           = "/static/*"\n    viewer_protocol_policy = "allow-all"\n  }\n}\n',
    message: 'aws_cloudfront_distribution.cdn ordered_cache_behavior sets viewer_protocol_policy = allow-all: viewers can fetch content over plain HTTP',
    line: 8,
    output: 'resource "aws_cloudfront_distribution" "cdn" {\n  default_cache_behavior {\n    viewer_protocol_policy = "https-only"\n  }\n\n  ordered_cache_behavior {\n    path_pattern           = "/static/*"\n    viewer_protocol_policy = "redirect-to-https"\n  }\n}\n',
  },
  {
    covers: 'aws_cloudfront_distribution origin.custom_origin_config.origin_protocol_policy',
    code: 'resource "aws_cloudfront_distribution" "cdn" {\n  origin {\n    domain_name = "app.example.com"\n    origin_id   = "app"\n\n    custom_origin_config {\n      http_port              = 80\n      https_port             = 443\n      origin_protocol_policy = "http-only"\n      origin_ssl_protocols   = ["TLSv1.2"]\n    }\n  }\n\n  default_cache_behavior {\n    viewer_protocol_policy = "redirect-to-https"\n  }\n}\n',
    message: 'aws_cloudfront_distribution.cdn origin sets custom_origin_config.origin_protocol_policy = http-only: CloudFront fetches from the origin over plain HTTP',
    line: 9,
    output: 'resource "aws_cloudfront_distribution" "cdn" {\n  origin {\n    domain_name = "app.example.com"\n    origin_id   = "app"\n\n    custom_origin_config {\n      http_port              = 80\n      https_port             = 443\n      origin_protocol_policy = "https-only"\n      origin_ssl_protocols   = ["TLSv1.2"]\n    }\n  }\n\n  default_cache_behavior {\n    viewer_protocol_policy = "redirect-to-https"\n  }\n}\n',
  },
  {
    covers: 'aws_dms_endpoint ssl_mode',
    code: 'resource "aws_dms_endpoint" "src" {\n  endpoint_id   = "src"\n  endpoint_type = "source"\n  engine_name   = "postgres"\n}\n',
    message: 'aws_dms_endpoint.src does not set ssl_mode, which defaults to none: replication connections to the database are not encrypted',
    line: 1,
    output: 'resource "aws_dms_endpoint" "src" {\n  endpoint_id   = "src"\n  endpoint_type = "source"\n  engine_name   = "postgres"\n  ssl_mode      = "require"\n}\n',
  },
  {
    covers: 'azurerm_storage_account https_traffic_only_enabled',
    code: 'resource "azurerm_storage_account" "sa" {\n  name                      = "sa"\n  enable_https_traffic_only = false\n}\n',
    message: 'azurerm_storage_account.sa sets enable_https_traffic_only = false: the storage endpoints accept plain HTTP',
    line: 3,
    output: 'resource "azurerm_storage_account" "sa" {\n  name                      = "sa"\n  enable_https_traffic_only = true\n}\n',
  },
  {
    covers: 'azurerm_redis_cache non_ssl_port_enabled',
    code: 'resource "azurerm_redis_cache" "cache" {\n  name                 = "cache"\n  non_ssl_port_enabled = true\n}\n',
    message: 'azurerm_redis_cache.cache sets non_ssl_port_enabled = true: port 6379 accepts connections without TLS',
    line: 3,
    output: 'resource "azurerm_redis_cache" "cache" {\n  name                 = "cache"\n  non_ssl_port_enabled = false\n}\n',
  },
  {
    covers: 'azurerm_mysql_server ssl_enforcement_enabled',
    code: 'resource "azurerm_postgresql_server" "pg" {\n  name                    = "pg"\n  ssl_enforcement_enabled = false\n}\n',
    message: 'azurerm_postgresql_server.pg sets ssl_enforcement_enabled = false: clients can connect without TLS',
    line: 3,
    output: 'resource "azurerm_postgresql_server" "pg" {\n  name                    = "pg"\n  ssl_enforcement_enabled = true\n}\n',
  },
  {
    covers: 'azurerm_mysql_flexible_server_configuration value',
    code: 'resource "azurerm_mysql_flexible_server_configuration" "tls" {\n  name      = "require_secure_transport"\n  server_id = azurerm_mysql_flexible_server.db.id\n  value     = "OFF"\n}\n',
    message: 'azurerm_mysql_flexible_server_configuration.tls sets value = OFF: clients can connect without TLS',
    line: 4,
    output: 'resource "azurerm_mysql_flexible_server_configuration" "tls" {\n  name      = "require_secure_transport"\n  server_id = azurerm_mysql_flexible_server.db.id\n  value     = "ON"\n}\n',
  },
  {
    covers: 'azurerm_app_service https_only',
    code: 'resource "azurerm_linux_web_app" "app" {\n  name = "app"\n\n  site_config {}\n}\n',
    message: 'azurerm_linux_web_app.app does not set https_only, which defaults to false: the site answers plain HTTP',
    line: 1,
    output: 'resource "azurerm_linux_web_app" "app" {\n  name       = "app"\n  https_only = true\n\n  site_config {}\n}\n',
  },
  {
    covers: 'azurerm_app_service site_config.ftps_state',
    code: 'resource "azurerm_windows_web_app" "app" {\n  name       = "app"\n  https_only = true\n\n  site_config {\n    ftps_state = "AllAllowed"\n  }\n}\n',
    message: 'azurerm_windows_web_app.app sets site_config.ftps_state = AllAllowed: deployments can use unencrypted FTP',
    line: 6,
    output: 'resource "azurerm_windows_web_app" "app" {\n  name       = "app"\n  https_only = true\n\n  site_config {\n    ftps_state = "FtpsOnly"\n  }\n}\n',
  },
  {
    covers: 'google_sql_database_instance settings.ip_configuration.ssl_mode',
    code: 'resource "google_sql_database_instance" "db" {\n  name = "db"\n\n  settings {\n    tier = "db-f1-micro"\n  }\n}\n',
    message: 'google_sql_database_instance.db does not set settings.ip_configuration.ssl_mode, which defaults to ALLOW_UNENCRYPTED_AND_ENCRYPTED: clients can connect without TLS',
    line: 4,
    output: 'resource "google_sql_database_instance" "db" {\n  name = "db"\n\n  settings {\n    tier = "db-f1-micro"\n\n    ip_configuration {\n      ssl_mode = "ENCRYPTED_ONLY"\n    }\n  }\n}\n',
  },
  {
    covers: 'aws_elb listener.lb_protocol',
    code: 'resource "aws_elb" "web" {\n  name = "web"\n\n  listener {\n    lb_port           = 80\n    lb_protocol       = "http"\n    instance_port     = 443\n    instance_protocol = "https"\n  }\n}\n',
    message: 'aws_elb.web listener sets lb_protocol = http: clients talk to the load balancer in plaintext (an HTTPS listener needs an ssl_certificate_id)',
    line: 6,
    output: null,
    unsafeFix: { title: 'Set lb_protocol = "https"', output: 'resource "aws_elb" "web" {\n  name = "web"\n\n  listener {\n    lb_port           = 80\n    lb_protocol       = "https"\n    instance_port     = 443\n    instance_protocol = "https"\n  }\n}\n' },
  },
  {
    covers: 'aws_elb listener.instance_protocol',
    code: 'resource "aws_elb" "web" {\n  name = "web"\n\n  listener {\n    lb_port            = 443\n    lb_protocol        = "https"\n    instance_port      = 80\n    instance_protocol  = "http"\n    ssl_certificate_id = aws_acm_certificate.web.arn\n  }\n}\n',
    message: 'aws_elb.web listener sets instance_protocol = http: the load balancer forwards requests to the instances in plaintext (the instances must serve TLS first)',
    line: 8,
    output: null,
    unsafeFix: { title: 'Set instance_protocol = "https"', output: 'resource "aws_elb" "web" {\n  name = "web"\n\n  listener {\n    lb_port            = 443\n    lb_protocol        = "https"\n    instance_port      = 80\n    instance_protocol  = "https"\n    ssl_certificate_id = aws_acm_certificate.web.arn\n  }\n}\n' },
  },
];

const entryKey = (entry: (typeof TERRAFORM_TRANSIT_SETTINGS)[number]) => `${entry.resourceTypes[0]} ${entry.each ? entry.each + '.' : ''}${entry.paths[0]}`;

describe('encryption-in-transit table', () => {
  it('every table entry has a test row', () => {
    const covered = new Set(ROWS.map((r) => r.covers));
    assert.deepEqual(TERRAFORM_TRANSIT_SETTINGS.map(entryKey).filter((k) => !covered.has(k)), []);
  });
  it('every row names a table entry', () => {
    const keys = new Set(TERRAFORM_TRANSIT_SETTINGS.map(entryKey));
    assert.deepEqual(ROWS.map((r) => r.covers).filter((c) => !keys.has(c)), []);
  });
});

const tableCases: InvalidCase[] = ROWS.map((row) => ({
  name: `table: ${row.covers}`,
  code: row.code,
  errors: [{ message: row.message, line: row.line }],
  output: row.output,
  fixes: row.unsafeFix ? [{ ...row.unsafeFix, safe: false }] : undefined,
}));

const BUCKET_DOC_BEFORE =
  'data "aws_iam_policy_document" "b" {\n  statement {\n    actions   = ["s3:GetObject"]\n    resources = ["${aws_s3_bucket.b.arn}/*"]\n\n    principals {\n      type        = "AWS"\n      identifiers = ["arn:aws:iam::111122223333:root"]\n    }\n  }\n}\n\nresource "aws_s3_bucket_policy" "b" {\n  bucket = aws_s3_bucket.b.id\n  policy = data.aws_iam_policy_document.b.json\n}\n';
const DENY_STATEMENT =
  '  statement {\n    sid       = "DenyInsecureTransport"\n    effect    = "Deny"\n    actions   = ["s3:*"]\n    resources = [aws_s3_bucket.b.arn, "${aws_s3_bucket.b.arn}/*"]\n\n    principals {\n      type        = "*"\n      identifiers = ["*"]\n    }\n\n    condition {\n      test     = "Bool"\n      variable = "aws:SecureTransport"\n      values   = ["false"]\n    }\n  }\n';

ruleTester(encryptionInTransit, {
  valid: [
    { name: 'HTTPS listener', code: 'resource "aws_lb_listener" "https" {\n  protocol = "HTTPS"\n  port     = 443\n\n  default_action {\n    type = "forward"\n  }\n}\n' },
    { name: 'HTTP listener that redirects to HTTPS', code: 'resource "aws_lb_listener" "http" {\n  protocol = "HTTP"\n  port     = 80\n\n  default_action {\n    type = "redirect"\n\n    redirect {\n      protocol    = "HTTPS"\n      port        = "443"\n      status_code = "HTTP_301"\n    }\n  }\n}\n' },
    { name: 'HTTP listener with a fixed response only', code: 'resource "aws_lb_listener" "http" {\n  protocol = "HTTP"\n\n  default_action {\n    type = "fixed-response"\n  }\n}\n' },
    { name: 'network load balancer listener without protocol', code: 'resource "aws_lb" "nlb" {\n  load_balancer_type = "network"\n}\n\nresource "aws_lb_listener" "tcp" {\n  load_balancer_arn = aws_lb.nlb.arn\n  port              = 80\n\n  default_action {\n    type = "forward"\n  }\n}\n' },
    { name: 'unknown protocol is not guessed', code: 'resource "aws_lb_listener" "l" {\n  protocol = var.protocol\n\n  default_action {\n    type = "forward"\n  }\n}\n' },
    { name: 'storage account HTTPS-only by default', code: 'resource "azurerm_storage_account" "sa" {\n  name = "sa"\n}\n' },
    { name: 'OpenSearch enforce_https defaults to true', code: 'resource "aws_opensearch_domain" "os" {\n  node_to_node_encryption {\n    enabled = true\n  }\n}\n' },
    { name: 'ECS volume that is not EFS', code: 'resource "aws_ecs_task_definition" "t" {\n  volume {\n    name = "scratch"\n  }\n}\n' },
    { name: 'Cloud SQL with the deprecated require_ssl', code: 'resource "google_sql_database_instance" "db" {\n  settings {\n    ip_configuration {\n      require_ssl = true\n    }\n  }\n}\n' },
    { name: 'Session document with a key', code: 'resource "aws_ssm_document" "s" {\n  document_type = "Session"\n  content = jsonencode({\n    inputs = {\n      kmsKeyId = aws_kms_key.main.arn\n    }\n  })\n}\n' },
    { name: 'bucket policy with a SecureTransport deny', code: 'resource "aws_s3_bucket_policy" "b" {\n  bucket = aws_s3_bucket.b.id\n  policy = jsonencode({\n    Statement = [{\n      Effect    = "Deny"\n      Principal = "*"\n      Action    = "s3:*"\n      Resource  = "arn:aws:s3:::b/*"\n      Condition = { Bool = { "aws:SecureTransport" = "false" } }\n    }]\n  })\n}\n' },
    { name: 'S3 module that attaches the deny policy', code: 'module "s3" {\n  source                                = "terraform-aws-modules/s3-bucket/aws"\n  attach_deny_insecure_transport_policy = true\n  policy                                = data.aws_iam_policy_document.x.json\n}\n' },
    { name: 'dynamic cache behaviours are not guessed', code: 'resource "google_sql_database_instance" "db" {\n  settings {\n    dynamic "ip_configuration" {\n      for_each = [1]\n      content {}\n    }\n  }\n}\n' },
    {
      name: 'a bucket governed by a policy resource in another file of the module',
      code: 'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n}\n',
      moduleFiles: [{ path: 'policy.tf', text: 'resource "aws_s3_bucket_policy" "logs" {\n  bucket = aws_s3_bucket.logs.id\n  policy = data.aws_iam_policy_document.logs.json\n}\n' }],
    },
    { name: 'half-typed listener', code: 'resource "aws_lb_listener" "l" {\n  protocol = "HTTP"\n  default_action {\n' },
  ],
  invalid: [
    ...tableCases,
    {
      name: 'insecure value from a variable: fix is unsafe',
      code: 'variable "non_ssl" {\n  default = true\n}\n\nresource "azurerm_redis_cache" "c" {\n  enable_non_ssl_port = var.non_ssl\n}\n',
      errors: [{ message: 'sets enable_non_ssl_port = true (from the default of variable "non_ssl")', line: 6 }],
      output: null,
    },
    {
      name: 'forwarding HTTP listener: unsafe redirect fix',
      code: 'resource "aws_lb_listener" "http" {\n  load_balancer_arn = aws_lb.app.arn\n  port              = 80\n  protocol          = "HTTP"\n\n  default_action {\n    type             = "forward"\n    target_group_arn = aws_lb_target_group.app.arn\n  }\n}\n',
      errors: [{ message: 'aws_lb_listener.http serves forward traffic over plain HTTP', line: 4 }],
      output: null,
      fixes: [
        {
          title: 'Replace the default action with a redirect to HTTPS',
          safe: false,
          output: 'resource "aws_lb_listener" "http" {\n  load_balancer_arn = aws_lb.app.arn\n  port              = 80\n  protocol          = "HTTP"\n\n  default_action {\n    type = "redirect"\n\n    redirect {\n      port        = "443"\n      protocol    = "HTTPS"\n      status_code = "HTTP_301"\n    }\n  }\n}\n',
        },
      ],
    },
    {
      name: 'redirect to HTTP becomes a redirect to HTTPS on 443',
      code: 'resource "aws_alb_listener" "http" {\n  port     = 80\n  protocol = "HTTP"\n\n  default_action {\n    type = "redirect"\n\n    redirect {\n      port        = "80"\n      protocol    = "HTTP"\n      status_code = "HTTP_301"\n    }\n  }\n}\n',
      errors: [{ message: 'redirects to HTTP, not HTTPS', line: 10 }],
      output: 'resource "aws_alb_listener" "http" {\n  port     = 80\n  protocol = "HTTP"\n\n  default_action {\n    type = "redirect"\n\n    redirect {\n      port        = "443"\n      protocol    = "HTTPS"\n      status_code = "HTTP_301"\n    }\n  }\n}\n',
    },
    {
      name: 'listener without protocol on an application load balancer is HTTP',
      code: 'resource "aws_lb" "app" {\n  load_balancer_type = "application"\n}\n\nresource "aws_lb_listener" "l" {\n  load_balancer_arn = aws_lb.app.arn\n  port              = 8080\n\n  default_action {\n    type = "forward"\n  }\n}\n',
      errors: [{ message: 'serves forward traffic over plain HTTP', line: 5 }],
      output: null,
    },
    {
      name: 'Session document (heredoc JSON) without kmsKeyId',
      code: 'resource "aws_ssm_document" "session" {\n  name          = "SSM-SessionManagerRunShell"\n  document_type = "Session"\n\n  content = <<DOC\n{\n  "schemaVersion": "1.0",\n  "inputs": {\n    "s3EncryptionEnabled": true\n  }\n}\nDOC\n}\n',
      errors: [{ message: 'without inputs.kmsKeyId', line: 5 }],
      output: null,
    },
    {
      name: 'Session document (jsonencode) with an empty kmsKeyId',
      code: 'resource "aws_ssm_document" "session" {\n  document_type = "Session"\n  content = jsonencode({\n    inputs = {\n      kmsKeyId = ""\n    }\n  })\n}\n',
      errors: [{ message: 'without inputs.kmsKeyId', line: 3 }],
      output: null,
    },
    {
      name: 'inline bucket policy without a deny',
      code: 'resource "aws_s3_bucket_policy" "b" {\n  bucket = aws_s3_bucket.b.id\n  policy = <<EOF\n{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": {"AWS": "arn:aws:iam::111122223333:root"},\n      "Action": "s3:GetObject",\n      "Resource": "arn:aws:s3:::b/*"\n    }\n  ]\n}\nEOF\n}\n',
      errors: [{ message: 'aws_s3_bucket_policy.b bucket policy has no statement denying requests without TLS', line: 3 }],
      output: null,
    },
    {
      name: 'a Deny on SecureTransport = true denies HTTPS, not HTTP',
      code: 'resource "aws_s3_bucket_policy" "b" {\n  bucket = aws_s3_bucket.b.id\n  policy = jsonencode({\n    Statement = [{\n      Effect    = "Deny"\n      Principal = "*"\n      Action    = "s3:*"\n      Resource  = "arn:aws:s3:::b/*"\n      Condition = { Bool = { "aws:SecureTransport" = "true" } }\n    }]\n  })\n}\n',
      errors: [{ message: 'has no statement denying requests without TLS', line: 3 }],
      output: null,
    },
    {
      name: 'policy document data source: unsafe fix adds the deny statement',
      code: BUCKET_DOC_BEFORE,
      errors: [{ message: 'aws_s3_bucket_policy.b bucket policy (data.aws_iam_policy_document.b) has no statement', line: 15 }],
      output: null,
      fixes: [{ title: 'Add a statement denying requests without TLS', safe: false, output: BUCKET_DOC_BEFORE.replace('    }\n  }\n}\n', '    }\n  }\n\n' + DENY_STATEMENT + '}\n') }],
    },
    {
      name: 'S3 module with a policy and no deny',
      code: 'module "s3" {\n  source = "terraform-aws-modules/s3-bucket/aws"\n  policy = jsonencode({\n    Statement = [{\n      Effect   = "Allow"\n      Action   = "s3:GetObject"\n      Resource = "arn:aws:s3:::b/*"\n      Principal = { AWS = "arn:aws:iam::111122223333:root" }\n    }]\n  })\n}\n',
      errors: [{ message: 'module.s3 (an S3 bucket) does not set attach_deny_insecure_transport_policy and its policy has no statement denying requests without TLS', line: 3 }],
      output:
        'module "s3" {\n  source = "terraform-aws-modules/s3-bucket/aws"\n  policy = jsonencode({\n    Statement = [{\n      Effect   = "Allow"\n      Action   = "s3:GetObject"\n      Resource = "arn:aws:s3:::b/*"\n      Principal = { AWS = "arn:aws:iam::111122223333:root" }\n    }]\n  })\n  attach_deny_insecure_transport_policy = true\n}\n',
    },
    {
      name: 'a bucket with no policy at all: unsafe fix adds one',
      code: 'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n}\n',
      errors: [{ message: 'aws_s3_bucket.logs accepts plain HTTP requests: no bucket policy in the module denies requests without TLS', line: 1 }],
      output: null,
      fixes: [
        {
          title: 'Add an aws_s3_bucket_policy denying requests without TLS',
          safe: false,
          output:
            'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n}\n\nresource "aws_s3_bucket_policy" "logs_tls_only" {\n  bucket = aws_s3_bucket.logs.id\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Sid       = "DenyInsecureTransport"\n      Effect    = "Deny"\n      Principal = "*"\n      Action    = "s3:*"\n      Resource  = [aws_s3_bucket.logs.arn, "${aws_s3_bucket.logs.arn}/*"]\n      Condition = { Bool = { "aws:SecureTransport" = "false" } }\n    }]\n  })\n}\n',
        },
      ],
    },
    {
      name: 'S3 module without the deny switch or a policy',
      code: 'module "s3" {\n  source = "terraform-aws-modules/s3-bucket/aws"\n  bucket = "b"\n}\n',
      errors: [{ message: 'does not set attach_deny_insecure_transport_policy, so the bucket accepts plain HTTP requests', line: 1 }],
      output: 'module "s3" {\n  source                                = "terraform-aws-modules/s3-bucket/aws"\n  bucket                                = "b"\n  attach_deny_insecure_transport_policy = true\n}\n',
    },
  ],
});
