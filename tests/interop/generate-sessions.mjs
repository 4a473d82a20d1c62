// Generates random multi-client yjs sessions from a seed and prints them as JSON.
//
//   node generate-sessions.mjs --seed 7 --count 20 --steps 120 --clients 3-5 \
//        --features text,format,embed,unicode,map,array,nested,binary,drop --gc true
//
// Each session: several Y.Doc peers edit a text "t", a map "m" and an array "a" (as the features
// allow) and exchange their update events in random order (reordered, duplicated and, with the
// "drop" feature, dropped and later repaired by a state-vector sync). Every local update event is
// recorded. Two observer documents then apply all recorded updates, one in the order they were made
// ("causal") and one in a shuffled order ("shuffled"); their text, maps, arrays, state vector and
// encoded state are written out so that the C# document can replay the same updates and compare.
// Session i uses the seed `seed + i`, which is printed with it.
import * as Y from 'yjs'
import * as prng from 'lib0/prng'
import { describeDoc, parseArgs, toHex, writeJson } from './lib/common.mjs'

const REMOTE = 'remote'
const ALL_FEATURES = ['text', 'format', 'embed', 'unicode', 'map', 'array', 'nested', 'binary', 'drop']

const args = parseArgs(process.argv.slice(2))
const baseSeed = Number(args.seed ?? 1)
const count = Number(args.count ?? 1)
const steps = Number(args.steps ?? 100)
const [minClients, maxClients] = (args.clients ?? '3-5').split('-').map(Number)
const features = new Set((args.features ?? 'text,format,map,array').split(',').filter(f => f !== ''))
const gc = (args.gc ?? 'true') !== 'false'
for (const feature of features) {
  if (!ALL_FEATURES.includes(feature)) throw new Error(`unknown feature ${feature}; known: ${ALL_FEATURES.join(',')}`)
}

const UNICODE_PIECES = ['é', '世界', '😀', '👍🏽', 'ß', 'Ω', '\u00a0', '𝄞']
const MAP_KEYS = ['a', 'b', 'c', 'num', 'list', 'child']

const randomWord = gen => {
  if (features.has('unicode') && prng.int32(gen, 0, 3) === 0) {
    let s = ''
    const n = prng.int32(gen, 1, 3)
    for (let i = 0; i < n; i++) s += prng.oneOf(gen, UNICODE_PIECES)
    return s
  }
  return prng.word(gen, 1, 6)
}

const randomValue = gen => {
  switch (prng.int32(gen, 0, 11)) {
    case 0: return prng.int32(gen, -100, 100)
    case 1: return prng.int32(gen, -2147483647, 2147483647)
    case 2: return prng.oneOf(gen, [2147483648, -2147483648, 4294967296, 9007199254740991])
    case 3: return prng.oneOf(gen, [0.5, 0.1, -2.25, 1e-7, 3.14159])
    case 4: return prng.word(gen, 0, 8)
    case 5: return prng.bool(gen)
    case 6: return null
    case 7: return { x: prng.int32(gen, 0, 9), y: prng.word(gen, 1, 4), z: [prng.bool(gen)] }
    case 8: return [prng.int32(gen, 0, 9), prng.word(gen, 1, 3)]
    case 9: return features.has('binary') ? prng.uint8Array(gen, prng.int32(gen, 0, 4)) : 'bytes'
    case 10: return { 10: 'ten', name: prng.word(gen, 1, 3), 2: 'two' }
    default: return prng.word(gen, 1, 3)
  }
}

// Editors never cut a surrogate pair; yjs itself diverges when an edit does (it replaces each half
// with U+FFFD only on the peers that split the run), so positions are moved to a code point boundary.
// Embeds take one position but are missing from toString(), so positions are checked on the delta.
const boundary = (text, index) => {
  const s = text.toDelta().map(op => typeof op.insert === 'string' ? op.insert : '\ufffc').join('')
  const code = s.charCodeAt(index - 1)
  return index > 0 && index < s.length && code >= 0xd800 && code <= 0xdbff ? index - 1 : index
}

const span = (gen, text, maxLength) => {
  const len = text.length
  const start = boundary(text, prng.int32(gen, 0, len - 1))
  let end = Math.min(len, start + prng.int32(gen, 1, maxLength))
  end = boundary(text, end)
  if (end <= start) end = boundary(text, Math.min(len, start + 2))
  return [start, Math.max(end - start, 0)]
}

const textEdit = (gen, text) => {
  const len = text.length
  const choice = prng.int32(gen, 0, 9)
  if (choice <= 4 || len === 0) {
    const index = boundary(text, prng.int32(gen, 0, len))
    if (features.has('format') && prng.int32(gen, 0, 3) === 0) {
      text.insert(index, randomWord(gen), prng.oneOf(gen, [{ bold: true }, { italic: true, color: '#f00' }, { bold: null }]))
    } else if (features.has('embed') && prng.int32(gen, 0, 6) === 0) {
      text.insertEmbed(index, { image: prng.word(gen, 1, 5) })
    } else {
      text.insert(index, randomWord(gen))
    }
  } else if (choice <= 7 || !features.has('format')) {
    const [index, length] = span(gen, text, 5)
    if (length > 0) text.delete(index, length)
  } else {
    const [index, length] = span(gen, text, 6)
    if (length > 0) text.format(index, length, prng.oneOf(gen, [{ bold: true }, { bold: null }, { color: '#00f' }, { italic: true }]))
  }
}

const arrayEdit = (gen, array) => {
  const len = array.length
  const choice = prng.int32(gen, 0, 5)
  if (choice <= 2 || len === 0) {
    const values = []
    const n = prng.int32(gen, 1, 3)
    for (let i = 0; i < n; i++) values.push(randomValue(gen))
    array.insert(prng.int32(gen, 0, len), values)
  } else if (choice <= 4) {
    const index = prng.int32(gen, 0, len - 1)
    array.delete(index, prng.int32(gen, 1, Math.min(3, len - index)))
  } else {
    array.push([randomValue(gen)])
  }
}

const mapEdit = (gen, map) => {
  const key = prng.oneOf(gen, MAP_KEYS)
  if (features.has('nested') && key === 'child') {
    const child = map.get('child')
    if (child instanceof Y.Map && prng.bool(gen)) {
      child.set(prng.oneOf(gen, ['p', 'q']), randomValue(gen))
    } else if (child instanceof Y.Array && prng.bool(gen)) {
      arrayEdit(gen, child)
    } else if (child instanceof Y.Text && prng.bool(gen)) {
      textEdit(gen, child)
    } else {
      map.set('child', prng.oneOf(gen, [() => new Y.Map(), () => new Y.Array(), () => new Y.Text()])())
    }
    return
  }
  if (prng.int32(gen, 0, 4) === 0) {
    map.delete(key)
  } else {
    map.set(key, randomValue(gen))
  }
}

const localEdit = (gen, doc) => {
  const kinds = []
  if (features.has('text')) kinds.push('text', 'text', 'text')
  if (features.has('map')) kinds.push('map')
  if (features.has('array')) kinds.push('array')
  switch (prng.oneOf(gen, kinds)) {
    case 'text': textEdit(gen, doc.getText('t')); break
    case 'map': mapEdit(gen, doc.getMap('m')); break
    case 'array': arrayEdit(gen, doc.getArray('a')); break
  }
}

const roots = () => ({
  texts: features.has('text') ? ['t'] : [],
  maps: features.has('map') ? ['m'] : [],
  arrays: features.has('array') ? ['a'] : []
})

// What peers must agree on. yjs may cut the same formatted text into different delta operations
// on different peers (deleted format items sit in different places), so adjacent inserts with equal
// attributes are joined before comparing.
const contentOf = doc => {
  const d = describeDoc(doc, roots())
  for (const text of Object.values(d.texts)) {
    const joined = []
    for (const op of text.delta) {
      const last = joined[joined.length - 1]
      if (last !== undefined && typeof last.insert === 'string' && typeof op.insert === 'string' &&
          JSON.stringify(sortKeys(last.attributes)) === JSON.stringify(sortKeys(op.attributes))) {
        last.insert += op.insert
      } else {
        joined.push({ ...op, attributes: sortKeys(op.attributes) })
      }
    }
    text.delta = joined
  }
  return JSON.stringify({ texts: d.texts, maps: d.maps, arrays: d.arrays })
}

const sortKeys = object => object === undefined ? undefined : Object.fromEntries(Object.entries(object).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0))

const generateSession = seed => {
  const gen = prng.create(seed)
  const clientCount = prng.int32(gen, minClients, maxClients)
  const clientIds = []
  while (clientIds.length < clientCount) {
    const id = prng.oneOf(gen, [
      () => prng.int32(gen, 0, 9),
      () => prng.uint32(gen, 0, 0xffffffff),
      () => prng.uint32(gen, 0x80000000, 0xffffffff)
    ])()
    if (!clientIds.includes(id)) clientIds.push(id)
  }
  const docs = clientIds.map(id => {
    const doc = new Y.Doc({ gc })
    doc.clientID = id
    return doc
  })
  const updates = []
  const inboxes = docs.map(() => [])
  let dropped = 0
  docs.forEach((doc, index) => {
    doc.on('update', (update, origin) => {
      if (origin === REMOTE) return
      updates.push({ client: clientIds[index], hex: toHex(update) })
      inboxes.forEach((inbox, receiver) => { if (receiver !== index) inbox.push(update) })
    })
  })
  const deliver = (receiver, allowLoss) => {
    const inbox = inboxes[receiver]
    const [update] = inbox.splice(prng.int32(gen, 0, inbox.length - 1), 1)
    if (allowLoss && features.has('drop') && prng.int32(gen, 0, 19) === 0) {
      dropped++
      return
    }
    if (allowLoss && prng.int32(gen, 0, 19) === 0) inbox.push(update)
    Y.applyUpdate(docs[receiver], update, REMOTE)
  }
  for (let step = 0; step < steps; step++) {
    const waiting = inboxes.map((inbox, i) => inbox.length > 0 ? i : -1).filter(i => i >= 0)
    if (waiting.length > 0 && prng.int32(gen, 0, 9) < 4) {
      deliver(prng.oneOf(gen, waiting), true)
      continue
    }
    const doc = prng.oneOf(gen, docs)
    if (prng.int32(gen, 0, 3) === 0) {
      doc.transact(() => {
        const n = prng.int32(gen, 2, 4)
        for (let i = 0; i < n; i++) localEdit(gen, doc)
      })
    } else {
      localEdit(gen, doc)
    }
  }
  for (;;) {
    const waiting = inboxes.map((inbox, i) => inbox.length > 0 ? i : -1).filter(i => i >= 0)
    if (waiting.length === 0) break
    deliver(prng.oneOf(gen, waiting), false)
  }
  // Repair what was dropped (and what yjs keeps pending) with state-vector syncs, as a provider does.
  for (let round = 0; round < 3; round++) {
    for (const a of docs) {
      for (const b of docs) {
        if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), REMOTE)
      }
    }
  }
  const converged = contentOf(docs[0])
  docs.forEach((doc, i) => {
    if (contentOf(doc) !== converged) throw new Error(`seed ${seed}: yjs peer ${clientIds[i]} did not converge:\n${contentOf(doc)}\n${converged}`)
  })

  const order = {
    causal: updates.map((_, i) => i),
    shuffled: updates.map((_, i) => i)
  }
  for (let i = order.shuffled.length - 1; i > 0; i--) {
    const j = prng.int32(gen, 0, i)
    const t = order.shuffled[i]
    order.shuffled[i] = order.shuffled[j]
    order.shuffled[j] = t
  }
  const results = {}
  for (const [name, indices] of Object.entries(order)) {
    const observer = new Y.Doc({ gc })
    for (const i of indices) Y.applyUpdate(observer, Buffer.from(updates[i].hex, 'hex'))
    results[name] = describeDoc(observer, roots())
  }
  return { seed, gc, features: [...features], clientIds, dropped, roots: roots(), updates, order, results, peers: JSON.parse(converged) }
}

const sessions = []
for (let i = 0; i < count; i++) sessions.push(generateSession(baseSeed + i))
writeJson({ yjs: '13.6.33', sessions })
