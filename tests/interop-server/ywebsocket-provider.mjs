// An unmodified y-websocket WebsocketProvider (npm y-websocket 3.1.0 on yjs 13.6.33) against the server's
// /ws/{documentId}. Usage:
//   node ywebsocket-provider.mjs <ws://host:port> <documentId> <tokenA> <tokenB> <expected text> <edits>
// Two providers (A and B) each type <edits> markers concurrently, then wait until both documents hold every
// marker and the expected text (typed meanwhile by another client), and print {"text": ...} once both agree.
// Exits 1 with a message when that does not happen within 30 seconds.
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';

const [server, documentId, tokenA, tokenB, expected, editsText] = process.argv.slice(2);
const edits = Number(editsText);

const open = (token) => {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${server}/ws`, documentId, doc, {
    WebSocketPolyfill: WebSocket,
    params: { access_token: token },
    disableBc: true,
  });
  return { doc, provider, text: doc.getText('text') };
};

const fail = (message) => {
  console.error(message);
  process.exit(1);
};
setTimeout(() => fail('timed out'), 30000).unref();

const peers = [open(tokenA), open(tokenB)];
await Promise.all(peers.map(({ provider }) => new Promise((resolve) => provider.once('sync', resolve))));

for (let i = 0; i < edits; i++) {
  const [a, b] = peers;
  a.text.insert(0, `[A${i}]`);
  b.text.insert(b.text.length, `[B${i}]`);
  await new Promise((resolve) => setTimeout(resolve, 5));
}

const done = () => {
  const [a, b] = peers.map((p) => p.text.toString());
  if (a !== b || !a.includes(expected)) return false;
  for (let i = 0; i < edits; i++) if (!a.includes(`[A${i}]`) || !a.includes(`[B${i}]`)) return false;
  return true;
};
while (!done()) await new Promise((resolve) => setTimeout(resolve, 20));

process.stdout.write(JSON.stringify({ text: peers[0].text.toString() }) + '\n');
for (const { provider } of peers) provider.destroy();
process.exit(0);
