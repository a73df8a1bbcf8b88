import type { CSSProperties } from 'react';

/** Where a row of a virtualised list sits: absolutely placed at its offset, full width, fixed height. */
export function virtualRowStyle(start: number, height: number): CSSProperties {
  return { position: 'absolute', top: 0, left: 0, right: 0, height, transform: `translateY(${start}px)` };
}
