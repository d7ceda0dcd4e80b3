import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setApi } from './api/client';
import { App } from './App';
import { connectBrowserHost } from './bridge/browser-host-bridge';
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
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

start().catch((err: unknown) => {
  root.render(
    <div className="fatal" role="alert">
      <h1>Baton cannot start</h1>
      <p>{err instanceof Error ? err.message : String(err)}</p>
    </div>,
  );
});
