// ESLint flat config. Besides style, it enforces the layers of STYLE.md: shared/ is pure, the core
// never imports Electron, the renderer imports shared/ only.
import js from '@eslint/js'
import vueA11y from 'eslint-plugin-vuejs-accessibility'
import vue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'child_process', 'url']

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench-results/**', '*.config.ts.*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  ...vueA11y.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    files: ['**/*.{ts,vue,js}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/multi-word-component-names': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      // Labels are tied to controls by id through FormField's slot, which the rule cannot follow.
      'vuejs-accessibility/label-has-for': 'off',
      'vuejs-accessibility/form-control-has-label': 'off',
      'vuejs-accessibility/no-autofocus': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...nodeBuiltins, 'electron', 'vue', 'pinia', 'better-sqlite3*', '**/electron/**', '**/renderer/**'] },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['electron', 'vue', 'pinia', '**/renderer/**', '**/electron/main/**', '**/electron/preload/**'] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...nodeBuiltins, 'electron', 'better-sqlite3*', '**/electron/**'] }],
    },
  },
  {
    // Stores own all I/O (STYLE.md, Renderer): views and components never call the API themselves.
    files: ['renderer/src/components/**/*.{ts,vue}', 'renderer/src/views/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...nodeBuiltins, 'electron', 'better-sqlite3*', '**/electron/**'] },
            { group: ['**/api/client'], importNames: ['call', 'getApi'], message: 'Views and components talk to the core through their store.' },
          ],
        },
      ],
    },
  },
)
