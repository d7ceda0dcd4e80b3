import { useId, useState } from 'react';
import type { Withheld } from '../../../../src-preload/contract';
import { ChevronIcon, LockIcon } from './icons';

/**
 * "2 secrets withheld": a disclosure listing what the redaction pass replaced (never the secret). The
 * text above it holds a placeholder where each one was; only the person who pasted them can show them.
 */
export function WithheldBadge({
  withheld,
  intro = 'Replaced by placeholders before the message was stored or left this computer:',
}: {
  withheld: Withheld[];
  intro?: string;
}) {
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
        <p>{intro}</p>
        <ul>
          {withheld.map((w, i) => (
            <li key={`${w.kind}-${i}`}>
              <strong>{w.label}</strong>
              {w.preview !== 'withheld' && (
                <>
                  {' '}
                  · <code>{w.preview}</code>
                </>
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
