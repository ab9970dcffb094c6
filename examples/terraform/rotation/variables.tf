variable "rotation_lambda_arn" {
  description = "ARN of the Lambda function that rotates Secrets Manager secrets"
  type        = string
}

variable "bigquery_key_rotation_period" {
  description = "Rotation period of the BigQuery key, in seconds"
  type        = string
  default     = "77760000s"
}
