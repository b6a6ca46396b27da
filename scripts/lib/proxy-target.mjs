// The proxy scenario's target: listens on loopback only (a build container cannot reach it directly) and
// answers only requests that carry the stack proxy's `Via` header, so a 200 proves the proxy carried it.
import { createServer } from 'node:http'

const port = Number(process.argv[2] ?? 8099)
const proxyName = 'catalog-e2e-proxy'

createServer((request, response) => {
  const via = request.headers.via ?? ''
  if (via.includes(proxyName)) {
    response.writeHead(200, { 'content-type': 'text/plain' })
    response.end(`reached through ${proxyName}\n`)
  } else {
    response.writeHead(403, { 'content-type': 'text/plain' })
    response.end('direct access refused: use the proxy\n')
  }
}).listen(port, '127.0.0.1')
