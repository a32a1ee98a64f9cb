// Sample values for a first deployment. Copy this file per environment (for example
// main.prod.bicepparam) and change the values; docs/deploy.md lists the commands.
using 'main.bicep'

param baseName = 'careerconv'
param hostingPlan = 'FlexConsumption'
param maximumInstanceCount = 40
param flexInstanceMemoryMB = 2048
param flexAlwaysReadyInstances = 0
param taskHubName = 'CareerConv'
param storageNamePrefix = 'careerconv'
param blobSoftDeleteDays = 30
param containerSoftDeleteDays = 30

// 2557 days is seven years. Set the period that your records retention policy requires.
param recordsImmutabilityDays = 2557
param facultiesFile = 'config/faculties.json'
param maximumTimerInterval = '3.00:00:00'
param sendGridSecretName = 'sendgrid-api-key'
param linkKeySecretNames = [
  'link-signing-key-1'
]

// NOTE: the mail layer defines the name of the sender address setting; check docs/configuration.md
// and change the key here if it differs.
param additionalAppSettings = {
  CareerConv__Mail__SendGrid__FromAddress: 'careers@example.ac.uk'
}

// Object id of the person who deploys, read from the environment when the file is compiled:
//   export CAREERCONV_OPERATOR_ID=$(az ad signed-in-user show --query id --output tsv)
// Left empty, no operator role is granted.
param operatorPrincipalId = readEnvironmentVariable('CAREERCONV_OPERATOR_ID', '')
param operatorPrincipalType = 'User'
param tags = {
  application: 'CareerConv'
  environment: 'production'
}
