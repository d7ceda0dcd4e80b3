import { useEffect, useState } from 'react';
import type { AiProviderKind, AiSettings } from '../../../../src-preload/contract';
import { AI_PROVIDERS } from '../../../../src-preload/contract';
import { BatonError } from '../../api/client';
import { errorMessage } from '../../stores/queue-store';
import { useSettingsStore } from '../../stores/settings-store';
import type { AiForm } from './aiForm';
import { baseUrlWarning, formFrom, keyStoredFor, PROVIDERS, toInput, withProvider } from './aiForm';
import { ApiKeyField } from './ApiKeyField';
import { describedBy, Field, ManagedBadge } from './Field';
import { SectionLoader } from './SectionLoader';
import { SettingsForm } from './SettingsForm';
import { takeSaved, useSettingsSave } from './useSettingsSave';

type TestLine = { tone: 'pending' | 'ok' | 'error'; text: string } | null;

/** The AI assistant section: loads the settings, then shows the form (read-only unless canEdit). */
export function AiSettingsSection() {
  const ai = useSettingsStore((s) => s.ai);
  const failure = useSettingsStore((s) => s.aiError);
  const loadAi = useSettingsStore((s) => s.loadAi);
  useEffect(() => void loadAi(), [loadAi]);

  return (
    <SectionLoader value={ai} failure={failure} what="the AI settings" retry={() => void loadAi()}>
      {(settings) => <AiSettingsForm settings={settings} />}
    </SectionLoader>
  );
}

function AiSettingsForm({ settings }: { settings: AiSettings }) {
  const { saveAi, testAi } = useSettingsStore.getState();
  const [form, setForm] = useState<AiForm>(() => formFrom(settings));
  const [testing, setTesting] = useState(false);
  const [test, setTest] = useState<TestLine>(null);
  const { canEdit } = settings;
  const managed = (field: AiSettings['managed'][number]) => settings.managed.includes(field);
  const input = toInput(form, settings);
  const dirty = JSON.stringify(input) !== JSON.stringify(toInput(formFrom(settings), settings));
  const usesModel = form.provider !== 'none';
  const info = PROVIDERS[form.provider];
  const warning = usesModel ? baseUrlWarning(form.provider, form.baseUrl) : null;
  const { errors, formError, saving, submit, clearError, fail, reset } = useSettingsSave({
    saved: 'AI settings saved',
    save: async () => {
      const sent = form;
      takeSaved(setForm, sent, formFrom(await saveAi(input)));
    },
  });
  const busy = saving || testing;

  const update = (patch: Partial<AiForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    Object.keys(patch).forEach(clearError);
  };

  async function runTest() {
    const model = form.model.trim();
    setTesting(true);
    setTest({ tone: 'pending', text: 'Testing the connection…' });
    try {
      const result = await testAi(input);
      const connected = `Connected to ${model} in ${Math.round(result.latencyMs)} ms`;
      setTest(
        result.ok
          ? { tone: 'ok', text: result.message || connected }
          : { tone: 'error', text: result.message },
      );
    } catch (err) {
      if (err instanceof BatonError && err.code === 'VALIDATION') fail(err);
      setTest({ tone: 'error', text: errorMessage(err) });
    } finally {
      setTesting(false);
    }
  }

  return (
    <SettingsForm
      canEdit={canEdit}
      dirty={dirty}
      onSubmit={(e) => void submit(e)}
      formError={formError}
      actions={
        <>
          <button type="submit" className="primary" disabled={!dirty || busy}>
            {saving ? 'Saving…' : 'Save'}
          </button>
          <button
            type="button"
            disabled={!usesModel || busy}
            title={usesModel ? 'Try these values without saving them' : 'Offline drafts need no connection'}
            onClick={() => void runTest()}
          >
            {testing ? 'Testing…' : 'Test connection'}
          </button>
          <p role="status" className={`test-result${test ? ` test-${test.tone}` : ''}`}>
            {test?.text}
          </p>
        </>
      }
    >
      <fieldset
        className={`provider-choices${managed('provider') ? ' is-managed' : ''}`}
        disabled={managed('provider')}
      >
        <legend>
          Provider{managed('provider') && ' '}
          {managed('provider') && <ManagedBadge />}
        </legend>
        {AI_PROVIDERS.map((p) => (
          <ProviderChoice key={p} provider={p} checked={form.provider === p} onChoose={chooseProvider} />
        ))}
      </fieldset>
      {errors.provider && <p className="field-error">{errors.provider}</p>}

      {usesModel && (
        <>
          <Field
            id="ai-base-url"
            label="Base URL"
            hint={info.baseUrlHint}
            warning={warning}
            error={errors.baseUrl}
            managed={managed('baseUrl')}
          >
            <input
              {...describedBy('ai-base-url', {
                hint: info.baseUrlHint,
                warning,
                error: errors.baseUrl,
                managed: managed('baseUrl'),
              })}
              disabled={managed('baseUrl')}
              type="url"
              inputMode="url"
              spellCheck={false}
              value={form.baseUrl}
              placeholder={info.defaultBaseUrl}
              onChange={(e) => update({ baseUrl: e.target.value })}
            />
          </Field>
          <Field id="ai-model" label="Model" error={errors.model} managed={managed('model')}>
            <input
              {...describedBy('ai-model', { error: errors.model, managed: managed('model') })}
              disabled={managed('model')}
              list="ai-model-suggestions"
              spellCheck={false}
              autoComplete="off"
              value={form.model}
              placeholder={`e.g. ${info.models[0]}`}
              onChange={(e) => update({ model: e.target.value })}
            />
            <datalist id="ai-model-suggestions">
              {info.models.map((m) => (
                <option key={m} value={m} />
              ))}
            </datalist>
          </Field>
          <ApiKeyField
            provider={form.provider}
            hasApiKey={keyStoredFor(form, settings)}
            otherProvider={settings.provider !== 'none' && form.provider !== settings.provider}
            canEdit={canEdit}
            value={form.apiKey}
            action={form.keyAction}
            error={errors.apiKey ?? errors.clearApiKey}
            onChange={(apiKey) => update({ apiKey })}
            onAction={(keyAction) => update({ keyAction, apiKey: '' })}
          />
        </>
      )}
    </SettingsForm>
  );

  function chooseProvider(provider: AiProviderKind) {
    setForm((f) => withProvider(f, provider));
    reset();
    setTest(null);
  }
}

function ProviderChoice(props: {
  provider: AiProviderKind;
  checked: boolean;
  onChoose: (p: AiProviderKind) => void;
}) {
  const { label, description } = PROVIDERS[props.provider];
  const id = `ai-provider-${props.provider}`;
  return (
    <label className={`provider-choice${props.checked ? ' checked' : ''}`}>
      <input
        type="radio"
        name="ai-provider"
        value={props.provider}
        checked={props.checked}
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-desc`}
        onChange={() => props.onChoose(props.provider)}
      />
      <span>
        <span className="provider-label" id={`${id}-label`}>
          {label}
        </span>
        <span className="provider-desc" id={`${id}-desc`}>
          {description}
        </span>
      </span>
    </label>
  );
}
