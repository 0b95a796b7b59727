import { type Alert, type AlertHistoryEntry, type CaseUnit } from '@fengqiao/contracts';
import { dispatchOptions, dispatchUnitName, type DispatchNames } from './dispatch';
import { historyLine } from './history';

const UNIT: Record<CaseUnit, string> = {
  center: '综治中心',
  'petition-reception': '信访接待',
  'litigation-service': '诉讼服务',
  'procuratorate-service': '检察服务',
  'public-legal-service': '公共法律服务',
  'dispute-resolution': '矛盾纠纷多元化解',
  'grid-management': '网格化服务管理',
  department: '职能部门',
};
const PLACES = new Map([
  ['511902', '巴州区'],
  ['511902105', '江北街道'],
]);
const names: DispatchNames = { place: (code) => PLACES.get(code), unit: UNIT };

const alert = {
  alertId: '00000000-0000-4000-8000-000000000001',
  region: { county: '511902', township: '511902105' },
} as Alert;

describe('dispatching an alert to a unit', () => {
  it("offers the township's units by name first, then the county's", () => {
    const options = dispatchOptions(alert, names);
    expect(options.slice(0, 2)).toEqual([
      { value: 'center@511902105', label: '江北街道 综治中心' },
      { value: 'grid-management@511902105', label: '江北街道 网格化服务管理' },
    ]);
    expect(options).toContainEqual({ value: 'petition-reception@511902', label: '巴州区 信访接待' });
  });

  it('names a place it does not know by its code', () => {
    expect(dispatchUnitName('center@511921001', names)).toBe('511921001 综治中心');
  });

  it('reads a dispatch in the history as the unit and place, with the officer’s note', () => {
    const entry: AlertHistoryEntry = {
      seq: 3,
      version: 3,
      change: 'dispatched',
      occurredAt: '2026-12-06T16:05:09.000Z',
      actor: { userId: 'u', role: 'duty-officer', name: '张伟' },
      note: 'unit grid-management@511902105: 请网格员到场',
    };
    const unitName = (ref: string) => dispatchUnitName(ref, names);
    expect(historyLine(entry, 'zh', new Map(), unitName)).toMatchObject({
      what: '派遣',
      who: '张伟（值班员）',
      note: '派往江北街道 网格化服务管理: 请网格员到场',
    });
    // A dispatch typed as free text (before the list, or from another client) stays as it was typed.
    expect(historyLine({ ...entry, note: 'unit 城关派出所' }, 'zh', new Map(), unitName).note).toBe(
      '派往城关派出所',
    );
  });
});
