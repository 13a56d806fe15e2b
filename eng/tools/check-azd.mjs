// Checks that azure.yaml, infra/main.parameters.json, the compiled infra/main.bicep and the
// container app templates under the AppHost agree with each other, the way azd reads them.
// Each template is also written out as a Bicep resource declaration of its API version, so that compiling
// those files checks every property name and type against the Container Apps resource type.
// Usage: node check-azd.mjs <repo root> <compiled main.json> <folder for the Bicep form of the templates>
import { readFileSync, existsSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, basename } from 'node:path';
import yaml from 'js-yaml';

const [root, compiledMain, typeCheckDir] = process.argv.slice(2);
mkdirSync(typeCheckDir, { recursive: true });
const problems = [];
const fail = (file, message) => problems.push(`${file}: ${message}`);

// azure.yaml: the AppHost is the one service and deploys to Container Apps.
const azureYamlPath = join(root, 'azure.yaml');
const azureYaml = yaml.load(readFileSync(azureYamlPath, 'utf8'));
if (azureYaml?.name !== 'movietrends') fail('azure.yaml', 'name must be "movietrends"');
const service = azureYaml?.services?.app;
if (!service) {
  fail('azure.yaml', 'services.app is missing');
} else {
  if (service.language !== 'dotnet') fail('azure.yaml', 'services.app.language must be "dotnet"');
  if (service.host !== 'containerapp') fail('azure.yaml', 'services.app.host must be "containerapp"');
  if (!service.project || !existsSync(join(root, service.project))) {
    fail('azure.yaml', `services.app.project "${service.project}" does not exist`);
  }
}

// main.parameters.json must give every required Bicep parameter a value and name no unknown one.
const template = JSON.parse(readFileSync(compiledMain, 'utf8'));
const bicepParams = template.parameters ?? {};
const bicepOutputs = new Set(Object.keys(template.outputs ?? {}));
const parametersFile = JSON.parse(readFileSync(join(root, 'infra/main.parameters.json'), 'utf8'));
const supplied = parametersFile.parameters ?? {};
for (const name of Object.keys(supplied)) {
  if (!(name in bicepParams)) fail('infra/main.parameters.json', `parameter "${name}" is not declared in main.bicep`);
  if (!/^\$\{[A-Z0-9_]+\}$/.test(supplied[name].value)) {
    fail('infra/main.parameters.json', `parameter "${name}" must be an azd environment reference like \${NAME}`);
  }
}
for (const [name, definition] of Object.entries(bicepParams)) {
  if (!(name in supplied) && !('defaultValue' in definition)) {
    fail('infra/main.parameters.json', `required parameter "${name}" of main.bicep has no value`);
  }
}

// Container app templates: valid YAML once azd's template expressions are filled in, tagged with their
// service name, and reading only environment values that provisioning outputs (or azd itself sets).
const azdBuiltIns = new Set(['AZURE_ENV_NAME', 'AZURE_LOCATION', 'AZURE_SUBSCRIPTION_ID']);
const templatesDir = join(root, 'MovieTrends.AppHost/infra');
const templates = existsSync(templatesDir) ? readdirSync(templatesDir).filter(f => f.endsWith('.tmpl.yaml')) : [];
if (templates.length === 0) fail('MovieTrends.AppHost/infra', 'no *.tmpl.yaml container app templates found');
for (const file of templates) {
  const path = `MovieTrends.AppHost/infra/${file}`;
  const text = readFileSync(join(templatesDir, file), 'utf8');
  for (const [, name] of text.matchAll(/\.Env\.([A-Za-z0-9_]+)/g)) {
    if (!bicepOutputs.has(name) && !azdBuiltIns.has(name)) {
      fail(path, `reads .Env.${name}, which main.bicep does not output`);
    }
  }
  // Drop control lines ({{- if }}, {{- end }}) and stand in a value of the right type for each expression.
  const rendered = text
    .split('\n')
    .filter(line => !/^\s*\{\{-?\s*(if|end|else)\b.*\}\}\s*$/.test(line))
    .join('\n')
    .replace(/\{\{\s*targetPortOrDefault (\d+)\s*\}\}/g, '$1')
    .replace(/\{\{[^}]*\}\}/g, 'x');
  let document;
  try {
    document = yaml.load(rendered);
  } catch (error) {
    fail(path, `is not valid YAML: ${error.message}`);
    continue;
  }
  const service = basename(file, '.tmpl.yaml');
  if (document?.tags?.['azd-service-name'] !== service) fail(path, `tags.azd-service-name must be "${service}"`);
  const containers = document?.properties?.template?.containers ?? [];
  if (containers.length !== 1 || containers[0].name !== service) fail(path, `must define one container named "${service}"`);
  const scale = document?.properties?.template?.scale;
  if (!scale || !(scale.maxReplicas >= scale.minReplicas)) fail(path, 'needs scale.minReplicas <= scale.maxReplicas');

  const { 'api-version': apiVersion, ...resource } = document;
  // azd reads api-version as a string; an unquoted bare date would load as a timestamp and be ignored.
  if (typeof apiVersion !== 'string') fail(path, 'needs api-version as a string');
  writeFileSync(
    join(typeCheckDir, `${service}.bicep`),
    `// ${path} as Bicep, for type checking only\n` +
    `resource app 'Microsoft.App/containerApps@${apiVersion}' = ${toBicep({ name: service, ...resource }, '')}\n`
      .replace(/^  location: .*$/m, '  location: resourceGroup().location'));
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
  return bicepString(String(value));
}

function bicepString(text) {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\$\{/g, '\\${')}'`;
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`azure.yaml, main.parameters.json and ${templates.length} container app templates agree with main.bicep`);
