// Reads a builder's own account of which Dockerfile steps it served from cache: BuildKit's plain progress
// (`#N [stage i/n] RUN …` then `#N CACHED` or the cached layer's extraction), buildah's (`STEP i/n: RUN …` then `--> Using cache …`) and
// kaniko's (`Using caching version of cmd: …`). Only layer-producing steps (RUN, COPY, ADD) are counted.
export interface Step {
  instruction: string
  cached: boolean
}

const LAYER_STEP = /^(RUN|COPY|ADD)\b/i

// gitlab-ci-local and BuildKit may prefix lines (job name, timestamps); match the step text anywhere.
export function buildkitSteps(log: string): Step[] {
  const names = new Map<string, string>()
  const cached = new Set<string>()
  for (const line of log.split('\n')) {
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
  for (const line of log.split('\n')) {
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
  const steps: Step[] = []
  for (const line of log.split('\n')) {
    const hit = /Using caching version of cmd: (.+)$/.exec(line)
    if (hit?.[1]) steps.push({ instruction: hit[1].trim(), cached: true })
    const miss = /No cached layer found for cmd (.+)$/.exec(line)
    if (miss?.[1]) steps.push({ instruction: miss[1].trim(), cached: false })
  }
  return steps.filter((s) => LAYER_STEP.test(s.instruction))
}

export const stepsFor = { 'buildx-cache': buildkitSteps, buildah: buildahSteps, kaniko: kanikoSteps } as const
