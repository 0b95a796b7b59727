import { call } from '../api/call';

function download(href: string, filename: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** The API's CSV of the same series (analysts and administrators only). */
export async function exportCsv(params: Record<string, string | undefined>, filename: string): Promise<void> {
  const blob = await call('trends.csv', { query: params });
  const url = URL.createObjectURL(blob);
  try {
    download(url, filename);
  } finally {
    // Revoked after the click has started the download; keeping it would leak the blob.
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

export function exportPng(dataUrl: string | undefined, filename: string): void {
  if (dataUrl !== undefined) download(dataUrl, filename);
}

/** A CSV built in the page (charts without an API CSV route), with a BOM so spreadsheets read UTF-8. */
export function exportCsvText(csv: string, filename: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  try {
    download(url, filename);
  } finally {
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
