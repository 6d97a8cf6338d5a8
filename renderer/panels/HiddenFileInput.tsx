/**
 * A file picker with no visible control of its own: an action (Open, Load mask) clicks it by id.
 * The value is cleared after each pick, so choosing the same file again still fires.
 */
export function HiddenFileInput({ id, accept, label, onFile }: { id: string; accept: string; label: string; onFile: (file: File) => void }) {
  return (
    <input
      id={id}
      type="file"
      accept={accept}
      aria-label={label}
      hidden
      onChange={(event) => {
        const file = event.currentTarget.files?.[0];
        event.currentTarget.value = '';
        if (file) onFile(file);
      }}
    />
  );
}
