import type { ReactNode } from 'react';
import type { SearchHit, SessionSummary } from '../../../../src-preload/contract';
import { StatusBadge } from '../StatusBadge';
import { TimeAgo } from '../TimeAgo';

/** Row heights (gap included) for the virtual list: a session, and a search hit with its snippet. */
export const SESSION_ROW_HEIGHT = 64;
export const HIT_ROW_HEIGHT = 102;

/**
 * The snippet as React nodes: the parts search wrapped in «» become <mark>. The snippet is plain
 * text from main; it is never parsed as HTML. An unpaired « or » stays as typed.
 */
export function highlight(snippet: string): ReactNode[] {
  const nodes: ReactNode[] = [];
  const pattern = /«([^«»]*)»/g;
  let from = 0;
  for (const match of snippet.matchAll(pattern)) {
    if (match.index > from) nodes.push(snippet.slice(from, match.index));
    nodes.push(<mark key={match.index}>{match[1]}</mark>);
    from = match.index + match[0].length;
  }
  if (from < snippet.length) nodes.push(snippet.slice(from));
  return nodes;
}

function Meta({ session }: { session: SessionSummary }) {
  return (
    <span className="session-item-meta">
      <StatusBadge status={session.status} />
      <TimeAgo at={session.updatedAt} />
    </span>
  );
}

export function SessionRow({ session }: { session: SessionSummary }) {
  return (
    <>
      <span className="session-item-title">{session.title}</span>
      <Meta session={session} />
    </>
  );
}

export function HitRow({ hit }: { hit: SearchHit }) {
  return (
    <>
      <span className="session-item-title">{hit.session.title}</span>
      <Meta session={hit.session} />
      {hit.snippet && <span className="session-snippet">{highlight(hit.snippet)}</span>}
    </>
  );
}
