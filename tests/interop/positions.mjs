// Relative positions and snapshots with the real yjs, for comparison with the C# CRDT.
//
//   echo '{"cases":[{"base":[hex...],"later":[hex...],"positions":[[3,0],[5,-1]],"foreign":[hex...]}]}' | node positions.mjs
//
// For each case: a Y.Doc with gc off applies `base`; for every [index, assoc] of `positions`
// the answer holds Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text "t", index,
// assoc)); it takes Y.snapshot and answers Y.encodeSnapshot. Then it applies `later` and answers
// the absolute index of each of its own positions and of each `foreign` encoded position (from
// elsewhere), and the text of "t" as it was at the snapshot.
import * as Y from 'yjs'
import { fromHex, readStdinJson, toHex, writeJson } from './lib/common.mjs'

const resolve = (doc, bytes) => {
  const absolute = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(bytes), doc)
  return absolute === null ? null : absolute.index
}

const input = await readStdinJson()
const results = (input.cases ?? []).map(c => {
  const doc = new Y.Doc({ gc: false })
  for (const hex of c.base ?? []) Y.applyUpdate(doc, fromHex(hex))
  const text = doc.getText('t')
  const encoded = (c.positions ?? []).map(([index, assoc]) => Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index, assoc)))
  const snapshot = Y.snapshot(doc)
  const textBefore = text.toString()
  for (const hex of c.later ?? []) Y.applyUpdate(doc, fromHex(hex))
  return {
    textBefore,
    textAfter: text.toString(),
    positions: encoded.map(toHex),
    resolved: encoded.map(bytes => resolve(doc, bytes)),
    foreignResolved: (c.foreign ?? []).map(hex => resolve(doc, fromHex(hex))),
    snapshot: toHex(Y.encodeSnapshot(snapshot)),
    textAtSnapshot: text.toDelta(snapshot).map(op => typeof op.insert === 'string' ? op.insert : '').join('')
  }
})
writeJson({ yjs: '13.6.33', results })
