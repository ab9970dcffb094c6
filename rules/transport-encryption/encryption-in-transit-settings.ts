// The declarative part of encryption-in-transit for Terraform: one entry per setting that decides whether
// a service accepts plaintext connections — resource types, the attribute path (current and deprecated
// spellings), which values keep traffic encrypted, the value a fix writes, and what the provider does when
// the setting is absent. Listeners, CloudFront behaviours, SSM session documents and bucket policies have
// code of their own (encryption-in-transit-special-cases.ts, encryption-in-transit-bucket-policy.ts).
import { childBlocks, type TfBlock } from '../../server/src/engine/terraform/model';
import { resolvedLiteral, type TerraformModule } from '../../server/src/engine/terraform/module';

export interface TransitContext {
  module: TerraformModule | undefined;
}

export interface TransitSetting {
  resourceTypes: readonly string[];
  /** A nested block repeated per item (`volume`, `ordered_cache_behavior`): each is checked, paths relative to it. */
  each?: string;
  /**
   * Attribute path, nested blocks joined with dots. Further entries are other spellings of the same
   * setting (deprecated names); the first one present is read, the first one listed is what a fix inserts.
   */
  paths: readonly string[];
  /** Whether a literal value keeps traffic encrypted (compared case-insensitively by the helpers below). */
  secure: (value: string) => boolean;
  /** HCL text a fix writes, per spelling; `default` for spellings not listed. */
  fix: { default: string } & Partial<Record<string, string>>;
  /** The provider's default when absent, shown in the message; undefined means absent is secure (no finding). */
  insecureDefault?: string;
  /** What the insecure state allows, for the message. */
  risk: string;
  appliesTo?: (resource: TfBlock, context: TransitContext) => boolean;
  appliesToTarget?: (target: TfBlock) => boolean;
  /** The fix changes more than a setting (a certificate, TLS on the instances): offered, not applied by fix-all. */
  unsafeFix?: boolean;
}

const oneOf = (...accepted: string[]) => (value: string) => accepted.some((a) => a.toLowerCase() === value.toLowerCase());
const isTrue = oneOf('true');
const isFalse = oneOf('false');

const APP_SERVICES = [
  'azurerm_app_service',
  'azurerm_app_service_slot',
  'azurerm_function_app',
  'azurerm_function_app_slot',
  'azurerm_linux_web_app',
  'azurerm_windows_web_app',
  'azurerm_linux_web_app_slot',
  'azurerm_windows_web_app_slot',
  'azurerm_linux_function_app',
  'azurerm_windows_function_app',
  'azurerm_linux_function_app_slot',
  'azurerm_windows_function_app_slot',
];

export const TERRAFORM_TRANSIT_SETTINGS: readonly TransitSetting[] = [
  // --------------------------------------------------------------------------------- AWS
  {
    resourceTypes: ['aws_elasticache_replication_group'],
    paths: ['transit_encryption_enabled'],
    secure: isTrue,
    fix: { default: 'true' },
    insecureDefault: 'false',
    risk: 'Redis clients and replicas talk in plaintext',
  },
  {
    resourceTypes: ['aws_elasticsearch_domain', 'aws_opensearch_domain'],
    paths: ['node_to_node_encryption.enabled'],
    secure: isTrue,
    fix: { default: 'true' },
    insecureDefault: 'false',
    risk: 'traffic between the domain\'s nodes is not encrypted',
  },
  {
    // enforce_https defaults to true in the provider; only an explicit false opens plain HTTP.
    resourceTypes: ['aws_elasticsearch_domain', 'aws_opensearch_domain'],
    paths: ['domain_endpoint_options.enforce_https'],
    secure: isTrue,
    fix: { default: 'true' },
    risk: 'the endpoint accepts plain HTTP',
  },
  {
    resourceTypes: ['aws_ecs_task_definition'],
    each: 'volume',
    paths: ['efs_volume_configuration.transit_encryption'],
    secure: oneOf('ENABLED'),
    fix: { default: '"ENABLED"' },
    insecureDefault: 'DISABLED',
    risk: 'EFS traffic between the task and the file system is not encrypted',
    appliesToTarget: (volume) => childBlocks(volume, 'efs_volume_configuration').length > 0,
  },
  {
    resourceTypes: ['aws_msk_cluster'],
    paths: ['encryption_info.encryption_in_transit.client_broker'],
    secure: oneOf('TLS'),
    fix: { default: '"TLS"' },
    risk: 'clients can talk to the brokers in plaintext',
  },
  {
    resourceTypes: ['aws_msk_cluster'],
    paths: ['encryption_info.encryption_in_transit.in_cluster'],
    secure: isTrue,
    fix: { default: 'true' },
    risk: 'brokers replicate data to each other in plaintext',
  },
  {
    // viewer_protocol_policy is required in both behaviour kinds, so there is no default to weigh.
    resourceTypes: ['aws_cloudfront_distribution'],
    paths: ['default_cache_behavior.viewer_protocol_policy'],
    secure: oneOf('redirect-to-https', 'https-only'),
    fix: { default: '"redirect-to-https"' },
    risk: 'viewers can fetch content over plain HTTP',
  },
  {
    resourceTypes: ['aws_cloudfront_distribution'],
    each: 'ordered_cache_behavior',
    paths: ['viewer_protocol_policy'],
    secure: oneOf('redirect-to-https', 'https-only'),
    fix: { default: '"redirect-to-https"' },
    risk: 'viewers can fetch content over plain HTTP',
  },
  {
    // match-viewer follows the viewer's protocol, which the behaviours above already hold to HTTPS.
    resourceTypes: ['aws_cloudfront_distribution'],
    each: 'origin',
    paths: ['custom_origin_config.origin_protocol_policy'],
    secure: oneOf('https-only', 'match-viewer'),
    fix: { default: '"https-only"' },
    risk: 'CloudFront fetches from the origin over plain HTTP',
    appliesToTarget: (origin) => childBlocks(origin, 'custom_origin_config').length > 0,
  },
  {
    // A classic ELB front end on HTTP has no redirect to fall back on: clients talk plaintext.
    resourceTypes: ['aws_elb'],
    each: 'listener',
    paths: ['lb_protocol'],
    secure: oneOf('https', 'ssl', 'tcp'),
    fix: { default: '"https"' },
    risk: 'clients talk to the load balancer in plaintext (an HTTPS listener needs an ssl_certificate_id)',
    unsafeFix: true,
  },
  {
    resourceTypes: ['aws_elb'],
    each: 'listener',
    paths: ['instance_protocol'],
    secure: oneOf('https', 'ssl', 'tcp'),
    fix: { default: '"https"' },
    risk: 'the load balancer forwards requests to the instances in plaintext (the instances must serve TLS first)',
    unsafeFix: true,
  },
  {
    resourceTypes: ['aws_dms_endpoint'],
    paths: ['ssl_mode'],
    secure: oneOf('require', 'verify-ca', 'verify-full'),
    fix: { default: '"require"' },
    insecureDefault: 'none',
    risk: 'replication connections to the database are not encrypted',
    appliesTo: (endpoint, context) => !['s3', 'dynamodb', 'kinesis', 'kafka', 'elasticsearch', 'opensearch', 'neptune', 'redshift'].includes((resolvedLiteral(endpoint, 'engine_name', context.module) ?? '').toLowerCase()),
  },
  // ------------------------------------------------------------------------------- Azure
  {
    // azurerm 4.x renamed enable_https_traffic_only; both default to true.
    resourceTypes: ['azurerm_storage_account'],
    paths: ['https_traffic_only_enabled', 'enable_https_traffic_only'],
    secure: isTrue,
    fix: { default: 'true' },
    risk: 'the storage endpoints accept plain HTTP',
  },
  {
    resourceTypes: ['azurerm_redis_cache'],
    paths: ['non_ssl_port_enabled', 'enable_non_ssl_port'],
    secure: isFalse,
    fix: { default: 'false' },
    risk: 'port 6379 accepts connections without TLS',
  },
  {
    resourceTypes: ['azurerm_mysql_server', 'azurerm_postgresql_server', 'azurerm_mariadb_server'],
    paths: ['ssl_enforcement_enabled', 'ssl_enforcement'],
    secure: oneOf('true', 'Enabled'),
    fix: { default: 'true', ssl_enforcement: '"Enabled"' },
    // Required since azurerm 3.0; older providers left it to the service, which does not enforce it.
    insecureDefault: 'false',
    risk: 'clients can connect without TLS',
  },
  {
    resourceTypes: ['azurerm_mysql_flexible_server_configuration', 'azurerm_postgresql_flexible_server_configuration'],
    paths: ['value'],
    secure: oneOf('ON'),
    fix: { default: '"ON"' },
    risk: 'clients can connect without TLS',
    appliesTo: (configuration, context) => (resolvedLiteral(configuration, 'name', context.module) ?? '').toLowerCase() === 'require_secure_transport',
  },
  {
    // App Service accepts HTTP unless https_only is set.
    resourceTypes: APP_SERVICES,
    paths: ['https_only'],
    secure: isTrue,
    fix: { default: 'true' },
    insecureDefault: 'false',
    risk: 'the site answers plain HTTP',
  },
  {
    resourceTypes: APP_SERVICES,
    paths: ['site_config.ftps_state'],
    secure: oneOf('FtpsOnly', 'Disabled'),
    fix: { default: '"FtpsOnly"' },
    risk: 'deployments can use unencrypted FTP',
  },
  // ------------------------------------------------------------------------------ Google
  {
    // ssl_mode replaced require_ssl; the default, ALLOW_UNENCRYPTED_AND_ENCRYPTED, accepts plaintext.
    resourceTypes: ['google_sql_database_instance'],
    paths: ['settings.ip_configuration.ssl_mode', 'settings.ip_configuration.require_ssl'],
    secure: oneOf('ENCRYPTED_ONLY', 'TRUSTED_CLIENT_CERTIFICATE_REQUIRED', 'true'),
    fix: { default: '"ENCRYPTED_ONLY"', 'settings.ip_configuration.require_ssl': 'true' },
    insecureDefault: 'ALLOW_UNENCRYPTED_AND_ENCRYPTED',
    risk: 'clients can connect without TLS',
    appliesTo: (instance) => childBlocks(instance, 'settings').length > 0,
  },
];

/** Every resource type the table covers, for docs and the hover text. */
export function coveredTransitResourceTypes(): string[] {
  return [...new Set(TERRAFORM_TRANSIT_SETTINGS.flatMap((s) => s.resourceTypes))].sort();
}
