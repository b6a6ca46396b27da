// Copies lib/catalog-lib.sh into every template's `- |  # catalog-lib` script item (scripts/lib/catalog-lib.ts).
// Usage: npm run sync-lib [-- --check]. With --check it changes nothing and exits 1 when a template is out of date.
import { argv, fs } from 'zx'
import { embedLib, readLib } from './lib/catalog-lib.js'

const templatesDir = new URL('../templates/', import.meta.url).pathname
const check = (argv as { check?: boolean }).check === true
const lib = readLib()
let stale = 0
for (const name of (await fs.readdir(templatesDir)).sort()) {
  const file = `${templatesDir}${name}/template.yml`
  if (!(await fs.pathExists(file))) continue
  const text = await fs.readFile(file, 'utf8')
  const result = embedLib(text, lib)
  if (!result.ok) continue
  if (result.text === text) continue
  stale++
  if (check)
    process.stdout.write(`templates/${name}/template.yml: catalog-lib differs from lib/catalog-lib.sh\n`)
  else {
    await fs.writeFile(file, result.text)
    process.stdout.write(`updated templates/${name}/template.yml\n`)
  }
}
if (check && stale > 0) process.exitCode = 1
