# Secrets done right: nothing here is flagged by the plaintext-secret rules.
# Credentials come from the environment or an assumed role, secrets from a secret store, and inputs
# that must carry a secret are declared `sensitive`.

provider "aws" {
  region = "eu-west-1"
  # no access_key/secret_key: the SDK credential chain (env, profile, SSO, instance role) supplies them
}

# RDS generates the master password and keeps (and rotates) it in Secrets Manager.
resource "aws_db_instance" "ledger" {
  identifier                    = "ledger"
  engine                        = "postgres"
  instance_class                = "db.t3.medium"
  allocated_storage             = 20
  username                      = "ledger_app"
  manage_master_user_password   = true
  master_user_secret_kms_key_id = var.kms_key_arn
  storage_encrypted             = true
  kms_key_id                    = var.kms_key_arn
  skip_final_snapshot           = true
}

# A secret input: no default, sensitive, so it never shows up in plans or logs.
variable "ledger_api_key" {
  type      = string
  sensitive = true
}

# Lambda reads the secret at runtime; only its ARN is in the environment.
resource "aws_lambda_function" "ledger_sync" {
  function_name = "ledger-sync"
  role          = aws_iam_role.ledger_sync.arn
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "sync.zip"
  kms_key_arn   = var.kms_key_arn

  environment {
    variables = {
      DB_HOST        = "ledger.internal"
      DB_SECRET_ARN  = aws_db_instance.ledger.master_user_secret[0].secret_arn
      API_KEY        = var.ledger_api_key
      PASSWORD_STORE = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:ledger-api-AbCdEf"
    }
  }
}

# A password kept in SSM as an encrypted SecureString under the service's key.
resource "aws_ssm_parameter" "ledger_api_key" {
  name   = "/ledger/api/key"
  type   = "SecureString"
  key_id = var.kms_key_arn
  value  = var.ledger_api_key
}

# The service's customer-managed key (rotation and key policy live in examples/terraform/kms).
variable "kms_key_arn" {
  type = string
}

resource "aws_iam_role" "ledger_sync" {
  name               = "ledger-sync"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }] })
}
