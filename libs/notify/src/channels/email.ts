import { bodyLinesOf, headlineOf, type NotificationMessage } from '../message';

export interface EmailContent {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const escape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Subject, plain text and HTML of a notification mail (the link is a button in HTML). */
export function buildEmail(m: NotificationMessage): EmailContent {
  const lines = bodyLinesOf(m);
  const rows = lines
    .filter((l) => !l.startsWith('确认: '))
    .map((l) => `<p>${escape(l)}</p>`)
    .join('');
  const button =
    m.ackUrl === undefined ? '' : `<p><a href="${escape(m.ackUrl)}">确认收到 (acknowledge)</a></p>`;
  return { subject: headlineOf(m), text: lines.join('\n'), html: `<div>${rows}${button}</div>` };
}
