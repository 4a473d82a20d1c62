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

function connectedAndSynced () {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('not connected and synced again in time')), options.timeout)
    const check = () => {
      if (provider.wsconnected && provider.synced) { clearTimeout(timer); provider.off('sync', check); resolve() }
    }
    provider.on('sync', check)
    check()
  })
}

try {
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('not synced in time')), options.timeout)
    provider.once('sync', (isSynced) => { if (isSynced) { clearTimeout(timer); resolve() } })
  })
  emit({ event: 'synced', text: doc.getText('text').toString() })
  await type(doc, options)
  await everyMarkerArrived(doc, options)
  // Typed while the socket was down, the markers reach the server only through the sync made on reconnecting; the
  // provider sends its sync step 2 on receiving the server's step 1, before the server's step 2 marks it synced.
  await connectedAndSynced()
  report(doc)
  provider.destroy()
  process.exit(0)
} catch (error) {
  fail(error)
}
