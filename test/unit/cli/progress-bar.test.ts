import { describe, expect, it } from 'vitest';
import {
  ProgressBar,
  ProgressTracker,
  formatDuration,
  renderBar,
} from '../../../electron/host/cli/progress-bar';

class Capture {
  text = '';
  write(chunk: string): void {
    this.text += chunk;
  }
}

describe('formatDuration', () => {
  it.each([
    [0, '0:00'],
    [5.4, '0:05'],
    [65, '1:05'],
    [3725, '1:02:05'],
  ])('%d s is %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('renderBar', () => {
  it('fills in proportion to the percent and clamps outside 0–100', () => {
    expect(renderBar(0, 0, 10)).toBe('[░░░░░░░░░░]');
    expect(renderBar(50, 0, 10)).toBe('[█████░░░░░]');
    expect(renderBar(100, 0, 10)).toBe('[██████████]');
    expect(renderBar(253, 0, 10)).toBe('[██████████]');
    expect(renderBar(-4, 0, 10)).toBe('[░░░░░░░░░░]');
  });

  it('moves a block back and forth while the percent is unknown', () => {
    const frames = [0, 1, 2, 6, 7].map((tick) => renderBar(null, tick, 10));
    expect(frames[0]).toBe('[████░░░░░░]');
    expect(frames[1]).toBe('[░████░░░░░]');
    expect(frames[3]).toBe('[░░░░░░████]');
    expect(frames[4]).toBe('[░░░░░████░]');
    for (const frame of frames) expect([...frame]).toHaveLength(12);
  });
});

describe('ProgressTracker', () => {
  it('derives rate from bytes done and ETA from the percent', () => {
    const tracker = new ProgressTracker(10 * 2 ** 30, 1_000);
    tracker.update({ percent: 25, bytesDone: 5 * 2 ** 30 });
    const figures = tracker.figures(5_000);
    expect(figures.elapsedSeconds).toBe(4);
    expect(figures.bytesPerSecond).toBe((5 * 2 ** 30) / 4);
    expect(figures.etaSeconds).toBe(12);
  });

  it('estimates bytes from the percent when the provider does not say', () => {
    const tracker = new ProgressTracker(1000, 0);
    tracker.update({ percent: 50 });
    expect(tracker.figures(2_000)).toEqual({
      percent: 50,
      elapsedSeconds: 2,
      bytesPerSecond: 250,
      etaSeconds: 2,
    });
  });

  it('knows neither rate nor ETA before anything moved', () => {
    const tracker = new ProgressTracker(1000, 0);
    tracker.update({ percent: null });
    expect(tracker.figures(3_000)).toMatchObject({ bytesPerSecond: null, etaSeconds: null });
    tracker.update({ percent: 0 });
    expect(tracker.figures(3_000)).toMatchObject({ bytesPerSecond: null, etaSeconds: null });
  });
});

describe('ProgressBar', () => {
  const options = { label: 'LUN', totalBytes: 100 * 2 ** 20, startedAtMs: 0 };

  it('redraws one line in place on a terminal, then clears it', () => {
    const out = new Capture();
    const bar = new ProgressBar(out, { ...options, isTTY: true });
    bar.update({ percent: 10 }, 1_000);
    bar.update({ percent: 40 }, 4_000);
    bar.finish();
    expect(out.text).not.toContain('\n');
    const frames = out.text.split('\r').filter((frame) => frame.trim() !== '');
    expect(frames[0]).toMatch(/^LUN \[█{3}░{27}\] {2}10% {2}10 MiB\/s {2}ETA 0:09 {2}elapsed 0:01 *$/);
    expect(frames[1]).toMatch(/^LUN \[█{12}░{18}\] {2}40% {2}10 MiB\/s {2}ETA 0:06 {2}elapsed 0:04 *$/);
    expect(out.text.endsWith('\r')).toBe(true);
  });

  it('pads a shorter frame so no characters of the longer one are left behind', () => {
    const out = new Capture();
    const bar = new ProgressBar(out, { ...options, isTTY: true });
    bar.update({ percent: 99 }, 1_000_000);
    const firstLength = out.text.length;
    bar.update({ percent: null }, 1_000);
    const secondFrame = out.text.slice(firstLength);
    expect(secondFrame.length).toBeGreaterThanOrEqual(firstLength);
  });

  it('prints a line per 10 % step when stdout is not a terminal', () => {
    const out = new Capture();
    const bar = new ProgressBar(out, { ...options, isTTY: false });
    for (const percent of [0, 3, 9, 10, 15, 19, 35, 100]) bar.update({ percent }, 1_000 + percent * 100);
    bar.refresh(50_000);
    bar.finish();
    const lines = out.text.trimEnd().split('\n');
    expect(lines.map((line) => line.match(/(\d+)%/)?.[1])).toEqual(['0', '10', '35', '100']);
    expect(out.text).not.toContain('\r');
  });

  it('says once that progress is not known yet when the provider cannot estimate', () => {
    const out = new Capture();
    const bar = new ProgressBar(out, { ...options, isTTY: false });
    bar.update({ percent: null }, 100);
    bar.update({ percent: null }, 200);
    expect(out.text).toBe('LUN progress not known yet\n');
  });

  it('moves off the bar line before other text, and starts a fresh line on the next update', () => {
    const out = new Capture();
    const bar = new ProgressBar(out, { ...options, isTTY: true });
    bar.update({ percent: 20 }, 1_000);
    bar.breakLine();
    out.write('Canceling…\n');
    bar.update({ percent: 30 }, 2_000);
    const [first = '', notice, second = ''] = out.text.split('\n');
    expect(first).toMatch(/^\rLUN .* 20%/);
    expect(notice).toBe('Canceling…');
    expect(second).toMatch(/^\rLUN .* 30%/);
    expect(second.endsWith(' ')).toBe(false);
  });
});
