/**
 * Saves data the page fetched as a file. The access token lives in memory only, so a file the
 * API serves is fetched with it and handed to the browser as a Blob rather than linked to.
 */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
