@description('Azure region for every resource.')
param location string = resourceGroup().location

@description('Tags applied to every resource.')
param tags object = {}

@description('Object id of the user or service principal running azd; it may open the Aspire dashboard.')
param principalId string = ''

@secure()
param postgresAdminPassword string

@secure()
@description('Password of the importer\'s role, which owns the catalog.')
param ingestPassword string

@secure()
@description('Password of the GraphQL service\'s role, which reads the catalog and writes chats.')
param servicePassword string

@secure()
param xaiApiKey string = ''

@secure()
param proxyKey string

var resourceToken = uniqueString(resourceGroup().id)

// One identity for every app: it pulls images from the registry and reads secrets from the vault.
resource managedIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'mi-${resourceToken}'
  location: location
  tags: tags
}

resource containerRegistry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acr${resourceToken}'
  location: location
  sku: {
    name: 'Basic'
  }
  properties: {
    adminUserEnabled: false
  }
  tags: tags
}

var acrPullRoleId = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '7f951dda-4ed3-4680-a7ca-43fe172d538d')

resource acrPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(containerRegistry.id, managedIdentity.id, acrPullRoleId)
  scope: containerRegistry
  properties: {
    principalId: managedIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: acrPullRoleId
  }
}

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'law-${resourceToken}'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
  tags: tags
}

resource containerAppsEnvironment 'Microsoft.App/managedEnvironments@2026-07-01' = {
  name: 'cae-${resourceToken}'
  location: location
  properties: {
    workloadProfiles: [
      {
        workloadProfileType: 'Consumption'
        name: 'consumption'
      }
    ]
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logAnalytics.properties.customerId
        sharedKey: logAnalytics.listKeys().primarySharedKey
      }
    }
  }
  tags: tags
}

// The Aspire dashboard as a managed component: traces, metrics and logs of every app in the environment.
resource aspireDashboard 'Microsoft.App/managedEnvironments/dotNetComponents@2026-07-01' = {
  parent: containerAppsEnvironment
  name: 'aspire-dashboard'
  properties: {
    componentType: 'AspireDashboard'
  }
}

var contributorRoleId = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b24988ac-6180-42a0-ab88-20f7382dd24c')

// Opening the dashboard requires Contributor on the environment.
resource dashboardAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(principalId)) {
  name: guid(containerAppsEnvironment.id, principalId, contributorRoleId)
  scope: containerAppsEnvironment
  properties: {
    principalId: principalId
    roleDefinitionId: contributorRoleId
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    location: location
    tags: tags
    serverName: 'psql-${resourceToken}'
    adminPassword: postgresAdminPassword
  }
}

// Connections each process may pool (the GraphQL service and the importer have the same settings). The
// connection budget (MovieTrends.Tests/Deploy/ConnectionBudgetTests.cs) checks it against the replica counts of
// the container app templates and the server's connection limit.
var moviedbMaxPoolSize = 5

// Every login verifies the server's certificate and name against the image's trust store.
var moviedbConnectionSettings = 'Host=${postgres.outputs.fqdn};Port=5432;Database=${postgres.outputs.databaseName};SSL Mode=VerifyFull;Maximum Pool Size=${moviedbMaxPoolSize}'

// The apps' roles (migration 0006 creates them; MovieTrends.Catalog/CatalogRoles.cs names them).
var ingestRole = 'movietrends_ingest'
var serviceRole = 'movietrends_graphql'

module secrets 'modules/secrets.bicep' = {
  name: 'secrets'
  params: {
    location: location
    tags: tags
    vaultName: 'kv-${resourceToken}'
    readerPrincipalId: managedIdentity.properties.principalId
    moviedbAdminConnectionString: '${moviedbConnectionSettings};Username=${postgres.outputs.adminLogin};Password=${postgresAdminPassword}'
    moviedbIngestConnectionString: '${moviedbConnectionSettings};Username=${ingestRole};Password=${ingestPassword}'
    moviedbServiceConnectionString: '${moviedbConnectionSettings};Username=${serviceRole};Password=${servicePassword}'
    ingestPassword: ingestPassword
    servicePassword: servicePassword
    xaiApiKey: xaiApiKey
    storeXaiApiKey: !empty(xaiApiKey)
    proxyKey: proxyKey
  }
}

output MANAGED_IDENTITY_CLIENT_ID string = managedIdentity.properties.clientId
output MANAGED_IDENTITY_NAME string = managedIdentity.name
output AZURE_LOG_ANALYTICS_WORKSPACE_NAME string = logAnalytics.name
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = containerRegistry.properties.loginServer
output AZURE_CONTAINER_REGISTRY_MANAGED_IDENTITY_ID string = managedIdentity.id
output AZURE_CONTAINER_APPS_ENVIRONMENT_NAME string = containerAppsEnvironment.name
output AZURE_CONTAINER_APPS_ENVIRONMENT_ID string = containerAppsEnvironment.id
output AZURE_CONTAINER_APPS_ENVIRONMENT_DEFAULT_DOMAIN string = containerAppsEnvironment.properties.defaultDomain
output ASPIRE_DASHBOARD_URL string = 'https://${aspireDashboard.name}.ext.${containerAppsEnvironment.properties.defaultDomain}'
output AZURE_KEY_VAULT_ENDPOINT string = secrets.outputs.vaultUri
output POSTGRES_SERVER_FQDN string = postgres.outputs.fqdn
output MOVIEDB_ADMIN_SECRET_URI string = secrets.outputs.moviedbAdminSecretUri
output MOVIEDB_INGEST_SECRET_URI string = secrets.outputs.moviedbIngestSecretUri
output MOVIEDB_GRAPHQL_SECRET_URI string = secrets.outputs.moviedbServiceSecretUri
output INGEST_ROLE_SECRET_URI string = secrets.outputs.ingestRoleSecretUri
output GRAPHQL_ROLE_SECRET_URI string = secrets.outputs.serviceRoleSecretUri
output XAI_API_KEY_SECRET_URI string = secrets.outputs.xaiApiKeySecretUri
output PROXY_KEY_SECRET_URI string = secrets.outputs.proxyKeySecretUri
