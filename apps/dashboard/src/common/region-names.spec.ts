import { type RegionNode } from '@fengqiao/contracts';
import { parentOf, RegionNames } from './region-names';

const node = (code: string, name: string): RegionNode => ({ code, name, level: 'township', point: null });

describe('names of regions, learnt one parent at a time', () => {
  it('asks for a parent once and names every child of it', async () => {
    const asked: string[] = [];
    const names = new RegionNames((parent) => {
      asked.push(parent);
      return Promise.resolve([node('511902001', '东城街道'), node('511902002', '西城街道')]);
    });
    expect(names.known('511902001')).toBeUndefined();
    await expect(names.nameOf('511902001')).resolves.toBe('东城街道');
    await expect(names.nameOf('511902002')).resolves.toBe('西城街道');
    expect(names.known('511902002')).toBe('西城街道');
    expect(asked).toEqual(['511902']);
  });

  it('reads as its code when the list does not name it, and asks again after a failed load', async () => {
    let fail = true;
    const names = new RegionNames(() =>
      fail ? Promise.reject(new Error('offline')) : Promise.resolve([node('511902003', '江北街道')]),
    );
    await expect(names.nameOf('511902003')).resolves.toBe('511902003');
    fail = false;
    await expect(names.nameOf('511902003')).resolves.toBe('江北街道');
    await expect(names.nameOf('511902999')).resolves.toBe('511902999');
  });

  it('finds the parent of a township and of a village; a county has none here', () => {
    expect(parentOf('511902001')).toBe('511902');
    expect(parentOf('511902001002')).toBe('511902001');
    expect(parentOf('511902')).toBeUndefined();
  });
});
