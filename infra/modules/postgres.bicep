@description('Azure region of the server.')
param location string

param tags object = {}

@description('Globally unique server name.')
param serverName string

@description('Administrator login of the server.')
param adminLogin string = 'movietrends'

@secure()
param adminPassword string

@description('Compute size; Burstable B1ms suits a demo catalog of a few thousand movies.')
param skuName string = 'Standard_B1ms'

@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
param skuTier string = 'Burstable'

@allowed(['15', '16'])
param version string = '16'

param storageSizeGB int = 32

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: serverName
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuTier
  }
  properties: {
    version: version
    administratorLogin: adminLogin
    administratorLoginPassword: adminPassword
    storage: {
      storageSizeGB: storageSizeGB
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }

  // The special 0.0.0.0 rule admits connections from Azure services only (Container Apps outbound), not the internet.
  resource allowAzureServices 'firewallRules' = {
    name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
    properties: {
      startIpAddress: '0.0.0.0'
      endIpAddress: '0.0.0.0'
    }
  }

  resource moviedb 'databases' = {
    name: 'moviedb'
    properties: {
      charset: 'UTF8'
      collation: 'en_US.utf8'
    }
  }
}

output fqdn string = server.properties.fullyQualifiedDomainName
output adminLogin string = adminLogin
output databaseName string = server::moviedb.name
