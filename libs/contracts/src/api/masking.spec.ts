import { maskName, maskParty, maskPhone } from './masking';

describe('masking personal data for walls and analysts', () => {
  it.each([
    ['罗明', '罗某'],
    ['罗', '罗某'],
    ['欧阳娜娜', '欧阳某'],
    ['司马光', '司马某'],
    ['诸葛亮', '诸葛某'],
    // A one-character given name after a compound-looking surname is still the compound surname.
    ['上官婉', '上官某'],
    // "欧阳" alone is a surname with no given name: keep the first character only.
    ['欧阳', '欧某'],
    ['  王小二 ', '王某'],
    ['', '某'],
    ['Li Wei', 'L某'],
  ])('maskName(%j) → %s', (input, expected) => {
    expect(maskName(input)).toBe(expected);
  });

  it.each([
    ['13812345678', '138****5678'],
    ['+86 138-1234-5678', '138****5678'],
    ['0827-5261234', '****1234'],
    ['110', '****'],
  ])('maskPhone(%j) → %s', (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });

  it('drops everything but the masked name and phone, ID number included', () => {
    const party = { name: '罗明', phone: '13812345678', idNumber: '511902199001011234' };
    expect(maskParty(party)).toEqual({ name: '罗某', phone: '138****5678' });
    expect(JSON.stringify(maskParty(party))).not.toContain('5119021990');
  });
});
