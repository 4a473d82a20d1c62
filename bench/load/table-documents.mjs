#!/usr/bin/env node
// Tables documents as the chair until the negotiation has COUNT of them, each with the first document's text and a
// symbol of its own (POST /api/documents); prints nothing, exits 1 with the server's answer on a refusal.
//   node table-documents.mjs URL CHAIR_TOKEN COUNT
const [url, token, count] = process.argv.slice(2)
if (!url || !token || !(Number(count) >= 1)) throw new Error('usage: node table-documents.mjs URL CHAIR_TOKEN COUNT')
const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }
const call = async (path, init) => {
  const response = await fetch(`${url.replace(/\/$/, '')}${path}`, { headers, ...init })
  if (!response.ok) {
    console.error(`${init?.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`)
    process.exit(1)
  }
  return response.json()
}
const documents = await call('/api/documents')
const first = await call(`/api/documents/${documents[0].id}`)
for (let n = documents.length + 1; n <= Number(count); n++) {
  const symbol = `BENCH/2026/CRP.${n}`
  const text = first.text.replace(/^symbol: .*$/m, `symbol: ${symbol}`)
  await call('/api/documents', { method: 'POST', body: JSON.stringify({ title: `Bench document ${n}`, symbol, text }) })
}
