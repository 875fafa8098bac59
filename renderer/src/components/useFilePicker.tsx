import { useRef, type ReactElement } from 'react';

/**
 * A hidden file input opened by the page's own button: `input` goes anywhere in the page, `open()`
 * shows the system dialog. The input is emptied after each choice so the same file can be chosen again
 * (a clerk retrying after fixing it).
 */
export function useFilePicker(props: { accept: string; label: string; onFile: (file: File) => void }): {
  open: () => void;
  input: ReactElement;
} {
  const ref = useRef<HTMLInputElement>(null);
  const input = (
    <input
      ref={ref}
      type="file"
      accept={props.accept}
      hidden
      aria-label={props.label}
      onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (file) props.onFile(file);
      }}
    />
  );
  return { open: () => ref.current?.click(), input };
}
