// Key Vault in RBAC mode for the SendGrid API key and the link-signing keys. The template creates
// no secrets: an operator sets their values after the first deployment, so no secret passes
// through a template or a deployment's history.

@description('Azure region of the resources.')
param location string

@description('Name of the key vault (3 to 24 letters, digits and hyphens).')
@minLength(3)
@maxLength(24)
param vaultName string

@description('Days a deleted secret or vault can be recovered.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int

@description('Tags applied to every resource.')
param tags object

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: vaultName
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    // Purge protection cannot be turned off again; it stops anyone purging a signing key early.
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

@description('Resource id of the key vault.')
output vaultId string = vault.id

@description('Name of the key vault.')
output vaultName string = vault.name

@description('Vault URI, ending with a slash.')
output vaultUri string = vault.properties.vaultUri
