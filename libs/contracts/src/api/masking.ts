/**
 * Pure masking of personal data for walls and analysts (domain.md: "masked names (surname + 某),
 * masked phones and no ID numbers"). No I/O, importable by the dashboard and the backend.
 */

/** Two-character surnames (复姓) common enough to matter; a name starting with one keeps both. */
export const COMPOUND_SURNAMES: readonly string[] = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '司空',
  '夏侯',
  '轩辕',
  '令狐',
  '独孤',
  '南宫',
  '西门',
  '端木',
  '百里',
  '呼延',
  '万俟',
  '闻人',
  '澹台',
  '公羊',
  '太史',
  '申屠',
  '淳于',
  '单于',
  '钟离',
  '宗政',
  '濮阳',
  '第五',
  '拓跋',
  '赫连',
];

/** 罗明 → 罗某, 欧阳娜娜 → 欧阳某; a Latin name keeps its first letter: "Li Wei" → "L某". */
export function maskName(fullName: string): string {
  const name = fullName.trim();
  if (name.length === 0) return '某';
  const compound = COMPOUND_SURNAMES.find((s) => name.startsWith(s) && name.length > s.length);
  if (compound !== undefined) return `${compound}某`;
  const first = Array.from(name)[0] ?? '';
  return `${first}某`;
}

/** Keeps the first three and last four digits of a mainland mobile: 138****5678; others: ****1234. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  const local = digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
  if (local.length === 11 && local.startsWith('1')) return `${local.slice(0, 3)}****${local.slice(7)}`;
  if (local.length <= 4) return '****';
  return `****${local.slice(-4)}`;
}

/** What a masked party looks like on the wire: no ID number field exists at all. */
export interface MaskedParty {
  readonly name: string;
  readonly phone?: string;
}

/** Masks a party record, dropping every field that is not explicitly kept (ID numbers included). */
export function maskParty(party: { readonly name: string; readonly phone?: string }): MaskedParty {
  return party.phone === undefined
    ? { name: maskName(party.name) }
    : { name: maskName(party.name), phone: maskPhone(party.phone) };
}

/** An 18-character resident ID number (17 digits and a check digit or X). */
const ID_NUMBER = /(?<!\d)\d{17}[\dXx](?!\d)/g;
/** A mainland mobile, with or without +86 and separators: 139 1234 5678, +86-139-1234-5678. */
const MOBILE = /(?<!\d)(?:\+?86[\s-]?)?1\d{2}[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g;
/** Any other run of 7 or more digits (landlines, bank cards, passport numbers). */
const LONG_NUMBER = /\d{7,}/g;

/**
 * Masks a free text for a reader who may not see personal data: the named people (`names`, e.g. a
 * case's parties) become 张某, mobiles 139****5678, ID numbers and other long numbers ****.
 * Names the caller does not know cannot be found in free text: readers that must never see any
 * name (the wall) get no free text at all.
 */
export function maskFreeText(text: string, names: readonly string[] = []): string {
  let out = text.replace(ID_NUMBER, '****').replace(MOBILE, (m) => maskPhone(m));
  out = out.replace(LONG_NUMBER, '****');
  const longestFirst = [...names].filter((n) => n.trim().length >= 2).sort((a, b) => b.length - a.length);
  for (const name of longestFirst) out = out.split(name.trim()).join(maskName(name));
  return out;
}
