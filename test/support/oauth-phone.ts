// Plays the phone in integration tests: opens an authorize link on the emulator, answers its consent page,
// and returns where WeChat would send the browser next. Plain fetch; redirects are not followed.

export interface ConsentPage {
  status: number
  headers: Headers
  html: string
  /** The consent form's ticket; null when the page is an error page. */
  ticket: string | null
}

export async function openAuthorizeLink(link: string): Promise<ConsentPage> {
  const response = await fetch(link)
  const html = await response.text()
  const ticket = /name="ticket" value="([^"]+)"/.exec(html)?.[1] ?? null
  return { status: response.status, headers: response.headers, html, ticket }
}

export async function answerConsent(
  link: string,
  ticket: string,
  answer: { user?: string; decision: 'allow' | 'deny' }
): Promise<Response> {
  const form = new URLSearchParams({ ticket, decision: answer.decision })
  if (answer.user) form.set('user', answer.user)
  return fetch(new URL('/connect/oauth2/consent', link), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    redirect: 'manual'
  })
}

/** Opens the link and approves as `user`; returns the redirect location (`redirect_uri?code=…&state=…`). */
export async function approve(link: string, user = 'li-lei'): Promise<string> {
  const page = await openAuthorizeLink(link)
  if (!page.ticket) throw new Error(`No consent page for ${link}: ${page.html.slice(0, 300)}`)
  const answer = await answerConsent(link, page.ticket, { user, decision: 'allow' })
  const location = answer.headers.get('location')
  if (answer.status !== 302 || !location)
    throw new Error(`Expected a 302 from the consent form, got ${answer.status}`)
  return location
}

/** A well-formed authorize link, in WeChat's order, for an emulator at `base`. */
export function authorizeLink(
  base: string,
  params: {
    appid: string
    redirectUri: string
    scope: string
    state: string
    endpoint?: 'authorize' | 'qrconnect'
  }
): string {
  const path = params.endpoint === 'qrconnect' ? '/connect/qrconnect' : '/connect/oauth2/authorize'
  return (
    `${base}${path}?appid=${params.appid}&redirect_uri=${encodeURIComponent(params.redirectUri)}` +
    `&response_type=code&scope=${params.scope}&state=${params.state}#wechat_redirect`
  )
}

export function codeOf(location: string): string {
  const code = new URL(location).searchParams.get('code')
  if (!code) throw new Error(`No code in ${location}`)
  return code
}
