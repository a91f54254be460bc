/** Saves a file the app made (a report, an export, a backup) through the browser's download. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has started from the object URL by the next task; it can go then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type }), fileName);
}

/** Today as YYYY-MM-DD, for file names. */
export function fileDate(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}
