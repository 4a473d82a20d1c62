// Y.mergeUpdates, Y.diffUpdate and Y.encodeStateVectorFromUpdate on updates from elsewhere, without
// any document, for comparison with the C# CRDT.
//
//   echo '{"cases":[{"updates":[hex...],"stateVector":"00"}]}' | node merge-updates.mjs
//
// Answer per case: merged = mergeUpdates(updates) (in the order given), diff = diffUpdate(merged,
// stateVector), stateVector = encodeStateVectorFromUpdate(merged), and the text of "t" after
// applying merged to a fresh document (to check the merge lost nothing).
import * as Y from 'yjs'
import { fromHex, readStdinJson, toHex, writeJson } from './lib/common.mjs'

const input = await readStdinJson()
const results = (input.cases ?? []).map(c => {
  const merged = Y.mergeUpdates((c.updates ?? []).map(fromHex))
  const doc = new Y.Doc()
  Y.applyUpdate(doc, merged)
  return {
    merged: toHex(merged),
    diff: toHex(Y.diffUpdate(merged, fromHex(c.stateVector ?? '00'))),
    stateVector: toHex(Y.encodeStateVectorFromUpdate(merged)),
    text: doc.getText('t').toString()
  }
})
writeJson({ yjs: '13.6.33', results })
