import { toast } from 'sonner';
import type { ThemeChoice } from '../../../../src-preload/contract';
import { useAppearanceStore } from '../../stores/appearance-store';
import { errorMessage } from '../../stores/queue-store';

const isMac = navigator.platform.toLowerCase().includes('mac');

const CHOICES: { value: ThemeChoice; label: string; description: (shown: 'light' | 'dark') => string }[] = [
  {
    value: 'system',
    label: 'System',
    description: (shown) => `Follows this computer's light or dark setting (${shown} now).`,
  },
  { value: 'light', label: 'Light', description: () => 'Always light.' },
  { value: 'dark', label: 'Dark', description: () => 'Always dark.' },
];

/** Settings → Appearance: this computer's theme, for anyone signed in (it changes nothing for the
 * team). A choice applies at once and is kept for the next start. */
export function AppearanceSection() {
  const theme = useAppearanceStore((s) => s.theme);
  const shown = useAppearanceStore((s) => s.shown);
  const choose = (value: ThemeChoice) =>
    void useAppearanceStore
      .getState()
      .setTheme(value)
      .catch((err: unknown) => toast.error(`Could not keep the appearance: ${errorMessage(err)}`));

  return (
    <div className="appearance">
      <fieldset className="provider-choices theme-choices">
        <legend>Theme</legend>
        {CHOICES.map((choice) => (
          <label key={choice.value} className={`provider-choice${theme === choice.value ? ' checked' : ''}`}>
            <input
              type="radio"
              name="theme"
              value={choice.value}
              checked={theme === choice.value}
              aria-labelledby={`theme-${choice.value}-label`}
              aria-describedby={`theme-${choice.value}-desc`}
              onChange={() => choose(choice.value)}
            />
            <span className={`theme-swatch theme-swatch-${choice.value}`} aria-hidden="true" />
            <span>
              <span className="provider-label" id={`theme-${choice.value}-label`}>
                {choice.label}
              </span>
              <span className="provider-desc" id={`theme-${choice.value}-desc`}>
                {choice.description(shown)}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <p className="field-hint appearance-hint" role="status">
        Showing the {shown} theme. The sidebar collapses to icons with <kbd>{isMac ? '⌘' : 'Ctrl'}</kbd>+
        <kbd>B</kbd>.
      </p>
    </div>
  );
}
