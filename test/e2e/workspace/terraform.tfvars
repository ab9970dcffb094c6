# Variable values: VS Code shows this file in the `terraform-vars` language the extension contributes.
region      = "eu-west-1"
environment = "prod"
