import { useEffect } from 'react';
import { useUnsavedStore, wouldLoseWork } from '../stores/unsaved-store';
import { ConfirmDialog } from './ConfirmDialog';

const list = (what: string[]) =>
  what.length < 2 ? (what[0] ?? '') : `${what.slice(0, -1).join(', ')} and ${what.at(-1)}`;

/**
 * Asks "Discard unsaved changes?" when the person leaves edits that wait for a Save (another view,
 * another session), and has the browser ask before the window closes or reloads with anything typed
 * not yet saved.
 */
export function LeaveDialog() {
  const question = useUnsavedStore((s) => s.question);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!wouldLoseWork()) return;
      event.preventDefault();
      // Older engines need a truthy returnValue as well.
      event.returnValue = 'unsaved';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  return (
    <ConfirmDialog
      open={question !== null}
      onOpenChange={(open) => !open && question?.answer(false)}
      title="Discard unsaved changes?"
      description={`Your changes to ${list(question?.what ?? [])} are not saved.`}
      cancelLabel="Keep editing"
      confirmLabel="Discard changes"
      danger
      onConfirm={() => question?.answer(true)}
    />
  );
}
