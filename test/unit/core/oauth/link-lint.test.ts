import { describe, expect, it } from 'vitest'
import { LINT_RULES, lintLink, type LintContext } from '../../../../src/core/oauth'
import { OAUTH_LINT_RULES, type OAuthLinkDraft, type OAuthLintRule } from '../../../../src/shared/contract'

const GOOD: LintContext = {
  draft: {
    redirectUri: 'https://www.example.com/oauth/callback?from=menu',
    scope: 'snsapi_userinfo',
    endpoint: 'authorize',
    state: 'a1B2c3D4e5F6g7H8',
    forcePopup: false,
    connectRedirect: true,
    lang: null
  },
  kind: 'official-account',
  domains: ['www.example.com'],
  domainsSource: 'profile'
}

const ctx = (
  draft: Partial<OAuthLinkDraft> = {},
  rest: Partial<Omit<LintContext, 'draft'>> = {}
): LintContext => ({
  ...GOOD,
  ...rest,
  draft: { ...GOOD.draft, ...draft }
})

const rulesOf = (context: LintContext): OAuthLintRule[] => lintLink(context).map((f) => f.rule)

describe('the authorize-link lint', () => {
  it('finds nothing in a correct link', () => {
    expect(lintLink(GOOD)).toEqual([])
  })

  it('has a rule for every rule name, each with both languages in message and fix', () => {
    expect(Object.keys(LINT_RULES).sort()).toEqual([...OAUTH_LINT_RULES].sort())
    const noisy = ctx(
      { redirectUri: 'http://localhost:8080/cb#/x', state: 'bad state!', scope: 'snsapi_login' },
      { kind: 'mini-program' }
    )
    for (const finding of lintLink(noisy)) {
      expect(finding.message.en).not.toBe('')
      expect(finding.message['zh-CN']).not.toBe('')
      expect(finding.fix.en).not.toBe('')
      expect(finding.fix['zh-CN']).not.toBe('')
    }
  })

  it('redirect-invalid: empty, relative or non-http redirect URIs', () => {
    expect(rulesOf(ctx({ redirectUri: '' }))).toEqual(['redirect-invalid'])
    expect(rulesOf(ctx({ redirectUri: '/oauth/callback' }))).toContain('redirect-invalid')
    expect(rulesOf(ctx({ redirectUri: 'ftp://www.example.com/cb' }))).toContain('redirect-invalid')
    expect(LINT_RULES['redirect-invalid'](GOOD)).toBeNull()
  })

  it('redirect-encoded: a URI already percent-encoded would be encoded twice', () => {
    const found = LINT_RULES['redirect-encoded'](ctx({ redirectUri: 'https%3A%2F%2Fwww.example.com%2Fcb' }))
    expect(found).toMatchObject({ severity: 'error', field: 'redirectUri' })
    expect(found?.fix.en).toContain('https://www.example.com/cb')
    expect(rulesOf(ctx({ redirectUri: 'https%3A%2F%2Fwww.example.com%2Fcb' }))).not.toContain(
      'redirect-invalid'
    )
    // An encoded value inside the redirect's own query is normal.
    expect(
      LINT_RULES['redirect-encoded'](ctx({ redirectUri: 'https://www.example.com/cb?next=%2Fhome' }))
    ).toBeNull()
  })

  it('domain-unregistered: without recorded domains the host cannot be checked (a warning)', () => {
    expect(LINT_RULES['domain-unregistered'](ctx({}, { domains: [], domainsSource: 'none' }))).toMatchObject({
      severity: 'warning'
    })
    expect(LINT_RULES['domain-unregistered'](GOOD)).toBeNull()
  })

  it('domain-mismatch: the host must equal a registered domain exactly (10003)', () => {
    const sub = LINT_RULES['domain-mismatch'](ctx({ redirectUri: 'https://pay.example.com/cb' }))
    expect(sub).toMatchObject({ severity: 'error' })
    expect(sub?.message.en).toContain('10003')
    expect(sub?.fix.en).toContain('exactly')
    expect(LINT_RULES['domain-mismatch'](ctx({ redirectUri: 'https://example.com/cb' }))).not.toBeNull()
    const port = LINT_RULES['domain-mismatch'](
      ctx(
        { redirectUri: 'http://192.168.1.20:9000/cb' },
        { kind: 'test-account', domains: ['192.168.1.20:8080'] }
      )
    )
    expect(port?.fix.en).toContain('port is part of the match')
    // Case and the scheme's default port do not matter; the path never does.
    expect(
      LINT_RULES['domain-mismatch'](ctx({ redirectUri: 'https://WWW.Example.com:443/any/path' }))
    ).toBeNull()
    // The emulator's sandbox accepts 127.0.0.1 on any port, and says so in words.
    const sandbox = {
      kind: 'test-account' as const,
      domains: ['127.0.0.1:*'],
      domainsSource: 'emulator' as const
    }
    expect(
      LINT_RULES['domain-mismatch'](ctx({ redirectUri: 'http://127.0.0.1:43117/oauth/callback' }, sandbox))
    ).toBeNull()
    expect(
      LINT_RULES['domain-mismatch'](ctx({ redirectUri: 'http://10.0.0.2:43117/cb' }, sandbox))?.message.en
    ).toContain('127.0.0.1 (any port)')
  })

  it('port-or-ip: only test accounts accept an IP or a port', () => {
    const ip = ctx({ redirectUri: 'http://192.168.1.20/cb' }, { domains: ['192.168.1.20'] })
    expect(LINT_RULES['port-or-ip'](ip)).toMatchObject({ severity: 'error' })
    expect(LINT_RULES['port-or-ip'](ctx({ redirectUri: 'https://www.example.com:8443/cb' }))).not.toBeNull()
    expect(LINT_RULES['port-or-ip'](ctx({ redirectUri: 'http://[::1]/cb' }))?.message.en).toContain(
      'IP address'
    )
    expect(LINT_RULES['port-or-ip']({ ...ip, kind: 'test-account' })).toBeNull()
    expect(LINT_RULES['port-or-ip'](GOOD)).toBeNull()
  })

  it('localhost: the phone cannot reach this computer’s localhost', () => {
    expect(LINT_RULES.localhost(ctx({ redirectUri: 'http://localhost:8080/cb' }))).toMatchObject({
      severity: 'warning'
    })
    expect(LINT_RULES.localhost(GOOD)).toBeNull()
  })

  it('fragment: WeChat puts the code before the #, where a hash router does not look', () => {
    const found = LINT_RULES.fragment(ctx({ redirectUri: 'https://www.example.com/#/oauth' }))
    expect(found).toMatchObject({ severity: 'warning', field: 'redirectUri' })
    expect(found?.message.en).toContain('#/oauth')
    expect(LINT_RULES.fragment(GOOD)).toBeNull()
  })

  it('not-https: a warning, worded for test accounts too', () => {
    expect(LINT_RULES['not-https'](ctx({ redirectUri: 'http://www.example.com/cb' }))).toMatchObject({
      severity: 'warning'
    })
    const test = LINT_RULES['not-https'](
      ctx({ redirectUri: 'http://www.example.com/cb' }, { kind: 'test-account' })
    )
    expect(test?.fix.en).toContain('test account')
    expect(LINT_RULES['not-https'](GOOD)).toBeNull()
  })

  it('state-empty, state-charset and state-length (128 bytes, counted in UTF-8)', () => {
    expect(LINT_RULES['state-empty'](ctx({ state: '' }))).toMatchObject({
      severity: 'warning',
      field: 'state'
    })
    const charset = LINT_RULES['state-charset'](ctx({ state: 'order-42 ok' }))
    expect(charset).toMatchObject({ severity: 'error' })
    expect(charset?.message.en).toContain('- " "')
    expect(LINT_RULES['state-charset'](ctx({ state: 'ABCxyz019' }))).toBeNull()
    expect(LINT_RULES['state-length'](ctx({ state: 'a'.repeat(128) }))).toBeNull()
    expect(LINT_RULES['state-length'](ctx({ state: 'a'.repeat(129) }))?.message.en).toContain('129 bytes')
    expect(LINT_RULES['state-length'](ctx({ state: '状'.repeat(43) }))?.message.en).toContain('129 bytes')
  })

  it('userinfo-mini-program: Mini Programs have no 网页授权', () => {
    expect(LINT_RULES['userinfo-mini-program'](ctx({}, { kind: 'mini-program' }))).toMatchObject({
      field: 'scope'
    })
    expect(
      LINT_RULES['userinfo-mini-program'](ctx({ scope: 'snsapi_base' }, { kind: 'mini-program' }))
    ).toBeNull()
    expect(LINT_RULES['userinfo-mini-program'](GOOD)).toBeNull()
  })

  it('endpoint-scope: snsapi_login goes with qrconnect, and only it', () => {
    expect(LINT_RULES['endpoint-scope'](ctx({ scope: 'snsapi_login' }))?.message.en).toContain(
      '/connect/oauth2/authorize'
    )
    expect(LINT_RULES['endpoint-scope'](ctx({ endpoint: 'qrconnect' }))?.message.en).toContain(
      '/connect/qrconnect'
    )
    expect(LINT_RULES['endpoint-scope'](ctx({ scope: 'snsapi_login', endpoint: 'qrconnect' }))).toBeNull()
  })

  it('lists errors before warnings', () => {
    const severities = lintLink(ctx({ redirectUri: 'http://pay.example.com/#/x', state: 'a b' })).map(
      (f) => f.severity
    )
    expect(severities).toEqual([...severities].sort((a, b) => (a === b ? 0 : a === 'error' ? -1 : 1)))
    expect(severities[0]).toBe('error')
  })
})
