# Least-privilege key access done right: nothing here is flagged by the kms-wildcard rules.

data "aws_caller_identity" "current" {}

resource "aws_kms_key" "ledger" {
  description         = "Ledger"
  enable_key_rotation = true
  policy              = data.aws_iam_policy_document.ledger_key.json
}

# The organisation's key policy example: the account-root delegation, administrators, users.
data "aws_iam_policy_document" "ledger_key" {
  statement {
    sid       = "EnableIAMUserPermissions"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }

  statement {
    sid = "AllowKeyAdmins"
    actions = [
      "kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*",
      "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion",
    ]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/KeyAdminRole"]
    }
  }

  statement {
    sid       = "AllowKeyUsage"
    actions   = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/LedgerApp"]
    }
  }
}

# A key policy set by its own resource counts as explicit.
resource "aws_kms_key" "archive" {
  description         = "Archive"
  enable_key_rotation = true
}

resource "aws_kms_key_policy" "archive" {
  key_id = aws_kms_key.archive.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AllowKeyUsage"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/ArchiveApp" }
        Action    = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]
        Resource  = "*"
      },
      {
        Sid       = "DenyDeletionOutsideOrg"
        Effect    = "Deny"
        Principal = "*"
        Action    = ["kms:ScheduleKeyDeletion"]
        Resource  = "*"
        Condition = { StringNotEquals = { "aws:PrincipalOrgID" = "o-exampleorgid" } }
      },
    ]
  })
}

resource "aws_iam_role_policy" "ledger_app" {
  name   = "ledger-kms"
  role   = "ledger-app"
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": ["kms:Decrypt", "kms:GenerateDataKey*"],
          "Resource": "${aws_kms_key.ledger.arn}"
        }
      ]
    }
  EOT
}

resource "google_kms_crypto_key_iam_member" "app_decrypt" {
  crypto_key_id = "projects/p/locations/global/keyRings/r/cryptoKeys/k"
  role          = "roles/cloudkms.cryptoKeyDecrypter"
  member        = "serviceAccount:app@p.iam.gserviceaccount.com"
}
