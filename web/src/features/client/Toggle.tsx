/**
 * A button that opens a small form in place. The focus moves to the form's first field when it opens and back to
 * the button when it closes, after saving or cancelling (issue 15: keyboard users keep their place).
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';

export function Toggle({ open: text, children }: { open: string; children: (close: () => void) => ReactNode }) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const form = useRef<HTMLDivElement>(null);
  const opened = useRef(false);
  useEffect(() => {
    if (open) form.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
    else if (opened.current) opener.current?.focus();
    opened.current = open;
  }, [open]);
  if (!open) return <p><button ref={opener} type="button" className="secondary" onClick={() => setOpen(true)}>{text}</button></p>;
  return (
    <div className="subform" ref={form}>
      {children(() => setOpen(false))}
      <p><button type="button" className="link-button" onClick={() => setOpen(false)}>Annuleren</button></p>
    </div>
  );
}
