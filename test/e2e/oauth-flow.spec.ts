import { expect, test } from './fixtures'
import { approveOnPhone, OAuthWorkbench } from './pages/oauth'

// The OAuth workbench as a flow (issue 12, items 1 and 12): a fresh state per link with what became of it,
// results brought into view and announced, callouts that belong to the latest attempt, the whole link.

/** The redirect URL a phone lands on after approving `link` (the callback page itself does not exist). */
async function landingOf(oauth: OAuthWorkbench, link: string, user: string): Promise<string> {
  const phone = await oauth.page.context().newPage()
  const landing = phone.waitForRequest(
    (request) => request.isNavigationRequest() && /[?&]code=/.test(request.url())
  )
  await approveOnPhone(phone, link, user)
  const landed = (await landing).url()
  await phone.close()
  return landed
}

test('every link gets its own state; one typed back is replaced; a consumed state is marked used', async ({
  desk
}) => {
  const oauth = new OAuthWorkbench(desk.page)
  await oauth.open()
  await oauth.redirectUri.fill(`${new URL(desk.page.url()).origin}/wechat/callback`)
  await oauth.chooseScope('snsapi_base')

  const first = new URL(await oauth.buildLink()).searchParams.get('state') ?? ''
  // The field moves on to the next link's state at once.
  await expect(oauth.state).not.toHaveValue(first)
  await expect(oauth.state).toHaveValue(/^[A-Za-z0-9]{16}$/)
  const secondLink = await oauth.buildLink()
  const second = new URL(secondLink).searchParams.get('state') ?? ''
  expect(second).not.toBe(first)
  await expect(oauth.region.getByText(`State “${second}”: waiting for the redirect`)).toBeVisible()

  // Typed back by hand, an issued state is not issued again.
  await oauth.state.fill(first)
  const third = new URL(await oauth.buildLink()).searchParams.get('state') ?? ''
  expect(third).not.toBe(first)
  await expect(
    oauth.region.getByText(`State “${first}” was already issued for an earlier link (issued by this desk)`)
  ).toBeVisible()

  // The phone uses the third link: its state is consumed, and the link says so.
  await oauth.paste(await landingOf(oauth, await oauth.link.inputValue(), '李雷'))
  await expect(oauth.region.getByText(`State: ${third} — issued by this desk.`)).toBeVisible()
  await oauth.exchange()
  await expect(oauth.region.getByText(new RegExp(`State “${third}” was used by a redirect at`))).toBeVisible()
  await expect(oauth.fact('state')).toContainText(third)
})

test('a new authorization is scrolled into view, focused and announced; old callouts go with a new attempt', async ({
  desk
}) => {
  const oauth = new OAuthWorkbench(desk.page)
  await oauth.open()
  await oauth.redirectUri.fill(`${new URL(desk.page.url()).origin}/wechat/callback`)
  const landed = await landingOf(oauth, await oauth.buildLink(), '韩梅梅')

  // A code the emulator never issued: the exchange fails, with its callout.
  await oauth.paste(landed.replace(/code=[^&]+/, 'code=0123456789abcdef0123456789abcdef'))
  await oauth.exchange()
  const failed = oauth.region.getByRole('alert').filter({ hasText: '40029' })
  await expect(failed).toBeVisible()

  await oauth.paste(landed)
  await oauth.exchange()
  await expect(failed).toBeHidden()
  const heading = oauth.region.getByRole('heading', { name: '3 · Authorization' })
  await expect(heading).toBeFocused()
  await expect(heading).toBeInViewport()
  await expect(oauth.notice).toContainText(/Authorization received: openid o/)

  await oauth.region.getByRole('button', { name: 'Refresh user token' }).click()
  await expect(oauth.notice).toContainText(
    /User token refreshed at \d{2}:\d{2}:\d{2}: valid for \d:\d{2}:\d{2}\./
  )
})

test('the link check waits for its first answer; the whole link shows and opens in the browser', async ({
  desk
}) => {
  const oauth = new OAuthWorkbench(desk.page)
  await oauth.open()
  // Empty redirect URI: an error, never "No problems found".
  await expect(oauth.region.getByText('The redirect URI is empty')).toBeVisible()
  await expect(oauth.region.getByText('No problems found.')).toBeHidden()

  await oauth.redirectUri.fill('http://127.0.0.1:8080/oauth/callback')
  await expect(oauth.region.getByText('The redirect URI is empty')).toBeHidden()
  const link = await oauth.buildLink()
  // Every character on screen: the box grows with the link instead of scrolling inside it.
  const box = await oauth.link.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }))
  expect(box.scroll).toBeLessThanOrEqual(box.client)
  await oauth.region.getByRole('button', { name: 'Open in browser' }).click()
  await expect(oauth.region.getByText('Opened in the browser.')).toBeVisible()
  expect(desk.opener.opened).toEqual([link])
})
