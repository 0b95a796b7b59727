import fc from 'fast-check';
import { maskFreeText } from './masking';

describe('maskFreeText', () => {
  it.each([
    ['王秀英反映邻居噪音', ['王秀英'], '王某反映邻居噪音'],
    ['电话 13912345678 联系', [], '电话 139****5678 联系'],
    ['电话 +86 139 1234 5678', [], '电话 139****5678'],
    ['身份证 51090219880315123X 已核', [], '身份证 **** 已核'],
    ['身份证号510902198803151234', [], '身份证号****'],
    ['座机 08272345678', [], '座机 ****'],
    ['欧阳娜娜与王五争执', ['欧阳娜娜', '王五'], '欧阳某与王某争执'],
    ['3 人受伤，损失 2000 元', [], '3 人受伤，损失 2000 元'],
  ])('%s (names %j) → %s', (text, names, masked) => {
    expect(maskFreeText(text, names)).toBe(masked);
  });

  it('never lets a mobile or an ID number through, wherever it sits in the text', () => {
    const mobile = fc.stringMatching(/^1[3-9]\d{9}$/);
    const id = fc.stringMatching(/^\d{17}[\dX]$/);
    const words = fc.string({ maxLength: 20 }).map((s) => s.replace(/\d/g, ''));
    fc.assert(
      fc.property(words, mobile, words, id, words, (a, m, b, i, c) => {
        const out = maskFreeText(`${a}${m}${b}${i}${c}`);
        expect(out).not.toContain(m);
        expect(out).not.toContain(i);
      }),
    );
  });
});
