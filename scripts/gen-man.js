#!/usr/bin/env node
// npm run gen:man: writes docs/lun-studio.1 from the CLI's help text (electron/host/cli/man-page.ts, compiled to
// dist by npm run build:node). test/unit/cli/man-page.test.ts fails when the committed page is stale.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const { manPage } = require(path.join(ROOT, 'dist', 'electron', 'host', 'cli', 'man-page.js'));
const { version } = require(path.join(ROOT, 'package.json'));
fs.writeFileSync(path.join(ROOT, 'docs', 'lun-studio.1'), manPage(version));
process.stdout.write('gen-man: wrote docs/lun-studio.1\n');
