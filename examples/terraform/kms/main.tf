# Least-privilege key access: what enclint flags. Run `enclint scan examples/terraform/kms`.
# The same findings in every way a policy is written: jsonencode, heredoc JSON, a quoted JSON string,
# and aws_iam_policy_document.

# kms-no-wildcard-actions + kms-no-public-principal: a key policy written with jsonencode.
resource "aws_kms_key" "orders" {
  description         = "Orders database"
  enable_key_rotation = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "Everyone"
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = "kms:*"
        Resource  = "*"
      },
    ]
  })
}

# kms-no-wildcard-actions: NotAction on Allow, in a heredoc.
resource "aws_kms_key" "reports" {
  description         = "Report archive"
  enable_key_rotation = true
  policy              = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Sid": "ReportsRole",
          "Effect": "Allow",
          "Principal": {"AWS": "arn:aws:iam::111122223333:role/ReportsRole"},
          "NotAction": ["kms:ScheduleKeyDeletion"],
          "Resource": "*"
        }
      ]
    }
  EOT
}

# kms-no-wildcard-actions: an identity policy as a quoted JSON string.
resource "aws_iam_role_policy" "batch" {
  name   = "batch-kms"
  role   = "batch"
  policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"kms:*\",\"Resource\":\"*\"}]}"
}

# kms-no-wildcard-actions + kms-separation-of-duties: a key policy from aws_iam_policy_document.
resource "aws_kms_key" "payments" {
  description         = "Payment tokens"
  enable_key_rotation = true
  policy              = data.aws_iam_policy_document.payments_key.json
}

data "aws_iam_policy_document" "payments_key" {
  statement {
    sid       = "PaymentsApp"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:role/PaymentsApp"]
    }
  }

  statement {
    sid       = "OpsCanDoBoth"
    actions   = ["kms:PutKeyPolicy", "kms:Decrypt"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:role/Ops"]
    }
  }
}

# kms-explicit-key-policy: no policy, so the default key policy (kms:* for the account) applies.
resource "aws_kms_key" "scratch" {
  description         = "Scratch space"
  enable_key_rotation = true
}

# kms-no-public-principal: a Cloud KMS key anyone may use.
resource "google_kms_crypto_key_iam_member" "public_decrypt" {
  crypto_key_id = "projects/p/locations/global/keyRings/r/cryptoKeys/k"
  role          = "roles/cloudkms.cryptoKeyDecrypter"
  member        = "allUsers"
}

# kms-key-scoped-identity-policy: the role may decrypt with every key in the account.
resource "aws_iam_policy" "reporting" {
  name = "reporting-decrypt"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["kms:Decrypt", "kms:DescribeKey"]
        Resource = "*"
      },
    ]
  })
}
