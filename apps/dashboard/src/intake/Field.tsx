import { type ReactNode } from 'react';

/**
 * A labelled field with its problem right under it. The message is tied to the control by
 * `aria-describedby` (the control passes `errorId(name)`), so a screen reader reads it on focus.
 */
export function Field(props: {
  readonly label: string;
  readonly name: string;
  readonly error?: string;
  readonly children: ReactNode;
}) {
  return (
    <label className="intake-field">
      {props.label}
      {props.children}
      {props.error !== undefined && (
        <span className="form-error" id={errorId(props.name)} data-testid={`error-${props.name}`}>
          {props.error}
        </span>
      )}
    </label>
  );
}

export const errorId = (name: string): string => `err-${name.replace(/\./g, '-')}`;

/** The ARIA attributes of a control with an optional problem. */
export function invalid(name: string, error: string | undefined) {
  return error === undefined ? {} : { 'aria-invalid': true, 'aria-describedby': errorId(name) };
}
