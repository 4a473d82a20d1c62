import { start } from './app';

start().catch((error: unknown) => {
  const status = document.getElementById('status');
  if (status) {
    status.textContent = `The page could not start: ${error instanceof Error ? error.message : String(error)}`;
    status.dataset.kind = 'error';
  }
  console.error(error);
});
