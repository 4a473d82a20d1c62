// Runs edit scripts on yjs peers and reports every update event, so that the same script run on
// the C# CRDT can be compared byte for byte: this checks local edits (which neighbours, origins and
// formatting items an insert, delete or format produces), not only the integration of updates.
//
//   echo '{"scripts":[{"peers":[7,3000000000],"steps":[{"peer":0,"tx":[["insert",0,"abc",null]]},{"sync":[0,1]}]}]}' \
//     | node edit-script.mjs
//
// A step is either {"peer": i, "tx": [op, ...]} (one transaction on peer i, on its text "t", map
// "m" and array "a") or {"sync": [from, to]} (peer `to` applies what `from` has and it lacks:
// Y.encodeStateAsUpdate(from, Y.encodeStateVector(to))). Ops:
//   ["insert", index, text, attributes|null]  ["delete", index, length]
//   ["format", index, length, attributes]     ["embed", index, object]
//   ["mapSet", key, value]  ["mapDelete", key]  ["arrayInsert", index, [values]]  ["arrayDelete", index, length]
// Values are JSON; {"$bytes": "hex"} stands for a Uint8Array.
// Answer per script: for each peer, its update events (hex, local and remote) and its final state.
import * as Y from 'yjs'
import { describeDoc, fromHex, readStdinJson, writeJson } from './lib/common.mjs'

const value = v => {
  if (v === null || typeof v !== 'object') return v
  if (Array.isArray(v)) return v.map(value)
  if (typeof v.$bytes === 'string') return fromHex(v.$bytes)
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, value(x)]))
}

const apply = (doc, op) => {
  const [kind, ...args] = op
  switch (kind) {
    case 'insert': doc.getText('t').insert(args[0], args[1], args[2] ?? undefined); break
    case 'delete': doc.getText('t').delete(args[0], args[1]); break
    case 'format': doc.getText('t').format(args[0], args[1], args[2]); break
    case 'embed': doc.getText('t').insertEmbed(args[0], value(args[1])); break
    case 'mapSet': doc.getMap('m').set(args[0], value(args[1])); break
    case 'mapDelete': doc.getMap('m').delete(args[0]); break
    case 'arrayInsert': doc.getArray('a').insert(args[0], args[1].map(value)); break
    case 'arrayDelete': doc.getArray('a').delete(args[0], args[1]); break
    default: throw new Error(`unknown op ${kind}`)
  }
}

const input = await readStdinJson()
const results = (input.scripts ?? []).map(script => {
  const peers = script.peers.map(id => {
    const doc = new Y.Doc({ gc: script.gc ?? true })
    doc.clientID = id
    return doc
  })
  const events = peers.map(() => [])
  peers.forEach((doc, i) => doc.on('update', update => events[i].push(Buffer.from(update).toString('hex'))))
  script.steps.forEach((step, n) => {
    try {
      if (step.sync !== undefined) {
        const [from, to] = step.sync
        Y.applyUpdate(peers[to], Y.encodeStateAsUpdate(peers[from], Y.encodeStateVector(peers[to])), 'sync')
      } else {
        peers[step.peer].transact(() => step.tx.forEach(op => apply(peers[step.peer], op)))
      }
    } catch (error) {
      throw new Error(`step ${n} (${JSON.stringify(step)}): ${error.message}`)
    }
  })
  return {
    peers: peers.map((doc, i) => ({ events: events[i], doc: describeDoc(doc, { texts: ['t'] }) }))
  }
})
writeJson({ yjs: '13.6.33', results })
