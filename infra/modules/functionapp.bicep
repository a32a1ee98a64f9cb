// The hosting plan and the Function App: Linux, .NET isolated worker, system-assigned identity.
// Flex Consumption takes the runtime and the package location from functionAppConfig. Elastic
// Premium takes them from site settings and runs the package from a blob URL.

@description('Azure region of the resources.')
param location string

@description('Name of the hosting plan.')
param planName string

@description('Name of the Function App; it is also the host name prefix.')
param appName string

@description('FlexConsumption or ElasticPremium.')
@allowed([
  'FlexConsumption'
  'ElasticPremium'
])
param hostingPlan string

@description('Elastic Premium size; ignored on Flex Consumption.')
@allowed([
  'EP1'
  'EP2'
  'EP3'
])
param premiumSku string

@description('Instances an Elastic Premium plan keeps warm (at least 1); ignored on Flex Consumption.')
@minValue(1)
@maxValue(20)
param premiumMinimumInstances int

@description('Largest number of instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory of one Flex Consumption instance, in MB.')
@allowed([
  512
  2048
  4096
])
param flexInstanceMemoryMB int

@description('Flex Consumption instances kept ready for the Durable triggers; 0 lets the app scale to zero.')
@minValue(0)
param flexAlwaysReadyInstances int

@description('.NET version of the isolated worker.')
param dotnetVersion string

@description('Blob endpoint of the storage account, ending with a slash.')
param blobEndpoint string

@description('Container that holds the deployment package.')
param deploymentContainerName string

@description('Blob name of the package that Elastic Premium runs from.')
param packageBlobName string

@description('App settings shared by both plans, as an object of name and value.')
param appSettings object

@description('Tags applied to every resource.')
param tags object

var isFlex = hostingPlan == 'FlexConsumption'

// On Flex Consumption the runtime settings live in functionAppConfig, and the platform rejects
// FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION as app settings.
var premiumSettings = {
  FUNCTIONS_EXTENSION_VERSION: '~4'
  FUNCTIONS_WORKER_RUNTIME: 'dotnet-isolated'
  // No Azure Files content share: that would need an account key. The app runs the package from
  // Blob storage, read with the app's identity.
  WEBSITE_RUN_FROM_PACKAGE: '${blobEndpoint}${deploymentContainerName}/${packageBlobName}'
  WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID: 'SystemAssigned'
}

var allSettings = isFlex ? appSettings : union(appSettings, premiumSettings)

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: isFlex ? 'functionapp' : 'elastic'
  sku: isFlex
    ? {
        name: 'FC1'
        tier: 'FlexConsumption'
      }
    : {
        name: premiumSku
        tier: 'ElasticPremium'
      }
  properties: {
    reserved: true
    maximumElasticWorkerCount: isFlex ? null : maximumInstanceCount
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: isFlex
      ? {
          deployment: {
            storage: {
              type: 'blobContainer'
              value: '${blobEndpoint}${deploymentContainerName}'
              authentication: {
                type: 'SystemAssignedIdentity'
              }
            }
          }
          scaleAndConcurrency: {
            maximumInstanceCount: maximumInstanceCount
            instanceMemoryMB: flexInstanceMemoryMB
            alwaysReady: flexAlwaysReadyInstances > 0
              ? [
                  {
                    name: 'durable'
                    instanceCount: flexAlwaysReadyInstances
                  }
                ]
              : []
          }
          runtime: {
            name: 'dotnet-isolated'
            version: dotnetVersion
          }
        }
      : null
    siteConfig: {
      linuxFxVersion: isFlex ? null : 'DOTNET-ISOLATED|${dotnetVersion}'
      minimumElasticInstanceCount: isFlex ? null : premiumMinimumInstances
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [
        for setting in items(allSettings): {
          name: setting.key
          value: string(setting.value)
        }
      ]
    }
  }
}

// FTP with a user name and password is never needed: packages go through Azure Resource Manager
// with a Microsoft Entra token.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

@description('Name of the Function App.')
output appName string = site.name

@description('Default host name of the Function App.')
output defaultHostName string = site.properties.defaultHostName

@description('Principal id of the Function App\'s system-assigned identity.')
output principalId string = site.identity.principalId
