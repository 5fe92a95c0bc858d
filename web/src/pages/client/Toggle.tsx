/** A button that opens a small form in place. */
import { useState, type ReactNode } from 'react';

export function Toggle({ open: text, children }: { open: string; children: (close: () => void) => ReactNode }) {
  const [open, setOpen] = useState(false);
  if (!open) return <p><button type="button" className="secondary" onClick={() => setOpen(true)}>{text}</button></p>;
  return (
    <div className="subform">
      {children(() => setOpen(false))}
      <p><button type="button" className="link-button" onClick={() => setOpen(false)}>Annuleren</button></p>
    </div>
  );
}
