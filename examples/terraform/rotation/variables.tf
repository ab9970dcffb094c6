variable "rotation_lambda_arn" {
  description = "ARN of the Lambda function that rotates Secrets Manager secrets"
  type        = string
}

variable "bigquery_key_rotation_period" {
  description = "Rotation period of the BigQuery key, in seconds"
  type        = string
  default     = "77760000s"
}

variable "key_admin_role_arn" {
  description = "IAM role that administers the module's keys (never uses them)"
  type        = string
}

variable "payments_app_role_arn" {
  description = "IAM role of the payments service, the only user of the payments key"
  type        = string
}
