// Bundles the page's JavaScript modules (wwwroot/js) into two minified scripts:
// - wwwroot/bundle/boot.js, js/first-request.js and the few modules it needs, as a classic script: index.html
//   names it first in its head without async or defer, so it runs the moment it arrives, before the rest of the
//   HTML is parsed, styled and laid out, and the first view's request leaves then;
// - wwwroot/bundle/page.js (entry app.js), everything else, as a module.
// Both carry their own copy of the modules they share (graphql.js, url-state.js, ...); the state the two must
// share is kept where both find it (the early-answer store on the window, the marks in the performance timeline).
// A first visit fetches two scripts instead of thirty: on a phone's network every separate module is another
// round trip before the first chart.
import { build } from 'esbuild';

// Paths from the project folder; the URL is the one the page is served under.
const SOURCE_FOLDER = 'wwwroot/js';
const BOOT_ENTRY = 'wwwroot/js/first-request.js';
const BOOT_FILE = 'wwwroot/bundle/boot.js';
const PAGE_ENTRY = 'wwwroot/js/app.js';
const PAGE_FILE = 'wwwroot/bundle/page.js';
// Page/CatalogLimitsScript.cs writes this one from the catalog's constants.
const CATALOG_LIMITS_URL = '/js/catalog-limits.js';

const options = {
  bundle: true,
  minify: true,
  target: 'es2022',
  sourcemap: 'linked',
  logLevel: 'warning',
  metafile: true,
};

// js/catalog-limits.js is written by the web server, so it is not a file to bundle: every import of it stays an
// import of the server's URL.
const serverModules = {
  name: 'server-modules',
  setup(bundler) {
    bundler.onResolve({ filter: /(^|\/)catalog-limits\.js$/ }, () => ({ path: CATALOG_LIMITS_URL, external: true }));
  },
};

const boot = await build({
  ...options,
  entryPoints: [BOOT_ENTRY],
  outfile: BOOT_FILE,
  format: 'iife',
  plugins: [serverModules],
});

// A classic script cannot import: the boot script must not need the server's module (nor any other import).
const bootImports = Object.values(boot.metafile.outputs).flatMap((output) => output.imports.map((i) => i.path));
if (bootImports.length > 0) {
  throw new Error(`${BOOT_ENTRY} must not import ${bootImports.join(', ')}: the boot script is a classic script.`);
}

const page = await build({
  ...options,
  entryPoints: [PAGE_ENTRY],
  outfile: PAGE_FILE,
  format: 'esm',
  plugins: [serverModules],
});

// The boot entry sends the first requests when it runs: in the page's script it would send them a second time.
if (Object.keys(page.metafile.inputs).includes(BOOT_ENTRY)) {
  throw new Error(`${PAGE_ENTRY} imports ${BOOT_ENTRY.slice(SOURCE_FOLDER.length + 1)}, which sends the first requests: import js/first-view.js instead.`);
}
