import { describe, expect, it } from 'vitest'
import { parseCliArgs } from '../../../../src/cli/args'
import { ConfigError, parseServeConfig, secretsFromEnv } from '../../../../src/compose/headless/config'

const APP = {
  appid: 'wx1234567890abcdef',
  name: 'Shop',
  kind: 'official-account',
  env: 'prod',
  mode: 'stable'
}
const SECRET = '0123456789abcdef0123456789abcdef'

function problemsOf(fn: () => unknown): string[] {
  try {
    fn()
  } catch (error) {
    if (error instanceof ConfigError) return error.problems
    throw error
  }
  throw new Error('expected a ConfigError')
}

describe('the serve config file', () => {
  it('parses apps and fills the default API base', () => {
    expect(parseServeConfig('apps.json', JSON.stringify({ apps: [APP] }))).toEqual([
      { ...APP, apiBase: 'https://api.weixin.qq.com' }
    ])
    const proxied = { ...APP, apiBase: 'https://proxy.example/wx/' }
    expect(parseServeConfig('apps.json', JSON.stringify({ apps: [proxied] }))[0]?.apiBase).toBe(
      'https://proxy.example/wx'
    )
  })

  it('names the app (index and AppID) and the field of every problem', () => {
    const problems = problemsOf(() =>
      parseServeConfig(
        'apps.json',
        JSON.stringify({
          apps: [
            APP,
            { ...APP, appid: 'wx00000000000000aa', kind: 'oa' },
            { ...APP, appid: 'wx00000000000000bb', mode: 'remote', name: '' },
            { name: 'no appid', kind: 'mini-program', env: 'dev', mode: 'classic' }
          ]
        })
      )
    )
    expect(problems).toContainEqual(
      expect.stringMatching(/^apps\[1\] \(wx00000000000000aa\): field "kind": /)
    )
    expect(problems).toContainEqual(
      expect.stringMatching(/^apps\[2\] \(wx00000000000000bb\): field "mode": /)
    )
    expect(problems).toContainEqual(
      expect.stringMatching(/^apps\[2\] \(wx00000000000000bb\): field "name": must not be empty/)
    )
    expect(problems).toContainEqual(expect.stringMatching(/^apps\[3\]: field "appid": /))
    expect(problems).toHaveLength(4)
  })

  it('checks the AppID shape, the API base and duplicates', () => {
    const problems = problemsOf(() =>
      parseServeConfig(
        'apps.json',
        JSON.stringify({
          apps: [{ ...APP, appid: 'wx1234567890ABCDEF' }, { ...APP, apiBase: 'http://evil.example' }, APP]
        })
      )
    )
    expect(problems[0]).toMatch(
      /^apps\[0\] \(wx1234567890ABCDEF\): field "appid": AppID: character 13 "A" is upper-case/
    )
    expect(problems[1]).toMatch(
      /^apps\[1\] \(wx1234567890abcdef\): field "apiBase": http:\/\/ is only allowed/
    )
    expect(problems[2]).toMatch(
      /^apps\[2\] \(wx1234567890abcdef\): field "appid": apps\[1\] already has AppID/
    )
  })

  it('refuses a secret in the file, pointing at the environment variable', () => {
    const problems = problemsOf(() =>
      parseServeConfig('apps.json', JSON.stringify({ apps: [{ ...APP, secret: SECRET }] }))
    )
    expect(problems).toEqual([
      expect.stringContaining(
        'apps[0] (wx1234567890abcdef): field "secret": secrets are never read from the config file'
      )
    ])
    expect(problems.join()).not.toContain(SECRET)
  })

  it('explains JSON errors and a wrong top level', () => {
    expect(problemsOf(() => parseServeConfig('apps.json', '{"apps": ['))[0]).toMatch(
      /^apps\.json is not valid JSON/
    )
    expect(problemsOf(() => parseServeConfig('apps.json', '{"app": []}')).sort()).toEqual([
      'apps.json: field "app": unknown field (allowed: apps)',
      'apps.json: field "apps": Invalid input: expected array, received undefined'
    ])
  })
})

describe('secrets from the environment', () => {
  const apps = parseServeConfig('apps.json', JSON.stringify({ apps: [APP] }))

  it('reads WECHAT_SECRET_<appid>', () => {
    expect(secretsFromEnv(apps, { WECHAT_SECRET_wx1234567890abcdef: SECRET }).get(APP.appid)).toBe(SECRET)
  })

  it('names the missing variable, and never quotes a malformed secret', () => {
    expect(problemsOf(() => secretsFromEnv(apps, {}))).toEqual([
      'apps[0] (wx1234567890abcdef): no AppSecret; set the environment variable WECHAT_SECRET_wx1234567890abcdef'
    ])
    const bad = problemsOf(() =>
      secretsFromEnv(apps, { WECHAT_SECRET_wx1234567890abcdef: 'hunter2-hunter2' })
    )
    expect(bad[0]).toContain('is not an AppSecret')
    expect(bad.join()).not.toContain('hunter2')
  })
})

describe('the command line', () => {
  it('parses serve with its options and defaults', () => {
    expect(parseCliArgs(['serve', '--config', 'a.json'])).toEqual({
      command: 'serve',
      config: 'a.json',
      host: '127.0.0.1',
      port: 17180,
      allowNonLoopback: false,
      dataDir: null,
      emulator: false
    })
    expect(parseCliArgs(['serve', '--emulator', '--port', '0', '--data-dir', 'd'])).toMatchObject({
      port: 0,
      emulator: true,
      dataDir: 'd',
      config: null
    })
    expect(parseCliArgs(['--help'])).toEqual({ command: 'help' })
  })

  it.each([
    [['serve', '--config', 'a', '--port', 'x'], /--port: expected an integer/],
    [['serve', '--config', 'a', '--port', '70000'], /--port/],
    [['serve'], /--config: required/],
    [['run', '--config', 'a'], /expected the command "serve"/],
    [['serve', '--config', 'a', '--bogus'], /bogus/]
  ])('refuses %j', (argv, message) => {
    expect(problemsOf(() => parseCliArgs(argv)).join('\n')).toMatch(message)
  })
})
