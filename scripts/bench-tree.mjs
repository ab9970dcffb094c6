// The generated Terraform tree of `npm run bench` and `npm run bench:peers`: modules of several files
// with variables, locals, KMS keys, listeners, storage, policies — compliant and not.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const FILES_PER_MODULE = 8;

/** Deterministic pseudo-random modules: each has variables.tf, locals, and resource files. */
export function generateTree(dir, count) {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = (items) => items[Math.floor(random() * items.length)];
  const written = [];
  for (let i = 0; i < count; i++) {
    const module = Math.floor(i / FILES_PER_MODULE);
    const moduleDir = path.join(dir, `service-${String(module).padStart(4, '0')}`);
    fs.mkdirSync(moduleDir, { recursive: true });
    const slot = i % FILES_PER_MODULE;
    const name = slot === 0 ? 'variables.tf' : slot === 1 ? 'locals.tf' : `resources-${slot}.tf`;
    const blocks = [];
    if (slot === 0) {
      for (let v = 0; v < 30; v++) blocks.push(variableBlock(v, pick, random));
    } else if (slot === 1) {
      blocks.push(`locals {\n  service      = "service-${module}"\n  rotation    = ${pick([90, 180, 365, 730])}\n  min_tls     = "${pick(['TLS1_0', 'TLS1_2'])}"\n  common_tags = {\n    owner = "platform"\n    env   = "${pick(['dev', 'prod'])}"\n  }\n}`);
    } else {
      const resources = 18 + Math.floor(random() * 12);
      for (let r = 0; r < resources; r++) blocks.push(resourceBlock(`${slot}_${r}`, pick, random));
    }
    const file = path.join(moduleDir, name);
    fs.writeFileSync(file, `${blocks.join('\n\n')}\n`);
    written.push(file);
  }
  return written;
}

function variableBlock(index, pick) {
  return `variable "setting_${index}" {\n  description = "Tunable ${index} of the service"\n  type        = ${pick(['string', 'number', 'bool'])}\n  default     = ${pick(['"standard"', '30', 'true', 'null'])}\n}`;
}

function resourceBlock(name, pick, random) {
  const kind = Math.floor(random() * 6);
  const rotation = pick(['true', 'false', 'var.setting_2', null]);
  switch (kind) {
    case 0:
      return `resource "aws_kms_key" "key_${name}" {\n  description             = "key ${name} for \${local.service}"\n  deletion_window_in_days = 30\n${rotation ? `  enable_key_rotation     = ${rotation}\n` : ''}  tags                    = local.common_tags\n\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Sid       = "Admins"\n      Effect    = "Allow"\n      Principal = { AWS = "arn:aws:iam::111122223333:root" }\n      Action    = ${pick(['"kms:*"', '["kms:Encrypt", "kms:Decrypt"]'])}\n      Resource  = "*"\n    }]\n  })\n}`;
    case 1:
      return `resource "aws_lb_listener" "https_${name}" {\n  load_balancer_arn = aws_lb.main.arn\n  port              = 443\n  protocol          = "HTTPS"\n  ssl_policy        = "${pick(['ELBSecurityPolicy-2016-08', 'ELBSecurityPolicy-TLS13-1-2-2021-06'])}"\n  certificate_arn   = var.setting_1\n\n  default_action {\n    type             = "forward"\n    target_group_arn = aws_lb_target_group.app.arn\n  }\n}`;
    case 2:
      return `resource "azurerm_storage_account" "store_${name}" {\n  name                     = "store${name.replace(/_/g, '')}"\n  resource_group_name      = azurerm_resource_group.main.name\n  location                 = "westeurope"\n  account_tier             = "Standard"\n  account_replication_type = "GRS"\n  min_tls_version          = local.min_tls\n\n  blob_properties {\n    versioning_enabled = true\n    delete_retention_policy {\n      days = 30\n    }\n  }\n}`;
    case 3:
      return `resource "aws_secretsmanager_secret" "secret_${name}" {\n  name       = "\${local.service}/secret-${name}"\n  kms_key_id = aws_kms_key.key_${name}.arn\n}`;
    case 4:
      return `data "aws_iam_policy_document" "doc_${name}" {\n  statement {\n    sid       = "Use"\n    effect    = "Allow"\n    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]\n    resources = ["*"]\n\n    principals {\n      type        = "AWS"\n      identifiers = ["arn:aws:iam::111122223333:role/app"]\n    }\n  }\n}`;
    default:
      return `resource "google_kms_crypto_key" "ck_${name}" {\n  name            = "ck-${name}"\n  key_ring        = google_kms_key_ring.main.id\n  rotation_period = "${pick(['7776000s', '63072000s'])}"\n\n  lifecycle {\n    prevent_destroy = true\n  }\n}`;
  }
}

