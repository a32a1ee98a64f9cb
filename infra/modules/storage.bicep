// The storage account the Function App uses for its host state, the Durable Task hub, the
// deployment package and CareerConv's own containers and tables. Shared key access is off: every
// client reaches it with a Microsoft Entra identity.

@description('Azure region of the resources.')
param location string

@description('Name of the storage account (3 to 24 lower-case letters and digits).')
@minLength(3)
@maxLength(24)
param accountName string

@description('Redundancy of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GZRS'
])
param skuName string

@description('CareerConv:Storage:NamePrefix. Containers are named {prefix}-{name}.')
param namePrefix string

@description('Durable Task hub name; its blob containers are named {lower-cased hub}-leases, -largemessages and -applease.')
param taskHubName string

@description('Name of the container that holds the app\'s deployment package.')
param deploymentContainerName string

@description('Days a deleted or overwritten blob can be restored.')
@minValue(1)
@maxValue(365)
param blobSoftDeleteDays int

@description('Days a deleted container can be restored.')
@minValue(1)
@maxValue(365)
param containerSoftDeleteDays int

@description('Days after which earlier versions of engine and package blobs are deleted.')
@minValue(1)
param engineVersionRetentionDays int

@description('Days each record form version is kept immutable after it is written; 0 leaves the records container without a policy.')
@minValue(0)
@maxValue(146000)
param recordsImmutabilityDays int

@description('Tags applied to every resource.')
param tags object

resource account 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: accountName
  location: location
  tags: tags
  sku: {
    name: skuName
  }
  kind: 'StorageV2'
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-01-01' = {
  parent: account
  name: 'default'
  properties: {
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: blobSoftDeleteDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: containerSoftDeleteDays
    }
  }
}

resource recordsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: '${namePrefix}-records'
  properties: {
    publicAccess: 'None'
    // Version-level immutability can only be switched on when the container is created.
    immutableStorageWithVersioning: {
      enabled: recordsImmutabilityDays > 0
    }
  }
}

// An unlocked time-based policy: it can still be shortened or removed until an operator locks it.
resource recordsImmutability 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2025-01-01' = if (recordsImmutabilityDays > 0) {
  parent: recordsContainer
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: recordsImmutabilityDays
    allowProtectedAppendWrites: false
  }
}

resource notesContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: '${namePrefix}-notes'
  properties: {
    publicAccess: 'None'
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

// Versioning applies to the whole account. The Functions host and the Durable Task hub rewrite
// their own blobs often, so earlier versions of those are deleted after a short time; CareerConv's
// records and notes keep every version.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2025-01-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'expire-engine-blob-versions'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
                'appendBlob'
              ]
              // Whole container names with the slash, so that no prefix matches CareerConv's own
              // containers, which may start with the same word as the task hub.
              prefixMatch: [
                '${toLower(taskHubName)}-leases/'
                '${toLower(taskHubName)}-largemessages/'
                '${toLower(taskHubName)}-applease/'
                'azure-webjobs-hosts/'
                'azure-webjobs-secrets/'
                '${deploymentContainerName}/'
              ]
            }
            actions: {
              version: {
                delete: {
                  daysAfterCreationGreaterThan: engineVersionRetentionDays
                }
              }
            }
          }
        }
      ]
    }
  }
  dependsOn: [
    blobService
  ]
}

@description('Resource id of the storage account.')
output accountId string = account.id

@description('Name of the storage account.')
output accountName string = account.name

@description('Blob service endpoint, ending with a slash.')
output blobEndpoint string = account.properties.primaryEndpoints.blob

@description('Table service endpoint, ending with a slash.')
output tableEndpoint string = account.properties.primaryEndpoints.table

@description('Queue service endpoint, ending with a slash.')
output queueEndpoint string = account.properties.primaryEndpoints.queue

@description('Names of the records and notes containers.')
output containerNames object = {
  records: recordsContainer.name
  notes: notesContainer.name
  deployment: deploymentContainer.name
}
