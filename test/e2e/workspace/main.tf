# Opened by the VS Code end-to-end test. The key never rotates: enclint reports kms-key-rotation,
# and its quick fix adds `enable_key_rotation = true`. Everything else here is compliant.

resource "aws_kms_key" "customer_data" {
  description             = "Customer data at rest"
  deletion_window_in_days = 30
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "KeyAdministration"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::111122223333:role/KeyAdmin" }
        Action    = ["kms:Describe*", "kms:List*", "kms:Get*", "kms:Put*", "kms:Update*", "kms:Enable*", "kms:Disable*", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion"]
        Resource  = "*"
      },
      {
        Sid       = "KeyUse"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::111122223333:role/OrdersService" }
        Action    = ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*", "kms:DescribeKey"]
        Resource  = "*"
      },
    ]
  })
}

resource "aws_kms_alias" "customer_data" {
  name          = "alias/customer-data"
  target_key_id = aws_kms_key.customer_data.key_id
}
