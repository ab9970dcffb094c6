# Encryption at rest with the module's customer-managed key, and TLS-only endpoints: enclint reports nothing here.

data "aws_caller_identity" "current" {}

resource "aws_kms_key" "storage" {
  description         = "Customer-managed key for storage services"
  enable_key_rotation = true
  policy              = data.aws_iam_policy_document.storage_key.json
}

data "aws_iam_policy_document" "storage_key" {
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
    sid       = "AllowStorageServices"
    actions   = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey", "kms:CreateGrant"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/StorageApp"]
    }
  }
}

resource "aws_ebs_volume" "scratch_ok" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = true
  kms_key_id        = aws_kms_key.storage.arn
}

resource "aws_db_instance" "orders_ok" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t3.medium"
  allocated_storage = 50
  storage_encrypted = true
  kms_key_id        = aws_kms_key.storage.arn
}

resource "aws_efs_file_system" "shared_ok" {
  creation_token = "shared"
  encrypted      = true
  kms_key_id     = aws_kms_key.storage.arn
}

resource "aws_dax_cluster" "catalog_ok" {
  cluster_name       = "catalog"
  iam_role_arn       = aws_iam_role.dax.arn
  node_type          = "dax.r4.large"
  replication_factor = 1

  server_side_encryption {
    enabled = true
  }
}

resource "aws_sns_topic" "alerts_ok" {
  name              = "alerts"
  kms_master_key_id = aws_kms_key.storage.arn
}

resource "aws_launch_template" "workers_ok" {
  name = "workers"

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_size = 30
      encrypted   = "true"
      kms_key_id  = aws_kms_key.storage.arn
    }
  }
}

resource "aws_sqs_queue" "jobs_ok" {
  name              = "jobs"
  kms_master_key_id = aws_kms_key.storage.arn
}

resource "aws_cloudwatch_log_group" "app_ok" {
  name              = "/app/orders"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.storage.arn
}

resource "aws_dynamodb_table" "sessions_ok" {
  name         = "sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.storage.arn
  }
}

resource "aws_lb_listener" "web_ok" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"

    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_elasticache_replication_group" "cache_ok" {
  replication_group_id       = "cache"
  description                = "session cache"
  node_type                  = "cache.t3.micro"
  at_rest_encryption_enabled = true
  kms_key_id                 = aws_kms_key.storage.arn
  transit_encryption_enabled = true
}

resource "aws_s3_bucket_policy" "assets_ok" {
  bucket = aws_s3_bucket.assets.id
  policy = data.aws_iam_policy_document.assets_ok.json
}

data "aws_iam_policy_document" "assets_ok" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.assets.arn}/*"]

    principals {
      type        = "AWS"
      identifiers = [aws_iam_role.cdn.arn]
    }
  }

  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.assets.arn, "${aws_s3_bucket.assets.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "azurerm_redis_cache" "sessions_ok" {
  name                 = "contoso-sessions"
  location             = "westeurope"
  resource_group_name  = "storage"
  capacity             = 1
  family               = "C"
  sku_name             = "Standard"
  non_ssl_port_enabled = false
}

resource "google_sql_database_instance" "reports_ok" {
  name             = "reports"
  database_version = "POSTGRES_15"
  region           = "europe-west1"

  settings {
    tier = "db-custom-2-7680"

    ip_configuration {
      ipv4_enabled = false
      ssl_mode     = "ENCRYPTED_ONLY"
    }
  }
}
