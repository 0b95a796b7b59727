import { W } from '../i18n/strings';
import { Field, invalid } from './Field';
import { type FieldErrors, type PartyDraft } from './intake-form';

interface Props {
  readonly parties: readonly PartyDraft[];
  readonly errors: FieldErrors;
  readonly onChange: (parties: PartyDraft[]) => void;
}

/**
 * Names, phones and ID numbers. `autoComplete="off"` keeps the browser from remembering a citizen's
 * data for the next person at the window.
 */
export function PartiesFields({ parties, errors, onChange }: Props) {
  const set = (i: number, k: keyof PartyDraft, v: string): void =>
    onChange(parties.map((p, j) => (j === i ? { ...p, [k]: v } : p)));
  return (
    <fieldset className="intake-parties">
      <legend>{W.parties}</legend>
      {parties.map((p, i) => {
        const e = (k: string): string | undefined => errors[`parties.${i}.${k}`];
        return (
          <div className="intake-party" key={i} role="group" aria-label={W.party(i + 1)}>
            <Field label={`${W.party(i + 1)} · ${W.partyName}`} name={`parties.${i}.name`} error={e('name')}>
              <input
                name={`party-${i}-name`}
                value={p.name}
                autoComplete="off"
                autoFocus={i === parties.length - 1}
                onChange={(ev) => set(i, 'name', ev.target.value)}
                {...invalid(`parties.${i}.name`, e('name'))}
              />
            </Field>
            <Field label={W.partyPhone} name={`parties.${i}.phone`} error={e('phone')}>
              <input
                name={`party-${i}-phone`}
                value={p.phone}
                inputMode="tel"
                autoComplete="off"
                onChange={(ev) => set(i, 'phone', ev.target.value)}
                {...invalid(`parties.${i}.phone`, e('phone'))}
              />
            </Field>
            <Field label={W.partyId} name={`parties.${i}.idNumber`} error={e('idNumber')}>
              <input
                name={`party-${i}-id`}
                value={p.idNumber}
                autoComplete="off"
                spellCheck={false}
                onChange={(ev) => set(i, 'idNumber', ev.target.value)}
                {...invalid(`parties.${i}.idNumber`, e('idNumber'))}
              />
            </Field>
            {parties.length > 1 && (
              <button
                type="button"
                className="intake-party__remove"
                onClick={() => onChange(parties.filter((_, j) => j !== i))}
              >
                {W.removeParty}
              </button>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
