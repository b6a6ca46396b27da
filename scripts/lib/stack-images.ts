// Assembles the local images the end-to-end suite runs jobs in, one per default image a component names
// (tool-versions.yml `images`), from the Go-built tools, the busybox build and Debian root filesystems, with the
// Dockerfiles and scripts in scripts/images/<name>/. Nothing is pulled: every image starts `FROM scratch` or from
// a root filesystem imported here. Each image carries a label with the hash of everything that went into it,
// and is rebuilt only when that hash changes.
import { createHash } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import { $, fs, type Shell } from 'zx'
import { type BuiltBusybox, buildBusybox } from './busybox.js'
import { unpackDebianPackages } from './debian-apt.js'
import { goBinary } from './go-tools.js'
import { PREFIX, paths } from './stack-layout.js'
import { debianSource, goTool } from './tool-versions.js'

const IMAGES_DIR = new URL('../images/', import.meta.url).pathname
const RECIPE_LABEL = 'io.catalog-e2e.recipe'
export const LOCAL_PREFIX = 'catalog-e2e.local'

/** `$` with the stack daemon's DOCKER_HOST. */
type Docker = Shell

export interface ImageContext {
  docker: Docker
  busybox: BuiltBusybox
}

/** Every applet as a relative symlink next to the binary, as `busybox --install -s` would make them. */
async function busyboxInto(dir: string, busybox: BuiltBusybox): Promise<void> {
  await fs.ensureDir(dir)
  await fs.copyFile(busybox.binary, join(dir, 'busybox'))
  await fs.chmod(join(dir, 'busybox'), 0o755)
  for (const applet of busybox.applets) {
    if (applet !== 'busybox') await fs.symlink('busybox', join(dir, applet))
  }
}

/** An Alpine-like base: busybox in /bin with every applet, /usr/bin links for the usual absolute paths. */
async function alpineLikeRoot(root: string, busybox: BuiltBusybox): Promise<void> {
  await busyboxInto(join(root, 'bin'), busybox)
  for (const dir of ['usr/bin', 'usr/sbin', 'sbin', 'usr/local/bin', 'root', 'etc/ssl/certs']) {
    await fs.ensureDir(join(root, dir))
  }
  for (const applet of ['env', 'unshare', 'awk', 'tr', 'cut', 'id']) {
    await fs.symlink('/bin/busybox', join(root, 'usr/bin', applet))
  }
  await fs.ensureDir(join(root, 'tmp'))
  await fs.chmod(join(root, 'tmp'), 0o1777)
  await fs.writeFile(
    join(root, 'etc/passwd'),
    'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n',
  )
  await fs.writeFile(join(root, 'etc/group'), 'root:x:0:root\nnogroup:x:65534:\n')
  await fs.writeFile(join(root, 'etc/nsswitch.conf'), 'hosts: files dns\n')
  await fs.copyFile('/etc/ssl/certs/ca-certificates.crt', join(root, 'etc/ssl/certs/ca-certificates.crt'))
}

async function copyExecutable(from: string, to: string): Promise<void> {
  if (!existsSync(from))
    throw new Error(`missing ${from}: build the Go tools first (scripts/e2e-stack.ts tools)`)
  await fs.ensureDir(join(to, '..'))
  await fs.copyFile(from, to)
  await fs.chmod(to, 0o755)
}

async function hashTree(dir: string): Promise<string> {
  const hash = createHash('sha256')
  const walk = async (current: string): Promise<void> => {
    const names: string[] = (await fs.readdir(current)).sort()
    for (const name of names) {
      const full = join(current, name)
      const stat = await fs.lstat(full)
      hash.update(`${relative(dir, full)}\0${stat.mode}\0`)
      if (stat.isSymbolicLink()) hash.update(await fs.readlink(full))
      else if (stat.isDirectory()) await walk(full)
      else {
        for await (const chunk of createReadStream(full)) hash.update(chunk as Buffer)
      }
    }
  }
  await walk(dir)
  return hash.digest('hex').slice(0, 32)
}

async function currentRecipe(docker: Docker, tag: string): Promise<string> {
  const found =
    await docker`docker image inspect --format ${`{{ index .Config.Labels "${RECIPE_LABEL}" }}`} ${tag}`.nothrow()
  return found.ok ? String(found.stdout).trim() : ''
}

/**
 * Builds `tag` from scripts/images/<name>/ plus what `stage` puts into the context; skipped when an image with
 * the same recipe hash exists. `extraRecipe` names inputs outside the context (a base image's recipe).
 */
async function buildImage(
  ctx: ImageContext,
  name: string,
  tag: string,
  stage: (dir: string) => Promise<void>,
  extraRecipe = '',
): Promise<'built' | 'current'> {
  const dir = await fs.mkdtemp(`/tmp/catalog-e2e-image-${name}-`)
  try {
    await fs.copy(join(IMAGES_DIR, name), dir)
    await stage(dir)
    const recipe = createHash('sha256')
      .update(`${await hashTree(dir)}${extraRecipe}`)
      .digest('hex')
      .slice(0, 32)
    if ((await currentRecipe(ctx.docker, tag)) === recipe) return 'current'
    await ctx.docker`docker build --quiet --label ${`${RECIPE_LABEL}=${recipe}`} --tag ${tag} ${dir}`
    return 'built'
  } finally {
    await fs.remove(dir)
  }
}

// ---------------------------------------------------------------- Debian root filesystems

/**
 * A Debian root filesystem made with debootstrap (minbase) plus `packages`, imported as an image. Made once per
 * recipe; the directory stays under STATE so a rebuild of the images above it costs nothing.
 */
async function rootfsImage(ctx: ImageContext, name: string, say: (line: string) => void): Promise<string> {
  const source = debianSource(name)
  const tag = `${LOCAL_PREFIX}/${name}:base`
  const recipe = createHash('sha256').update(JSON.stringify(source)).digest('hex').slice(0, 32)
  if ((await currentRecipe(ctx.docker, tag)) === recipe) return recipe
  const started = Date.now()
  const root = paths.rootfs(name)
  await fs.remove(root)
  await fs.ensureDir(root)
  const archive = (await import('./debian-apt.js')).hostArchiveUri
  await $`debootstrap --variant=minbase ${source.suite} ${root} ${await archive()}`
  // Packaged daemons must not start inside the chroot.
  await fs.writeFile(`${root}/usr/sbin/policy-rc.d`, '#!/bin/sh\nexit 101\n', { mode: 0o755 })
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  await $({ env })`chroot ${root} apt-get -o Acquire::Check-Valid-Until=false update -qq`
  await $({ env })`chroot ${root} apt-get install -y -qq --no-install-recommends ${source.packages}`
  await $({ env })`chroot ${root} apt-get clean`
  await fs.remove(`${root}/usr/sbin/policy-rc.d`)
  await fs.emptyDir(`${root}/var/lib/apt/lists`)
  await ctx.docker`sh -c ${'tar -C "$1" -c . | docker import --change "LABEL $2" - "$3"'} sh ${root} ${`${RECIPE_LABEL}=${recipe}`} ${tag}`
  say(`  rootfs ${name} (${source.suite}): ${((Date.now() - started) / 1000).toFixed(1)}s`)
  return recipe
}

// ---------------------------------------------------------------- the images

export interface LocalImages {
  kaniko: string
  kanikoUpstream: string
  dockerCli: string
  dockerDind: string
  buildkit: string
  buildkitRootless: string
  cosign: string
  cosignV2: string
  buildah: string
  skopeo: string
  regctl: string
}

export function localImageTags(): LocalImages {
  return {
    kaniko: `${LOCAL_PREFIX}/kaniko:${goTool('kaniko').version}-debug`,
    kanikoUpstream: `${LOCAL_PREFIX}/kaniko-project/executor:${goTool('kaniko-upstream').version}-debug`,
    // Their programs come from several pins (Debian's docker CLI, buildx, the engine): `e2e-stack versions` lists them.
    dockerCli: `${LOCAL_PREFIX}/docker:cli`,
    dockerDind: `${LOCAL_PREFIX}/docker:dind`,
    buildkit: `${LOCAL_PREFIX}/moby/buildkit:${goTool('buildkit').version}`,
    buildkitRootless: `${LOCAL_PREFIX}/moby/buildkit:${goTool('buildkit').version}-rootless`,
    cosign: `${LOCAL_PREFIX}/cosign:${goTool('cosign').version}-dev`,
    cosignV2: `${LOCAL_PREFIX}/cosign:${goTool('cosign-v2').version}-dev`,
    buildah: `${LOCAL_PREFIX}/buildah:${debianSource('rootfs-buildah').suite}`,
    skopeo: `${LOCAL_PREFIX}/skopeo:${debianSource('rootfs-buildah').suite}`,
    regctl: `${LOCAL_PREFIX}/regctl:${goTool('regctl').version}-alpine`,
  }
}

async function kanikoImage(ctx: ImageContext, toolName: 'kaniko' | 'kaniko-upstream', tag: string) {
  return buildImage(ctx, 'kaniko-debug', tag, async (dir) => {
    await copyExecutable(goBinary(goTool(toolName), 'executor'), `${dir}/kaniko/executor`)
    await copyExecutable(`${PREFIX}/debian/tini/usr/bin/tini-static`, `${dir}/kaniko/tini`)
    await fs.ensureDir(`${dir}/kaniko/ssl/certs`)
    await fs.copyFile('/etc/ssl/certs/ca-certificates.crt', `${dir}/kaniko/ssl/certs/ca-certificates.crt`)
    await fs.ensureDir(`${dir}/kaniko/.docker`)
    await fs.chmod(`${dir}/kaniko`, 0o777)
    await busyboxInto(`${dir}/busybox`, ctx.busybox)
    await fs.ensureDir(`${dir}/bin`)
    await fs.symlink('/busybox/sh', `${dir}/bin/sh`)
    await fs.ensureDir(`${dir}/etc`)
    await fs.writeFile(`${dir}/etc/nsswitch.conf`, 'hosts: files dns\n')
  })
}

/** Debian's docker CLI with the glibc it was built against (it needs nothing else). */
async function dockerCliInto(root: string): Promise<void> {
  const debian = `${PREFIX}/debian/docker-cli`
  await copyExecutable(`${debian}/usr/bin/docker`, `${root}/usr/local/bin/docker`)
  for (const library of ['usr/lib/x86_64-linux-gnu/libc.so.6', 'usr/lib64/ld-linux-x86-64.so.2']) {
    await fs.ensureDir(join(root, library, '..'))
    await fs.copyFile(join(debian, library), join(root, library))
  }
  for (const [link, target] of Object.entries({ lib64: 'usr/lib64', lib: 'usr/lib' })) {
    if (!existsSync(join(root, link))) await fs.symlink(target, join(root, link))
  }
}

async function dockerCliRoot(root: string, ctx: ImageContext): Promise<void> {
  await alpineLikeRoot(root, ctx.busybox)
  await dockerCliInto(root)
  await copyExecutable(
    goBinary(goTool('buildx'), 'buildx'),
    `${root}/usr/local/libexec/docker/cli-plugins/docker-buildx`,
  )
  for (const dir of ['certs', 'certs/client']) {
    await fs.ensureDir(`${root}/${dir}`)
    await fs.chmod(`${root}/${dir}`, 0o1777)
  }
}

export async function buildLocalImages(
  docker: Docker,
  say: (line: string) => void = () => {},
): Promise<LocalImages> {
  const tags = localImageTags()
  const ctx: ImageContext = { docker, busybox: await buildBusybox(say) }
  const report = (tag: string, result: 'built' | 'current') => say(`  image ${tag}: ${result}`)
  const dindBase = await rootfsImage(ctx, 'rootfs-dind', say)
  const buildahBase = await rootfsImage(ctx, 'rootfs-buildah', say)

  report(tags.kaniko, await kanikoImage(ctx, 'kaniko', tags.kaniko))
  report(tags.kanikoUpstream, await kanikoImage(ctx, 'kaniko-upstream', tags.kanikoUpstream))

  report(
    tags.dockerCli,
    await buildImage(ctx, 'docker-cli', tags.dockerCli, async (dir) => {
      await dockerCliRoot(`${dir}/rootfs`, ctx)
      await fs.move(`${dir}/docker-entrypoint.sh`, `${dir}/rootfs/usr/local/bin/docker-entrypoint.sh`)
    }),
  )

  report(
    tags.dockerDind,
    await buildImage(
      ctx,
      'docker-dind',
      tags.dockerDind,
      async (dir) => {
        const bin = `${dir}/rootfs/usr/local/bin`
        const engine = goTool('docker-engine')
        const containerd = goTool('containerd')
        await copyExecutable(goBinary(engine, 'dockerd'), `${bin}/dockerd`)
        await copyExecutable(goBinary(engine, 'docker-proxy'), `${bin}/docker-proxy`)
        await copyExecutable(goBinary(containerd, 'containerd'), `${bin}/containerd`)
        await copyExecutable(
          goBinary(containerd, 'containerd-shim-runc-v2'),
          `${bin}/containerd-shim-runc-v2`,
        )
        await copyExecutable(goBinary(goTool('runc'), 'runc'), `${bin}/runc`)
        await copyExecutable(`${PREFIX}/debian/tini/usr/bin/tini-static`, `${bin}/docker-init`)
        // The dind image has the docker CLI too (jobs and the suite exec into it); the root filesystem has glibc.
        await copyExecutable(`${PREFIX}/debian/docker-cli/usr/bin/docker`, `${bin}/docker`)
        // moby's own wrapper for a nested daemon, from the engine module at the pinned version.
        await copyExecutable(`${await moduleDir(engine.module, engine.version)}/hack/dind`, `${bin}/dind`)
        await fs.move(`${dir}/dockerd-entrypoint.sh`, `${bin}/dockerd-entrypoint.sh`)
      },
      dindBase,
    ),
  )

  report(
    tags.buildkit,
    await buildImage(ctx, 'buildkit', tags.buildkit, async (dir) => {
      const root = `${dir}/rootfs`
      await alpineLikeRoot(root, ctx.busybox)
      const buildkit = goTool('buildkit')
      const source = await moduleDir(buildkit.module, buildkit.version)
      await copyExecutable(goBinary(buildkit, 'buildkitd'), `${root}/usr/bin/buildkitd`)
      await copyExecutable(goBinary(buildkit, 'buildctl'), `${root}/usr/bin/buildctl`)
      await copyExecutable(goBinary(goTool('runc'), 'runc'), `${root}/usr/bin/buildkit-runc`)
      await copyExecutable(`${source}/hack/buildkitd-entrypoint`, `${root}/usr/bin/buildkitd-entrypoint`)
      await copyExecutable(`${source}/hack/with-cgroupfs-remount`, `${root}/usr/bin/with-cgroupfs-remount`)
      await copyExecutable(
        `${source}/examples/buildctl-daemonless/buildctl-daemonless.sh`,
        `${root}/usr/bin/buildctl-daemonless.sh`,
      )
    }),
  )

  report(tags.buildkitRootless, await buildkitRootlessImage(ctx, tags.buildkitRootless))

  for (const [tag, toolName] of [
    [tags.cosign, 'cosign'],
    [tags.cosignV2, 'cosign-v2'],
  ] as const) {
    report(
      tag,
      await buildImage(ctx, 'cosign-dev', tag, async (dir) => {
        const root = `${dir}/rootfs`
        await busyboxInto(`${root}/busybox`, ctx.busybox)
        await copyExecutable(goBinary(goTool(toolName), 'cosign'), `${root}/ko-app/cosign`)
        await fs.ensureDir(`${root}/etc/ssl/certs`)
        await fs.copyFile('/etc/ssl/certs/ca-certificates.crt', `${root}/etc/ssl/certs/ca-certificates.crt`)
        await fs.writeFile(
          `${root}/etc/passwd`,
          'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n',
        )
        await fs.writeFile(`${root}/etc/group`, 'root:x:0:\nnobody:x:65534:\nnonroot:x:65532:\n')
        await fs.ensureDir(`${root}/home/nonroot`)
        await fs.ensureDir(`${root}/var/run/ko`)
        await fs.ensureDir(`${root}/tmp`)
        await fs.chmod(`${root}/tmp`, 0o1777)
      }),
    )
  }

  report(tags.buildah, await buildImage(ctx, 'buildah', tags.buildah, async () => {}, buildahBase))
  report(tags.skopeo, await buildImage(ctx, 'skopeo', tags.skopeo, async () => {}, buildahBase))

  report(
    tags.regctl,
    await buildImage(ctx, 'regctl', tags.regctl, async (dir) => {
      const root = `${dir}/rootfs`
      await alpineLikeRoot(root, ctx.busybox)
      await copyExecutable(goBinary(goTool('regctl'), 'regctl'), `${root}/usr/local/bin/regctl`)
      // Alpine's adduser -D: the user's shell is /bin/sh, its home /home/appuser.
      await fs.writeFile(
        `${root}/etc/passwd`,
        'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/sbin/nologin\nappuser:x:1000:1000::/home/appuser:/bin/sh\n',
      )
      await fs.writeFile(`${root}/etc/group`, 'root:x:0:root\nnogroup:x:65534:\nappuser:x:1000:appuser\n')
      for (const sub of ['.docker', '.regctl']) await fs.ensureDir(`${dir}/home/appuser/${sub}`)
    }),
  )
  return tags
}

/** The rootless BuildKit image: the BuildKit binaries and rootlesskit, Debian's newuidmap/newgidmap. */
async function buildkitRootlessImage(ctx: ImageContext, tag: string) {
  const helpers = debianSource('rootless-helpers')
  const debian = await unpackDebianPackages('rootless-helpers', helpers.suite, helpers.packages)
  return buildImage(ctx, 'buildkit-rootless', tag, async (dir) => {
    const root = `${dir}/rootfs`
    await alpineLikeRoot(root, ctx.busybox)
    await fs.appendFile(`${root}/etc/passwd`, 'user:x:1000:1000::/home/user:/bin/sh\n')
    await fs.appendFile(`${root}/etc/group`, 'user:x:1000:\n')
    await fs.writeFile(`${root}/etc/subuid`, 'user:100000:65536\n')
    await fs.writeFile(`${root}/etc/subgid`, 'user:100000:65536\n')
    for (const path of ['run/user/1000', 'home/user/.local/tmp', 'home/user/.local/share/buildkit'])
      await fs.ensureDir(`${root}/${path}`)
    const buildkit = goTool('buildkit')
    const source = await moduleDir(buildkit.module, buildkit.version)
    await copyExecutable(goBinary(buildkit, 'buildkitd'), `${root}/usr/bin/buildkitd`)
    await copyExecutable(goBinary(buildkit, 'buildctl'), `${root}/usr/bin/buildctl`)
    await copyExecutable(goBinary(goTool('runc'), 'runc'), `${root}/usr/bin/buildkit-runc`)
    await copyExecutable(goBinary(goTool('rootlesskit'), 'rootlesskit'), `${root}/usr/bin/rootlesskit`)
    await copyExecutable(
      `${source}/examples/buildctl-daemonless/buildctl-daemonless.sh`,
      `${root}/usr/bin/buildctl-daemonless.sh`,
    )
    // The Dockerfile gives them file capabilities with setcap, which stays out of the image.
    for (const program of ['newuidmap', 'newgidmap'])
      await copyExecutable(`${debian}/usr/bin/${program}`, `${root}/usr/bin/${program}`)
    await copyExecutable(`${debian}/usr/sbin/setcap`, `${dir}/setcap/setcap`)
    await copyExecutable(`${debian}/usr/bin/fuse-overlayfs`, `${root}/usr/bin/fuse-overlayfs`)
    // The glibc and libraries those programs link (the Go programs are static), without iconv modules.
    await fs.copy(`${debian}/usr/lib/x86_64-linux-gnu`, `${root}/usr/lib/x86_64-linux-gnu`, {
      filter: (path: string) => !path.includes('/gconv'),
    })
    await fs.ensureDir(`${root}/usr/lib64`)
    await fs.symlink('../lib/x86_64-linux-gnu/ld-linux-x86-64.so.2', `${root}/usr/lib64/ld-linux-x86-64.so.2`)
    await fs.symlink('usr/lib64', `${root}/lib64`)
  })
}

async function moduleDir(module: string, version: string): Promise<string> {
  const out = await $`go mod download -json ${`${module}@${version}`}`
  const dir = (JSON.parse(out.stdout) as { Dir?: string }).Dir
  if (!dir) throw new Error(`go mod download ${module}@${version} gave no directory`)
  return dir
}
