#!/usr/bin/env node
// Makes sure a Chromium exists before the end-to-end tests: installs Debian's when we are root
// with apt, otherwise says exactly what to install.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser } from './browser.mjs';

const found = findBrowser();
if (found) {
  console.log(`Chromium for end-to-end tests: ${found}`);
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/usr/bin/apt-get')) {
  console.log('No Chromium found: installing Debian\'s chromium package (apt-get)…');
  execSync('apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium', { stdio: 'inherit' });
  if (findBrowser()) process.exit(0);
}

console.error(`
No Chromium found for the end-to-end tests. Install one of:
  - Playwright's own:  npx playwright install chromium
  - Debian/Ubuntu:     sudo apt-get install chromium
  - or point CHROMIUM_PATH at any Chromium/Chrome binary.
`);
process.exit(1);
