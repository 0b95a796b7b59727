import { DeviceDirectory } from './device-directory';

// Issue 21: which devices may register is the configured city's (FQ_CITY_CODE), not a fixed prefecture.
describe('DeviceDirectory without a devices file', () => {
  const nanchongCamera = '51130201131000000001';
  const bazhongCamera = '51190201131000000001';

  it('accepts any 20-digit id of the configured city with the shared password', () => {
    const nanchong = DeviceDirectory.load(undefined, 'shared-password', '5113');
    expect(nanchong.profileOf(nanchongCamera)).toEqual({
      password: 'shared-password',
      siteType: 'road',
      department: 'GB28181',
    });
    expect(DeviceDirectory.load(undefined, 'shared-password', '5119').profileOf(bazhongCamera)).toBeDefined();
  });

  it('refuses ids of another city and ids that are not 20 digits', () => {
    const nanchong = DeviceDirectory.load(undefined, 'shared-password', '5113');
    expect(nanchong.profileOf(bazhongCamera)).toBeUndefined();
    expect(nanchong.profileOf('5113020113100000001')).toBeUndefined();
    expect(nanchong.profileOf('5113020113100000000a')).toBeUndefined();
  });
});
