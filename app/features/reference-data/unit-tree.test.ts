import { describe, expect, it } from 'vitest';
import { lineageIn, parentIn, subtreeIn } from './unit-tree.ts';

// bureau ─┬─ police ── branch
//         └─ housing
// discipline (a tree of its own)
const parents = new Map<string, string | null>([
  ['bureau', null],
  ['police', 'bureau'],
  ['branch', 'police'],
  ['housing', 'bureau'],
  ['discipline', null],
]);

describe('the unit tree', () => {
  it('lists a unit and those above it, nearest first', () => {
    expect(lineageIn(parents, 'branch')).toEqual(['branch', 'police', 'bureau']);
    expect(lineageIn(parents, 'discipline')).toEqual(['discipline']);
    expect(lineageIn(parents, null)).toEqual([]);
  });

  it('lists a unit and everything below it', () => {
    expect([...subtreeIn(parents, 'police')].sort()).toEqual(['branch', 'police']);
    expect([...subtreeIn(parents, 'bureau')].sort()).toEqual(['branch', 'bureau', 'housing', 'police']);
    expect([...subtreeIn(parents, 'discipline')]).toEqual(['discipline']);
    expect([...subtreeIn(parents, null)]).toEqual([]);
  });

  it('names the parent, and survives a cycle made by hand', () => {
    expect(parentIn(parents, 'police')).toBe('bureau');
    expect(parentIn(parents, 'bureau')).toBeNull();
    const cycle = new Map<string, string | null>([
      ['a', 'b'],
      ['b', 'a'],
    ]);
    expect(lineageIn(cycle, 'a')).toEqual(['a', 'b']);
    expect([...subtreeIn(cycle, 'a')].sort()).toEqual(['a', 'b']);
  });
});
