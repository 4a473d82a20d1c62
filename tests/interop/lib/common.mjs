// Helpers shared by the interop scripts: hex, reading JSON from stdin, and a JSON view of a Y.Doc
// that the C# tests compare with their own document.
import * as Y from 'yjs'

// stdout carries exactly one JSON document; yjs's own notices (for example "[yjs] Changed the
// client-id ...") go to stderr instead.
console.log = (...args) => console.error(...args)

/** @param {Uint8Array} bytes */
export const toHex = bytes => Buffer.from(bytes).toString('hex')

/** @param {string} hex */
export const fromHex = hex => {
  if (typeof hex !== 'string' || hex.length % 2 !== 0 || !/^[0-9a-f]*$/i.test(hex)) {
    throw new Error(`not a hex string: ${String(hex).slice(0, 40)}`)
  }
  return new Uint8Array(Buffer.from(hex, 'hex'))
}

export const readStdinJson = async () => {
  const chunks = []
  for await (const chunk of process.stdin) chunks.push(chunk)
  const text = Buffer.concat(chunks).toString('utf8')
  return text.trim() === '' ? {} : JSON.parse(text)
}

export const writeJson = value => {
  process.stdout.write(JSON.stringify(value))
  process.stdout.write('\n')
}

/** Parses `--name value` pairs into an object of strings. */
export const parseArgs = argv => {
  const args = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}`)
    const next = argv[i + 1]
    if (next === undefined || next.startsWith('--')) {
      args[arg.slice(2)] = 'true'
    } else {
      args[arg.slice(2)] = next
      i++
    }
  }
  return args
}

/**
 * A JSON-safe view of any value a Y type may hold. Special values are written as the golden
 * vectors write them: {"$undefined":true}, {"$bigint":"..."}, {"$bytes":"hex"},
 * {"$number":"NaN"|"Infinity"|"-Infinity"|"-0"}.
 */
export const plain = value => {
  if (value === undefined) return { $undefined: true }
  if (value === null) return null
  if (typeof value === 'bigint') return { $bigint: value.toString() }
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { $number: 'NaN' }
    if (value === Infinity) return { $number: 'Infinity' }
    if (value === -Infinity) return { $number: '-Infinity' }
    if (Object.is(value, -0)) return { $number: '-0' }
    return value
  }
  if (value instanceof Uint8Array) return { $bytes: toHex(value) }
  if (value instanceof Y.Text) return { $text: value.toString() }
  if (value instanceof Y.Map) return { $map: sortedMap(value) }
  if (value instanceof Y.Array) return { $array: value.toArray().map(plain) }
  if (value instanceof Y.Doc) return { $subdoc: value.guid }
  if (Array.isArray(value)) return value.map(plain)
  if (typeof value === 'object') return plainEntries(Object.entries(value))
  return value
}

const plainEntries = entries => {
  const result = {}
  for (const [key, val] of entries) result[key] = plain(val)
  return result
}

/** Map keys sorted: peers may hold a map's keys in different orders (the order they integrated them). */
function sortedMap (map) {
  const result = {}
  for (const key of Array.from(map.keys()).sort()) result[key] = plain(map.get(key))
  return result
}

/**
 * What the C# side compares: texts (string and delta), maps, arrays, the state vector and the full
 * state (both hex), and whether structs or deletes are still pending.
 * @param {Y.Doc} doc
 * @param {{texts?: string[], maps?: string[], arrays?: string[]}} roots
 */
export const describeDoc = (doc, roots = {}) => {
  const texts = {}
  for (const name of roots.texts ?? []) {
    const text = doc.getText(name)
    texts[name] = { string: text.toString(), delta: text.toDelta().map(op => plain(op)) }
  }
  const maps = {}
  for (const name of roots.maps ?? []) maps[name] = sortedMap(doc.getMap(name))
  const arrays = {}
  for (const name of roots.arrays ?? []) arrays[name] = doc.getArray(name).toArray().map(plain)
  return {
    texts,
    maps,
    arrays,
    stateVector: toHex(Y.encodeStateVector(doc)),
    state: toHex(Y.encodeStateAsUpdate(doc)),
    pending: doc.store.pendingStructs !== null || doc.store.pendingDs !== null
  }
}
