import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setApi } from './api/client';
import { App } from './App';
import { connectBrowserHost } from './bridge/browser-host-bridge';
import { StartupScreen } from './screens/StartupScreen';
import './theme.css';
import './styles.css';

const root = createRoot(document.getElementById('root')!);

async function start() {
  // In Electron the preload has exposed window.baton; in the browser host we build it over a WebSocket.
  const api =
    window.baton ??
    (await connectBrowserHost(() => {
      document.body.dataset.connection = 'lost';
    }));
  setApi(api);
  const renderApp = () =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  // Baton's data is checked before it opens: a file that needs a decision gets the start-up screen.
  const startup = await api.startup.status();
  if (startup.ok && startup.value.state === 'attention') {
    document.body.dataset.phase = 'startup';
    root.render(
      <StrictMode>
        <StartupScreen initial={startup.value} onReady={renderApp} />
      </StrictMode>,
    );
  } else renderApp();
}

start().catch((err: unknown) => {
  root.render(
    <div className="fatal" role="alert">
      <h1>Baton cannot start</h1>
      <p>{err instanceof Error ? err.message : String(err)}</p>
    </div>,
  );
});
