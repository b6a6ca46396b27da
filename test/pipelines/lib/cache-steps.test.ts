// cache-steps.awk (through the suite's cacheSteps) on excerpts of real builder output: BuildKit plain progress
// with a local and a registry cache hit, buildah --layers with --cache-from, kaniko --cache.
import { describe, expect, it } from 'vitest'
import { buildahSteps, buildkitSteps, cacheSteps, kanikoSteps } from '../../e2e/lib/cache-report.js'

describe('cache reports', () => {
  it('BuildKit: CACHED and an imported layer are hits, an executed step is not; FROM and metadata are not counted', () => {
    const log = [
      '#7 [build 1/4] FROM registry.e2e.test:5443/base/busybox:1@sha256:ce4a',
      '#8 [build 2/4] RUN sleep 5 && echo slow',
      '#8 sha256:ba5e26e13d2cbe678a0c98e493a4b28f7a5b5d4b5b1a65dfcb295f77a1a8da0c 108B / 108B 0.0s done',
      '#8 extracting sha256:ba5e26e13d2cbe678a0c98e493a4b28f7a5b5d4b5b1a65dfcb295f77a1a8da0c',
      '#8 DONE 0.1s',
      '#9 [build 3/4] COPY app/version.txt /out/version.txt',
      '#9 CACHED',
      '#10 [build 4/4] RUN cp /out/version.txt /out/version.copy',
      '#10 DONE 0.3s',
      '#11 [stage-2 2/2] LABEL x=y',
    ].join('\n')
    expect(buildkitSteps(log)).toEqual([
      { instruction: 'RUN sleep 5 && echo slow', cached: true },
      { instruction: 'COPY app/version.txt /out/version.txt', cached: true },
      { instruction: 'RUN cp /out/version.txt /out/version.copy', cached: false },
    ])
  })

  it('buildah: "Using cache" after a step marks it cached', () => {
    const log = [
      '[2/3] STEP 2/4: RUN sleep 5 && mkdir -p /out',
      '--> Cache pulled from remote registry.e2e.test:5443/x/cache:b55b',
      '--> Using cache 499c97ec8e3385b75566ce2d834ea9d6b9ec31ed4b441a23066b82b410b25180',
      '[2/3] STEP 3/4: COPY app/version.txt /out/version.txt',
      '--> e7441685abc',
      '[3/3] STEP 2/5: ARG REVISION=unknown',
      '--> Using cache 4a71eec04ef',
    ].join('\n')
    expect(buildahSteps(log)).toEqual([
      { instruction: 'RUN sleep 5 && mkdir -p /out', cached: true },
      { instruction: 'COPY app/version.txt /out/version.txt', cached: false },
    ])
  })

  it('kaniko: every announced step counts; those first listed as "Using caching version of cmd" are hits; colour is ignored', () => {
    // kaniko v1.27.5, warm build: the first RUN from the registry cache; a cold build announces them alike.
    const warm = [
      '\x1b[36mINFO\x1b[0m[0000] Checking for cached layer registry.e2e.test:5443/x/cache:e5a6...',
      '\x1b[36mINFO\x1b[0m[0000] Using caching version of cmd: RUN sleep 5 && mkdir -p /out ',
      '\x1b[36mINFO\x1b[0m[0000] No cached layer found for cmd RUN cp /out/version.txt /out/version.copy ',
      '\x1b[36mINFO\x1b[0m[0000] Unpacking rootfs as cmd COPY app/version.txt /out/version.txt requires it. ',
      '\x1b[36mINFO\x1b[0m[0000] RUN sleep 5 && mkdir -p /out ',
      '\x1b[36mINFO\x1b[0m[0000] Found cached layer, extracting to filesystem ',
      '\x1b[36mINFO\x1b[0m[0000] COPY app/version.txt /out/version.txt        ',
      '\x1b[36mINFO\x1b[0m[0000] RUN cp /out/version.txt /out/version.copy    ',
      '\x1b[36mINFO\x1b[0m[0000] Running: [/bin/sh -c cp /out/version.txt /out/version.copy] ',
    ].join('\n')
    expect(kanikoSteps(warm)).toEqual([
      { instruction: 'RUN sleep 5 && mkdir -p /out', cached: true },
      { instruction: 'COPY app/version.txt /out/version.txt', cached: false },
      { instruction: 'RUN cp /out/version.txt /out/version.copy', cached: false },
    ])
  })

  it('GitLab job-log prefixes and timestamps do not hide a step', () => {
    const log = [
      '2026-12-02T07:00:00.000000Z 01O #8 [build 2/4] RUN sleep 5',
      '2026-12-02T07:00:00.100000Z 01E #8 CACHED',
    ].join('\n')
    expect(buildkitSteps(log)).toEqual([{ instruction: 'RUN sleep 5', cached: true }])
  })

  it('an unknown log format is refused, not read as "no steps"', () => {
    expect(() => cacheSteps('docker' as 'buildkit', '#8 [build 2/4] RUN sleep 5')).toThrow(
      "builder must be buildkit, buildah or kaniko, not 'docker'",
    )
  })
})
