// Runs y-protocols (sync, awareness, auth) and the y-websocket framing with the real npm packages,
// so the C# protocol layer can be compared with them byte for byte.
//
//   echo '{"ops":[{"op":"sync-answer","doc":{"updates":[]},"message":"000100"}]}' | node protocol.mjs
//
// Operations (each answers one JSON object, in order):
// - sync-answer {doc, message, roots}: y-protocols readSyncMessage on a document built from
//   doc.updates; answers the message type, the reply (hex, "" when nothing was written) and the
//   document afterwards.
// - sync-write {doc, stateVector?, update?}: writeSyncStep1 of the document, writeSyncStep2
//   against the given state vector, writeUpdate of the given update.
// - ws-handle {doc, clientId, awareness: [jsonText|null per client...], frame, roots}: what the
//   y-websocket client does with one incoming frame: sync (reply framed with type 0), awareness
//   (applied), auth (permission denied reason), query-awareness (reply with every known state).
// - ws-write {doc, clientId, localState, reason, update}: the frames y-websocket writes: sync step 1,
//   update, awareness of the local state, query-awareness, permission denied.
// - awareness {clientId, steps}: an Awareness on a doc with that client id; steps are
//   {setLocal: jsonText|null}, {apply: hex}, {remove: [ids]}, {encode: [ids]}; after each step the
//   states (JSON text), the clocks, the change/update events and the encoded update (for encode).
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import * as sync from 'y-protocols/sync'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as auth from 'y-protocols/auth'
import { describeDoc, fromHex, readStdinJson, toHex, writeJson } from './lib/common.mjs'

const messageSync = 0
const messageAwareness = 1
const messageAuth = 2
const messageQueryAwareness = 3

const buildDoc = (spec = {}, clientId) => {
  const doc = new Y.Doc({ gc: spec.gc ?? true })
  if (clientId !== undefined) doc.clientID = clientId
  for (const hex of spec.updates ?? []) Y.applyUpdate(doc, fromHex(hex))
  return doc
}

// Lists of [client, value] in the awareness's own (Map insertion) order, which is also the order a
// query for awareness is answered in.
const describeAwareness = awareness => ({
  states: Array.from(awareness.getStates(), ([client, state]) => [client, JSON.stringify(state)]),
  clocks: Array.from(awareness.meta, ([client, meta]) => [client, meta.clock])
})

const sortedIds = ids => [...ids].sort((a, b) => a - b)

const operations = {
  'sync-answer': op => {
    const doc = buildDoc(op.doc)
    const encoder = encoding.createEncoder()
    const errors = []
    const messageType = sync.readSyncMessage(decoding.createDecoder(fromHex(op.message)), encoder, doc, 'remote', e => errors.push(e.message))
    return { messageType, reply: toHex(encoding.toUint8Array(encoder)), errors, doc: describeDoc(doc, op.roots) }
  },
  'sync-write': op => {
    const doc = buildDoc(op.doc)
    const step1 = encoding.createEncoder()
    sync.writeSyncStep1(step1, doc)
    const step2 = encoding.createEncoder()
    sync.writeSyncStep2(step2, doc, op.stateVector === undefined ? undefined : fromHex(op.stateVector))
    const update = encoding.createEncoder()
    sync.writeUpdate(update, fromHex(op.update ?? '0000'))
    return { step1: toHex(encoding.toUint8Array(step1)), step2: toHex(encoding.toUint8Array(step2)), update: toHex(encoding.toUint8Array(update)) }
  },
  'ws-handle': op => {
    const doc = buildDoc(op.doc, op.clientId)
    const awareness = new awarenessProtocol.Awareness(doc)
    try {
      if (op.localState !== undefined) awareness.setLocalState(op.localState === null ? null : JSON.parse(op.localState))
      if (op.awarenessUpdate !== undefined) awarenessProtocol.applyAwarenessUpdate(awareness, fromHex(op.awarenessUpdate), 'setup')
      const decoder = decoding.createDecoder(fromHex(op.frame))
      const encoder = encoding.createEncoder()
      let deniedReason = null
      let syncType = null
      const messageType = decoding.readVarUint(decoder)
      switch (messageType) {
        case messageSync:
          encoding.writeVarUint(encoder, messageSync)
          syncType = sync.readSyncMessage(decoder, encoder, doc, 'remote')
          break
        case messageQueryAwareness:
          encoding.writeVarUint(encoder, messageAwareness)
          encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, Array.from(awareness.getStates().keys())))
          break
        case messageAwareness:
          awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), 'remote')
          break
        case messageAuth:
          auth.readAuthMessage(decoder, doc, (_doc, reason) => { deniedReason = reason })
          break
        default:
          throw new Error(`unknown y-websocket message type ${messageType}`)
      }
      const reply = encoding.length(encoder) > 1 ? toHex(encoding.toUint8Array(encoder)) : ''
      return { messageType, syncType, reply, deniedReason, awareness: describeAwareness(awareness), doc: describeDoc(doc, op.roots) }
    } finally {
      awareness.destroy()
    }
  },
  'ws-write': op => {
    const doc = buildDoc(op.doc, op.clientId)
    const awareness = new awarenessProtocol.Awareness(doc)
    try {
      if (op.localState !== undefined) awareness.setLocalState(op.localState === null ? null : JSON.parse(op.localState))
      const frame = write => {
        const encoder = encoding.createEncoder()
        write(encoder)
        return toHex(encoding.toUint8Array(encoder))
      }
      return {
        syncStep1: frame(e => { encoding.writeVarUint(e, messageSync); sync.writeSyncStep1(e, doc) }),
        syncStep2: frame(e => { encoding.writeVarUint(e, messageSync); sync.writeSyncStep2(e, doc, op.stateVector === undefined ? undefined : fromHex(op.stateVector)) }),
        update: frame(e => { encoding.writeVarUint(e, messageSync); sync.writeUpdate(e, fromHex(op.update ?? '0000')) }),
        awareness: frame(e => {
          encoding.writeVarUint(e, messageAwareness)
          encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]))
        }),
        queryAwareness: frame(e => encoding.writeVarUint(e, messageQueryAwareness)),
        permissionDenied: frame(e => { encoding.writeVarUint(e, messageAuth); auth.writePermissionDenied(e, op.reason ?? '') })
      }
    } finally {
      awareness.destroy()
    }
  },
  awareness: op => {
    const doc = new Y.Doc()
    doc.clientID = op.clientId
    const awareness = new awarenessProtocol.Awareness(doc)
    const events = []
    awareness.on('change', ({ added, updated, removed }, origin) => events.push({ kind: 'change', added: sortedIds(added), updated: sortedIds(updated), removed: sortedIds(removed), origin: String(origin) }))
    awareness.on('update', ({ added, updated, removed }, origin) => events.push({ kind: 'update', added: sortedIds(added), updated: sortedIds(updated), removed: sortedIds(removed), origin: String(origin) }))
    try {
      return {
        steps: (op.steps ?? []).map(step => {
          events.length = 0
          let encoded = null
          if ('setLocal' in step) awareness.setLocalState(step.setLocal === null ? null : JSON.parse(step.setLocal))
          else if ('apply' in step) awarenessProtocol.applyAwarenessUpdate(awareness, fromHex(step.apply), 'remote')
          else if ('remove' in step) awarenessProtocol.removeAwarenessStates(awareness, step.remove, 'remote')
          else if ('encode' in step) encoded = toHex(awarenessProtocol.encodeAwarenessUpdate(awareness, step.encode))
          else throw new Error(`unknown awareness step ${JSON.stringify(step)}`)
          return { ...describeAwareness(awareness), events: events.slice(), encoded }
        })
      }
    } finally {
      awareness.destroy()
    }
  }
}

const input = await readStdinJson()
const results = (input.ops ?? []).map(op => {
  const run = operations[op.op]
  if (run === undefined) throw new Error(`unknown operation ${op.op}`)
  return run(op)
})
writeJson({ yjs: '13.6.33', results })
