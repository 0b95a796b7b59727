import { call } from '../api/call';

/**
 * Saves a report through the API (the token goes in a header, so a plain link cannot fetch it).
 * The object URL is revoked once the click has started the download; keeping it would leak the blob.
 */
export async function downloadReport(id: string, format: 'html' | 'pdf', filename: string): Promise<void> {
  const blob = await call(format === 'pdf' ? 'reports.pdf' : 'reports.html', { params: { id } });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
