import type { RuleContext } from '../context.js'

/** The generated README sections match what `catalog docs` would write. */
export function docsDrift(ctx: RuleContext): void {
  const { planDocs } = ctx.tools
  if (!planDocs) return
  for (const { file, current, expected } of planDocs(ctx.catalog)) {
    if (current === expected) continue
    if (current === null) {
      ctx.report(
        'docs-drift',
        file,
        1,
        `${file} does not exist; \`catalog docs\` generates it. Run \`npx catalog docs\` and commit the result.`,
      )
      continue
    }
    const have = current.split('\n')
    const want = expected.split('\n')
    let line = 0
    while (line < have.length && line < want.length && have[line] === want[line]) line++
    ctx.report(
      'docs-drift',
      file,
      line + 1,
      `the generated docs are out of date: line ${line + 1} is ${JSON.stringify(have[line] ?? '(end of file)')}, expected ${JSON.stringify(want[line] ?? '(end of file)')}. Run \`npx catalog docs\` and commit the result.`,
    )
  }
}
