# Plaintext secrets: what enclint flags. Run `enclint scan examples/terraform/secrets`.
# Every credential below is fake, but written in the real format so the detectors see what they
# would see in a leaked repository.

# no-secret-token: static AWS keys in the provider block (a documentation example key is still
# reported — a scanner cannot tell it from a live one).
provider "aws" {
  region     = "eu-west-1"
  access_key = "AKIAIOSFODNN7EXAMPLE"
  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
}

# no-plaintext-secret: a literal master password (fix: manage_master_user_password = true).
resource "aws_db_instance" "orders" {
  identifier          = "orders"
  engine              = "postgres"
  instance_class      = "db.t3.medium"
  allocated_storage   = 20
  username            = "orders_app"
  password            = "Orders-Pa55word!"
  storage_encrypted   = true
  kms_key_id          = var.kms_key_arn
  skip_final_snapshot = true
}

# no-plaintext-secret: a secret-named environment variable with a literal value, and
# no-secret-token: a GitHub token under a neutral name.
resource "aws_lambda_function" "sync" {
  function_name = "repo-sync"
  role          = aws_iam_role.sync.arn
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "sync.zip"
  kms_key_arn   = var.kms_key_arn

  environment {
    variables = {
      DB_HOST     = "orders.internal"
      DB_PASSWORD = "Orders-Pa55word!"
      UPSTREAM    = "ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"
    }
  }
}

# no-plaintext-secret: a secret in an ECS container definition.
resource "aws_ecs_task_definition" "worker" {
  family = "worker"
  container_definitions = jsonencode([
    {
      name  = "worker"
      image = "example/worker:1.4"
      environment = [
        { name = "LOG_LEVEL", value = "info" },
        { name = "API_TOKEN", value = "tok-7Gx2pLq9Vz4mWc8R" },
      ]
    }
  ])
}

# no-plaintext-secret: a variable with a secret-like name, a literal default and no `sensitive`.
variable "reporting_api_key" {
  type    = string
  default = "rk-0f1e2d3c4b5a69788796a5b4"
}

# no-plaintext-secret: an SSM parameter holding a password as an unencrypted String.
resource "aws_ssm_parameter" "orders_db_password" {
  name  = "/orders/db/password"
  type  = "String"
  value = aws_db_instance.orders.password
}

# no-secret-token: a Slack webhook in an App Service setting.
resource "azurerm_linux_web_app" "status" {
  name                = "status-page"
  resource_group_name = "status"
  location            = "westeurope"
  service_plan_id     = "/subscriptions/0000/resourceGroups/status/providers/Microsoft.Web/serverFarms/plan"
  https_only          = true

  site_config {
    minimum_tls_version = "1.2"
  }

  app_settings = {
    ALERT_WEBHOOK = "https://hooks.slack.com/services/T0ABC1234/B0DEF5678/aBcDeFgHiJkLmNoPqRsTuVwX"
  }
}

# The service's customer-managed key (rotation and key policy live in examples/terraform/kms).
variable "kms_key_arn" {
  type = string
}

resource "aws_iam_role" "sync" {
  name               = "repo-sync"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }] })
}
