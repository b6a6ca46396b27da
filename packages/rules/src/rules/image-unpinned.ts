import { isSeq, type Node } from 'yaml'
import { renderedJobs } from '../analyze-component.js'
import type { RuleContext } from '../context.js'
import type { Severity } from '../types.js'
import { valueAt } from '../util-yaml.js'
import { imageNameNode } from './image-not-input.js'

/** Why an image reference is not pinned, or null when it carries a digest. */
export function pinProblem(
  reference: string,
  pin: 'digest' | 'tag' = 'digest',
): { severity: Severity; problem: string } | null {
  if (/@sha256:[0-9a-f]{64}$/.test(reference)) return null
  // A `$VARIABLE` image (a matrix, a pipeline's choice) cannot be judged here: not reported.
  if (reference.includes('$')) return null
  const lastSlash = reference.lastIndexOf('/')
  const colon = reference.indexOf(':', lastSlash + 1)
  const tag = colon === -1 ? '' : reference.slice(colon + 1)
  if (/\d+\.\d+\.\d+/.test(tag)) {
    if (pin === 'tag') return null
    return { severity: 'warning', problem: `is pinned by tag only (\`${tag}\`), and tags can be moved` }
  }
  return {
    severity: 'error',
    problem: tag ? `uses the floating tag \`${tag}\`` : 'has no tag, so it means `latest`',
  }
}

function imageOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (value && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string') {
    return (value as { name: string }).name
  }
  return undefined
}

/**
 * The default of every image input is pinned: rendered with defaults, each image ends in `@sha256:<digest>`, or with
 * the option `pin: tag` (a catalog that pins versions by tag and keeps them current another way) carries a version.
 */
export function imageUnpinned(ctx: RuleContext): void {
  const pin = ctx.options('image-unpinned').pin === 'tag' ? 'tag' : 'digest'
  for (const analysis of ctx.components) {
    const { file, source } = analysis.component
    for (const { job, value } of renderedJobs(analysis)) {
      const rendered = (value ?? {}) as Record<string, unknown>
      const templateServices = valueAt(job.body, 'services')
      const entries: { reference: string | undefined; node: Node | undefined }[] = [
        { reference: imageOf(rendered.image), node: imageNameNode(valueAt(job.body, 'image')) },
        ...(Array.isArray(rendered.services) ? rendered.services : []).map((service, index) => ({
          reference: imageOf(service),
          node: imageNameNode(isSeq(templateServices) ? (templateServices.items[index] as Node) : undefined),
        })),
      ]
      for (const { reference, node } of entries) {
        if (!reference) continue
        const found = pinProblem(reference, pin)
        if (!found) continue
        ctx.reportAt(
          'image-unpinned',
          file,
          source,
          node?.range?.[0] ?? (job.pair.key as { range?: number[] } | null)?.range?.[0] ?? 0,
          `job \`${job.key}\` defaults to image \`${reference}\`, which ${found.problem}; expected a digest. Make the input's default \`<image>:<version>@sha256:<digest>\`.`,
          found.severity,
        )
      }
    }
  }
}
