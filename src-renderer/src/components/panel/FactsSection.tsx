import { toast } from 'sonner';
import type { Fact } from '../../../../src-preload/contract';
import { baton } from '../../api/client';
import { useAppStore } from '../../stores/app-store';
import { useDraft } from '../../stores/drafts-store';
import { usePendingChange, useOutboxStore } from '../../stores/outbox-store';
import { OutboxStatus } from '../OutboxStatus';
import { AddTextForm } from './AddTextForm';
import { InlineEdit } from './InlineEdit';
import { checkFact, FACT_LIMIT } from './limits';
import { PendingRow } from './PendingRow';
import { focusHeading, run } from './run';
import { addFact, changeFact, pendingAdds } from './saves';
import { SectionHeading } from './SectionHeading';
import { SourceBadge } from './SourceBadge';

/** What has been confirmed so far: edit in place, remove with Undo, add. */
export function FactsSection({ sessionId, facts }: { sessionId: string; facts: Fact[] }) {
  const outbox = useOutboxStore((s) => s.items);
  const pending = pendingAdds(outbox, sessionId, 'facts', facts);

  return (
    <section className="panel-section" aria-labelledby="panel-facts">
      <SectionHeading id="panel-facts" title="Facts" count={facts.length} />
      {facts.length + pending.length === 0 ? (
        <p className="panel-empty">Nothing confirmed yet. Write down what you know for sure.</p>
      ) : (
        <ul className="fact-list">
          {facts.map((fact) => (
            <FactItem key={fact.id} fact={fact} />
          ))}
          {pending.map((item) => (
            <PendingRow key={item.id} item={item} noun="fact" className="fact" />
          ))}
        </ul>
      )}
      <AddTextForm
        label="New fact"
        button="Add fact"
        placeholder="e.g. Only this PC is affected"
        draftKey={`fact-add:${sessionId}`}
        limit={FACT_LIMIT}
        check={checkFact}
        onAdd={(text) => addFact(sessionId, text)}
      />
    </section>
  );
}

function FactItem({ fact }: { fact: Fact }) {
  const applyItem = useAppStore((s) => s.applyItem);
  const dropItem = useAppStore((s) => s.dropItem);
  const editKey = `fact-edit:${fact.id}`;
  const [editing, setEditing] = useDraft(editKey);
  const change = usePendingChange(fact.id, 'text');
  const text = change?.text ?? fact.text;

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
    <li className="fact" aria-label={text}>
      {editing !== undefined ? (
        <InlineEdit
          label="Fact"
          draftKey={editKey}
          initial={text}
          limit={FACT_LIMIT}
          check={checkFact}
          onSave={(next) => changeFact(fact, next)}
        />
      ) : (
        <div className="fact-row">
          <span className="fact-text">{text}</span>
          <SourceBadge source={fact.source} />
        </div>
      )}
      {change && <OutboxStatus item={change} noun="change" />}
      {editing === undefined && (
        <div className="item-actions">
          <button type="button" className="small" onClick={() => setEditing(text)}>
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
