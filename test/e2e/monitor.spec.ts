// The progress monitor as an admin lives with it, in English and German: start and end times in the UI
// language, filter and search from the keyboard with "N of M", CSV and NDJSON exports that match the
// journal, a polite live region that names an operation that ended, and Clear finished (journal included).
// The operations come from lun-studio commands run beside the browser shell (same owner, same journal).
import { expect, type Page, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatHresult, type Operation } from '../../electron/contract/model';
import { expectAccessible, type Lang, openApp } from './helpers';
import { tr } from './screens';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin/lun-studio.js');

function e2eHome(): string {
  const home = process.env.LUN_STUDIO_E2E_HOME;
  if (!home) throw new Error('LUN_STUDIO_E2E_HOME is not set: the global setup did not run');
  return home;
}

/** Runs a lun-studio command through the browser shell's owner; resolves when it exits. */
function lunStudio(args: string[]): { exited: Promise<number | null>; stdout: () => string } {
  const cli = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, LUN_STUDIO_HOME: e2eHome() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  cli.stdout.on('data', (chunk) => (out += String(chunk)));
  return { exited: new Promise((done) => cli.on('close', (code) => done(code))), stdout: () => out };
}

/** The journal read back as the host does: the last line of each operation wins. */
function journalOperations(): Map<string, Operation> {
  const text = readFileSync(join(e2eHome(), 'journal.ndjson'), 'utf8');
  const byId = new Map<string, Operation>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const { op } = JSON.parse(line) as { op: Operation };
    byId.delete(op.id);
    byId.set(op.id, op);
  }
  return byId;
}

/** RFC 4180 rows (quoted cells with "" escapes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  return rows;
}

/** What an export record must say about an operation of the journal. */
function expectedRecord(op: Operation): Record<string, string | number | null> {
  const request = op.request as unknown as Record<string, unknown>;
  const num = (key: string) => (typeof request[key] === 'number' ? (request[key] as number) : null);
  return {
    id: op.id,
    kind: op.kind,
    state: op.state,
    subsystemId: op.subsystemId,
    lunId: op.kind === 'createLun' ? (op.result?.id ?? null) : (op.target?.lunId ?? null),
    lunName: op.target?.name || op.result?.name || null,
    sizeBytes: op.kind === 'createLun' ? op.request.sizeBytes : null,
    bytesToAdd: num('bytesToAdd'),
    bytesToRemove: num('bytesToRemove'),
    newSizeBytes: num('newSizeBytes'),
    sizeBeforeBytes: op.target?.sizeBytes ?? null,
    sizeAfterBytes: op.result?.sizeBytes ?? null,
    percent: op.percent,
    startedAt: op.startedAt,
    endedAt: op.endedAt,
    errorCode: op.error?.code ?? null,
    hresult: op.error ? formatHresult(op.error.hresult) : null,
    message: op.error?.message ?? null,
  };
}

async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

/** Every row of the list in its order, as [id, state]: the list is virtualised (only the rows in view are in
 * the DOM), so it is scrolled through from the top; every place 1…aria-setsize must have been seen. */
async function listedRows(page: Page): Promise<[string, string][]> {
  const list = page.getByTestId('operation-list');
  if ((await list.count()) === 0) return [];
  const { rows, size } = await list.evaluate(async (ul) => {
    const seen = new Map<number, [string, string]>();
    let size = 0;
    ul.scrollTop = 0;
    for (;;) {
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      for (const li of ul.querySelectorAll<HTMLElement>('[data-testid="operation-row"]')) {
        seen.set(Number(li.getAttribute('aria-posinset')), [li.dataset.operationId!, li.dataset.state!]);
        size = Number(li.getAttribute('aria-setsize'));
      }
      if (seen.size >= size || ul.scrollTop + ul.clientHeight >= ul.scrollHeight) break;
      ul.scrollTop += ul.clientHeight / 2;
    }
    ul.scrollTop = 0;
    return { rows: [...seen].sort((a, b) => a[0] - b[0]).map(([, row]) => row), size };
  });
  expect(rows.length).toBe(size);
  return rows;
}

const rowIds = async (page: Page) => (await listedRows(page)).map(([id]) => id);

test.beforeAll(async () => {
  // One that succeeds and one that fails (Faulty Array fails at 30 % with 0x8004242B).
  expect(await lunStudio(['create-lun', 'fast array', '--type', 'simple', '--size', '1GiB']).exited).toBe(0);
  expect(
    await lunStudio(['create-lun', 'faulty array', '--type', 'simple', '--size', '1GiB']).exited,
  ).not.toBe(0);
});

for (const lang of ['en', 'de'] as const) {
  const t = (key: string) => tr(lang, key);

  test(`monitor in ${lang === 'en' ? 'English' : 'German'}: times, filter, exports that match the journal, a live announcement, axe clean`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await openApp(page, 'monitor', lang as Lang);
    await expect(page.getByTestId('operation-row').first()).toBeVisible();

    // Times in the UI language.
    const failedRow = page.locator('[data-testid="operation-row"][data-state="failed"]').first();
    const date =
      lang === 'en'
        ? /\d{1,2}\/\d{1,2}\/\d{4}, \d{1,2}:\d{2}:\d{2}\s(AM|PM)/
        : /\d{1,2}\.\d{1,2}\.\d{4}, \d{2}:\d{2}:\d{2}/;
    await expect(failedRow.getByTestId('operation-started')).toHaveText(
      new RegExp(`^${t('monitor.startedAt')}: ${date.source}$`),
    );
    await expect(failedRow.getByTestId('operation-ended')).toHaveText(
      new RegExp(`^${t('monitor.endedAt')}: ${date.source}$`),
    );

    // A creation that ends while the monitor is open is announced once, politely; its progress is not.
    const slow = lunStudio(['create-lun', 'slow array', '--type', 'simple', '--size', '1GiB', '--json']);
    await expect.poll(() => /"event":"started"/.test(slow.stdout())).toBe(true);
    const slowId = (JSON.parse(slow.stdout().split('\n')[0]!) as { operationId: string }).operationId;
    const slowRow = page.locator(`[data-testid="operation-row"][data-operation-id="${slowId}"]`);
    await expect(slowRow).toHaveAttribute('data-state', 'running');
    const status = page.getByRole('status');
    await expect(status).toHaveAttribute('aria-live', 'polite');
    await expect(slowRow.getByTestId('operation-percent')).toHaveText(/[1-9]\d* %/, { timeout: 20_000 });
    await expect(status).not.toContainText('%');
    expect(await slow.exited).toBe(0);
    const announced = new RegExp(`^${t('opState.succeeded')}: .*Slow Array`);
    await expect(status).toHaveText(announced);
    const tree = await page.locator('body').ariaSnapshot();
    expect(tree).toMatch(new RegExp(`status: "${t('opState.succeeded')}: [^"]*Slow Array[^"]*"`));

    // Filter and search, reached with the keyboard; "N of M" says how many of all are shown.
    const total = (await rowIds(page)).length;
    const count = page.getByTestId('operation-count');
    await expect(count).toHaveText(
      t('monitorTools.count').replace('{{shown}}', String(total)).replace('{{total}}', String(total)),
    );
    const stateBox = page.getByRole('combobox', { name: t('monitorTools.state') });
    await stateBox.focus();
    await stateBox.selectOption('failed');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('combobox', { name: t('monitorTools.kind') })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('combobox', { name: t('monitorTools.subsystem') })).toBeFocused();
    await page.keyboard.press('Tab');
    const search = page.getByRole('searchbox', { name: new RegExp(`^${t('monitorTools.search')}`) });
    await expect(search).toBeFocused();
    await page.keyboard.type('faulty');
    const failedIds = await rowIds(page);
    expect(failedIds.length).toBeGreaterThanOrEqual(1);
    expect(failedIds.length).toBeLessThan(total);
    for (const id of failedIds)
      await expect(page.locator(`[data-operation-id="${id}"]`)).toHaveAttribute('data-state', 'failed');
    await expect(count).toHaveText(
      t('monitorTools.count')
        .replace('{{shown}}', String(failedIds.length))
        .replace('{{total}}', String(total)),
    );
    await expectAccessible(page, `${lang}/monitor filtered`);

    // CSV of the filtered list: the rows shown, each as the journal has it.
    const journal = journalOperations();
    const csv = await download(page, t('monitorTools.exportCsv'));
    expect(csv.name).toMatch(/^lun-studio-operations-\d{8}-\d{6}\.csv$/);
    const [header, ...records] = parseCsv(csv.text);
    expect(records.map((r) => r[0])).toEqual(failedIds);
    for (const record of records) {
      const expected = expectedRecord(journal.get(record[0]!)!);
      expect(Object.fromEntries(header!.map((field, i) => [field, record[i]]))).toEqual(
        Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, v === null ? '' : String(v)])),
      );
      expect(record[header!.indexOf('hresult')]).toMatch(/^0x[0-9A-F]{8}$/);
    }
    // The beforeAll's failure: Faulty Array fails at 30 % with 0x8004242B.
    expect(records.map((r) => r[header!.indexOf('hresult')])).toContain('0x8004242B');

    // NDJSON of the whole list: every operation the journal has, field for field, in the monitor's order.
    await page.getByRole('button', { name: t('monitorTools.showAll') }).click();
    await expect(count).toHaveText(
      t('monitorTools.count').replace('{{shown}}', String(total)).replace('{{total}}', String(total)),
    );
    const ndjson = await download(page, t('monitorTools.exportNdjson'));
    expect(ndjson.name).toMatch(/^lun-studio-operations-\d{8}-\d{6}\.ndjson$/);
    const lines = ndjson.text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => l.id)).toEqual(await rowIds(page));
    const now = journalOperations();
    expect(new Set(lines.map((l) => l.id))).toEqual(new Set(now.keys()));
    for (const line of lines) expect(line).toEqual(expectedRecord(now.get(line.id as string)!));
    await expectAccessible(page, `${lang}/monitor`);
  });
}

test('Clear finished asks first, then the finished entries are gone from the monitor, the journal and the CLI', async ({
  page,
}) => {
  await openApp(page, 'monitor');
  await expect(page.getByTestId('operation-row').first()).toBeVisible();
  const finished = (await listedRows(page)).filter(
    ([, state]) => !['queued', 'running'].includes(state),
  ).length;
  expect(finished).toBeGreaterThanOrEqual(3);

  await page.getByRole('button', { name: 'Clear finished…' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Clear finished operations?' });
  await expect(dialog).toContainText(`${finished} finished entries are removed from the history for good`);
  await expectAccessible(page, 'en/monitor clear dialog');
  await dialog.getByRole('button', { name: 'Keep them' }).click();
  await expect(dialog).toHaveCount(0);
  await expect.poll(async () => (await listedRows(page)).length).toBe(finished);

  await page.getByRole('button', { name: 'Clear finished…' }).click();
  await page
    .getByRole('alertdialog')
    .getByRole('button', { name: `Clear ${finished} entries` })
    .click();
  await expect(page.getByTestId('operation-row')).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText(`Cleared ${finished} finished entries.`);
  await expect(page.getByText('No operations yet.')).toBeVisible();
  expect([...journalOperations().values()].filter((op) => !['queued', 'running'].includes(op.state))).toEqual(
    [],
  );

  const listed = lunStudio(['operations', '--json']);
  expect(await listed.exited).toBe(0);
  expect(JSON.parse(listed.stdout())).toEqual([]);
  await page.reload();
  await expect(page.getByText('No operations yet.')).toBeVisible();
});
