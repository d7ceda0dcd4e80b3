// The assistant reports what it learned with marker lines, which Baton records and removes from the
// text the technician reads (DESIGN §3). Only assistant output is parsed for markers.
//   [FACT] The printer has a static IP 10.0.4.20
//   [STEP] Check the Print Spooler service | Running | Stopped | Not installed
//   [HYPOTHESIS] Stale credentials in Credential Manager
//   [RULED_OUT] Mailbox quota full — quota is at 12%
//   [CONFIRMED] Stale credentials in Credential Manager — clearing them stopped the prompts
//   [ESCALATION_REQUESTED] Needs Exchange admin rights to check the mailbox audit log
//   [FIX 80] Clear the cached credentials in Credential Manager and restart Outlook

export const ESCALATION_MARKER = '[ESCALATION_REQUESTED]';

export interface ParsedReply {
  /** What the technician sees: the reply without marker lines, the marker removed. */
  display: string;
  facts: string[];
  steps: { text: string; options: string[] }[];
  hypotheses: string[];
  ruledOut: { label: string; reason: string }[];
  confirmed: { label: string; reason: string }[];
  escalation: { requested: boolean; reason: string | null };
  /** Proposed fixes with confidence 0–100 (50 when not given); the last one is the active one. */
  fixes: { text: string; confidence: number }[];
}

const FIX_LINE = /^\s*(?:[-*]\s*)?\[FIX(?:\s+(\d{1,3})\s*%?)?\]\s*(.*)$/;
const MARKER_LINE = /^\s*(?:[-*]\s*)?\[(FACT|STEP|HYPOTHESIS|RULED_OUT|CONFIRMED)\]\s*(.*)$/;

export function parseAssistantReply(raw: string): ParsedReply {
  const parsed: ParsedReply = {
    display: '',
    facts: [],
    steps: [],
    hypotheses: [],
    ruledOut: [],
    confirmed: [],
    escalation: { requested: false, reason: null },
    fixes: [],
  };
  const kept: string[] = [];
  for (const line of raw.split('\n')) {
    const escalationAt = line.indexOf(ESCALATION_MARKER);
    if (escalationAt >= 0) {
      parsed.escalation.requested = true;
      const rest = line.slice(escalationAt + ESCALATION_MARKER.length).trim();
      const before = line.slice(0, escalationAt).trim();
      if (rest) parsed.escalation.reason ??= rest.slice(0, 500);
      kept.push(before);
      continue;
    }
    const fix = FIX_LINE.exec(line);
    if (fix) {
      kept.push('');
      const text = (fix[2] ?? '').trim();
      const confidence = fix[1] === undefined ? 50 : Math.min(100, Number(fix[1]));
      if (text) parsed.fixes.push({ text: text.slice(0, 2_000), confidence });
      continue;
    }
    const match = MARKER_LINE.exec(line);
    if (!match) {
      kept.push(line);
      continue;
    }
    // A removed line leaves a break, so the text around it stays separate paragraphs.
    kept.push('');
    const [, kind, body = ''] = match;
    const content = body.trim();
    if (!content) continue;
    if (kind === 'FACT') parsed.facts.push(content);
    else if (kind === 'STEP') {
      const [text = '', ...options] = content.split('|').map((part) => part.trim());
      if (text) parsed.steps.push({ text, options: options.filter(Boolean).slice(0, 12) });
    } else if (kind === 'HYPOTHESIS') parsed.hypotheses.push(content);
    else {
      const [label = '', ...reason] = content.split(/\s+[—–-]\s+/);
      const entry = { label: label.trim(), reason: reason.join(' — ').trim() || 'No reason given' };
      (kind === 'RULED_OUT' ? parsed.ruledOut : parsed.confirmed).push(entry);
    }
  }
  parsed.display = kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return parsed;
}

/** While streaming: hide a marker line still being typed, so no half-marker flashes on screen. */
export function displayWhileStreaming(raw: string): string {
  const lastBreak = raw.lastIndexOf('\n');
  const tail = raw.slice(lastBreak + 1);
  const complete = /^\s*(?:[-*]\s*)?\[[A-Z_]*\]?/.test(tail) ? raw.slice(0, Math.max(0, lastBreak)) : raw;
  return parseAssistantReply(complete).display;
}
