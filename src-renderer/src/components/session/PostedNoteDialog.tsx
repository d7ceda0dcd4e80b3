import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import type { ResolutionPlace } from '../../../../src-preload/contract';
import { Markdown } from '../chat/LazyMarkdown';
import { placeWords } from './trace-words';

/** The resolution note as it was posted, read again from the session (read-only). */
export function PostedNoteDialog({
  note,
  place,
  open,
  onOpenChange,
}: {
  note: string;
  place: ResolutionPlace;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog posted-note-dialog" aria-describedby="posted-note-where">
          <Dialog.Title>Resolution note</Dialog.Title>
          <p id="posted-note-where" className="muted">
            As it was {placeWords(place)}.
          </p>
          <div className="posted-note-body" aria-label="Posted note" tabIndex={0}>
            <Markdown text={note} />
          </div>
          <div className="dialog-actions">
            <Dialog.Close asChild>
              <button type="button">Close</button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** A link-style button that opens the posted note (the header chip and the timeline's resolved event). */
export function ViewPostedNote({
  label,
  note,
  place,
}: {
  label: string;
  note: string;
  place: ResolutionPlace;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        {label}
      </button>
      <PostedNoteDialog note={note} place={place} open={open} onOpenChange={setOpen} />
    </>
  );
}
