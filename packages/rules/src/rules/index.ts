import type { Rule } from '../context.js'
import type { RuleCategory, RuleOptions } from '../validate-config.js'
import { catalogComponentCount } from './catalog-component-count.js'
import { catalogComponentName } from './catalog-component-name.js'
import { catalogDescription } from './catalog-description.js'
import { catalogFileUnreadable } from './catalog-file-unreadable.js'
import { catalogReadme } from './catalog-readme.js'
import { catalogTemplateLayout } from './catalog-template-layout.js'
import { catalogYamlExtension } from './catalog-yaml-extension.js'
import { ciSchema } from './ci-schema.js'
import { docsDrift } from './docs-drift.js'
import { foldedCommandIndent } from './folded-command-indent.js'
import { globalKeyword } from './global-keyword.js'
import { headerInvalid } from './header-invalid.js'
import { imageNotInput } from './image-not-input.js'
import { imageUnpinned } from './image-unpinned.js'
import { inputDefaultInvalid } from './input-default-invalid.js'
import { inputRegexInvalid } from './input-regex-invalid.js'
import { inputUndeclared } from './input-undeclared.js'
import { inputUndescribed } from './input-undescribed.js'
import { inputUntyped } from './input-untyped.js'
import { inputUnused } from './input-unused.js'
import { jobNameNotInput } from './job-name-not-input.js'
import { metaInvalid } from './meta-invalid.js'
import { minimumGitlabTooLow } from './minimum-gitlab-too-low.js'
import { renderDefaults } from './render-defaults.js'
import { renderScenario } from './render-scenario.js'
import { rulesIfInvalid } from './rules-if-invalid.js'
import { secretEchoed } from './secret-echoed.js'
import { secretOnCommandLine } from './secret-on-command-line.js'
import { shellInjection } from './shell-injection.js'
import { shellcheck } from './shellcheck.js'
import { stageNotInput } from './stage-not-input.js'
import { yamlInvalid } from './yaml-invalid.js'

/** A rule: its check, what it is about (which decides the profiles that run it), and the options it takes. */
export interface RuleDefinition {
  check: Rule
  category: RuleCategory
  options?: RuleOptions
}

/** Every rule, run in this order. shellcheck comes first so its process runs while the others compute. */
export const rules: Record<string, RuleDefinition> = {
  shellcheck: {
    check: shellcheck,
    category: 'gitlab',
    options: { shell: ['auto', 'sh', 'bash', 'dash', 'ksh'], level: ['warning', 'error', 'info', 'style'] },
  },
  'yaml-invalid': { check: yamlInvalid, category: 'gitlab' },
  'header-invalid': { check: headerInvalid, category: 'gitlab' },
  'render-defaults': { check: renderDefaults, category: 'gitlab' },
  'render-scenario': { check: renderScenario, category: 'gitlab' },
  'ci-schema': { check: ciSchema, category: 'gitlab' },
  'rules-if-invalid': { check: rulesIfInvalid, category: 'gitlab' },
  'catalog-file-unreadable': { check: catalogFileUnreadable, category: 'gitlab' },
  'catalog-readme': { check: catalogReadme, category: 'gitlab' },
  'catalog-description': { check: catalogDescription, category: 'policy' },
  'catalog-component-count': { check: catalogComponentCount, category: 'gitlab' },
  'catalog-component-name': { check: catalogComponentName, category: 'gitlab' },
  'catalog-yaml-extension': { check: catalogYamlExtension, category: 'gitlab' },
  'catalog-template-layout': { check: catalogTemplateLayout, category: 'hardening' },
  'meta-invalid': { check: metaInvalid, category: 'policy' },
  'minimum-gitlab-too-low': { check: minimumGitlabTooLow, category: 'gitlab' },
  'input-undescribed': { check: inputUndescribed, category: 'policy' },
  'input-untyped': { check: inputUntyped, category: 'policy' },
  'input-default-invalid': { check: inputDefaultInvalid, category: 'gitlab' },
  'input-regex-invalid': { check: inputRegexInvalid, category: 'gitlab' },
  'input-unused': { check: inputUnused, category: 'hardening' },
  'input-undeclared': { check: inputUndeclared, category: 'gitlab' },
  'job-name-not-input': { check: jobNameNotInput, category: 'policy' },
  'stage-not-input': { check: stageNotInput, category: 'policy' },
  'image-not-input': { check: imageNotInput, category: 'policy' },
  'image-unpinned': { check: imageUnpinned, category: 'hardening', options: { pin: ['digest', 'tag'] } },
  'global-keyword': { check: globalKeyword, category: 'hardening' },
  'shell-injection': {
    check: shellInjection,
    category: 'hardening',
    options: { quoted: ['ignore', 'warning'] },
  },
  'secret-on-command-line': { check: secretOnCommandLine, category: 'hardening' },
  'secret-echoed': { check: secretEchoed, category: 'hardening' },
  'folded-command-indent': { check: foldedCommandIndent, category: 'gitlab' },
  'docs-drift': { check: docsDrift, category: 'policy' },
  'suppression-invalid': { check: () => {}, category: 'hardening' },
}

export const ruleIds = Object.keys(rules)
