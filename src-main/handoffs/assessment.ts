// The enrichment reply, normalised exactly as DESIGN §3 says: strip code fences; fields that should
// be lists and are not become []; a confidence outside low|medium|high becomes medium; an empty
// summary falls back to likely_cause, then "Assessment generated.".
import type { HandoffAssessment } from '../../src-preload/contract';

const CONFIDENCE = new Set(['low', 'medium', 'high']);

export function normalizeAssessment(raw: string): HandoffAssessment | null {
  const unfenced = raw
    .trim()
    .replace(/^```(?:json)?\s*/i, '')
    .replace(/\s*```$/, '')
    .trim();
  let parsed: unknown;
  try {
    parsed = JSON.parse(unfenced);
  } catch {
    const start = unfenced.indexOf('{');
    const end = unfenced.lastIndexOf('}');
    if (start < 0 || end <= start) return null;
    try {
      parsed = JSON.parse(unfenced.slice(start, end + 1));
    } catch {
      return null;
    }
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  const o = parsed as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const list = (v: unknown) =>
    Array.isArray(v)
      ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim())
      : [];
  const likely = text(o.likely_cause);
  const confidence = typeof o.confidence === 'string' ? o.confidence.toLowerCase() : '';
  return {
    summary_prose: text(o.summary_prose) || likely || 'Assessment generated.',
    what_we_know: list(o.what_we_know),
    likely_cause: likely,
    suggested_steps: list(o.suggested_steps),
    confidence: (CONFIDENCE.has(confidence) ? confidence : 'medium') as HandoffAssessment['confidence'],
  };
}

export const ENRICHMENT_SYSTEM_PROMPT = `You assess a troubleshooting handoff for the senior engineer who will pick it up at a managed service provider.
Answer with one JSON object and nothing else:
{"summary_prose": "2-4 sentences", "what_we_know": ["confirmed facts"], "likely_cause": "one sentence", "suggested_steps": ["next steps, most promising first"], "confidence": "low|medium|high"}
Use only what the session record shows; say what is unknown.`;
