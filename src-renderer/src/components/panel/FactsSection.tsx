import { useState } from 'react';
import { toast } from 'sonner';
import type { Fact } from '../../../../src-preload/contract';
import { baton } from '../../api/client';
import { useAppStore } from '../../stores/app-store';
import { AddTextForm } from './AddTextForm';
import { InlineEdit } from './InlineEdit';
import { attempt, focusHeading, run } from './run';
import { SectionHeading } from './SectionHeading';
import { SourceBadge } from './SourceBadge';

/** What has been confirmed so far: edit in place, remove with Undo, add. */
export function FactsSection({ sessionId, facts }: { sessionId: string; facts: Fact[] }) {
  const applyItem = useAppStore((s) => s.applyItem);
  const add = (text: string) =>
    attempt('Could not add the fact', baton().facts.add({ sessionId, text }), (f) => applyItem('facts', f));

  return (
    <section className="panel-section" aria-labelledby="panel-facts">
      <SectionHeading id="panel-facts" title="Facts" count={facts.length} />
      {facts.length === 0 ? (
        <p className="panel-empty">Nothing confirmed yet. Write down what you know for sure.</p>
      ) : (
        <ul className="fact-list">
          {facts.map((fact) => (
            <FactItem key={fact.id} fact={fact} />
          ))}
        </ul>
      )}
      <AddTextForm
        label="New fact"
        button="Add fact"
        placeholder="e.g. Only this PC is affected"
        field="text"
        onAdd={add}
      />
    </section>
  );
}

function FactItem({ fact }: { fact: Fact }) {
  const applyItem = useAppStore((s) => s.applyItem);
  const dropItem = useAppStore((s) => s.dropItem);
  const [editing, setEditing] = useState(false);

  async function remove() {
    if ((await run('Could not remove the fact', baton().facts.remove({ id: fact.id }))) === undefined) return;
    dropItem('facts', fact.id);
    focusHeading('panel-facts');
    toast('Fact removed', {
      description: fact.text,
      action: {
        label: 'Undo',
        onClick: () =>
          void run(
            'Could not restore the fact',
            baton().facts.add({ sessionId: fact.sessionId, text: fact.text }),
          ).then((restored) => restored && applyItem('facts', restored)),
      },
    });
  }

  return (
    <li className="fact" aria-label={fact.text}>
      {editing ? (
        <InlineEdit
          label="Fact"
          initial={fact.text}
          field="text"
          onSave={(text) =>
            attempt('Could not change the fact', baton().facts.update({ id: fact.id, text }), (f) =>
              applyItem('facts', f),
            )
          }
          onDone={() => setEditing(false)}
        />
      ) : (
        <div className="fact-row">
          <span className="fact-text">{fact.text}</span>
          <SourceBadge source={fact.source} />
        </div>
      )}
      {!editing && (
        <div className="item-actions">
          <button type="button" className="small" onClick={() => setEditing(true)}>
            Edit<span className="visually-hidden"> fact</span>
          </button>
          <button type="button" className="small danger-quiet" onClick={() => void remove()}>
            Remove<span className="visually-hidden"> fact</span>
          </button>
        </div>
      )}
    </li>
  );
}
