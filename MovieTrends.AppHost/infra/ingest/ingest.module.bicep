// The importer as a Container Apps job: applies migrations and loads the built-in data when the catalog is
// empty, then exits. Nothing runs it on a schedule: the azd postdeploy hook (infra/hooks/run-import-job.sh)
// starts one execution per deployment and fails the deployment if it fails. The administrator login is a secret
// of this job alone; no always-on app holds it. azd compiles this module with ingest.tmpl.bicepparam and
// deploys it to the environment's resource group.

@description('Azure region.')
param location string

@description('Resource id of the Container Apps environment.')
param environmentId string

@description('Resource id of the user-assigned identity that pulls the image and reads Key Vault.')
param identityId string

@description('Client id of that identity, for the app\'s Azure SDK clients.')
param identityClientId string

@description('Login server of the container registry azd pushed the image to.')
param registryEndpoint string

@description('The importer\'s image, as azd pushed it.')
param image string

@description('Key Vault secret URI: the import\'s own login (the catalog\'s owner role).')
param ingestConnectionSecretUri string

@description('Key Vault secret URI: the administrator login, for the migration step only.')
param adminConnectionSecretUri string

@description('Key Vault secret URI: the password the migration step gives the importer\'s role.')
param ingestPasswordSecretUri string

@description('Key Vault secret URI: the password the migration step gives the GraphQL service\'s role.')
param servicePasswordSecretUri string

resource job 'Microsoft.App/jobs@2026-07-01' = {
  name: 'ingest'
  location: location
  tags: {
    'azd-service-name': 'ingest'
    'aspire-resource-name': 'ingest'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    environmentId: environmentId
    configuration: {
      triggerType: 'Manual'
      manualTriggerConfig: {
        parallelism: 1
        replicaCompletionCount: 1
      }
      // Seconds one attempt may take: the first run migrates and loads three small files (seconds locally);
      // a hung attempt must not hold the deployment for long.
      replicaTimeout: 600
      // One retry: a failed import changed nothing, and a transient failure (the server restarting) may pass.
      replicaRetryLimit: 1
      registries: [
        {
          server: registryEndpoint
          identity: identityId
        }
      ]
      secrets: [
        {
          name: 'connectionstrings--moviedb-ingest'
          keyVaultUrl: ingestConnectionSecretUri
          identity: identityId
        }
        {
          name: 'connectionstrings--moviedb-admin'
          keyVaultUrl: adminConnectionSecretUri
          identity: identityId
        }
        {
          name: 'catalogroles--ingestpassword'
          keyVaultUrl: ingestPasswordSecretUri
          identity: identityId
        }
        {
          name: 'catalogroles--servicepassword'
          keyVaultUrl: servicePasswordSecretUri
          identity: identityId
        }
      ]
    }
    template: {
      containers: [
        {
          // No command or arguments: the image's entry point, the importer's one-shot run, exiting 0 when done.
          name: 'ingest'
          image: image
          resources: {
            cpu: json('0.25')
            memory: '0.5Gi'
          }
          env: [
            {
              name: 'AZURE_CLIENT_ID'
              value: identityClientId
            }
            {
              name: 'OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY'
              value: 'in_memory'
            }
            // The import logs in as the catalog's owner role; the migration step alone opens the administrator
            // login (one unpooled connection, closed before the import) to give the apps' roles their passwords.
            {
              name: 'ConnectionStrings__moviedb'
              secretRef: 'connectionstrings--moviedb-ingest'
            }
            {
              name: 'ConnectionStrings__moviedb-admin'
              secretRef: 'connectionstrings--moviedb-admin'
            }
            {
              name: 'CatalogRoles__IngestPassword'
              secretRef: 'catalogroles--ingestpassword'
            }
            {
              name: 'CatalogRoles__ServicePassword'
              secretRef: 'catalogroles--servicepassword'
            }
          ]
        }
      ]
    }
  }
}

output name string = job.name
