// Checks that azure.yaml, infra/main.parameters.json and the compiled infra/main.bicep agree with each other,
// the way azd reads them, and what the deployment promises (GA API versions, a purgeable vault, the deploy
// workflow). The container app templates are rendered and type-checked by eng/checks/azd-rehearsal.sh.
// Usage: node check-azd.mjs <repo root> <compiled main.json>
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import yaml from 'js-yaml';

const [root, compiledMain] = process.argv.slice(2);
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

// GA API versions only: a preview version may change or be retired without the notice GA versions get.
// Bicep sources (resources and `existing` references, the job module azd deploys included) and the compiled
// template with its modules.
for (const file of [...bicepFiles(join(root, 'infra')), ...bicepFiles(join(root, 'MovieTrends.AppHost/infra'))]) {
  const relative = file.slice(root.length + 1);
  for (const [, type] of readFileSync(file, 'utf8').matchAll(/'([A-Za-z0-9.]+\/[A-Za-z0-9./]+@[0-9-]+-preview)'/g)) {
    fail(relative, `uses the preview API version ${type}; use a GA version`);
  }
}
(function previewApiVersions(node, where) {
  if (Array.isArray(node)) node.forEach(item => previewApiVersions(item, where));
  else if (node !== null && typeof node === 'object') {
    if (typeof node.apiVersion === 'string' && /preview/i.test(node.apiVersion) && typeof node.type === 'string') {
      fail(where, `deploys ${node.type} with the preview API version ${node.apiVersion}; use a GA version`);
    }
    Object.values(node).forEach(item => previewApiVersions(item, where));
  }
})(template, 'infra/main.bicep (compiled)');

function bicepFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap(entry =>
    entry.isDirectory() ? bicepFiles(join(folder, entry.name)) : entry.name.endsWith('.bicep') ? [join(folder, entry.name)] : []);
}

// Key Vault soft delete: `azd down` leaves the vault soft-deleted, and its name (fixed per resource group, so
// that every provision updates the same vault) blocks the next `azd up` of the environment until it is purged.
// `azd down --purge` purges it, which purge protection would forbid for the whole retention period, so the
// vault must not enable it; the retention is the 7-day minimum; no name may come from utcNow() or newGuid(),
// which would create a new vault (and orphan the old one) on every provision; and the deploy guide must say so.
const vaults = [];
(function walk(node) {
  if (Array.isArray(node)) node.forEach(walk);
  else if (node !== null && typeof node === 'object') {
    if (node.type === 'Microsoft.KeyVault/vaults') vaults.push(node);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parameters' && value !== null && typeof value === 'object') {
        for (const [name, definition] of Object.entries(value)) {
          if (/utcNow\(|newGuid\(/i.test(JSON.stringify(definition?.defaultValue ?? ''))) {
            fail('infra/main.bicep (compiled)', `parameter "${name}" defaults to utcNow() or newGuid(): names would change on every provision`);
          }
        }
      }
      walk(value);
    }
  }
})(template);
if (vaults.length === 0) fail('infra/main.bicep (compiled)', 'no Microsoft.KeyVault/vaults resource found');
for (const vault of vaults) {
  if (vault.properties?.enablePurgeProtection !== undefined && vault.properties.enablePurgeProtection !== false) {
    fail('infra/modules/secrets.bicep', 'the vault must not enable purge protection: `azd down --purge` could not purge it and its name would stay taken');
  }
  if (vault.properties?.softDeleteRetentionInDays !== 7) {
    fail('infra/modules/secrets.bicep', 'the vault must keep soft-deleted data for the 7-day minimum (softDeleteRetentionInDays: 7)');
  }
}
if (!readFileSync(join(root, 'docs/deploy.md'), 'utf8').includes('azd down --purge')) {
  fail('docs/deploy.md', 'the deploy guide must tell to delete the environment with `azd down --purge` (a soft-deleted Key Vault blocks the next `azd up`)');
}

// Every login's connection string verifies the server's certificate and name: Require alone encrypts but accepts
// any certificate. The server's chain ends in public roots (DigiCert Global Root G2, Microsoft RSA Root CA
// 2017) that the images' system trust store holds, so no root certificate file is needed. The logins share one
// settings variable, so each must start from it.
{
  const lines = readFileSync(join(root, 'infra/resources.bicep'), 'utf8').split('\n');
  const settings = lines.find(text => /^var moviedbConnectionSettings = /.test(text)) ?? '';
  if (!/SSL Mode=VerifyFull/.test(settings) || /Trust ?Server ?Certificate|SSL Mode=(?!VerifyFull)/i.test(settings)) {
    fail('infra/resources.bicep', 'var moviedbConnectionSettings must use SSL Mode=VerifyFull and must not trust any server certificate');
  }
  const logins = lines.filter(text => /^\s*moviedb\w*ConnectionString:/.test(text));
  if (logins.length !== 3 || logins.some(text => !/: '\$\{moviedbConnectionSettings\};Username=[^;']+;Password=\$\{\w+\}'$/.test(text.trim()))) {
    fail('infra/resources.bicep', 'each of the three moviedb connection strings (admin, importer, service) must be ${moviedbConnectionSettings};Username=...;Password=... and nothing else');
  }
}

// Least privilege in the deployment: the administrator login reaches the importer's job alone (its migration
// step, seconds per deployment), no always-on app holds it, the GraphQL service logs in as its own role, and no
// app setting holds a password in plain text.
{
  const appHostInfra = join(root, 'MovieTrends.AppHost/infra');
  const template = name => readFileSync(join(appHostInfra, `${name}.tmpl.yaml`), 'utf8');
  if (!/secretRef: connectionstrings--moviedb-graphql\b/.test(template('graphql')) || /moviedb-(admin|ingest)/.test(template('graphql'))) {
    fail('MovieTrends.AppHost/infra/graphql.tmpl.yaml', 'graphql must log in with connectionstrings--moviedb-graphql only, never the administrator\'s or the importer\'s');
  }
  if (/moviedb-(admin|ingest|graphql)|SECRET_URI.*(ADMIN|INGEST|GRAPHQL)|(ADMIN|INGEST|GRAPHQL)_(ROLE_)?SECRET_URI/.test(template('web'))) {
    fail('MovieTrends.AppHost/infra/web.tmpl.yaml', 'web must not get any database login');
  }
  // Container apps run all the time (minReplicas >= 1 or woken by traffic); a job runs only when started.
  for (const file of readdirSync(appHostInfra).filter(name => name.endsWith('.tmpl.yaml'))) {
    if (/moviedb-admin|MOVIEDB_ADMIN_SECRET_URI/.test(readFileSync(join(appHostInfra, file), 'utf8'))) {
      fail(`MovieTrends.AppHost/infra/${file}`, 'a container app must not get the administrator login: only the importer\'s job may');
    }
  }
  const jobModule = join(appHostInfra, 'ingest/ingest.module.bicep');
  const jobText = existsSync(jobModule) ? readFileSync(jobModule, 'utf8') : '';
  if (!/^resource \w+ 'Microsoft\.App\/jobs@/m.test(jobText) || !/secretRef: 'connectionstrings--moviedb-admin'/.test(jobText)) {
    fail('MovieTrends.AppHost/infra/ingest/ingest.module.bicep', 'the importer must be a Microsoft.App/jobs resource that holds the administrator login for its migration step');
  }
}

// The deploy hook that runs the importer's job once per deployment: a script file azd runs after every deploy,
// which stops the deployment when it fails, and that talks to the job's API version under the job's name.
{
  const hook = azureYaml?.hooks?.postdeploy;
  const script = String(hook?.run ?? '');
  if (!hook || hook.shell !== 'sh' || !/^\.\/infra\/hooks\/[\w-]+\.sh$/.test(script) || !existsSync(join(root, script))) {
    fail('azure.yaml', 'hooks.postdeploy must run a script in infra/hooks with shell: sh');
  } else {
    if (hook.continueOnError) fail('azure.yaml', 'hooks.postdeploy must not continueOnError: a failed import must fail the deployment');
    const text = readFileSync(join(root, script), 'utf8');
    const jobText = readFileSync(join(root, 'MovieTrends.AppHost/infra/ingest/ingest.module.bicep'), 'utf8');
    const moduleVersion = /'Microsoft\.App\/jobs@([0-9-]+)'/.exec(jobText)?.[1];
    const moduleName = /^resource \w+ 'Microsoft\.App\/jobs@[^']+' = \{\s*\n\s*name: '([^']+)'/m.exec(jobText)?.[1];
    if (/^api_version=(.*)$/m.exec(text)?.[1] !== moduleVersion) {
      fail(script, `api_version must be the job's API version, ${moduleVersion}`);
    }
    if (/^job=(.*)$/m.exec(text)?.[1] !== moduleName) fail(script, `job must be the job's name, ${moduleName}`);
    // It waits for every attempt the job may make: (1 + replicaRetryLimit) x replicaTimeout, plus placement time.
    const timeout = /^\s*replicaTimeout: (\d+)$/m.exec(jobText)?.[1];
    const retries = /^\s*replicaRetryLimit: (\d+)$/m.exec(jobText)?.[1];
    const deadline = /^deadline_seconds=\$\(\((\d+) \* (\d+) \+ \d+\)\)$/m.exec(text);
    if (!timeout || !retries || !deadline || Number(deadline[1]) !== Number(retries) + 1 || deadline[2] !== timeout) {
      fail(script, `deadline_seconds must be $((${Number(retries) + 1} * ${timeout} + <placement>)): every attempt of the job (replicaRetryLimit ${retries}, replicaTimeout ${timeout})`);
    }
  }
}

// The firewall: the one rule is Azure's "allow Azure services" (0.0.0.0-0.0.0.0); no range of addresses is open.
{
  const rules = [];
  (function collect(node) {
    if (Array.isArray(node)) node.forEach(collect);
    else if (node !== null && typeof node === 'object') {
      if (typeof node.type === 'string' && /^Microsoft\.DBforPostgreSQL\/flexibleServers\/firewallRules$/i.test(node.type)) rules.push(node);
      Object.values(node).forEach(collect);
    }
  })(template);
  if (rules.length !== 1 || rules[0].properties?.startIpAddress !== '0.0.0.0' || rules[0].properties?.endIpAddress !== '0.0.0.0') {
    fail('infra/modules/postgres.bicep', `the server must have exactly one firewall rule, 0.0.0.0-0.0.0.0 (Azure services); found ${rules.length}`);
  }
}

// The deploy workflow: logs in with what `azd pipeline config` creates, deploys only a commit CI passed on,
// pins azd, and stops with one line before azd runs when a value it needs is missing (azd would otherwise
// generate a new database password on every run).
checkDeployWorkflow();

function checkDeployWorkflow() {
  const path = '.github/workflows/deploy.yml';
  const workflow = yaml.load(readFileSync(join(root, path), 'utf8'));
  const ciName = yaml.load(readFileSync(join(root, '.github/workflows/ci.yml'), 'utf8'))?.name;
  const triggers = workflow?.on ?? {};
  const run = triggers.workflow_run;
  if (Object.keys(triggers).length !== 1 || !run) {
    fail(path, 'must be triggered by workflow_run only (a push or manual trigger would deploy without CI)');
  } else {
    if (!(run.workflows ?? []).includes(ciName)) fail(path, `workflow_run must name the CI workflow "${ciName}"`);
    if (JSON.stringify(run.types) !== '["completed"]') fail(path, 'workflow_run.types must be [completed]');
    if (JSON.stringify(run.branches) !== '["main"]') fail(path, 'workflow_run.branches must be [main]');
  }

  const jobs = Object.entries(workflow?.jobs ?? {});
  if (jobs.length !== 1) fail(path, 'must have exactly one job');
  for (const [name, job] of jobs) {
    // An environment changes the OIDC subject to repo:<owner>/<repo>:environment:<name>, which
    // `azd pipeline config` creates no federated credential for (it creates the branch and pull_request ones).
    if ('environment' in job) fail(path, `job ${name} must not set environment: azd creates no federated credential for it`);
    const condition = String(job.if ?? '');
    for (const required of [
      "github.event.workflow_run.conclusion == 'success'",
      "github.event.workflow_run.event == 'push'",
      "github.event.workflow_run.head_branch == 'main'",
      'github.event.workflow_run.head_repository.full_name == github.repository',
    ]) {
      if (!condition.includes(required)) fail(path, `job ${name} must run only if ${required}`);
    }
    if (/\|\|/.test(condition)) fail(path, `job ${name}'s condition must be a conjunction`);

    const steps = job.steps ?? [];
    const checkout = steps.filter(step => String(step.uses ?? '').startsWith('actions/checkout@'));
    if (checkout.length !== 1 || checkout[0].with?.ref !== '${{ github.event.workflow_run.head_sha }}') {
      fail(path, `job ${name} must check out github.event.workflow_run.head_sha, the commit CI passed on`);
    }
    const setupAzd = steps.filter(step => /^Azure\/setup-azd@/i.test(String(step.uses ?? '')));
    if (setupAzd.length !== 1 || !/^\d+\.\d+\.\d+$/.test(String(setupAzd[0].with?.version ?? ''))) {
      fail(path, `job ${name} must install azd with Azure/setup-azd and a pinned version (with: version: x.y.z)`);
    }
    if (steps.some(step => /install-azd|aka\.ms\/install-azd/.test(String(step.run ?? '')))) {
      fail(path, `job ${name} must install azd only through the pinned setup-azd step`);
    }

    // Every value azd needs: the login ids and each main.bicep parameter without a default, through the
    // environment variable main.parameters.json maps it from.
    const needed = ['AZURE_CLIENT_ID', 'AZURE_TENANT_ID', 'AZURE_SUBSCRIPTION_ID'];
    for (const [param, definition] of Object.entries(bicepParams)) {
      if ('defaultValue' in definition) continue;
      const variable = /^\$\{([A-Z0-9_]+)\}$/.exec(supplied[param]?.value ?? '')?.[1];
      if (variable) needed.push(variable);
    }
    const env = job.env ?? {};
    for (const variable of needed) {
      if (!/^\$\{\{ (vars|secrets)\.[A-Z0-9_]+ \}\}$/.test(String(env[variable] ?? ''))) {
        fail(path, `job ${name} must set ${variable} from a repository variable or secret`);
      }
    }
    const firstAzd = steps.findIndex(step => /\bazd\b/.test(String(step.run ?? '')) || setupAzd.includes(step));
    const checkIndex = steps.findIndex(step => needed.every(variable => String(step.run ?? '').includes(variable)));
    if (checkIndex < 0 || (firstAzd >= 0 && checkIndex > firstAzd)) {
      fail(path, `job ${name} must check ${needed.join(', ')} in a step before azd is installed or run`);
      continue;
    }
    // Run the check step the way the runner does (bash -e): it passes with everything set and fails
    // with one line naming the value when any one of them is empty.
    const script = steps[checkIndex].run;
    const all = Object.fromEntries(needed.map(variable => [variable, 'set']));
    const runCheck = values => spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script],
      { env: { PATH: process.env.PATH, ...values }, encoding: 'utf8' });
    const passing = runCheck(all);
    if (passing.status !== 0) fail(path, `the check step fails although every value is set: ${passing.stdout}${passing.stderr}`);
    for (const variable of needed) {
      const result = runCheck({ ...all, [variable]: '' });
      const lines = `${result.stdout}${result.stderr}`.trim().split('\n').filter(line => line.length > 0);
      if (result.status === 0 || lines.length !== 1 || !lines[0].includes(variable)) {
        fail(path, `the check step must fail with one line naming ${variable} when it is empty (exit ${result.status}, ${lines.length} lines)`);
      }
    }
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('azure.yaml and main.parameters.json agree with main.bicep');
