import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

interface Finding {
  check: string;
  severity: string;
  file: string;
  location: string;
  description: string;
}
const require = createRequire(import.meta.url);
const gate = require('../../../scripts/electronegativity.js') as {
  readFindings(csv: string): Finding[];
  evaluate(
    findings: Finding[],
    config: { accepted?: { check: string; file: string; reason: string }[] },
  ): { failures: Finding[]; justified: { finding: Finding }[]; unused: unknown[] };
};

const REPORT = [
  'issue, severity, confidence, filename, location, sample, description, url',
  'SANDBOX_JS_CHECK,"MEDIUM","FIRM","main/a.ts","3:1","new BrowserWindow({ a, b })","Use sandbox, please",https://x',
  'PRELOAD_JS_CHECK,"MEDIUM","FIRM","main/windows.ts","57:8","preload: ""x""","Review the use of preload scripts",https://x',
  'CSP_GLOBAL_CHECK,"LOW","TENTATIVE","main/security.ts","30:6",N/A,"Failed to parse CSP",https://x',
  'CONTEXT_ISOLATION_JS_CHECK,"HIGH","FIRM","main/b.ts","1:1","multi',
  'line sample","Review contextIsolation",https://x',
].join('\n');

describe('electronegativity gate', () => {
  const findings = gate.readFindings(REPORT);

  it('reads every finding of the CSV report, quoted commas, quotes and newlines included', () => {
    expect(findings.map((f) => [f.check, f.severity, f.file])).toEqual([
      ['SANDBOX_JS_CHECK', 'MEDIUM', 'main/a.ts'],
      ['PRELOAD_JS_CHECK', 'MEDIUM', 'main/windows.ts'],
      ['CSP_GLOBAL_CHECK', 'LOW', 'main/security.ts'],
      ['CONTEXT_ISOLATION_JS_CHECK', 'HIGH', 'main/b.ts'],
    ]);
    expect(findings[0]!.description).toBe('Use sandbox, please');
  });

  it('fails on HIGH and MEDIUM findings that are not accepted, never on LOW ones', () => {
    const { failures } = gate.evaluate(findings, { accepted: [] });
    expect(failures.map((f) => f.check)).toEqual([
      'SANDBOX_JS_CHECK',
      'PRELOAD_JS_CHECK',
      'CONTEXT_ISOLATION_JS_CHECK',
    ]);
  });

  it('accepts a finding only for the check and file named, and reports acceptances that match nothing', () => {
    const accepted = [
      { check: 'PRELOAD_JS_CHECK', file: 'main/windows.ts', reason: 'reviewed' },
      { check: 'SANDBOX_JS_CHECK', file: 'main/other.ts', reason: 'reviewed' },
    ];
    const { failures, justified, unused } = gate.evaluate(findings, { accepted });
    expect(failures.map((f) => f.check)).toEqual(['SANDBOX_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK']);
    expect(justified.map((j) => j.finding.check)).toEqual(['PRELOAD_JS_CHECK']);
    expect(unused).toEqual([accepted[1]]);
  });

  it('refuses an acceptance without a reason', () => {
    expect(() =>
      gate.evaluate(findings, {
        accepted: [{ check: 'PRELOAD_JS_CHECK', file: 'main/windows.ts', reason: ' ' }],
      }),
    ).toThrow(/reason/);
  });
});
