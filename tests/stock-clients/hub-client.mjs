// A stock client of the hub /hubs/collab: npm yjs + y-protocols + @microsoft/signalr (JSON or MessagePack), no
// code of ours. Joins the document, syncs (step 1/2), types --edits markers, waits for every peer's markers and
// prints the final text and state vector.
//   node hub-client.mjs --url http://127.0.0.1:5080 --token T --document D --name hub --edits 10 --expect cs:10 [--protocol messagepack|json]
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as authProtocol from 'y-protocols/auth'
import * as signalR from '@microsoft/signalr'
import { MessagePackHubProtocol } from '@microsoft/signalr-protocol-msgpack'
import { readArguments, type, everyMarkerArrived, report, emit, fail } from './common.mjs'

const messageSync = 0
const messageAwareness = 1
const messageAuth = 2
const messageQueryAwareness = 3

const options = readArguments(process.argv)
const messagePack = (options.protocol ?? 'messagepack') === 'messagepack'
const doc = new Y.Doc()
const awareness = new awarenessProtocol.Awareness(doc)

let builder = new signalR.HubConnectionBuilder()
  .withUrl(`${options.url}/hubs/collab`, {
    transport: signalR.HttpTransportType.WebSockets,
    skipNegotiation: true,
    accessTokenFactory: () => options.token
  })
  .configureLogging(signalR.LogLevel.Warning)
if (messagePack) builder = builder.withHubProtocol(new MessagePackHubProtocol())
const connection = builder.build()

// byte[] travels as binary with MessagePack and as base64 text with JSON.
const toWire = (bytes) => messagePack ? bytes : Buffer.from(bytes).toString('base64')
const fromWire = (value) => typeof value === 'string' ? new Uint8Array(Buffer.from(value, 'base64')) : value
const send = (encoder) => connection.send('Send', options.document, toWire(encoding.toUint8Array(encoder)))

let synced
const syncedOnce = new Promise(resolve => { synced = resolve })

connection.on('Receive', (documentId, wireFrame) => {
  if (documentId !== options.document) return
  const decoder = decoding.createDecoder(fromWire(wireFrame))
  const encoder = encoding.createEncoder()
  const type = decoding.readVarUint(decoder)
  switch (type) {
    case messageSync: {
      encoding.writeVarUint(encoder, messageSync)
      const syncType = syncProtocol.readSyncMessage(decoder, encoder, doc, connection)
      if (encoding.length(encoder) > 1) send(encoder)
      if (syncType === syncProtocol.messageYjsSyncStep2) synced()
      break
    }
    case messageAwareness:
      awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), connection)
      break
    case messageQueryAwareness:
      encoding.writeVarUint(encoder, messageAwareness)
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, Array.from(awareness.getStates().keys())))
      send(encoder)
      break
    case messageAuth:
      authProtocol.readAuthMessage(decoder, doc, (_doc, reason) => emit({ event: 'denied', reason }))
      break
  }
})

doc.on('update', (update, origin) => {
  if (origin === connection) return
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, messageSync)
  syncProtocol.writeUpdate(encoder, update)
  send(encoder)
})

awareness.on('update', ({ added, updated, removed }, origin) => {
  if (origin !== 'local' || connection.state !== signalR.HubConnectionState.Connected) return
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, messageAwareness)
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, added.concat(updated, removed)))
  send(encoder)
})

try {
  await connection.start()
  await connection.invoke('Join', options.document)
  const stepOne = encoding.createEncoder()
  encoding.writeVarUint(stepOne, messageSync)
  syncProtocol.writeSyncStep1(stepOne, doc)
  send(stepOne)
  awareness.setLocalStateField('user', { name: options.name })
  await syncedOnce
  emit({ event: 'synced', text: doc.getText('text').toString() })
  await type(doc, options)
  await everyMarkerArrived(doc, options)
  report(doc)
  awareness.setLocalState(null)
  // Invocations of one connection are handled in order: once this one is answered, every frame sent before it was.
  const last = encoding.createEncoder()
  encoding.writeVarUint(last, messageSync)
  syncProtocol.writeSyncStep1(last, doc)
  await connection.invoke('Send', options.document, toWire(encoding.toUint8Array(last)))
  await connection.stop()
  process.exit(0)
} catch (error) {
  fail(error)
}
