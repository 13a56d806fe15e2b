targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; the resource group is named rg-<environmentName>.')
param environmentName string

@minLength(1)
@description('Azure region for every resource.')
param location string

@description('Object id of the user or service principal running azd; it may open the Aspire dashboard.')
param principalId string = ''

@metadata({ azd: { type: 'generate', config: { length: 24, noSpecial: true } } })
@secure()
@description('Administrator password of the PostgreSQL server; azd generates and remembers one when it is not set.')
param postgresAdminPassword string

@metadata({ azd: { type: 'generate', config: { length: 32, noSpecial: true } } })
@secure()
@description('Password of the importer\'s database role (movietrends_ingest, owner of the catalog); azd generates and remembers one.')
param moviedb_ingest_password string

@metadata({ azd: { type: 'generate', config: { length: 32, noSpecial: true } } })
@secure()
@description('Password of the GraphQL service\'s database role (movietrends_graphql: reads the catalog, writes chats); azd generates and remembers one.')
param moviedb_graphql_password string

@secure()
@description('xAI API key for the AI chat; leave empty to run without the chat.')
param xai_api_key string = ''

@metadata({ azd: { type: 'generate', config: { length: 32, noSpecial: true } } })
@secure()
@description('Key the web proxy sends with the browser address it forwards to the GraphQL service; azd generates and remembers one.')
param proxy_key string

var tags = {
  'azd-env-name': environmentName
}

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module resources 'resources.bicep' = {
  scope: rg
  name: 'resources'
  params: {
    location: location
    tags: tags
    principalId: principalId
    postgresAdminPassword: postgresAdminPassword
    ingestPassword: moviedb_ingest_password
    servicePassword: moviedb_graphql_password
    xaiApiKey: xai_api_key
    proxyKey: proxy_key
  }
}

// The deploy hook (infra/hooks/run-import-job.sh) starts the importer's job in this group.
output AZURE_RESOURCE_GROUP string = rg.name
output MANAGED_IDENTITY_CLIENT_ID string = resources.outputs.MANAGED_IDENTITY_CLIENT_ID
output MANAGED_IDENTITY_NAME string = resources.outputs.MANAGED_IDENTITY_NAME
output AZURE_LOG_ANALYTICS_WORKSPACE_NAME string = resources.outputs.AZURE_LOG_ANALYTICS_WORKSPACE_NAME
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = resources.outputs.AZURE_CONTAINER_REGISTRY_ENDPOINT
output AZURE_CONTAINER_REGISTRY_MANAGED_IDENTITY_ID string = resources.outputs.AZURE_CONTAINER_REGISTRY_MANAGED_IDENTITY_ID
output AZURE_CONTAINER_APPS_ENVIRONMENT_NAME string = resources.outputs.AZURE_CONTAINER_APPS_ENVIRONMENT_NAME
output AZURE_CONTAINER_APPS_ENVIRONMENT_ID string = resources.outputs.AZURE_CONTAINER_APPS_ENVIRONMENT_ID
output AZURE_CONTAINER_APPS_ENVIRONMENT_DEFAULT_DOMAIN string = resources.outputs.AZURE_CONTAINER_APPS_ENVIRONMENT_DEFAULT_DOMAIN
output ASPIRE_DASHBOARD_URL string = resources.outputs.ASPIRE_DASHBOARD_URL
output AZURE_KEY_VAULT_ENDPOINT string = resources.outputs.AZURE_KEY_VAULT_ENDPOINT
output POSTGRES_SERVER_FQDN string = resources.outputs.POSTGRES_SERVER_FQDN
output MOVIEDB_ADMIN_SECRET_URI string = resources.outputs.MOVIEDB_ADMIN_SECRET_URI
output MOVIEDB_INGEST_SECRET_URI string = resources.outputs.MOVIEDB_INGEST_SECRET_URI
output MOVIEDB_GRAPHQL_SECRET_URI string = resources.outputs.MOVIEDB_GRAPHQL_SECRET_URI
output INGEST_ROLE_SECRET_URI string = resources.outputs.INGEST_ROLE_SECRET_URI
output GRAPHQL_ROLE_SECRET_URI string = resources.outputs.GRAPHQL_ROLE_SECRET_URI
output XAI_API_KEY_SECRET_URI string = resources.outputs.XAI_API_KEY_SECRET_URI
output PROXY_KEY_SECRET_URI string = resources.outputs.PROXY_KEY_SECRET_URI
