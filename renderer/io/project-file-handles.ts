import { i18n } from '../i18n/i18n.ts';

/**
 * Save and Save as to a file of the person's choosing in a browser. Chromium's File System
 * Access API shows its Save dialog and hands back the chosen file; the next Save writes the same
 * file again without asking, as a desktop editor does. Browsers without it (Firefox, Safari)
 * download the file instead, and Electron saves in main with its own native dialog.
 */
interface SaveFilePickerOptions {
  suggestedName: string;
  types: Array<{ description: string; accept: Record<string, string[]> }>;
}
type ShowSaveFilePicker = (options: SaveFilePickerOptions) => Promise<FileSystemFileHandle>;

// By the name the project is known by: after Save as "client-v2.infill" that is its name.
const handles = new Map<string, FileSystemFileHandle>();

function savePicker(): ShowSaveFilePicker | undefined {
  if (window.infill) return undefined;
  const picker = (window as unknown as { showSaveFilePicker?: ShowSaveFilePicker }).showSaveFilePicker;
  return typeof picker === 'function' ? picker.bind(window) : undefined;
}

export type ChosenFile = { kind: 'file'; handle: FileSystemFileHandle } | { kind: 'download' } | { kind: 'cancelled' };

/**
 * Where this save goes: the file the project was last saved to (Save), else the one the person
 * picks now (the first Save, Save as). Called before anything is packed, while the key press
 * still counts as the person's gesture, which the browser requires to show its dialog.
 */
export async function chooseProjectFile(fileName: string, saveAs: boolean): Promise<ChosenFile> {
  const known = handles.get(fileName);
  if (known && !saveAs) return { kind: 'file', handle: known };
  const pick = savePicker();
  if (!pick) return { kind: 'download' };
  try {
    const handle = await pick({
      suggestedName: fileName,
      types: [{ description: i18n.t('project:saveDialog.fileType'), accept: { 'application/zip': ['.infill'] } }],
    });
    return { kind: 'file', handle };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return { kind: 'cancelled' };
    throw error;
  }
}

/** Writes the project into the chosen file; the browser swaps it in whole when the stream closes. */
export async function writeProjectFile(handle: FileSystemFileHandle, bytes: Uint8Array): Promise<string> {
  const stream = await handle.createWritable();
  try {
    await stream.write(bytes as Uint8Array<ArrayBuffer>);
    await stream.close();
  } catch (error) {
    // Abort leaves the file as it was before this save.
    await stream.abort().catch(() => undefined);
    throw error;
  }
  handles.set(handle.name, handle);
  return handle.name;
}
