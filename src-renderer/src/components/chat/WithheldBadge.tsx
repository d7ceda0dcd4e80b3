import { useId, useState } from 'react';
import type { Withheld } from '../../../../src-preload/contract';
import { ChevronIcon, LockIcon } from './icons';

/** "2 secrets withheld": a disclosure listing what the redaction pass replaced (never the secret). */
export function WithheldBadge({ withheld }: { withheld: Withheld[] }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  if (withheld.length === 0) return null;
  const count = withheld.length;
  return (
    <div className="withheld">
      <button
        type="button"
        className="withheld-badge"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
      >
        <LockIcon />
        {count} {count === 1 ? 'secret' : 'secrets'} withheld
        <ChevronIcon open={open} />
      </button>
      <div id={listId} className="withheld-details" hidden={!open}>
        <p>These were replaced before the message left this computer:</p>
        <ul>
          {withheld.map((w, i) => (
            <li key={`${w.kind}-${i}`}>
              <strong>{w.label}</strong> · <code>{w.preview}</code>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
