// A stock client of /ws/{documentId}: y-websocket's unmodified WebsocketProvider with `ws` as its WebSocket and the
// invite token as the access_token parameter. Syncs, types --edits markers, waits for every peer's markers and
// prints the final text and state vector.
//   node ws-client.mjs --url http://127.0.0.1:5080 --token T --document D --name ws --edits 10 --expect cs:10
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import { readArguments, type, everyMarkerArrived, report, emit, fail } from './common.mjs'

const options = readArguments(process.argv)
const doc = new Y.Doc()
const provider = new WebsocketProvider(options.url.replace(/^http/, 'ws') + '/ws', options.document, doc, {
  WebSocketPolyfill: WebSocket,
  params: { access_token: options.token },
  disableBc: true
})
provider.awareness.setLocalStateField('user', { name: options.name })
provider.on('connection-close', (event) => emit({ event: 'closed', code: event?.code, reason: String(event?.reason ?? '') }))

try {
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('not synced in time')), options.timeout)
    provider.once('sync', (isSynced) => { if (isSynced) { clearTimeout(timer); resolve() } })
  })
  emit({ event: 'synced', text: doc.getText('text').toString() })
  await type(doc, options)
  await everyMarkerArrived(doc, options)
  report(doc)
  provider.destroy()
  process.exit(0)
} catch (error) {
  fail(error)
}
