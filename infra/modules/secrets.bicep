@description('Azure region of the vault.')
param location string

param tags object = {}

@description('Globally unique vault name (3-24 characters).')
param vaultName string

@description('Principal that reads the secrets at run time (the apps\' managed identity).')
param readerPrincipalId string

@secure()
param moviedbConnectionString string

@secure()
param xaiApiKey string = ''

@description('Whether xaiApiKey holds a key; the chat is optional, so no secret is created without one.')
param storeXaiApiKey bool = false

@secure()
@description('Key shared by the web proxy and the GraphQL service, so the service can trust the browser address the proxy forwards.')
param proxyKey string

// The name is fixed per resource group, so every provision updates the same vault. `azd down` leaves it
// soft-deleted for the retention period and its name then blocks the next `azd up` of the environment:
// delete environments with `azd down --purge`, which purge protection would forbid, so it stays off.
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
  }
}

var secretsUserRoleId = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')

resource readerAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerPrincipalId, secretsUserRoleId)
  scope: vault
  properties: {
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: secretsUserRoleId
  }
}

// Secret names: the connection string's configuration key (ConnectionStrings:moviedb), then the AppHost parameters' names (xai-api-key, proxy-key).
resource moviedbSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'connectionstrings--moviedb'
  properties: {
    value: moviedbConnectionString
  }
}

resource xaiApiKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (storeXaiApiKey) {
  parent: vault
  name: 'xai-api-key'
  properties: {
    value: xaiApiKey
  }
}

resource proxyKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'proxy-key'
  properties: {
    value: proxyKey
  }
}

output vaultUri string = vault.properties.vaultUri
output moviedbSecretUri string = moviedbSecret.properties.secretUri
// Empty when no key was given: the GraphQL template then leaves the chat unconfigured.
output xaiApiKeySecretUri string = storeXaiApiKey ? xaiApiKeySecret!.properties.secretUri : ''
output proxyKeySecretUri string = proxyKeySecret.properties.secretUri
