#!/usr/bin/env node
// npm run electronegativity: Doyensec's Electronegativity over electron/, failing on any HIGH or MEDIUM
// finding that .electronegativity.json does not accept with a reason.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const CONFIG_FILE = path.join(ROOT, '.electronegativity.json');
const FAILING_SEVERITIES = new Set(['HIGH', 'MEDIUM']);

/** RFC 4180 CSV (quoted fields may hold commas, quotes and newlines). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''));
}

/** The report's rows as findings, keyed by the header names. */
function readFindings(csvText) {
  const [header, ...rows] = parseCsv(csvText);
  if (!header) return [];
  const names = header.map((name) => name.trim());
  return rows.map((cells) => {
    const record = Object.fromEntries(names.map((name, i) => [name, (cells[i] ?? '').trim()]));
    return {
      check: record.issue,
      severity: record.severity.toUpperCase(),
      confidence: record.confidence,
      file: record.filename.replace(/\\/g, '/'),
      location: record.location,
      description: record.description,
    };
  });
}

/** Splits findings into failures and accepted ones; lists acceptances that matched nothing. */
function evaluate(findings, config) {
  const accepted = config.accepted ?? [];
  for (const entry of accepted) {
    if (!entry.check || !entry.file || !entry.reason || !entry.reason.trim()) {
      throw new Error(
        `.electronegativity.json: every accepted finding needs check, file and a reason (${JSON.stringify(entry)})`,
      );
    }
  }
  const used = new Set();
  const failures = [];
  const justified = [];
  for (const finding of findings) {
    const index = accepted.findIndex((entry) => entry.check === finding.check && entry.file === finding.file);
    if (index !== -1) {
      used.add(index);
      justified.push({ finding, reason: accepted[index].reason });
    } else if (FAILING_SEVERITIES.has(finding.severity)) {
      failures.push(finding);
    }
  }
  const unused = accepted.filter((_, index) => !used.has(index));
  return { failures, justified, unused };
}

function describe(finding) {
  return `${finding.severity.padEnd(13)} ${finding.check} ${finding.file}:${finding.location} — ${finding.description}`;
}

function main() {
  const config = JSON.parse(fs.readFileSync(CONFIG_FILE, 'utf8'));
  const input = process.argv[2] ?? config.input;
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lun-studio-electronegativity-'));
  const report = path.join(workDir, 'report.csv');
  const cli = path.join(
    path.dirname(require.resolve('@doyensec/electronegativity/package.json')),
    'dist',
    'index.js',
  );
  const args = [cli, '-i', input, '-e', config.electronVersion, '-o', report, '-r'];
  const excluded = Object.keys(config.excludedChecks ?? {});
  if (excluded.length > 0) args.push('-x', excluded.join(','));

  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  const noise = /Could not retrieve updated translations/;
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`
    .split('\n')
    .filter((line) => line.trim() && !noise.test(line));
  if (run.status !== 0 || !fs.existsSync(report)) {
    console.error(output.join('\n'));
    console.error(`electronegativity: the scan failed (exit ${run.status}); no report at ${report}`);
    process.exit(2);
  }
  const findings = readFindings(fs.readFileSync(report, 'utf8'));
  fs.rmSync(workDir, { recursive: true, force: true });
  const { failures, justified, unused } = evaluate(findings, config);

  console.log(
    `Electronegativity ${input} (Electron ${config.electronVersion}): ${findings.length} finding(s)`,
  );
  for (const [check, reason] of Object.entries(config.excludedChecks ?? {}))
    console.log(`  skipped ${check}: ${reason}`);
  for (const finding of findings) {
    const entry = justified.find((j) => j.finding === finding);
    const mark = failures.includes(finding) ? 'FAIL' : entry ? 'ok (accepted)' : 'ok';
    console.log(`  ${mark.padEnd(13)} ${describe(finding)}`);
    if (entry) console.log(`                reason: ${entry.reason}`);
  }
  for (const entry of unused)
    console.log(`  note: accepted ${entry.check} in ${entry.file} no longer occurs; remove it.`);
  if (failures.length > 0) {
    console.error(`electronegativity: ${failures.length} HIGH/MEDIUM finding(s) without an accepted reason.`);
    process.exit(1);
  }
  console.log('electronegativity: no HIGH or MEDIUM finding left unexplained.');
}

if (require.main === module) main();

module.exports = { parseCsv, readFindings, evaluate };
