import { describe, expect, it } from 'vitest';
import { sortDrives } from '../../../../renderer/features/inventory/drive-sorting';
import { drive } from '../helpers/fixtures';

const DRIVES = [
  drive('a', { name: 'Bay 10', bus: 1, slot: 0 }),
  drive('b', { name: 'Bay 2', bus: 0, slot: 1 }),
  drive('c', { name: 'Bay 1', bus: 1, slot: 1 }),
  drive('d', { name: 'Bay 3', bus: 0, slot: 0 }),
  drive('e', { name: 'Bay 20', bus: 0, slot: 0 }),
];
const order = (column: 'bus' | 'slot', direction: 'ascending' | 'descending' = 'ascending') =>
  sortDrives(DRIVES, column, direction).map((d) => d.name);

describe('inventory drive order', () => {
  it('by bus keeps each enclosure in slot order; same place ordered by name, numerically', () => {
    expect(order('bus')).toEqual(['Bay 3', 'Bay 20', 'Bay 2', 'Bay 10', 'Bay 1']);
  });

  it('by slot breaks ties by bus, not at random', () => {
    expect(order('slot')).toEqual(['Bay 3', 'Bay 20', 'Bay 10', 'Bay 2', 'Bay 1']);
    expect(order('slot', 'descending')).toEqual(['Bay 1', 'Bay 2', 'Bay 10', 'Bay 3', 'Bay 20']);
  });
});
