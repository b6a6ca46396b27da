// Reads a builder's own account of which Dockerfile steps it served from cache: BuildKit's plain progress
// (`#N [stage i/n] RUN …` then `#N CACHED` or the cached layer's extraction), buildah's (`STEP i/n: RUN …` then
// `--> Using cache …`) and kaniko's (each step announced as `INFO[…] RUN …`, the cached ones first listed as
// `Using caching version of cmd: …`). Only layer-producing steps (RUN, COPY, ADD) are counted. Colour codes
// (kaniko logs in colour) are ignored.
export interface Step {
  instruction: string
  cached: boolean
}

const LAYER_STEP = /^(RUN|COPY|ADD)\b/i

const COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g')
const plainLines = (log: string) => log.replace(COLOUR, '').split('\n')

// gitlab-ci-local and BuildKit may prefix lines (job name, timestamps); match the step text anywhere.
export function buildkitSteps(log: string): Step[] {
  const names = new Map<string, string>()
  const cached = new Set<string>()
  for (const line of plainLines(log)) {
    const step = /#(\d+) \[[^\]]*?\d+\/\d+\] (.+)$/.exec(line)
    if (step?.[1] && step[2] && !names.has(step[1])) names.set(step[1], step[2].trim())
    // A hit in the local build cache prints CACHED; a hit in an imported registry cache prints no CACHED but
    // downloads and extracts the cached layer (`#N sha256:… done`, `#N extracting sha256:…`) instead of running.
    const hit = /#(\d+) (?:CACHED\s*$|extracting sha256:|sha256:[0-9a-f]{64} )/.exec(line)
    if (hit?.[1]) cached.add(hit[1])
  }
  return [...names.entries()]
    .filter(([, instruction]) => LAYER_STEP.test(instruction))
    .map(([id, instruction]) => ({ instruction, cached: cached.has(id) }))
}

export function buildahSteps(log: string): Step[] {
  const steps: Step[] = []
  let current: Step | undefined
  for (const line of plainLines(log)) {
    const step = /STEP \d+\/\d+: (.+)$/.exec(line)
    if (step?.[1]) {
      current = { instruction: step[1].trim(), cached: false }
      steps.push(current)
      continue
    }
    if (current && /--> Using cache /.test(line)) current.cached = true
  }
  return steps.filter((s) => LAYER_STEP.test(s.instruction))
}

export function kanikoSteps(log: string): Step[] {
  const cached = new Set<string>()
  const announced: string[] = []
  for (const line of plainLines(log)) {
    const hit = /Using caching version of cmd: (.+)$/.exec(line)
    if (hit?.[1]) cached.add(hit[1].trim())
    const step = /^(?:INFO\[\d+\]\s+)?((?:RUN|COPY|ADD) .+)$/.exec(line.trim())
    if (step?.[1]) announced.push(step[1].trim())
  }
  return announced.map((instruction) => ({ instruction, cached: cached.has(instruction) }))
}
