# enclint-disable-next-line kms-key-rotation -- imported key material
resource "aws_kms_key" "main" {
  description         = "key for ${var.env}-data %{ if var.x }y%{ endif } $${literal} \u00e9"
  enable_key_rotation = false // later
  policy = jsonencode({
    Statement = [{ "Effect" = "Allow", Action : ["kms:*"] }]
  })
  tags  = merge(local.tags, { Name = module.kms.name })
  count = var.enabled ? 1 : 0
  arns  = [for k, v in data.aws_iam_role.r : v.arn if k != "x"]
  ids   = aws_instance.web[*].id
  /* block
     comment */
  dynamic "rule" {
    for_each = var.rules
    content { x = rule.value }
  }
}
variable "tags" {
  type    = map(object({ name = string, size = optional(number, 1.5e3) }))
  default = null
}
locals {
  script = <<-EOT
    echo ${path.module}
    EOT
  arn = provider::aws::arn_parse("x").account_id
  upper_tags = { for name, value in tag_map : name => upper(value) }
}
