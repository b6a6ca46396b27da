// Brings the local build stack up once before the suite (fast when it already runs). The suite never tears
// it down: `.ci/run` does, with `scripts/e2e-stack.ts down`, so a developer can rerun single files quickly.
import { up } from '../../scripts/lib/e2e-stack.js'

export default async function setup(): Promise<void> {
  if (process.getuid?.() !== 0) {
    throw new Error(
      'the e2e suite provisions daemons and /etc files: run it as root (see test/e2e/README.md)',
    )
  }
  await up()
}
