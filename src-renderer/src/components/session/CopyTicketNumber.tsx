import { toast } from 'sonner';

/** The support ticket number with a copy button: what a technician reads out or pastes into an email. */
export function CopyTicketNumber({ number }: { number: string }) {
  async function copy() {
    try {
      await navigator.clipboard.writeText(number);
      toast.success(`Copied ${number}`);
    } catch {
      // Clipboard refused (no focus, or a policy): the number stays selectable on screen.
      toast.error('Could not copy: select the number and copy it instead');
    }
  }
  return (
    <span className="ticket-number-chip">
      <span className="ticket-number" title="Support ticket number">
        {number}
      </span>
      <button
        type="button"
        className="icon-button copy-button"
        aria-label={`Copy ticket number ${number}`}
        title="Copy"
        onClick={() => void copy()}
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <rect
            x="5"
            y="5"
            width="8"
            height="9"
            rx="1.5"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.4"
          />
          <path d="M3 11V3.5A1.5 1.5 0 0 1 4.5 2H10" fill="none" stroke="currentColor" strokeWidth="1.4" />
        </svg>
      </button>
    </span>
  );
}
