import { isMap, isScalar, isSeq, type Node } from 'yaml'
import type { RuleContext } from '../context.js'
import { HAS_INPUT, includesFiles, inheritedValue } from '../util-extends.js'
import { valueAt } from '../util-yaml.js'

/** The image reference of an `image:` or `services:` entry: a string, or the `name:` of a mapping. */
export function imageNameNode(node: Node | undefined): Node | undefined {
  if (isScalar(node)) return node
  if (isMap(node)) return valueAt(node, 'name')
  return undefined
}

/** Every image a job runs comes from an input, so consumers can point at their own mirror or version. */
export function imageNotInput(ctx: RuleContext): void {
  for (const analysis of ctx.components) {
    const { file, source } = analysis.component
    for (const job of analysis.jobs) {
      const services = valueAt(job.body, 'services')
      const images = [
        { node: imageNameNode(valueAt(job.body, 'image')), what: 'image' },
        ...(isSeq(services) ? (services.items as Node[]) : []).map((item) => ({
          node: imageNameNode(item),
          what: 'service image',
        })),
      ]
      for (const { node, what } of images) {
        if (!node || (isScalar(node) && HAS_INPUT.test(String(node.value)))) continue
        const written = isScalar(node) ? String(node.value) : '…'
        ctx.reportAt(
          'image-not-input',
          file,
          source,
          node.range?.[0] ?? 0,
          `job \`${job.key}\` has a fixed ${what} \`${written}\`; expected it to come from an input with a pinned default. Declare e.g. \`image: { default: '${written}' }\` under spec:inputs and use \`$[[ inputs.image ]]\`.`,
        )
      }
      if (!job.hidden && !includesFiles(analysis) && !inheritedValue(analysis, job, 'image')) {
        ctx.reportAt(
          'image-not-input',
          file,
          source,
          (job.pair.key as { range?: number[] } | null)?.range?.[0] ?? 0,
          `job \`${job.key}\` has no \`image:\`, so it runs in whatever default image the runner has. Add \`image: $[[ inputs.image ]]\` with a pinned default.`,
        )
      }
    }
  }
}
