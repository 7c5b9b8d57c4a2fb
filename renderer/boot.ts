/**
 * The page's entry point: a few kilobytes that send the start-up requests
 * (startup-requests.ts) and then load the workbench (main.ts, with Monaco),
 * so the host's work and the download of the editor overlap.
 */
import './styles.css';
import './corpus/batch-panel.css';
import { connectHost } from './api-client.ts';
import { requestStartup } from './startup-requests.ts';

function showFatal(error: unknown): void {
  console.error(error);
  document.documentElement.dataset.ready = 'error';
  const message = document.createElement('pre');
  message.className = 'fatal';
  message.textContent = `The workbench could not start: ${error instanceof Error ? error.message : String(error)}`;
  document.body.prepend(message);
}

async function boot(): Promise<void> {
  const host = connectHost();
  const requests = requestStartup(host, location.href);
  const { start } = await import('./main.ts');
  await start(host, requests);
}

boot().catch(showFatal);
