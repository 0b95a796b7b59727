import { loadConfig } from '@fengqiao/config';
import { systemApps } from './apps';

/** `npm start` starts the apps one after the other, each answering before the next starts. */
describe('the start order of the system', () => {
  const apps = systemApps(loadConfig({}));
  const at = (name: string): number => {
    const i = apps.findIndex((a) => a.name === name);
    if (i < 0) throw new Error(`${name} is not among the system's apps`);
    return i;
  };

  it('starts the simulator after the media service, which stores its snapshots, is ready', () => {
    expect(apps[at('media')]?.readyUrl).toMatch(/\/health$/);
    expect(at('simulator')).toBeGreaterThan(at('media'));
  });

  it('starts the simulator after the ingest that consumes its events is ready', () => {
    expect(apps[at('ingest')]?.readyUrl).toMatch(/\/health$/);
    expect(at('simulator')).toBeGreaterThan(at('ingest'));
  });

  it('starts the synthetic cameras after the media service they publish to', () => {
    expect(at('cameras')).toBeGreaterThan(at('media'));
  });
});
