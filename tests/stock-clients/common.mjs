// Shared by the stock-client scripts: arguments, the typing plan (markers inserted at marker boundaries so no
// marker is ever split), the wait for every peer's markers, and the final report on stdout.
import * as Y from 'yjs'

export function readArguments (argv) {
  const options = {}
  for (let i = 2; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || i + 1 >= argv.length) {
      throw new Error(`bad argument ${argv[i]}: expected --name value pairs`)
    }
    options[argv[i].slice(2)] = argv[i + 1]
  }
  for (const required of ['url', 'token', 'document', 'name']) {
    if (!options[required]) throw new Error(`--${required} is required`)
  }
  options.edits = Number(options.edits ?? '10')
  options.seed = Number(options.seed ?? '1')
  options.timeout = Number(options.timeout ?? '60000')
  // --expect a:10,b:10 names the markers of every other peer that must arrive before reporting.
  options.expected = (options.expect ?? '').split(',').filter(Boolean).flatMap(entry => {
    const [peer, count] = entry.split(':')
    return Array.from({ length: Number(count) }, (_, i) => marker(peer, i))
  })
  return options
}

export const marker = (peer, i) => `[${peer}:${i}]`

/** A small deterministic generator (mulberry32), so a failing run can be replayed. */
export function random (seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6D2B79F5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Where a marker may go: the start, the end, or just before another marker. */
export function insertionPoint (text, next) {
  const points = [0, text.length]
  for (let i = text.indexOf('['); i >= 0; i = text.indexOf('[', i + 1)) points.push(i)
  return points[Math.floor(next() * points.length)]
}

export const emit = (event) => process.stdout.write(JSON.stringify(event) + '\n')

/** Types the peer's markers one transaction each, a few milliseconds apart. */
export async function type (doc, options) {
  const text = doc.getText('text')
  const next = random(options.seed)
  for (let i = 0; i < options.edits; i++) {
    text.insert(insertionPoint(text.toString(), next), marker(options.name, i))
    await new Promise(resolve => setTimeout(resolve, 5 + Math.floor(next() * 15)))
  }
}

/** Resolves once the text holds every expected marker and the peer's own. */
export function everyMarkerArrived (doc, options) {
  const own = Array.from({ length: options.edits }, (_, i) => marker(options.name, i))
  const all = [...own, ...options.expected]
  const complete = () => { const text = doc.getText('text').toString(); return all.every(m => text.includes(m)) }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      const text = doc.getText('text').toString()
      reject(new Error(`timed out; missing ${all.filter(m => !text.includes(m)).join(' ')}`))
    }, options.timeout)
    const check = () => { if (complete()) { clearTimeout(timer); doc.off('update', check); resolve() } }
    doc.on('update', check)
    check()
  })
}

export function report (doc) {
  emit({
    event: 'done',
    text: doc.getText('text').toString(),
    stateVector: Buffer.from(Y.encodeStateVector(doc)).toString('base64')
  })
}

export function fail (error) {
  emit({ event: 'error', message: String(error?.message ?? error) })
  process.exit(1)
}
