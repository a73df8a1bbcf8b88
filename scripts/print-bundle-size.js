#!/usr/bin/env node
// Prints the size of the built renderer (out/renderer/assets): each file and the total, raw and gzipped.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const ASSETS = path.join(__dirname, '..', 'out', 'renderer', 'assets');

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function printBundleSize() {
  if (!fs.existsSync(ASSETS)) {
    console.error(
      `print-bundle-size: ${path.relative(process.cwd(), ASSETS)} does not exist; run the build first.`,
    );
    process.exit(1);
  }
  const files = fs
    .readdirSync(ASSETS)
    .filter((name) => fs.statSync(path.join(ASSETS, name)).isFile())
    .sort();
  let raw = 0;
  let gzip = 0;
  const rows = files.map((name) => {
    const content = fs.readFileSync(path.join(ASSETS, name));
    const zipped = zlib.gzipSync(content, { level: 9 }).length;
    raw += content.length;
    gzip += zipped;
    return [name, kb(content.length), kb(zipped)];
  });
  rows.push(['total', kb(raw), kb(gzip)]);
  const width = Math.max(...rows.map((row) => row[0].length));
  console.log('Renderer bundle (out/renderer/assets):');
  for (const [name, rawSize, gzipSize] of rows) {
    console.log(`  ${name.padEnd(width)}  ${rawSize.padStart(10)} raw  ${gzipSize.padStart(10)} gzip`);
  }
}

if (require.main === module) printBundleSize();

module.exports = { printBundleSize };
