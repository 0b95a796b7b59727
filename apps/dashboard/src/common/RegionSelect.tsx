import { type KeyboardEvent } from 'react';
import { type RegionNode } from '@fengqiao/contracts';
import { W } from '../i18n/strings';
import { chooseRegion, levelEnabled, type CascadeLevel, type RegionDraft } from './region-cascade';

/** A select does not submit its form on Enter by itself; the forms using the cascade promise it does. */
const enterSubmits = (e: KeyboardEvent<HTMLSelectElement>): void => {
  if (e.key !== 'Enter') return;
  e.preventDefault();
  e.currentTarget.form?.requestSubmit();
};

/**
 * One level of the address cascade as a native select (arrow keys pick, Enter submits the form).
 * Choosing clears the levels below; the caller supplies the label and shows problems.
 */
export function RegionSelect(props: {
  readonly level: CascadeLevel;
  readonly items: readonly RegionNode[];
  readonly region: RegionDraft;
  readonly onChange: (r: RegionDraft) => void;
  readonly invalid?: boolean;
  readonly describedBy?: string;
  /** Select names are `<prefix>-<level>`; a second cascade on the same page needs its own prefix. */
  readonly namePrefix?: string;
  /** The empty choice's text: 请选择 in a form, 全部 in a filter. */
  readonly emptyLabel?: string;
}) {
  const { level, items, region } = props;
  const value = region[level];
  // The chosen code stays selectable while its list loads, so the draft never points at nothing.
  const options: readonly Pick<RegionNode, 'code' | 'name'>[] =
    value !== '' && !items.some((r) => r.code === value) ? [{ code: value, name: value }, ...items] : items;
  return (
    <select
      name={`${props.namePrefix ?? 'region'}-${level}`}
      value={value}
      disabled={!levelEnabled(region, level)}
      onChange={(e) => props.onChange(chooseRegion(region, level, e.target.value))}
      onKeyDown={enterSubmits}
      aria-invalid={props.invalid === true ? true : undefined}
      aria-describedby={props.describedBy}
    >
      <option value="">{props.emptyLabel ?? W.choose}</option>
      {options.map((r) => (
        <option key={r.code} value={r.code}>
          {r.name === r.code ? r.code : `${r.name} ${r.code}`}
        </option>
      ))}
    </select>
  );
}
