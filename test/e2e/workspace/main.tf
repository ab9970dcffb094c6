# The end-to-end test opens this file in VS Code: the key below never rotates, so enclint reports
# kms-key-rotation, and its quick fix adds `enable_key_rotation = true`.

resource "aws_kms_key" "customer_data" {
  description             = "Customer data at rest"
  deletion_window_in_days = 30
}

resource "aws_kms_alias" "customer_data" {
  name          = "alias/customer-data"
  target_key_id = aws_kms_key.customer_data.key_id
}
