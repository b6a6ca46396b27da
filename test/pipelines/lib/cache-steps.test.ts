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

  it('buildah: a COPY --from that starts its stage gets its own "Using cache", after that stage\'s steps', () => {
    // buildah 1.43.2, warm build on a fresh runner: the final stage reached COPY --from=build before the build
    // stage had run, so the build stage's steps are printed inside the COPY step.
    const log = [
      '[3/3] STEP 3/5: LABEL org.opencontainers.image.revision=$REVISION',
      '--> Using cache 3679799c9409b9fec70d29be3dd8050decab9af840d47104ec848779154e11c7',
      '--> 3679799c9409',
      '[3/3] STEP 4/5: COPY --from=build /out/ /app/',
      '[2/3] STEP 1/4: FROM 3f5361f9b4d9310bd70e1616f64eae822ad63d00025ecdb8c647e91062cb9640 AS build',
      '[2/3] STEP 2/4: RUN sleep 5 && mkdir -p /out',
      '--> Cache pulled from remote registry.e2e.test:5443/x/cache:c71f02e38619:c71f02e38619',
      '--> Using cache 9e3f8e3633f11c540044e3bf8c1ca963d51e7b58cb87883f66a3f842546705c4',
      '--> 9e3f8e3633f1',
      '[2/3] STEP 3/4: COPY app/version.txt /out/version.txt',
      '--> fb44c2061d24',
      '--> Cache pulled from remote registry.e2e.test:5443/x/cache:1a1fc52c1fc9:1a1fc52c1fc9',
      '--> Using cache 82fc43723f1c04b7bc504e67f27da8797ed333766190f4e7449200176f8d0e00',
      '--> 82fc43723f1c',
      '[3/3] STEP 5/5: CMD ["cat", "/app/version.txt"]',
      '--> Using cache 3605d20572e16feb149a066977091ef71fe9154c4a613a603e145e77c8a46f1d',
      '[3/3] COMMIT localhost/catalog-build-5014',
      '--> 3605d20572e1',
    ].join('\n')
    expect(buildahSteps(log)).toEqual([
      { instruction: 'COPY --from=build /out/ /app/', cached: true },
      { instruction: 'RUN sleep 5 && mkdir -p /out', cached: true },
      { instruction: 'COPY app/version.txt /out/version.txt', cached: false },
    ])
  })

  it('buildah: a cached step inside a nested stage does not mark the COPY --from that started it', () => {
    const log = [
      '[3/3] STEP 4/5: COPY --from=build /out/ /app/',
      '[2/3] STEP 1/4: FROM base AS build',
      '[2/3] STEP 2/4: RUN sleep 5',
      '--> Using cache 9e3f8e3633f11c540044e3bf8c1ca963d51e7b58cb87883f66a3f842546705c4',
      '--> 9e3f8e3633f1',
      '--> Pushing cache [registry.e2e.test:5443/x/cache]:1a1fc52c1fc9',
      '--> 82fc43723f1c',
    ].join('\n')
    expect(buildahSteps(log)).toEqual([
      { instruction: 'COPY --from=build /out/ /app/', cached: false },
      { instruction: 'RUN sleep 5', cached: true },
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
