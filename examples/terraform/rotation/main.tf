# Key and secret rotation: what enclint flags. Run `enclint scan examples/terraform/rotation`.

# kms-key-rotation: customer data key that never rotates.
resource "aws_kms_key" "customer_data" {
  description             = "Customer data at rest"
  deletion_window_in_days = 30
}

# kms-key-rotation: rotation enabled, but only every two years.
resource "aws_kms_key" "audit_logs" {
  description             = "Audit log archive"
  enable_key_rotation     = true
  rotation_period_in_days = 730
}

# kms-key-rotation: Key Vault key with no rotation_policy.
resource "azurerm_key_vault_key" "storage_cmk" {
  name         = "storage-cmk"
  key_vault_id = azurerm_key_vault.main.id
  key_type     = "RSA"
  key_size     = 3072
  key_opts     = ["wrapKey", "unwrapKey"]
}

# kms-key-rotation: Cloud KMS key rotating every 900 days (the period comes from variables.tf).
resource "google_kms_crypto_key" "bigquery" {
  name            = "bigquery"
  key_ring        = google_kms_key_ring.analytics.id
  rotation_period = var.bigquery_key_rotation_period
}

# secret-rotation: nothing in this module rotates the database password.
resource "aws_secretsmanager_secret" "orders_db" {
  name       = "prod/orders/db"
  kms_key_id = aws_kms_key.customer_data.arn
}

# secret-rotation: rotated, but only every 400 days.
resource "aws_secretsmanager_secret" "partner_api" {
  name       = "prod/partner-api"
  kms_key_id = aws_kms_key.customer_data.arn
}

resource "aws_secretsmanager_secret_rotation" "partner_api" {
  secret_id           = aws_secretsmanager_secret.partner_api.id
  rotation_lambda_arn = var.rotation_lambda_arn

  rotation_rules {
    automatically_after_days = 400
  }
}
