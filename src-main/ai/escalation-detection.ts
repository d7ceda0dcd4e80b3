// A technician asking for a human counts as an escalation request (DESIGN §3). Deliberately
// narrow: "escalate" alone is too common in MSP talk ("the ticket escalated to P1") to count.
const ASKS_FOR_A_HUMAN = [
  /\b(?:i|we)\s+(?:really\s+)?need\s+(?:a|an|some)\s+(?:senior|human|person|engineer|tier[- ]?[23]|l[23]|expert)\b/i,
  /\b(?:get|bring\s+in|call\s+in|talk\s+to|speak\s+(?:to|with)|loop\s+in)\s+(?:a|an|the)?\s*(?:senior|human|real\s+person|person|engineer|expert|tier[- ]?[23]|l[23])\b/i,
  /\bescalate\s+(?:this|it|to\s+(?:a\s+)?(?:senior|tier|l[23]|engineer|someone))\b/i,
  /\b(?:can|could)\s+(?:a|an|some)\s*(?:one|body)?\s*(?:senior|human|more\s+experienced)\b.*\b(?:help|look|take)\b/i,
  /\bhand\s+(?:this|it)\s+(?:off|over)\s+to\b/i,
];

export function technicianAsksForSenior(text: string): boolean {
  return ASKS_FOR_A_HUMAN.some((pattern) => pattern.test(text));
}
