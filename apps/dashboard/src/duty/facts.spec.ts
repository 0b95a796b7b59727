import { factLines, type FactNames } from './facts';

const names: FactNames = {
  category: (c) => ({ 'labour-wages': '劳资欠薪', crowd: '人群聚集' })[c] ?? c,
  siteType: (s) => ({ square: '广场' })[s] ?? s,
  colour: (c) => ({ red: '红色' })[c] ?? c,
};

describe("an alert's facts as the officer reads them", () => {
  it('labels each fact in Chinese and names its value', () => {
    const lines = factLines(
      {
        analyticsKind: 'crowd',
        headCount: 320,
        confidence: 0.934,
        siteType: 'square',
        online: false,
        windowMs: 3_600_000,
        category: 'labour-wages',
        incidentColour: 'red',
        incidentAlertId: '3b2ed155-0000-4000-8000-000000000001',
      },
      'zh',
      names,
    );
    expect(lines.map((l) => `${l.label} ${l.text}`)).toEqual([
      '识别类型 人群聚集',
      '人数 320',
      '置信度 93.4%',
      '场所 广场',
      '在线 否',
      '时间窗 60 分钟',
      '类别 劳资欠薪',
      '关联预警级别 红色',
      '关联预警 3b2ed155',
    ]);
  });

  it('keeps an unknown fact under its own name (the code is still on hover)', () => {
    expect(factLines({ newFact: 'x' }, 'zh', names)).toEqual([
      { key: 'newFact', label: 'newFact', text: 'x' },
    ]);
  });

  it('uses the codes as labels in English', () => {
    expect(
      factLines({ headCount: 12, online: true }, 'en', names).map((l) => `${l.label} ${l.text}`),
    ).toEqual(['headCount 12', 'online yes']);
  });
});
