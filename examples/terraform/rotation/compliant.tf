# Key and secret rotation done right: nothing here is flagged.

resource "aws_kms_key" "payments" {
  description         = "Payment tokens"
  enable_key_rotation = true
  policy              = data.aws_iam_policy_document.payments_key.json
}

# An explicit key policy (kms-explicit-key-policy): administrators manage, the application uses.
data "aws_iam_policy_document" "payments_key" {
  statement {
    sid       = "AllowKeyAdmins"
    actions   = ["kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = [var.key_admin_role_arn]
    }
  }

  statement {
    sid       = "AllowKeyUsage"
    actions   = ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*", "kms:DescribeKey"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = [var.payments_app_role_arn]
    }
  }
}

# Asymmetric keys cannot rotate automatically in AWS KMS, so they are out of scope.
resource "aws_kms_key" "release_signing" {
  description              = "Release signing"
  customer_master_key_spec = "RSA_3072"
  key_usage                = "SIGN_VERIFY"
  policy                   = data.aws_iam_policy_document.payments_key.json
}

resource "azurerm_key_vault_key" "backup_cmk" {
  name         = "backup-cmk"
  key_vault_id = azurerm_key_vault.main.id
  key_type     = "RSA"
  key_size     = 3072
  key_opts     = ["wrapKey", "unwrapKey"]

  rotation_policy {
    automatic {
      time_before_expiry = "P30D"
    }

    expire_after         = "P1Y"
    notify_before_expiry = "P29D"
  }
}

resource "google_kms_crypto_key" "gcs" {
  name            = "gcs"
  key_ring        = google_kms_key_ring.analytics.id
  rotation_period = "7776000s" # 90 days
}

resource "aws_secretsmanager_secret" "billing_db" {
  name       = "prod/billing/db"
  kms_key_id = aws_kms_key.payments.arn
}

resource "aws_secretsmanager_secret_rotation" "billing_db" {
  secret_id           = aws_secretsmanager_secret.billing_db.id
  rotation_lambda_arn = var.rotation_lambda_arn

  rotation_rules {
    automatically_after_days = 30
  }
}
