import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { KPI_WINDOW_DAYS } from '..';

const ROOT = resolve(__dirname, '../../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

describe('the KPI window has one home (libs/domain kpi-window.ts)', () => {
  it('is 30 days', () => {
    expect(KPI_WINDOW_DAYS).toBe(30);
  });

  it('no app defines its own KPI window; the API and the simulator import the domain one', () => {
    const apps = readdirSync(join(ROOT, 'apps')).flatMap((app) => {
      try {
        return sourceFiles(join(ROOT, 'apps', app, 'src'));
      } catch {
        return []; // a project without src/
      }
    });
    const text = (f: string): string => readFileSync(f, 'utf8');
    const own = apps.filter((f) => /\bKPI_WINDOW_DAYS\s*=/.test(text(f))).map((f) => relative(ROOT, f));
    expect(own).toEqual([]);
    for (const user of ['apps/api/src/kpis/kpi-tiles.service.ts', 'apps/simulator/src/history-plan.ts']) {
      expect(text(join(ROOT, user))).toMatch(
        /import \{[^}]*\bKPI_WINDOW_DAYS\b[^}]*\} from '@fengqiao\/domain'/,
      );
    }
  });
});
