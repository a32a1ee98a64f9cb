// CareerConv on Azure Functions: one resource group holding the Function App (Flex Consumption or
// Elastic Premium), its storage account, Key Vault, Application Insights and the role assignments
// that let the app reach them with its managed identity. docs/deploy.md gives the commands.

targetScope = 'resourceGroup'

@description('Azure region of every resource; the resource group\'s region unless given.')
param location string = resourceGroup().location

@description('Short name used in every resource name: 3 to 11 lower-case letters and digits.')
@minLength(3)
@maxLength(11)
param baseName string

@description('FlexConsumption (pay per execution, scales to zero) or ElasticPremium (always-warm instances).')
@allowed([
  'FlexConsumption'
  'ElasticPremium'
])
param hostingPlan string = 'FlexConsumption'

@description('Elastic Premium size; ignored on Flex Consumption.')
@allowed([
  'EP1'
  'EP2'
  'EP3'
])
param premiumSku string = 'EP1'

@description('Instances an Elastic Premium plan keeps warm; ignored on Flex Consumption.')
@minValue(1)
@maxValue(20)
param premiumMinimumInstances int = 1

@description('Largest number of instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of one Flex Consumption instance, in MB.')
@allowed([
  512
  2048
  4096
])
param flexInstanceMemoryMB int = 2048

@description('Flex Consumption instances kept ready for the Durable triggers; 0 lets the app scale to zero.')
@minValue(0)
@maxValue(20)
param flexAlwaysReadyInstances int = 0

@description('.NET version of the isolated worker.')
param dotnetVersion string = '10.0'

@description('Durable Task hub name (3 to 45 letters and digits, starting with a letter); host.json reads it from TASKHUB_NAME.')
@minLength(3)
@maxLength(45)
param taskHubName string = 'CareerConv'

@description('CareerConv:Storage:NamePrefix: containers are {prefix}-{name} and tables {prefix}{Name}.')
@minLength(1)
@maxLength(20)
param storageNamePrefix string = 'careerconv'

@description('Redundancy of the storage account; zone-redundant unless the region lacks availability zones.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_ZRS'

@description('Days a deleted or overwritten blob can be restored.')
@minValue(1)
@maxValue(365)
param blobSoftDeleteDays int = 30

@description('Days a deleted container can be restored.')
@minValue(1)
@maxValue(365)
param containerSoftDeleteDays int = 30

@description('Days each record form version stays immutable after it is written; 0 sets no immutability policy.')
@minValue(0)
@maxValue(146000)
param recordsImmutabilityDays int = 0

@description('Days the Log Analytics workspace keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 90

@description('CareerConv:Timing:FacultiesFile, relative to the app\'s directory in the deployed package.')
param facultiesFile string = 'config/faculties.json'

@description('CareerConv:Engine:MaximumTimerInterval: the longest single durable timer, as d.hh:mm:ss.')
param maximumTimerInterval string = '3.00:00:00'

@description('Key Vault secret that holds the SendGrid API key.')
param sendGridSecretName string = 'sendgrid-api-key'

@description('Key Vault secrets that hold the link-signing keys, in the order of CareerConv:Links:Keys.')
@minLength(1)
param linkKeySecretNames array = [
  'link-signing-key-1'
]

@description('More app settings, such as the mail sender address, as an object of name and value.')
param additionalAppSettings object = {}

@description('Object id of the user or group that deploys: gets Key Vault Secrets Officer and Storage Blob Data Contributor. Empty to grant nothing.')
param operatorPrincipalId string = ''

@description('Principal type of operatorPrincipalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string = 'User'

@description('Tags applied to every resource.')
param tags object = {
  application: 'CareerConv'
}

var suffix = uniqueString(subscription().id, resourceGroup().id, baseName)
var names = {
  storage: take('st${baseName}${suffix}', 24)
  vault: take('kv-${baseName}-${suffix}', 24)
  workspace: 'log-${baseName}-${suffix}'
  appInsights: 'appi-${baseName}-${suffix}'
  plan: 'plan-${baseName}-${suffix}'
  app: 'func-${baseName}-${suffix}'
}
var deploymentContainerName = 'app-package'
var packageBlobName = 'careerconv.zip'

// An app setting whose value Key Vault supplies at run time, read with the app's identity. Without
// a version the latest one is used.
func secretReference(vaultUri string, secretName string) string =>
  '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${secretName}/)'

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    retentionInDays: logRetentionDays
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    accountName: names.storage
    skuName: storageSku
    namePrefix: storageNamePrefix
    taskHubName: taskHubName
    deploymentContainerName: deploymentContainerName
    blobSoftDeleteDays: blobSoftDeleteDays
    containerSoftDeleteDays: containerSoftDeleteDays
    engineVersionRetentionDays: 7
    recordsImmutabilityDays: recordsImmutabilityDays
    tags: tags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyVault'
  params: {
    location: location
    vaultName: names.vault
    softDeleteRetentionInDays: 90
    tags: tags
  }
}

var linkKeySettings = toObject(
  range(0, length(linkKeySecretNames)),
  index => 'CareerConv__Links__Keys__${index}',
  index => secretReference(keyVault.outputs.vaultUri, linkKeySecretNames[index])
)

var careerConvSettings = {
  // Identity-based connection for the Functions host and the Durable Task hub: Blob, Queue and
  // Table endpoints are derived from the account name, and no key is stored.
  AzureWebJobsStorage__accountName: storage.outputs.accountName
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD'
  TASKHUB_NAME: taskHubName
  CareerConv__Storage__BlobServiceUri: storage.outputs.blobEndpoint
  CareerConv__Storage__TableServiceUri: storage.outputs.tableEndpoint
  CareerConv__Storage__NamePrefix: storageNamePrefix
  CareerConv__Engine__MaximumTimerInterval: maximumTimerInterval
  CareerConv__Timing__FacultiesFile: facultiesFile
  CareerConv__Mail__SendGrid__ApiKey: secretReference(keyVault.outputs.vaultUri, sendGridSecretName)
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionApp'
  params: {
    location: location
    planName: names.plan
    appName: names.app
    hostingPlan: hostingPlan
    premiumSku: premiumSku
    premiumMinimumInstances: premiumMinimumInstances
    maximumInstanceCount: maximumInstanceCount
    flexInstanceMemoryMB: flexInstanceMemoryMB
    flexAlwaysReadyInstances: flexAlwaysReadyInstances
    dotnetVersion: dotnetVersion
    blobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    packageBlobName: packageBlobName
    appSettings: union(careerConvSettings, linkKeySettings, additionalAppSettings)
    tags: tags
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    // Names known before deployment, so that What-If can predict the assignments.
    storageAccountName: names.storage
    vaultName: names.vault
    appInsightsName: names.appInsights
    appName: names.app
    operatorPrincipalId: operatorPrincipalId
    operatorPrincipalType: operatorPrincipalType
  }
  dependsOn: [
    functionApp
  ]
}

@description('Name of the Function App.')
output functionAppName string = functionApp.outputs.appName

@description('Base URL of the Function App.')
output functionAppUrl string = 'https://${functionApp.outputs.defaultHostName}'

@description('Principal id of the Function App\'s system-assigned identity.')
output functionAppPrincipalId string = functionApp.outputs.principalId

@description('Name of the key vault that holds the SendGrid and link-signing secrets.')
output keyVaultName string = keyVault.outputs.vaultName

@description('Name of the storage account.')
output storageAccountName string = storage.outputs.accountName

@description('Container and blob name that an Elastic Premium app runs its package from.')
output packageBlob string = '${deploymentContainerName}/${packageBlobName}'
