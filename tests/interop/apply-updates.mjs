// Applies updates made elsewhere (by the C# CRDT) to fresh yjs documents and reports what yjs sees.
//
//   echo '{"sessions":[{"updates":["0101..."],"gc":true,"roots":{"texts":["t"],"maps":["m"],"arrays":["a"]}}]}' \
//     | node apply-updates.mjs
//
// For every session: a new Y.Doc (gc as given, default true) applies the updates in the given
// order, one Y.applyUpdate each; the answer lists texts (string and delta), maps, arrays, the
// state vector and the full state (hex), whether anything is pending, and the update events yjs
// itself emitted while applying (hex), so both sides can compare them too.
import * as Y from 'yjs'
import { describeDoc, fromHex, readStdinJson, toHex, writeJson } from './lib/common.mjs'

const input = await readStdinJson()
const results = (input.sessions ?? []).map((session, index) => {
  const doc = new Y.Doc({ gc: session.gc ?? true })
  const events = []
  doc.on('update', update => events.push(toHex(update)))
  const errors = []
  for (const hex of session.updates ?? []) {
    try {
      Y.applyUpdate(doc, fromHex(hex))
    } catch (error) {
      errors.push(`session ${index}: ${error.message}`)
    }
  }
  return { ...describeDoc(doc, session.roots ?? {}), events, errors }
})
writeJson({ yjs: '13.6.33', results })
