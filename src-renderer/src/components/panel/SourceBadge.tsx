import type { Step } from '../../../../src-preload/contract';

/** Who wrote it: the assistant ("AI") or the technician ("You"). */
export function SourceBadge({ source }: { source: Step['source'] }) {
  const ai = source === 'assistant';
  return (
    <span
      className={`source-badge source-${source}`}
      title={ai ? 'Suggested by the assistant' : 'Added by you'}
    >
      {ai ? 'AI' : 'You'}
    </span>
  );
}
