# Encryption at rest and in transit: what enclint flags. Run `enclint scan examples/terraform/storage`.
# compliant.tf in this folder shows each resource fixed.

# --- at rest: data stored unencrypted (errors) -------------------------------------------------

resource "aws_ebs_volume" "scratch" {
  availability_zone = "eu-west-1a"
  size              = 100
}

resource "aws_db_instance" "orders" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t3.medium"
  allocated_storage = 50
  storage_encrypted = false
}

resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
}

resource "aws_dax_cluster" "catalog" {
  cluster_name       = "catalog"
  iam_role_arn       = aws_iam_role.dax.arn
  node_type          = "dax.r4.large"
  replication_factor = 1
}

resource "aws_sns_topic" "alerts" {
  name = "alerts"
}

resource "aws_launch_template" "workers" {
  name = "workers"

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_size = 30
    }
  }
}

# --- at rest: encrypted, but not with a customer-managed key (warnings) ------------------------

resource "aws_sqs_queue" "jobs" {
  name              = "jobs"
  kms_master_key_id = "alias/aws/sqs"
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/app/orders"
  retention_in_days = 365
}

resource "aws_dynamodb_table" "sessions" {
  name         = "sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}

# --- in transit ---------------------------------------------------------------------------------

resource "aws_lb_listener" "web" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "cache"
  description                = "session cache"
  node_type                  = "cache.t3.micro"
  at_rest_encryption_enabled = true
  kms_key_id                 = aws_kms_key.storage.arn
}

resource "aws_s3_bucket_policy" "assets" {
  bucket = aws_s3_bucket.assets.id
  policy = data.aws_iam_policy_document.assets.json
}

data "aws_iam_policy_document" "assets" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.assets.arn}/*"]

    principals {
      type        = "AWS"
      identifiers = [aws_iam_role.cdn.arn]
    }
  }
}

resource "azurerm_redis_cache" "sessions" {
  name                 = "contoso-sessions"
  location             = "westeurope"
  resource_group_name  = "storage"
  capacity             = 1
  family               = "C"
  sku_name             = "Standard"
  non_ssl_port_enabled = true
}

resource "google_sql_database_instance" "reports" {
  name             = "reports"
  database_version = "POSTGRES_15"
  region           = "europe-west1"

  settings {
    tier = "db-custom-2-7680"

    ip_configuration {
      ipv4_enabled = false
      ssl_mode     = "ALLOW_UNENCRYPTED_AND_ENCRYPTED"
    }
  }
}
