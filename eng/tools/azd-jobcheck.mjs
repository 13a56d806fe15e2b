// Checks a Container Apps job azd deploys from a Bicep deployment template: the output of
// `bicep build-params main.bicepparam --stdout` (the step azd runs before it deploys the compiled template to the
// resource group, compileBicep in cli/azd/pkg/project/service_target_dotnet_containerapp.go). Bicep has already
// type-checked every property; this checks what the type cannot: the job azd will find, a GA API version, a manual
// trigger with a timeout and a retry limit, one container, and that every secret comes from Key Vault and every
// secretRef names a declared secret.
// Usage: node azd-jobcheck.mjs <service> <label> <compiled.json>
import { readFileSync } from 'node:fs';

const [service, label, compiledPath] = process.argv.slice(2);
const compiled = JSON.parse(readFileSync(compiledPath, 'utf8'));
const template = JSON.parse(compiled.templateJson);
const parameters = JSON.parse(compiled.parametersJson).parameters ?? {};
const problems = [];
const fail = message => problems.push(`${service}.tmpl.bicepparam (${label}): ${message}`);

// A parameter reference as Bicep compiles it, resolved to the value the rendered template gives.
const resolve = value => {
  const reference = /^\[parameters\('([^']+)'\)\]$/.exec(value ?? '');
  return reference ? parameters[reference[1]]?.value : value;
};

for (const [name, parameter] of Object.entries(parameters)) {
  if (parameter?.value === '') fail(`parameter ${name} is empty once rendered`);
}

// Bicep emits an array, or an object keyed by symbolic name when it uses language version 2.0.
const resources = Object.values(template.resources ?? []);
const jobs = resources.filter(resource => resource.type === 'Microsoft.App/jobs');
if (jobs.length !== 1) fail(`must declare exactly one Microsoft.App/jobs resource (it declares ${jobs.length})`);
for (const resource of resources) {
  if (/preview/i.test(resource.apiVersion ?? '')) fail(`uses the preview API version ${resource.apiVersion} of ${resource.type}; use a GA version`);
}
for (const job of jobs) {
  if (job.tags?.['azd-service-name'] !== service) fail(`tags.azd-service-name must be "${service}"`);
  const configuration = job.properties?.configuration ?? {};
  if (configuration.triggerType !== 'Manual') fail('must be triggered manually (the deployment starts it)');
  if (!(resolve(configuration.replicaTimeout) > 0)) fail('needs a replicaTimeout');
  if (!Number.isInteger(resolve(configuration.replicaRetryLimit))) fail('needs a replicaRetryLimit');
  const containers = job.properties?.template?.containers ?? [];
  if (containers.length !== 1 || containers[0].name !== service) fail(`must define one container named "${service}"`);
  const secrets = configuration.secrets ?? [];
  for (const secret of secrets) {
    const url = resolve(secret?.keyVaultUrl);
    if (typeof url !== 'string' || !/^https:\/\/[^/]+\/secrets\/[^/]+/.test(url)) {
      fail(`secret "${secret?.name}" must come from a Key Vault secret URL (keyVaultUrl: "${url ?? ''}")`);
    }
  }
  for (const variable of containers.flatMap(container => container?.env ?? [])) {
    if ('secretRef' in variable && !secrets.some(secret => secret?.name === variable.secretRef)) {
      fail(`env ${variable.name} reads secret "${variable.secretRef}", which the job does not declare`);
    }
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
