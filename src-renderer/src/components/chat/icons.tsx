// Small inline icons (decorative: every use sits next to text that says the same thing).
const common = {
  width: 14,
  height: 14,
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.6,
  strokeLinecap: 'round' as const,
  strokeLinejoin: 'round' as const,
  'aria-hidden': true,
  focusable: false,
};

export function ClockIcon() {
  return (
    <svg {...common}>
      <circle cx="8" cy="8" r="6.25" />
      <path d="M8 4.5V8l2.5 1.5" />
    </svg>
  );
}

export function LockIcon() {
  return (
    <svg {...common}>
      <rect x="3" y="7" width="10" height="7" rx="1.5" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
    </svg>
  );
}

export function WarnIcon() {
  return (
    <svg {...common}>
      <path d="M8 2 1.5 13.5h13z" />
      <path d="M8 6.5v3.2M8 11.6v.1" />
    </svg>
  );
}

export function ChevronIcon({ open }: { open: boolean }) {
  return (
    <svg {...common} style={{ transform: open ? 'rotate(90deg)' : undefined, transition: 'transform .15s' }}>
      <path d="m6 4 4 4-4 4" />
    </svg>
  );
}

export function PanelIcon() {
  return (
    <svg {...common}>
      <rect x="1.75" y="2.75" width="12.5" height="10.5" rx="1.5" />
      <path d="M10 3v10" />
    </svg>
  );
}

export function SparkIcon() {
  return (
    <svg {...common}>
      <path d="M8 1.5v3M8 11.5v3M1.5 8h3M11.5 8h3M3.4 3.4l2 2M10.6 10.6l2 2M3.4 12.6l2-2M10.6 5.4l2-2" />
    </svg>
  );
}
