#!/usr/bin/env node
// The browser engines the end-to-end tests run in: Chromium (driven by Playwright), Firefox
// (puppeteer-core over WebDriver BiDi) and WebKitGTK (its WebDriver, under Xvfb). Finds them,
// installs Debian's packages when run as root with apt, and says plainly what is missing.
// No dependency: .ci/run calls it before `npm ci`.
import { execFileSync, execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Every engine a reader may use, in the order the suite reports them. */
export const ENGINES = /** @type {const} */ (['chromium', 'firefox', 'webkit']);

/** Debian packages that bring each engine (and what it needs to be driven). */
export const PACKAGES = { chromium: ['chromium'], firefox: ['firefox-esr'], webkit: ['webkit2gtk-driver', 'xvfb'] };

const MINIBROWSER = [
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/libexec/webkit2gtk-4.1/MiniBrowser',
];

/** Flags for headless Chromium as root in a sandboxed machine with a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** @param {string} name */
function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const file = join(dir, name);
    if (dir && existsSync(file)) return file;
  }
  return null;
}

/** @type {(paths: (string | null | undefined)[]) => string | null} */
const first = (paths) => paths.find((path) => path && existsSync(path)) ?? null;

/**
 * Playwright's own Chromium, when `npx playwright install chromium` fetched one.
 * @returns {Promise<string | null>}
 */
async function playwrightChromium() {
  try {
    const { chromium } = await import('@playwright/test');
    const own = chromium.executablePath();
    return own && existsSync(own) ? own : null;
  } catch {
    return null; // not installed yet (.ci/run), or no browser of its own
  }
}

/**
 * @typedef {{ executablePath: string }} BrowserFound
 * @typedef {{ driver: string, browser: string, xvfb: string | null }} WebKitFound
 * @typedef {{ chromium: BrowserFound | null, firefox: BrowserFound | null, webkit: WebKitFound | null }} Engines
 */

/**
 * What each engine needs, found on this machine, or null. CHROMIUM_PATH and FIREFOX_PATH win
 * when set.
 * @returns {Promise<Engines>}
 */
export async function findEngines() {
  const chromium = first([
    process.env.CHROMIUM_PATH,
    await playwrightChromium(),
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ]);
  const firefox = first([process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox', onPath('firefox-esr'), onPath('firefox')]);
  const driver = onPath('WebKitWebDriver');
  const browser = first(MINIBROWSER);
  // A display: the one the session has, or Xvfb to make one.
  const xvfb = onPath('Xvfb');
  return {
    chromium: chromium ? { executablePath: chromium } : null,
    firefox: firefox ? { executablePath: firefox } : null,
    webkit: driver && browser && (xvfb || process.env.DISPLAY) ? { driver, browser, xvfb } : null,
  };
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const canInstall = isRoot && existsSync('/usr/bin/apt-get');

/** Installs Debian's packages for the engines not found (root with apt only). */
function install(missing) {
  const packages = missing.flatMap((engine) => PACKAGES[engine]);
  console.log(`Installing ${packages.join(' ')} from Debian (apt-get)…`);
  execSync('apt-get update -q', { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

/** Finds the engines, installing what is missing when it can; says what is tested and what is not. */
export async function ensureEngines({ installMissing = canInstall, required = Boolean(process.env.CI) } = {}) {
  let found = await findEngines();
  let missing = ENGINES.filter((engine) => !found[engine]);
  if (missing.length > 0 && installMissing) {
    install(missing);
    found = await findEngines();
    missing = ENGINES.filter((engine) => !found[engine]);
  }
  for (const engine of ENGINES) {
    if (found[engine]) console.log(`  ${engine.padEnd(8)} tested    ${Object.values(found[engine]).filter(Boolean).join(', ')}`);
    else console.log(`  ${engine.padEnd(8)} SKIPPED   not found; Debian/Ubuntu: sudo apt-get install ${PACKAGES[engine].join(' ')}`);
  }
  if (missing.length > 0 && required) {
    console.error(`\nCI runs every engine: ${missing.join(', ')} missing (see above).`);
    process.exit(1);
  }
  if (!found.chromium) {
    console.error('\nChromium is needed for most end-to-end tests (or `npx playwright install chromium`, or CHROMIUM_PATH).');
    process.exit(1);
  }
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) await ensureEngines();
