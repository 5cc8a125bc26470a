// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

/**
 * Import boundaries between the folders of src/ (README › Layout): the engine (core) runs without Electron
 * and without the fake WeChat; the emulator stands on the HTTP toolkit and WeChat's wire format only; compose
 * is where they meet; the shells (main, cli) sit on top; the renderer and shared code know no Node.
 */
function boundaries() {
  const ELECTRON = {
    name: 'electron',
    message: 'Only the Electron shell (src/main, src/preload) imports electron.'
  }
  /** A relative import that climbs out to one of src's top folders. */
  const into = (folders) => `^(\\.\\./)+(${folders})(/|$)`
  const rule = (message, regex) => ({ regex, message })
  const restrict = (files, patterns, paths = [ELECTRON]) => ({
    files,
    rules: { 'no-restricted-imports': ['error', { paths, patterns }] }
  })
  const noNode = rule('Runs in the renderer: no Node built-ins.', '^node:')
  return [
    restrict(
      ['src/core/**/*.ts'],
      [
        rule('The engine never knows the fake WeChat: src/compose wires the two.', into('emulator')),
        rule(
          'The shells use the engine, never the other way round.',
          into('main|compose|cli|renderer|preload')
        )
      ]
    ),
    restrict(
      ['src/emulator/**/*.ts'],
      [
        rule(
          'The emulator uses only core/http, core/wechat-wire and shared.',
          `^(\\.\\./)+core/(?!(http|wechat-wire)(/|$))`
        ),
        rule('The emulator stands alone.', into('main|compose|cli|renderer|preload'))
      ]
    ),
    restrict(
      ['src/compose/**/*.ts'],
      [rule('The shells use compose, not the other way round.', into('main|cli|renderer|preload'))]
    ),
    restrict(['src/cli/**/*.ts'], [rule('The CLI is a shell of its own.', into('main|renderer|preload'))]),
    restrict(
      ['src/shared/**/*.ts'],
      [
        noNode,
        rule(
          'Shared code is renderer-safe and depends on nothing else in src.',
          into('main|core|compose|cli|emulator|renderer|preload')
        )
      ]
    ),
    restrict(
      ['src/renderer/**/*.{ts,tsx}'],
      [
        noNode,
        rule(
          'The renderer reaches main only through window.desk and shared types.',
          into('main|core|compose|cli|emulator|preload')
        )
      ]
    ),
    restrict(
      ['src/renderer/src/components/**/*.{ts,tsx}', 'src/renderer/src/lib/**/*.{ts,tsx}'],
      [
        noNode,
        rule(
          'The renderer reaches main only through window.desk and shared types.',
          into('main|core|compose|cli|emulator|preload')
        ),
        rule(
          'Shared renderer parts know no feature: the app shell wires features into them.',
          '^(\\.\\./)+(features|app)(/|$)'
        )
      ]
    ),
    restrict(
      ['src/main/**/*.ts'],
      [rule('The Electron shell never imports the emulator: compose does.', into('emulator'))],
      []
    ),
    restrict(
      ['src/preload/**/*.ts'],
      [
        rule(
          'The preload builds window.desk from the contract only.',
          into('main|core|compose|cli|emulator|renderer')
        )
      ],
      []
    )
  ]
}

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "Literal[value='0.0.0.0']",
          message: 'Servers bind to loopback unless the user says otherwise.'
        }
      ]
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'test/unit/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules }
  },
  // The layout is the architecture: these rules keep each folder to what it may know about.
  ...boundaries(),
  {
    // In tests a wrong `!` fails the test loudly, which is what a test is for.
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' }
  },
  prettier
)
