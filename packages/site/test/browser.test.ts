/// <reference lib="dom" />
// The built site in a real browser: Debian's Chromium driven by playwright-core, pages opened from file:// (the
// clipboard works there once permissions are granted, so no server is needed). One browser for the whole file.
// Screenshots of every page, desktop and phone, land in test-results/site/ at the repository root.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { loadCatalog, loadVersions } from '@catalog/loader'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildSite, type SiteInput } from '../src/index.js'
import { fixtureCatalog } from './fixture.js'

const CHROMIUM = '/usr/bin/chromium'
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const screenshots = join(repoRoot, 'test-results', 'site')

const chromiumMissing = !existsSync(CHROMIUM)
if (chromiumMissing)
  console.warn(`site browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`)

function realCatalog(): SiteInput | null {
  const catalog = loadCatalog(repoRoot)
  if (catalog.components.length === 0) {
    console.warn('site browser tests: templates/ has no components yet, only the fixture catalog is tested')
    return null
  }
  return {
    components: catalog.components,
    versions: loadVersions(repoRoot),
    project: { path: 'group/container-build-catalog', description: catalog.project.description },
  }
}

function writeSite(input: SiteInput): string {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-site-'))
  for (const [path, contents] of Object.entries(buildSite(input))) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), contents)
  }
  return dir
}

const inputNames = (input: SiteInput, name: string) => {
  const spec = input.components.find((component) => component.name === name)?.spec
  return spec?.ok && spec.spec ? Object.keys(spec.spec.inputs) : []
}

// Generous timeouts: the machine's two cores are shared, and a loaded run is slow, not wrong.
describe.skipIf(chromiumMissing)('the catalog site in Chromium', { timeout: 60_000 }, () => {
  let browser: Browser
  let desktop: BrowserContext
  let phone: BrowserContext
  const sites: { label: string; input: SiteInput; dir: string }[] = []
  const fixture = fixtureCatalog()
  const dirs: string[] = []

  beforeAll(async () => {
    const real = realCatalog()
    if (real) sites.push({ label: 'repo', input: real, dir: writeSite(real) })
    sites.push({ label: 'fixture', input: fixture, dir: writeSite(fixture) })
    dirs.push(...sites.map((site) => site.dir))
    rmSync(screenshots, { recursive: true, force: true })
    mkdirSync(screenshots, { recursive: true })
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
    const permissions = ['clipboard-read', 'clipboard-write']
    desktop = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions })
    phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 1,
      isMobile: true,
      hasTouch: true,
      permissions,
    })
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })

  async function open(context: BrowserContext, dir: string, path: string): Promise<Page> {
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`))
    // No request may leave the site's directory: no fonts, CDNs or fetched JSON.
    page.on('request', (request) => {
      if (!request.url().startsWith(pathToFileURL(dir).href))
        errors.push(`request outside the site: ${request.url()}`)
    })
    await page.goto(pathToFileURL(join(dir, path)).href)
    expect(errors).toEqual([])
    return page
  }

  const visibleCards = (page: Page) =>
    page.locator('#component-list .card:not([hidden]) .card-title a').allTextContents()

  it('lists every component on the index, and search narrows the list and clearing restores it', async () => {
    for (const site of sites) {
      const names = site.input.components.map((component) => component.name).sort()
      const page = await open(desktop, site.dir, 'index.html')
      expect((await visibleCards(page)).sort()).toEqual(names)
      expect(await page.textContent('#result-count')).toBe(`${names.length} components`)

      // A component's full name narrows the list to exactly the components whose name, summary, description or
      // input names mention it (worked out here from the loaded data); pick a name that some component lacks.
      const mentions = (term: string) =>
        site.input.components
          .filter((component) => {
            const spec = component.spec.ok ? component.spec.spec : null
            const text = [
              component.name,
              component.meta?.summary,
              spec?.description,
              ...inputNames(site.input, component.name),
            ]
            return text.join(' ').toLowerCase().includes(term.toLowerCase())
          })
          .map((component) => component.name)
          .sort()
      const target = names.find((name) => mentions(name).length < names.length) ?? ''
      expect(target, 'a component name that some other component does not mention').not.toBe('')
      await page.fill('#search', target)
      expect((await visibleCards(page)).sort()).toEqual(mentions(target))
      expect(await page.textContent('#result-count')).toBe(
        `${mentions(target).length} of ${names.length} components match`,
      )

      await page.fill('#search', 'zz-no-component-has-this')
      expect(await visibleCards(page)).toEqual([])
      expect(await page.isVisible('#no-results')).toBe(true)

      await page.fill('#search', '')
      expect((await visibleCards(page)).sort()).toEqual(names)
      expect(await page.isVisible('#no-results')).toBe(false)
      await page.close()
    }
  })

  it('searches input names and descriptions, and filters by runner', async () => {
    const page = await open(desktop, sites.at(-1)?.dir ?? '', 'index.html')
    await page.fill('#search', 'cache_ttl')
    expect(await visibleCards(page)).toEqual(['kaniko'])
    expect(await page.textContent('[data-component="kaniko"] .card-match')).toBe('Matching inputs: cache_ttl')
    await page.fill('#search', 'ROOTLESS')
    expect(await visibleCards(page)).toEqual(['buildah'])
    expect(await page.isVisible('[data-component="buildah"] .card-match')).toBe(false)
    await page.fill('#search', '')
    await page.check('#filter-unprivileged')
    expect((await visibleCards(page)).sort()).toEqual(['hostile', 'kaniko'])
    expect(await page.textContent('#result-count')).toBe('2 of 3 components match')
    await page.close()
  })

  it('is keyboard-friendly: / focuses the search, arrows move through the results, Esc clears', async () => {
    const page = await open(desktop, sites.at(-1)?.dir ?? '', 'index.html')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content')
    await page.keyboard.press('/')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search')
    await page.keyboard.type('k')
    await page.keyboard.press('Escape')
    expect(await page.inputValue('#search')).toBe('')
    await page.keyboard.press('ArrowDown')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('buildah')
    await page.keyboard.press('ArrowDown')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('hostile')
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('ArrowUp')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search')
    await page.close()
  })

  it('shows each component page with its inputs, and the copy button copies the snippet', async () => {
    for (const site of sites) {
      for (const component of site.input.components) {
        const page = await open(desktop, site.dir, `components/${component.name}.html`)
        expect(await page.textContent('h1')).toBe(component.name)
        expect(await page.locator('.inputs-table tbody th').allTextContents()).toEqual(
          inputNames(site.input, component.name),
        )
        await page.click('#copy-snippet')
        await expect.poll(() => page.textContent('#copy-status')).toBe('Copied')
        const copied = await page.evaluate(() => navigator.clipboard.readText())
        expect(copied).toBe(await page.textContent('#snippet'))
        expect(copied).toContain(`/${component.name}@`)
        await page.close()
      }
    }
  })

  it('falls back to execCommand when the Clipboard API refuses', async () => {
    const page = await open(desktop, sites.at(-1)?.dir ?? '', 'components/buildah.html')
    await page.evaluate(() => navigator.clipboard.writeText('something else'))
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new Error('denied'))
    })
    await page.click('#copy-snippet')
    await expect.poll(() => page.textContent('#copy-status')).toBe('Copied')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await page.textContent('#snippet'))
    await page.close()
  })

  it('changes the snippet and its explanation with the version selector', async () => {
    const page = await open(desktop, sites.at(-1)?.dir ?? '', 'components/kaniko.html')
    const address = '$CI_SERVER_FQDN/platform/ci/container-build-catalog/kaniko'
    const expected: [string, string, RegExp][] = [
      ['minor', `${address}@1.10\n`, /1\.10\.x.*never picks a pre-release/],
      ['major', `${address}@1\n`, /1\.x\.y.*never picks a pre-release/],
      ['latest', `${address}@~latest\n`, /any major version.*never picks a pre-release/],
      ['sha', `${address}@${'b'.repeat(40)}\n`, /SHA never changes/],
      ['exact', `${address}@1.10.1\n`, /safest pin/],
    ]
    for (const [kind, line, meaning] of expected) {
      await page.check(`input[name="ref-kind"][value="${kind}"]`)
      expect(await page.textContent('#snippet')).toContain(line)
      expect(await page.textContent('#ref-meaning')).toMatch(meaning)
    }
    await page.close()
  })

  it('renders hostile template text as text', async () => {
    const page = await open(desktop, sites.at(-1)?.dir ?? '', 'components/hostile.html')
    const dialogs: string[] = []
    page.on('dialog', (dialog) => dialogs.push(dialog.message()))
    await page.check('input[name="ref-kind"][value="minor"]')
    await page.click('#copy-snippet')
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    expect(await page.locator('main img, main script:not([type="application/json"])').count()).toBe(0)
    expect(await page.textContent('.lede')).toBe('Summary <img src=x onerror="window.__pwned=1">')
    expect(dialogs).toEqual([])
    const index = await open(desktop, sites.at(-1)?.dir ?? '', 'index.html')
    expect(await index.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    await index.fill('#search', 'onerror')
    expect(await visibleCards(index)).toEqual(['hostile'])
    await page.close()
    await index.close()
  })

  it('saves a screenshot of every page, desktop and phone, light and dark', async () => {
    const shots: string[] = []
    for (const site of sites) {
      const pages = [
        'index.html',
        ...site.input.components.map((component) => `components/${component.name}.html`),
      ]
      // The fixture (hostile text, releases) is shot on the desktop only, to keep the run short.
      const viewports = [
        ['desktop', desktop] as const,
        ...(site.label === 'fixture' ? [] : [['phone', phone] as const]),
      ]
      for (const [viewport, context] of viewports) {
        for (const path of pages) {
          const page = await open(context, site.dir, path)
          const file = join(
            screenshots,
            `${site.label}-${viewport}-${path.replace(/\//g, '-').replace(/\.html$/, '')}.png`,
          )
          await page.screenshot({ path: file, fullPage: true })
          // Nothing may stick out sideways on a phone.
          if (viewport === 'phone') {
            expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
          }
          shots.push(file)
          await page.close()
        }
      }
      const dark = await open(desktop, site.dir, pages[1] ?? 'index.html')
      await dark.emulateMedia({ colorScheme: 'dark' })
      const file = join(
        screenshots,
        `${site.label}-desktop-dark-${(pages[1] ?? 'index').replace(/\//g, '-').replace(/\.html$/, '')}.png`,
      )
      await dark.screenshot({ path: file, fullPage: true })
      shots.push(file)
      await dark.close()
    }
    for (const shot of shots) expect(existsSync(shot)).toBe(true)
  }, 180_000)
})
