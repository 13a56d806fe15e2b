@description('Azure region of the vault.')
param location string

param tags object = {}

@description('Globally unique vault name (3-24 characters).')
param vaultName string

@description('Principal that reads the secrets at run time (the apps\' managed identity).')
param readerPrincipalId string

@secure()
@description('The administrator login: for the importer\'s migration step only, which creates the apps\' roles.')
param moviedbAdminConnectionString string

@secure()
@description('The importer\'s role, owner of the catalog.')
param moviedbIngestConnectionString string

@secure()
@description('The GraphQL service\'s role: reads the catalog, writes chats.')
param moviedbServiceConnectionString string

@secure()
@description('The roles\' passwords, which the migration step sets.')
param ingestPassword string

@secure()
param servicePassword string

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

// Secret names: the connection strings' configuration keys (ConnectionStrings:moviedb-admin) or the login they
// hold, then the settings' and AppHost parameters' names (catalogroles--ingestpassword, xai-api-key, proxy-key).
resource moviedbAdminSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'connectionstrings--moviedb-admin'
  properties: {
    value: moviedbAdminConnectionString
  }
}

resource moviedbIngestSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'connectionstrings--moviedb-ingest'
  properties: {
    value: moviedbIngestConnectionString
  }
}

resource moviedbServiceSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'connectionstrings--moviedb-graphql'
  properties: {
    value: moviedbServiceConnectionString
  }
}

resource ingestPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'catalogroles--ingestpassword'
  properties: {
    value: ingestPassword
  }
}

resource servicePasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'catalogroles--servicepassword'
  properties: {
    value: servicePassword
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
output moviedbAdminSecretUri string = moviedbAdminSecret.properties.secretUri
output moviedbIngestSecretUri string = moviedbIngestSecret.properties.secretUri
output moviedbServiceSecretUri string = moviedbServiceSecret.properties.secretUri
output ingestRoleSecretUri string = ingestPasswordSecret.properties.secretUri
output serviceRoleSecretUri string = servicePasswordSecret.properties.secretUri
// Empty when no key was given: the GraphQL template then leaves the chat unconfigured.
output xaiApiKeySecretUri string = storeXaiApiKey ? xaiApiKeySecret!.properties.secretUri : ''
output proxyKeySecretUri string = proxyKeySecret.properties.secretUri
