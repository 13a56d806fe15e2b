// Bundles the page's JavaScript modules (wwwroot/js) into two minified modules:
// - wwwroot/bundle/boot.js, the few modules that send the first view's request, loaded first from the page's
//   head so the request leaves before the rest of the page's code has arrived or run;
// - wwwroot/bundle/page.js (entry app.js), everything else, which imports the boot modules from boot.js, so each
//   module exists once (one prefetched-answer store, one set of marks) and the page runs after the request left.
// A first visit fetches two scripts instead of thirty: on a phone's network every separate module is another
// round trip before the first chart.
import { build } from 'esbuild';

// Paths from the project folder; the URLs are the ones the page is served under.
const SOURCE_FOLDER = 'wwwroot/js';
const PAGE_ENTRY = 'wwwroot/js/app.js';
const PAGE_FILE = 'wwwroot/bundle/page.js';
const BOOT_FILE = 'wwwroot/bundle/boot.js';
const BOOT_URL = '/bundle/boot.js';
const BOOT_ENTRY = '<boot bundle>';
// Page/CatalogLimitsScript.cs writes this one from the catalog's constants.
const CATALOG_LIMITS_URL = '/js/catalog-limits.js';

// js/first-request.js and every module it imports (checked below): the boot bundle re-exports them all.
const BOOT_MODULES = ['first-request.js', 'graphql.js', 'boot-marks.js', 'url-state.js', 'trends-query.js', 'popularity-query.js'];

const options = {
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  sourcemap: 'linked',
  logLevel: 'warning',
};

// js/catalog-limits.js is written by the web server, so it is not a file to bundle: every import of it stays an
// import of the server's URL.
const serverModules = {
  name: 'server-modules',
  setup(bundler) {
    bundler.onResolve({ filter: /(^|\/)catalog-limits\.js$/ }, () => ({ path: CATALOG_LIMITS_URL, external: true }));
  },
};

// In the page bundle, an import of a boot module is an import of the boot bundle, which the page has already
// asked for: the browser evaluates it once, before the page bundle.
const bootModules = {
  name: 'boot-modules',
  setup(bundler) {
    const names = BOOT_MODULES.map((name) => name.replace('.', '\\.')).join('|');
    bundler.onResolve({ filter: new RegExp(`(^|/)(${names})$`) }, () => ({ path: BOOT_URL, external: true }));
  },
};

const boot = await build({
  ...options,
  stdin: {
    contents: BOOT_MODULES.map((name) => `export * from './${name}';`).join('\n'),
    resolveDir: SOURCE_FOLDER,
    sourcefile: BOOT_ENTRY,
  },
  outfile: BOOT_FILE,
  metafile: true,
  plugins: [serverModules],
});

// A module the boot modules import but the list leaves out would be bundled twice, a second copy with its own state.
const bundled = Object.keys(boot.metafile.inputs).filter((path) => path.startsWith(SOURCE_FOLDER + '/') && !path.endsWith(BOOT_ENTRY));
const unlisted = bundled.filter((path) => !BOOT_MODULES.includes(path.slice(SOURCE_FOLDER.length + 1)));
if (unlisted.length > 0) throw new Error(`Add ${unlisted.join(', ')} to BOOT_MODULES in build/bundle-page.mjs.`);

await build({
  ...options,
  entryPoints: [PAGE_ENTRY],
  outfile: PAGE_FILE,
  plugins: [serverModules, bootModules],
});
