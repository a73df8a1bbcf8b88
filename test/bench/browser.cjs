// Debian's Chromium through Playwright, with the flags the benchmark is specified with.
'use strict';
const { chromium } = require('@playwright/test');

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

module.exports = { launchChromium, CHROMIUM, CHROMIUM_ARGS };
