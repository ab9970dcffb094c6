import { kmsKeyRotation } from '../../rules/key-rotation/kms-key-rotation';
import { ruleTester } from '../support/rule-tester';

ruleTester(kmsKeyRotation, {
  valid: [
    { code: 'resource "aws_kms_key" "k" {\n  enable_key_rotation = true\n}\n' },
    { name: 'asymmetric keys cannot rotate', code: 'resource "aws_kms_key" "k" {\n  customer_master_key_spec = "RSA_2048"\n  key_usage = "SIGN_VERIFY"\n}\n' },
    { name: 'period within the maximum', code: 'resource "aws_kms_key" "k" {\n  enable_key_rotation     = true\n  rotation_period_in_days = 90\n}\n' },
  ],
  invalid: [
    {
      name: 'missing rotation, aligned attributes',
      code: 'resource "aws_kms_key" "k" {\n  description = "x"\n  is_enabled  = true\n}\n',
      errors: [{ message: 'does not enable automatic key rotation', line: 1 }],
      output: 'resource "aws_kms_key" "k" {\n  description         = "x"\n  is_enabled          = true\n  enable_key_rotation = true\n}\n',
    },
    {
      name: 'explicitly disabled, CRLF kept',
      code: 'resource "aws_kms_key" "k" {\r\n  enable_key_rotation = false\r\n}\r\n',
      errors: [{ message: 'disables automatic key rotation', line: 2 }],
      output: 'resource "aws_kms_key" "k" {\r\n  enable_key_rotation = true\r\n}\r\n',
    },
    {
      name: 'disabled through a variable default in another file',
      code: 'resource "aws_kms_key" "k" {\n  enable_key_rotation = var.rotate\n}\n',
      moduleFiles: [{ path: 'variables.tf', text: 'variable "rotate" {\n  default = false\n}\n' }],
      errors: [{ message: 'default of variable "rotate"', line: 2 }],
    },
    {
      name: 'empty one-line block',
      code: 'resource "aws_kms_key" "k" {}\n',
      errors: 1,
      output: 'resource "aws_kms_key" "k" {\n  enable_key_rotation = true\n}\n',
    },
    {
      name: 'period above the maximum',
      code: 'resource "aws_kms_key" "k" {\n  enable_key_rotation     = true\n  rotation_period_in_days = 730\n}\n',
      errors: [{ message: 'every 730 days', line: 3 }],
      output: 'resource "aws_kms_key" "k" {\n  enable_key_rotation     = true\n  rotation_period_in_days = 365\n}\n',
    },
  ],
});
