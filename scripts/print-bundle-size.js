#!/usr/bin/env node
// Prints the size of the built renderer (out/renderer/assets): each file and the total, raw and gzipped, and the
// initial load: what out/renderer/index.html loads first (its module entry and modulepreload chunks).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const RENDERER = path.join(__dirname, '..', 'out', 'renderer');
const ASSETS = path.join(RENDERER, 'assets');

/** The files index.html makes the browser load before anything else (as B4's b4_initial_gzip_kb counts them). */
function initialFiles() {
  const html = fs.readFileSync(path.join(RENDERER, 'index.html'), 'utf8');
  return new Set(
    [
      ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
      ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
    ].map((m) => path.basename(m[1])),
  );
}

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
  const initial = initialFiles();
  let raw = 0;
  let gzip = 0;
  let initialRaw = 0;
  let initialGzip = 0;
  const rows = files.map((name) => {
    const content = fs.readFileSync(path.join(ASSETS, name));
    const zipped = zlib.gzipSync(content, { level: 9 }).length;
    raw += content.length;
    gzip += zipped;
    if (initial.has(name)) {
      initialRaw += content.length;
      initialGzip += zipped;
    }
    return [initial.has(name) ? `${name} (initial)` : name, kb(content.length), kb(zipped)];
  });
  rows.push([`initial (${initial.size} files)`, kb(initialRaw), kb(initialGzip)]);
  rows.push([`total (${files.length} files)`, kb(raw), kb(gzip)]);
  const width = Math.max(...rows.map((row) => row[0].length));
  console.log('Renderer bundle (out/renderer/assets):');
  for (const [name, rawSize, gzipSize] of rows) {
    console.log(`  ${name.padEnd(width)}  ${rawSize.padStart(10)} raw  ${gzipSize.padStart(10)} gzip`);
  }
}

if (require.main === module) printBundleSize();

module.exports = { printBundleSize };
