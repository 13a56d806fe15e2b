// Reads the container app templates azd-render rendered (<rendered>/<variant>/<service>.yaml), checks what azd
// and this repository expect of each app, and writes each as a Bicep declaration of a Microsoft.App/containerApps
// resource of the template's API version (<bicep folder>/<variant>-<service>.bicep): compiling those files checks
// every property name and type against the Container Apps resource type, as Azure will receive them.
// Usage: node azd-typecheck.mjs <rendered folder> <bicep folder>
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, basename } from 'node:path';
import yaml from 'js-yaml';

const [renderedDir, bicepDir] = process.argv.slice(2);
mkdirSync(bicepDir, { recursive: true });
// Only the compiler's type diagnostics matter here; the style rules run on infra/ itself.
writeFileSync(join(bicepDir, 'bicepconfig.json'), JSON.stringify({ analyzers: { core: { enabled: false } } }));

const problems = [];
let count = 0;
for (const variant of readdirSync(renderedDir)) {
  for (const file of readdirSync(join(renderedDir, variant)).filter(name => name.endsWith('.yaml'))) {
    const service = basename(file, '.yaml');
    const fail = message => problems.push(`${service}.tmpl.yaml (${variant}): ${message}`);
    count++;
    // azd decodes the rendered text as YAML and sends it as JSON (containerAppService.DeployYaml). Its decoder is
    // github.com/braydonk/yaml, a fork of yaml.v3; js-yaml reads the same YAML 1.2 core types and, like it,
    // rejects duplicate keys.
    let document;
    try {
      document = yaml.load(readFileSync(join(renderedDir, variant, file), 'utf8'));
    } catch (error) {
      fail(`is not valid YAML once rendered: ${error.message}`);
      continue;
    }
    if (document?.tags?.['azd-service-name'] !== service) fail(`tags.azd-service-name must be "${service}"`);
    const containers = document?.properties?.template?.containers ?? [];
    if (containers.length !== 1 || containers[0].name !== service) fail(`must define one container named "${service}"`);
    // Azure rejects a Key Vault secret without a URL and an environment variable naming an undeclared secret:
    // the mistakes an optional secret invites when only part of it is guarded by its {{ if }}.
    const secrets = document?.properties?.configuration?.secrets ?? [];
    for (const secret of secrets) {
      const fromVault = typeof secret?.keyVaultUrl === 'string' && /^https:\/\/[^/]+\/secrets\/[^/]+/.test(secret.keyVaultUrl);
      if (!fromVault && !(typeof secret?.value === 'string' && secret.value !== '')) {
        fail(`secret "${secret?.name}" has neither a value nor a Key Vault secret URL (keyVaultUrl: "${secret?.keyVaultUrl ?? ''}")`);
      }
    }
    for (const variable of containers.flatMap(container => container?.env ?? [])) {
      if ('secretRef' in variable && !secrets.some(secret => secret?.name === variable.secretRef)) {
        fail(`env ${variable.name} reads secret "${variable.secretRef}", which the app does not declare`);
      }
    }
    const scale = document?.properties?.template?.scale;
    if (!scale || !(scale.maxReplicas >= scale.minReplicas)) fail('needs scale.minReplicas <= scale.maxReplicas');

    const { 'api-version': apiVersion, ...resource } = document ?? {};
    // azd uses api-version only as a string; an unquoted date would load as a timestamp and be ignored.
    if (typeof apiVersion !== 'string') {
      fail('needs api-version as a quoted string');
      continue;
    }
    if (/preview/i.test(apiVersion)) fail(`uses the preview API version ${apiVersion}; use a GA version`);
    writeFileSync(join(bicepDir, `${variant}-${service}.bicep`),
      `// ${service}.tmpl.yaml rendered ${variant}, as Bicep, for type checking only\n` +
      `resource app 'Microsoft.App/containerApps@${apiVersion}' = ${toBicep({ name: service, ...resource }, '')}\n`);
  }
}

// Bicep literal for a parsed YAML value; Bicep has no fractional literals, so those go through json().
function toBicep(value, indent) {
  if (Array.isArray(value)) {
    return `[\n${value.map(item => `${indent}  ${toBicep(item, `${indent}  `)}\n`).join('')}${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const key = name => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : bicepString(name);
    return `{\n${Object.entries(value).map(([name, item]) => `${indent}  ${key(name)}: ${toBicep(item, `${indent}  `)}\n`).join('')}${indent}}`;
  }
  if (typeof value === 'number') return Number.isInteger(value) ? `${value}` : `json('${value}')`;
  if (typeof value === 'boolean') return `${value}`;
  if (value === null) return 'null';
  return bicepString(String(value));
}

function bicepString(text) {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\$\{/g, '\\${')}'`;
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`azd-typecheck: ${count} rendered container apps written as Bicep for type checking`);
