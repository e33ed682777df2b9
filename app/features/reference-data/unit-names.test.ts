import { describe, expect, it } from 'vitest';
import { shortUnitName } from './unit-names.ts';

describe('shortUnitName', () => {
  it('drops the level and the kind of body that every unit shares', () => {
    expect(shortUnitName('市人力资源和社会保障局')).toBe('人力资源和社会保障');
    expect(shortUnitName('市卫生健康委员会')).toBe('卫生健康');
    expect(shortUnitName('市信訪局')).toBe('信訪');
    expect(shortUnitName('Municipal Human Resources and Social Security Bureau')).toBe('Human Resources and Social Security');
    expect(shortUnitName('Municipal Administration for Market Regulation')).toBe('Market Regulation');
    expect(shortUnitName('Municipal Bureau of Natural Resources and Planning')).toBe('Natural Resources and Planning');
  });
  it('keeps a name that would become too short or has nothing to drop', () => {
    expect(shortUnitName('市局')).toBe('市局');
    expect(shortUnitName('东城区')).toBe('东城区');
    expect(shortUnitName('Dongcheng District')).toBe('Dongcheng District');
  });
});
