/**
 * Hands bytes to the person as a file: Electron shows its Save dialog for a download, a browser
 * puts it in its downloads.
 */
export function downloadBytes(bytes: Uint8Array, mime: string, fileName: string): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `photo.jpg` → `photo`: the document's name without its extension, for file names. */
export function baseName(name: string): string {
  return name.replace(/\.[^.]+$/, '') || 'untitled';
}
